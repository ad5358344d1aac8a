"""Read aloud with Qt's mock speech engine: Listen, language, stop on navigation and reset."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from kiosk.runtime.speech import DEFAULT_VOLUME, Reader, create_reader
from kiosk.session import Place, Screen, Session
from kiosk.settings import resources_dir
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import load_template
from kiosk.views.markdown import spoken_number
from tests.conftest import SHIPPED_CONTENT
from tests.ui.conftest import catalog_of


@pytest.fixture
def speaking_window(qtbot: QtBot, fonts_loaded: None, reader: Reader) -> KioskWindow:
    catalog = catalog_of(SHIPPED_CONTENT)
    window = KioskWindow(catalog, Session("en"), load_template(resources_dir()), reader)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window


def test_listen_is_on_every_screen_that_has_words(speaking_window: KioskWindow) -> None:
    """Every visitor screen reads itself from its view model, the list and home included."""
    listen = speaking_window.top_bar.listen
    assert listen.isVisible()  # home: the clinic and its tiles
    assert "Medication information" in speaking_window.current.speech_text()  # type: ignore[union-attr]
    for place in (
        Place(Screen.DRUG, "baclofen"),
        Place(Screen.CHECKLIST, "baclofen-pump"),
        Place(Screen.CALL),
        Place(Screen.DRUG_LIST),
    ):
        speaking_window.go(place)
        assert listen.isVisible(), place
    # the list says what the search shows
    assert "Baclofen" in speaking_window.current.speech_text()  # type: ignore[union-attr]


def test_listen_reads_the_page_in_the_visitors_language(
    qtbot: QtBot, speaking_window: KioskWindow, reader: Reader
) -> None:
    speaking_window.go(Place(Screen.DRUG, "baclofen"))
    qtbot.mouseClick(speaking_window.top_bar.listen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.speaking)
    assert speaking_window.top_bar.listen.text() == "Stop reading"
    assert reader.engine.locale().name().startswith("en")
    text = speaking_window.current.speech_text()  # type: ignore[union-attr]
    # A draft says so first, as its screen does, then the page from its title on.
    assert text.splitlines()[:2] == ["Draft: a clinician has not checked this yet.", "Baclofen"]
    assert "Get help right away" in text and "**" not in text
    qtbot.mouseClick(speaking_window.top_bar.listen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not reader.speaking)
    assert speaking_window.top_bar.listen.text() == "Listen"

    qtbot.mouseClick(speaking_window.top_bar.language, Qt.MouseButton.LeftButton)
    assert speaking_window.top_bar.listen.text() == "Escuchar"
    qtbot.mouseClick(speaking_window.top_bar.listen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.speaking)
    spanish = speaking_window.current.speech_text().splitlines()  # type: ignore[union-attr]
    assert spanish[:2] == [
        "Borrador: un profesional de la salud todavía no lo ha revisado.",
        "Baclofeno",
    ]


def test_voice_follows_the_language_when_the_engine_has_it(reader: Reader) -> None:
    # The mock engine has English, Norwegian and Finnish voices (no Spanish).
    reader.speak("Hei", "fi")
    assert reader.engine.locale().name() == "fi_FI"
    reader.speak("Hello", "en")
    assert reader.engine.locale().language() == reader.engine.locale().Language.English
    reader.speak("Hola", "es")  # no Spanish voice: keeps a working voice, does not fail
    assert reader.speaking


def test_navigation_stops_reading(
    qtbot: QtBot, speaking_window: KioskWindow, reader: Reader
) -> None:
    speaking_window.go(Place(Screen.CALL))
    qtbot.mouseClick(speaking_window.top_bar.listen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.speaking)
    qtbot.mouseClick(speaking_window.top_bar.home, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not reader.speaking)


def test_reset_stops_reading_and_restores_the_volume(
    qtbot: QtBot, speaking_window: KioskWindow, reader: Reader
) -> None:
    speaking_window.go(Place(Screen.DRUG, "baclofen"))
    reader.engine.setVolume(0.2)
    qtbot.mouseClick(speaking_window.top_bar.listen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.speaking)
    speaking_window.replace_session(Session("en"))
    qtbot.waitUntil(lambda: not reader.speaking)
    assert reader.engine.volume() == pytest.approx(DEFAULT_VOLUME)


def test_call_card_reads_the_number_digit_by_digit(speaking_window: KioskWindow) -> None:
    speaking_window.go(Place(Screen.CALL))
    text = speaking_window.current.speech_text()  # type: ignore[union-attr]
    assert "3 5 2, 7 7 1, 2 7 0 0" in text
    assert spoken_number("+1 (352) 771-2700") == "+ 1, 3 5 2, 7 7 1, 2 7 0 0"


def test_checklist_reading_says_what_is_ticked(qtbot: QtBot, speaking_window: KioskWindow) -> None:
    speaking_window.session.toggle("baclofen-pump", "high-fever")
    speaking_window.go(Place(Screen.CHECKLIST, "baclofen-pump"))
    text = speaking_window.current.speech_text()  # type: ignore[union-attr]
    assert "I have a high fever. (checked)" in text
    assert "(not checked)" in text


@pytest.mark.allow_log_warnings
def test_no_engine_means_no_button_and_one_warning(
    qtbot: QtBot, fonts_loaded: None, caplog: pytest.LogCaptureFixture
) -> None:
    assert create_reader("no-such-engine") is None
    assert [r.getMessage() for r in caplog.records if r.name == "kiosk.speech"] == [
        "read aloud is off: speech engine 'no-such-engine' is not available"
    ]
    window = KioskWindow(
        catalog_of(SHIPPED_CONTENT), Session("en"), load_template(resources_dir()), None
    )
    qtbot.addWidget(window)
    window.show()
    window.go(Place(Screen.DRUG, "baclofen"))
    assert not window.top_bar.listen.isVisible()


def test_mock_engine_is_the_one_under_test(reader: Reader) -> None:
    assert isinstance(reader.engine, QTextToSpeech)
    assert reader.engine.engine() == "mock"
