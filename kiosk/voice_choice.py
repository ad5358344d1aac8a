"""Which voice reads a language: a pure choice among a speech engine's (locale, voice) pairs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: Locales tried first for a bare language code, best first (the clinic is in the US:
#: American English, then the Spanish of the Americas before the Spanish of Spain).
PREFERRED_LOCALES: dict[str, tuple[str, ...]] = {
    "en": ("en_US", "en_CA", "en_GB"),
    "es": ("es_US", "es_MX", "es_419", "es_ES"),
}
#: Voices taken first inside a locale. speech-dispatcher's espeak-ng module lists
#: "English (Caribbean)" first under en_US, which is what setLocale alone gives.
PREFERRED_VOICES = frozenset({"English (America)", "Spanish (Latin America)"})
#: Names of the languages the kiosk ships, for messages.
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


@dataclass(frozen=True)
class VoiceOption:
    """One voice of an engine: its locale as Qt names it (``es_419``, ``en_US``) and its name."""

    locale: str
    name: str


def normalized(code: str) -> str:
    """A language code in Qt's locale form: ``pt-BR`` → ``pt_BR``, ``es`` → ``es``."""
    return code.strip().replace("-", "_")


def base_language(code: str) -> str:
    """The language part of a code or locale name: ``es_419`` → ``es`` (``C`` → ``c``)."""
    return normalized(code).split("_", 1)[0].lower()


def language_name(code: str) -> str:
    """``Spanish (es)`` for a known language, else the code itself."""
    name = LANGUAGE_NAMES.get(base_language(code))
    return f"{name} ({code})" if name else code


def _rank(wanted: str, option: VoiceOption, position: int) -> tuple[int, int, int, int, int]:
    preferred = PREFERRED_LOCALES.get(base_language(wanted), ())
    exact = 0 if option.locale == wanted else 1
    by_locale = preferred.index(option.locale) if option.locale in preferred else len(preferred)
    variant = 1 if "+" in option.name else 0  # espeak-ng's "Spanish (Spain)+Adam" and so on
    by_name = 0 if option.name in PREFERRED_VOICES else 1
    return exact, by_locale, variant, by_name, position


def voices_for(language: str, options: Sequence[VoiceOption]) -> list[VoiceOption]:
    """The voices of ``options`` that speak ``language``, best first."""
    wanted = normalized(language)
    matching = [
        (position, option)
        for position, option in enumerate(options)
        if base_language(option.locale) == base_language(wanted)
    ]
    matching.sort(key=lambda item: _rank(wanted, item[1], item[0]))
    return [option for _, option in matching]


def choose_voice(language: str, options: Sequence[VoiceOption]) -> VoiceOption | None:
    """The voice to read ``language`` with, or None when no voice speaks it."""
    ranked = voices_for(language, options)
    return ranked[0] if ranked else None


def missing_languages(languages: Iterable[str], options: Sequence[VoiceOption]) -> list[str]:
    """The ``languages`` that no voice of ``options`` speaks, in order."""
    return [code for code in languages if choose_voice(code, options) is None]


def describe_choice(languages: Iterable[str], options: Sequence[VoiceOption]) -> str:
    """``en: English (America), en_US · es: Spanish (Latin America), es_419`` (or ``no voice``)."""
    parts = []
    for code in languages:
        chosen = choose_voice(code, options)
        parts.append(f"{code}: {chosen.name}, {chosen.locale}" if chosen else f"{code}: no voice")
    return " · ".join(parts)
