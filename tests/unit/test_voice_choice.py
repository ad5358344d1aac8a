"""Which voice reads a language (kiosk.voice_choice), on the lists real engines give."""

from __future__ import annotations

import subprocess
import sys

from kiosk.voice_choice import (
    VoiceOption,
    choose_voice,
    describe_choice,
    language_name,
    missing_languages,
    voices_for,
)

#: What speech-dispatcher 0.11.4 with espeak-ng 1.51 (Debian 12) lists for English and
#: Spanish, in its order (QTextToSpeech("speechd"); each locale's first voice is what
#: setLocale alone would take).
SPEECHD = [
    VoiceOption(locale, name)
    for locale, name in [
        ("es_419", "Spanish (Latin America)"),
        ("es_419", "Spanish (Latin America)+Adam"),
        ("en_US", "English (Caribbean)"),
        ("en_US", "English (Caribbean)+Adam"),
        ("en_US", "English (America)"),
        ("en_US", "English (America)+Adam"),
        ("en_US", "English (America, New York City)"),
        ("es_ES", "Spanish (Spain)"),
        ("es_ES", "Spanish (Spain)+Adam"),
        ("en_GB", "English (Great Britain)"),
        ("en_GB", "English (Scotland)"),
        ("eu_ES", "Basque"),
        ("C", "Bishnupriya Manipuri"),
    ]
]
#: Qt's mock engine: English, Norwegian and Finnish, no Spanish.
MOCK = [
    VoiceOption(locale, name)
    for locale, name in [
        ("en_GB", "Bob"),
        ("en_GB", "Anne"),
        ("en_US", "Charly"),
        ("en_US", "Mary"),
        ("nb_NO", "Eivind"),
        ("nn_NO", "Kjersti"),
        ("fi_FI", "Kari"),
    ]
]


def test_spanish_is_read_by_the_spanish_of_the_americas() -> None:
    assert choose_voice("es", SPEECHD) == VoiceOption("es_419", "Spanish (Latin America)")


def test_english_is_american_english_not_the_locales_first_voice() -> None:
    # setLocale(en_US) alone gives "English (Caribbean)", the first en_US voice.
    assert choose_voice("en", SPEECHD) == VoiceOption("en_US", "English (America)")


def test_a_locale_asked_for_by_name_comes_first() -> None:
    assert choose_voice("es-ES", SPEECHD) == VoiceOption("es_ES", "Spanish (Spain)")
    assert choose_voice("en_GB", SPEECHD) == VoiceOption("en_GB", "English (Great Britain)")


def test_locale_first_then_base_voices_before_variants_only_the_language() -> None:
    ranked = voices_for("es", SPEECHD)
    assert [option.name for option in ranked] == [
        "Spanish (Latin America)",
        "Spanish (Latin America)+Adam",
        "Spanish (Spain)",
        "Spanish (Spain)+Adam",
    ]
    assert voices_for("en", SPEECHD)[:2] == [
        VoiceOption("en_US", "English (America)"),
        VoiceOption("en_US", "English (Caribbean)"),
    ]
    assert VoiceOption("eu_ES", "Basque") not in ranked  # a Spanish territory, not Spanish


def test_the_mock_engine_has_no_spanish() -> None:
    assert choose_voice("es", MOCK) is None
    assert choose_voice("en", MOCK) == VoiceOption("en_US", "Charly")
    assert choose_voice("fi", MOCK) == VoiceOption("fi_FI", "Kari")
    assert missing_languages(["en", "es", "fi"], MOCK) == ["es"]
    assert missing_languages(["en", "es"], []) == ["en", "es"]


def test_an_unknown_language_keeps_the_engines_order() -> None:
    options = [VoiceOption("pt_PT", "Portuguese"), VoiceOption("pt_BR", "Brazil")]
    assert choose_voice("pt", options) == options[0]
    assert choose_voice("pt-BR", options) == options[1]


def test_the_locale_c_is_no_language() -> None:
    assert choose_voice("c", [VoiceOption("C", "Bishnupriya Manipuri")]) is not None
    assert missing_languages(["en"], [VoiceOption("C", "Bishnupriya Manipuri")]) == ["en"]


def test_descriptions_for_staff_and_check() -> None:
    assert describe_choice(["en", "es"], SPEECHD) == (
        "en: English (America), en_US · es: Spanish (Latin America), es_419"
    )
    assert describe_choice(["en", "es"], MOCK) == "en: Charly, en_US · es: no voice"
    assert language_name("es") == "Spanish (es)"
    assert language_name("fr") == "fr"


def test_the_choice_never_imports_qt() -> None:
    code = "import sys, kiosk.voice_choice; print('PySide6' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
