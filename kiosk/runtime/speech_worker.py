"""The read-aloud child process: owns the speech engine, takes JSON lines on stdin.

Making or using a speech-dispatcher engine can block inside Qt's plugin while holding
Python's interpreter lock, and a hung speech service then froze the whole kiosk (measured:
no frame, no timer, no touch for as long as it hung). In a child of its own the engine can
hang without stopping a single frame: the kiosk (runtime.speech.SpeechProcess) stops
waiting and starts a new child.

Commands, one JSON object a line: ``{"say": text, "language": code, "n": number}``,
``{"stop": true}``, ``{"reset": true}``, ``{"volume": 0.0-1.0}``, ``{"ping": n}``,
``{"voices": [codes]}``. Answers: ``{"ready": true}`` once the engine works,
``{"speaking": bool, "n": number of the utterance}``, ``{"pong": n}``,
``{"engine": name, "voices": [[locale, voice], ...]}``, ``{"failed": why}``.
Nothing spoken is written anywhere but to the engine.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kiosk.runtime.speech import create_reader
from kiosk.runtime.voices import engine_voices

#: How the kiosk starts the child (the frozen app is its own interpreter).
WORKER_FLAG = "--speech-worker"


def worker_command() -> list[str]:
    """The child's command line, for the source tree and the frozen app alike."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "run", WORKER_FLAG]
    return [sys.executable, "-m", "kiosk", "run", WORKER_FLAG]


class _Lines(QObject):
    """stdin's lines, read on a thread and handed to the main thread as signals."""

    line = Signal(str)
    ended = Signal()

    def read(self, stream: TextIO) -> None:
        for text in stream:
            self.line.emit(text)
        self.ended.emit()


def _send(message: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def worker_main(engine_name: str | None) -> int:
    """Run the child until stdin closes; 1 when no engine can be made."""
    app = QCoreApplication.instance() or QCoreApplication([])
    reader = create_reader(engine_name)
    if reader is None:
        _send({"failed": "no working speech engine"})
        return 1
    #: The number of the utterance being spoken (the kiosk ignores news of older ones).
    said = [0]
    reader.speaking_changed.connect(
        lambda speaking: _send({"speaking": bool(speaking), "n": said[0]})
    )
    reader.failed.connect(lambda why: _send({"failed": str(why)}))

    def handle(text: str) -> None:
        try:
            command = json.loads(text)
        except ValueError:
            return
        if not isinstance(command, dict):
            return
        if "say" in command:
            said[0] = int(command.get("n", 0))
            reader.speak(str(command["say"]), str(command.get("language", "en")))
        elif "stop" in command:
            reader.stop()
        elif "reset" in command:
            reader.reset()
        elif "volume" in command:
            reader.engine.setVolume(float(command["volume"]))
        elif "ping" in command:
            _send({"pong": command["ping"]})
        elif "voices" in command:
            languages = [str(code) for code in command["voices"]]
            voices = engine_voices(reader.engine, languages)
            _send(
                {
                    "engine": reader.engine.engine(),
                    "voices": [[voice.locale, voice.name] for voice in voices],
                }
            )

    lines = _Lines()
    lines.line.connect(handle)
    lines.ended.connect(app.quit)
    threading.Thread(target=lines.read, args=(sys.stdin,), daemon=True).start()
    _send({"ready": True})
    app.exec()
    reader.stop()
    return 0
