"""Read aloud (Qt glue): QtTextToSpeech in the visitor's language, when an engine exists."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, Signal

log = logging.getLogger("kiosk.speech")

#: Volume every visitor starts with (Section 508 1194.25(f): reset after each use).
DEFAULT_VOLUME = 0.8


class Reader(QObject):
    """Speaks text; ``speaking_changed`` tells the Listen button what to show."""

    speaking_changed = Signal(bool)

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
    def speaking(self) -> bool:
        """True while reading."""
        return self.engine.state() in (self._states.Speaking, self._states.Synthesizing)

    def speak(self, text: str, language: str) -> None:
        """Read ``text`` with a voice for ``language`` when the engine has one."""
        wanted = QLocale(language).language()
        voices = [loc for loc in self.engine.availableLocales() if loc.language() == wanted]
        if voices:
            exact = [loc for loc in voices if loc.name().startswith(language)]
            self.engine.setLocale((exact or voices)[0])
        else:
            log.info(
                "no %s voice in this speech engine; using %s", language, self.engine.locale().name()
            )
        self.engine.say(text)

    def stop(self) -> None:
        """Stop reading at once."""
        self.engine.stop()

    def reset(self) -> None:
        """Stop and return to the default volume and rate (a new visitor)."""
        self.engine.stop()
        self.engine.setVolume(DEFAULT_VOLUME)
        self.engine.setRate(0.0)

    def _state(self, _state: object) -> None:
        self.speaking_changed.emit(self.speaking)


def create_reader(engine_name: str | None = None) -> Reader | None:
    """A Reader on ``engine_name`` (None: the platform's default), or None.

    None means no speech engine works here: the Listen button stays hidden and one
    warning is logged.
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
    engine = QTextToSpeech(engine_name)
    if engine.state() == QTextToSpeech.State.Error:
        log.warning(
            "read aloud is off: speech engine %r failed: %s", engine_name, engine.errorString()
        )
        return None
    return Reader(engine)
