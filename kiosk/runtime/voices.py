"""A speech engine's voices (Qt glue): list them, put the chosen one on, and the check's probe.

QTextToSpeech lists voices only for its current locale, so listing a language's voices sets
each of its locales in turn; setLocale alone takes the locale's first voice (on
speech-dispatcher, "English (Caribbean)" for en_US), so the chosen voice is set after it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kiosk.voice_choice import VoiceOption, base_language, choose_voice

if TYPE_CHECKING:  # QtTextToSpeech may fail to load (a missing library): imported when used
    from PySide6.QtCore import QLocale
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

    Candidate = tuple[QLocale, QVoice]


def _candidates(engine: QTextToSpeech, languages: Iterable[str] | None) -> list[Candidate]:
    """Every (locale, voice) of ``engine`` for ``languages`` (None: all); changes its locale."""
    wanted = None if languages is None else {base_language(code) for code in languages}
    found: list[Candidate] = []
    for locale in engine.availableLocales():
        if wanted is not None and base_language(locale.name()) not in wanted:
            continue
        engine.setLocale(locale)
        found += [(locale, voice) for voice in engine.availableVoices()]
    return found


def _option(candidate: Candidate) -> VoiceOption:
    return VoiceOption(candidate[0].name(), candidate[1].name())


def engine_voices(
    engine: QTextToSpeech, languages: Iterable[str] | None = None
) -> list[VoiceOption]:
    """The voices of ``engine`` for ``languages`` (None: all); its locale and voice are kept."""
    locale, voice = engine.locale(), engine.voice()
    try:
        return [_option(candidate) for candidate in _candidates(engine, languages)]
    finally:
        engine.setLocale(locale)
        engine.setVoice(voice)


def use_voice(engine: QTextToSpeech, language: str) -> VoiceOption | None:
    """Put on ``engine`` the voice chosen for ``language``; None (nothing changed) if none."""
    locale, voice = engine.locale(), engine.voice()
    candidates = _candidates(engine, [language])
    chosen = choose_voice(language, [_option(candidate) for candidate in candidates])
    if chosen is None:
        engine.setLocale(locale)
        engine.setVoice(voice)
        return None
    best = next(candidate for candidate in candidates if _option(candidate) == chosen)
    engine.setLocale(best[0])
    engine.setVoice(best[1])
    return chosen


def _made(engine_name: str | None) -> tuple[QTextToSpeech | None, dict[str, Any]]:
    """The engine ``engine_name`` (None: the first real one) and what to report about it."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    engines = QTextToSpeech.availableEngines()
    if engine_name is None:
        real = [name for name in engines if name != "mock"]
        if not real:
            return None, {"error": "no speech engine (install speech-dispatcher)"}
        engine_name = real[0]
    if engine_name not in engines:
        return None, {"error": f"speech engine {engine_name!r} is not available"}
    engine = QTextToSpeech(engine_name)
    if engine.state() == QTextToSpeech.State.Error:
        why = engine.errorString() or "it reports an error"
        return None, {
            "engine": engine_name,
            "error": f"speech engine {engine_name!r} failed: {why}",
        }
    return engine, {"engine": engine_name}


def probe_main(engine_name: str | None) -> int:
    """`kiosk check`'s child: make the engine, read the languages (one stdin line), print JSON.

    The engine is made first, while the parent loads the content; making it is what may hang.
    """
    try:
        engine, report = _made(engine_name)
    except ImportError as error:
        from kiosk.system_packages import missing_library_hint

        engine, report = (
            None,
            {"error": f"QtTextToSpeech cannot load: {missing_library_hint(error)}"},
        )
    languages = sys.stdin.readline().split()
    if engine is not None:
        report["voices"] = [[o.locale, o.name] for o in engine_voices(engine, languages)]
    print(json.dumps(report), flush=True)
    return 0
