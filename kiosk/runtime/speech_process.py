"""Read aloud through a child process (runtime.speech_worker): never in the screen's way.

The kiosk only writes commands to the child and reads its answers as they come (QProcess,
no waiting), so an engine that takes seconds to start, or a speech service that hangs
for ever, never stops a frame. A child that does not say it is ready within ``timeout_s``,
or stops answering pings, or exits, is killed and started again after the next wait.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kiosk.runtime.speech import DEFAULT_VOLUME, QUIETEST, RETRY_AFTER_S, VOLUME_STEP
from kiosk.voice_choice import VoiceOption

log = logging.getLogger("kiosk.speech")

#: A ready child must answer a ping within this long, or it is taken for hung.
PING_EVERY_S = 10.0
PONG_WITHIN_S = 5.0
#: How long a child may take to make its engine (making speechd's takes 1.4 to 2 s).
START_TIMEOUT_S = 15.0


class SpeechProcess(QObject):
    """The Speech interface (speak, stop, reset, volume) served by a child process."""

    speaking_changed = Signal(bool)
    available_changed = Signal(bool)

    def __init__(
        self,
        command: Sequence[str],
        *,
        languages: Sequence[str] = (),
        timeout_s: float = START_TIMEOUT_S,
        retry_s: Sequence[float] = RETRY_AFTER_S,
        ping_s: float = PING_EVERY_S,
        pong_s: float = PONG_WITHIN_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._command = list(command)
        self._languages = list(languages)
        #: The engine's name and its voices for ``languages`` (for the staff panel), once
        #: the child has said.
        self.engine_name = ""
        self.voices: list[VoiceOption] | None = None
        self._retry_s = tuple(retry_s)
        self._failures = 0
        self.attempts = 0
        self._ready = False
        self._speaking = False
        self._volume = DEFAULT_VOLUME
        self._pings = 0
        #: The number of the newest utterance: news of an older one arrives late, and a
        #: stale "speaking" must not look like the start of the new one.
        self._said = 0
        self._buffer = b""
        self._process: QProcess | None = None
        self._waiting = self._timer(timeout_s, self._gave_up)
        self._retry = self._timer(0, self.start)
        self._ping = self._timer(ping_s, self._send_ping, repeat=True)
        self._pong = self._timer(pong_s, self._no_pong)

    def _timer(self, seconds: float, slot: object, *, repeat: bool = False) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(not repeat)
        timer.setInterval(round(seconds * 1000))
        timer.timeout.connect(slot)
        return timer

    # -- the Speech interface -----------------------------------------------------------

    @property
    def available(self) -> bool:
        """True while a child with a working engine is ready."""
        return self._ready

    @property
    def speaking(self) -> bool:
        """True while the child says it is speaking."""
        return self._ready and self._speaking

    @property
    def volume(self) -> float:
        """The voice's volume, 0.0 to 1.0."""
        return self._volume

    def speak(self, text: str, language: str) -> None:
        """Read ``text`` in ``language`` (nothing while no child is ready)."""
        self._said += 1
        self._send({"say": text, "language": language, "n": self._said})

    def stop(self) -> None:
        """Stop reading at once."""
        self._send({"stop": True})

    def reset(self) -> None:
        """Stop, and back to the default volume and rate (a new visitor)."""
        self._volume = DEFAULT_VOLUME
        self._send({"reset": True})

    def change_volume(self, steps: int) -> float:
        """Louder (``steps`` > 0) or softer, within QUIETEST and 1.0; the new volume."""
        wanted = round(self._volume + steps * VOLUME_STEP, 2)
        self._volume = min(1.0, max(QUIETEST, wanted))
        self._send({"volume": self._volume})
        return self._volume

    # -- the child's life ---------------------------------------------------------------

    def start(self) -> None:
        """Start a child (returns at once); it says when it is ready."""
        if self._process is not None:
            return
        self.attempts += 1
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self._process, self._buffer = process, b""
        self._waiting.start()
        process.start(self._command[0], self._command[1:])

    def shutdown(self) -> None:
        """Stop the child and every timer (on exit)."""
        for timer in (self._waiting, self._retry, self._ping, self._pong):
            timer.stop()
        self._drop(why="", wait=True)

    def _send(self, message: dict[str, object]) -> None:
        if self._ready and self._process is not None:
            self._process.write((json.dumps(message) + "\n").encode())

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        self._buffer += bytes(process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict):
                self._answer(message)

    def _answer(self, message: dict[str, object]) -> None:
        if message.get("ready"):
            self._waiting.stop()
            self._ready, self._failures = True, 0
            self._send({"volume": self._volume})
            if self._languages:
                self._send({"voices": self._languages})
            self._ping.start()
            log.info("read aloud is on (try %d, in its own process)", self.attempts)
            self.available_changed.emit(True)
        elif "speaking" in message:
            if message.get("n", self._said) != self._said:
                return  # about an utterance already replaced
            self._speaking = bool(message["speaking"])
            self.speaking_changed.emit(self._speaking)
        elif "pong" in message:
            self._pong.stop()
        elif "voices" in message and isinstance(message["voices"], list):
            self.engine_name = str(message.get("engine", ""))
            self.voices = [VoiceOption(str(v[0]), str(v[1])) for v in message["voices"]]
        elif "failed" in message:
            self._drop(why=f"the speech engine failed: {message['failed']}")

    def _send_ping(self) -> None:
        self._pings += 1
        self._send({"ping": self._pings})
        if not self._pong.isActive():
            self._pong.start()

    def _no_pong(self) -> None:
        self._drop(why=f"the speech process stopped answering for {self._pong.interval()} ms")

    def _gave_up(self) -> None:
        seconds = self._waiting.interval() / 1000
        self._drop(why=f"the speech engine did not start within {seconds:g} s")

    def _finished(self, code: int, _status: object) -> None:
        if self._process is not None:
            self._drop(why=f"the speech process ended (exit code {code})")

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._drop(why="the speech process could not start")

    def _drop(self, *, why: str, wait: bool = False) -> None:
        """Kill the child; with a reason, say so and try again after the next wait.

        ``wait``: on exit, wait (a moment) for the killed child to end.
        """
        process, self._process = self._process, None
        was_ready, self._ready = self._ready, False
        self._waiting.stop()
        self._ping.stop()
        self._pong.stop()
        if process is not None:
            for signal in (
                process.finished,
                process.errorOccurred,
                process.readyReadStandardOutput,
            ):
                signal.disconnect()
            if process.state() == QProcess.ProcessState.NotRunning:
                process.deleteLater()  # (ended, or never started: no finished to come)
            else:
                # Deleted once it has ended (never waited for here: the screen goes on).
                process.finished.connect(process.deleteLater)
                process.kill()
                if wait:
                    process.waitForFinished(1000)
        if was_ready:
            self._speaking = False
            self.available_changed.emit(False)
            self.speaking_changed.emit(False)
        if why:
            after = self._retry_s[min(self._failures, len(self._retry_s) - 1)]
            self._failures += 1
            log.warning("read aloud is off: %s; trying again in %g s", why, after)
            self._retry.start(round(after * 1000))
