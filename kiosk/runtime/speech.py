"""Read aloud (Qt glue): QtTextToSpeech in the visitor's language, never in the visitor's way.

Making a speech-dispatcher engine blocks for seconds (``spd_open``), and forever when the
speech service hangs (a PC with no working audio device). So the kiosk makes it on a worker
thread after its first frame (`SpeechService`), waits for it at most ``timeout_s``, carries on
without read aloud meanwhile, and tries again later; an engine that fails while in use is
dropped and remade the same way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Union

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from kiosk.runtime.speech_process import SpeechProcess

log = logging.getLogger("kiosk.speech")

#: Volume every visitor starts with (Section 508 1194.25(f): reset after each use).
DEFAULT_VOLUME = 0.8
#: Louder and Softer move the volume by this much, between the quietest and 1.0.
VOLUME_STEP = 0.1
QUIETEST = 0.3
#: How long an engine may take to come up before the kiosk stops waiting for it.
START_TIMEOUT_S = 15.0
#: Waits before each new try after a failure or a hang (the last one repeats).
RETRY_AFTER_S = (30.0, 120.0, 600.0)

EngineFactory = Callable[[], QObject]


class Reader(QObject):
    """Speaks text on a working engine; ``speaking_changed`` tells the Listen button what to show.

    ``failed`` fires once if the engine stops working (its state turns to Error).
    """

    speaking_changed = Signal(bool)
    available_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, engine: object) -> None:
        super().__init__()
        from PySide6.QtTextToSpeech import QTextToSpeech

        assert isinstance(engine, QTextToSpeech)
        self.engine = engine
        self.engine.setParent(self)
        self._states = QTextToSpeech.State
        self.engine.stateChanged.connect(self._state)
        self.reset()

    @property
    def available(self) -> bool:
        """A Reader always has a working engine (SpeechService's may come and go)."""
        return True

    @property
    def speaking(self) -> bool:
        """True while reading."""
        return self.engine.state() in (self._states.Speaking, self._states.Synthesizing)

    def speak(self, text: str, language: str) -> None:
        """Read ``text`` with the voice chosen for ``language`` (kiosk.voice_choice), if any."""
        from kiosk.runtime.voices import use_voice

        if use_voice(self.engine, language) is None:
            log.info(
                "no %s voice in this speech engine; using %s", language, self.engine.voice().name()
            )
        self.engine.say(text)

    def stop(self) -> None:
        """Stop reading at once."""
        self.engine.stop()

    @property
    def volume(self) -> float:
        """The voice's volume, 0.0 to 1.0."""
        return float(self.engine.volume())

    def change_volume(self, steps: int) -> float:
        """Louder (``steps`` > 0) or softer, within QUIETEST and 1.0; the new volume."""
        wanted = round(self.volume + steps * VOLUME_STEP, 2)
        self.engine.setVolume(min(1.0, max(QUIETEST, wanted)))
        return self.volume

    def reset(self) -> None:
        """Stop and return to the default volume and rate (a new visitor)."""
        self.engine.stop()
        self.engine.setVolume(DEFAULT_VOLUME)
        self.engine.setRate(0.0)

    def _state(self, state: object) -> None:
        if state == self._states.Error:
            self.failed.emit(self.engine.errorString() or "the speech engine failed")
        self.speaking_changed.emit(self.speaking)


def engine_factory(engine_name: str | None = None) -> EngineFactory | None:
    """What makes the engine ``engine_name`` (None: the platform's first real one), or None.

    Listing the engines only reads plugin metadata (fast); making one is what may block.
    None means no speech engine exists here: read aloud stays off and one warning is logged.
    """
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        from kiosk.system_packages import missing_library_hint

        log.warning(
            "read aloud is off: QtTextToSpeech cannot load: %s", missing_library_hint(error)
        )
        return None
    engines = QTextToSpeech.availableEngines()
    if engine_name is None:
        real = [name for name in engines if name != "mock"]
        if not real:
            log.warning("read aloud is off: no speech engine (install speech-dispatcher)")
            return None
        engine_name = real[0]
    if engine_name not in engines:
        log.warning("read aloud is off: speech engine %r is not available", engine_name)
        return None
    name = engine_name
    return lambda: QTextToSpeech(name)


def _working(engine: QObject) -> str:
    """Why ``engine`` cannot be used ('' when it can)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if not isinstance(engine, QTextToSpeech):
        return f"not a speech engine: {type(engine).__name__}"
    if engine.state() == QTextToSpeech.State.Error:
        return engine.errorString() or "the engine reports an error"
    return ""


def create_reader(engine_name: str | None = None) -> Reader | None:
    """A Reader made here and now (blocking): for tests, previews and the mock engine."""
    factory = engine_factory(engine_name)
    if factory is None:
        return None
    engine = factory()
    why = _working(engine)
    if why:
        log.warning("read aloud is off: speech engine %r failed: %s", engine_name, why)
        return None
    return Reader(engine)


class SpeechService(QObject):
    """Read aloud made on a worker thread of this process (previews and tests).

    `kiosk run` uses runtime.speech_process.SpeechProcess instead: a real engine that hangs
    inside Qt's plugin holds Python's interpreter lock, which a thread cannot escape.

    ``start()`` makes the engine on a worker thread; until it is ready, or after it fails,
    ``available`` is False (the Listen button hides) and every call is a no-op. A try that
    takes longer than ``timeout_s`` is given up (its thread is left to finish or hang on its
    own; a late engine is thrown away) and tried again after the next wait of ``retry_s``.
    """

    speaking_changed = Signal(bool)
    available_changed = Signal(bool)
    #: From the worker thread (queued to this object's thread): try number, engine, error.
    _made = Signal(int, object, str)

    def __init__(
        self,
        factory: EngineFactory,
        *,
        timeout_s: float = START_TIMEOUT_S,
        retry_s: Sequence[float] = RETRY_AFTER_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._factory = factory
        self._timeout_ms = round(timeout_s * 1000)
        self._retry_s = tuple(retry_s)
        self.reader: Reader | None = None
        self.attempts = 0
        self._failures = 0
        self._waiting = QTimer(self)
        self._waiting.setSingleShot(True)
        self._waiting.timeout.connect(self._gave_up)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.start)
        self._made.connect(self._arrived)

    @property
    def available(self) -> bool:
        """True while a working engine is ready."""
        return self.reader is not None

    @property
    def speaking(self) -> bool:
        """True while reading."""
        return self.reader is not None and self.reader.speaking

    def start(self) -> None:
        """Begin one try to make the engine, off this thread; returns at once."""
        if self.reader is not None or self._waiting.isActive():
            return
        self.attempts += 1
        attempt = self.attempts
        self._waiting.start(self._timeout_ms)
        thread = threading.Thread(
            target=self._make, args=(attempt,), name=f"speech-engine-{attempt}", daemon=True
        )
        thread.start()

    def speak(self, text: str, language: str) -> None:
        """Read ``text`` (nothing while no engine is ready)."""
        if self.reader is not None:
            self.reader.speak(text, language)

    def stop(self) -> None:
        """Stop reading at once."""
        if self.reader is not None:
            self.reader.stop()

    @property
    def volume(self) -> float:
        """The voice's volume (the default while no engine is ready)."""
        return self.reader.volume if self.reader is not None else DEFAULT_VOLUME

    def change_volume(self, steps: int) -> float:
        """Louder or softer (see Reader.change_volume); the new volume."""
        return self.reader.change_volume(steps) if self.reader is not None else DEFAULT_VOLUME

    def reset(self) -> None:
        """Stop and return to the default volume and rate (a new visitor)."""
        if self.reader is not None:
            self.reader.reset()

    def shutdown(self) -> None:
        """Stop trying (on exit)."""
        self._waiting.stop()
        self._retry.stop()

    # -- the worker thread ----------------------------------------------------------------

    def _make(self, attempt: int) -> None:
        """Runs on the worker thread: make the engine and hand it to this object's thread."""
        try:
            engine = self._factory()
            why = _working(engine)
            engine.moveToThread(self.thread())
        except Exception as error:  # a plugin's failure must not become a crash
            self._made.emit(attempt, None, f"{type(error).__name__}: {error}")
            return
        self._made.emit(attempt, engine, why)

    # -- back on this object's thread -----------------------------------------------------

    def _arrived(self, attempt: int, engine: QObject | None, why: str) -> None:
        current = attempt == self.attempts and self._waiting.isActive()
        if not current or why or engine is None:
            if engine is not None:
                engine.deleteLater()
            if current:
                self._waiting.stop()
                self._failed(why or "no engine was made")
            return
        self._waiting.stop()
        self._failures = 0
        self.reader = Reader(engine)
        self.reader.setParent(self)
        self.reader.speaking_changed.connect(self.speaking_changed)
        self.reader.failed.connect(self._lost)
        log.info("read aloud is on (try %d)", attempt)
        self.available_changed.emit(True)

    def _gave_up(self) -> None:
        self._failed(f"the speech engine did not start within {self._timeout_ms / 1000:g} s")

    def _lost(self, why: str) -> None:
        reader, self.reader = self.reader, None
        if reader is not None:
            reader.deleteLater()
        self.available_changed.emit(False)
        self.speaking_changed.emit(False)
        self._failed(why)

    def _failed(self, why: str) -> None:
        wait = self._retry_s[min(self._failures, len(self._retry_s) - 1)]
        self._failures += 1
        log.warning("read aloud is off: %s; trying again in %g s", why, wait)
        self._retry.start(round(wait * 1000))


#: What the window reads aloud through: a ready Reader (tests, previews), a SpeechService
#: that makes one here, or runtime.speech_process.SpeechProcess (what `kiosk run` uses: the
#: engine in a child process, so a hung speech service cannot freeze the screen).
Speech = Union[Reader, SpeechService, "SpeechProcess"]
