"""Audio mode, as a visitor who cannot see the screen uses it: by touch and by keys alone.

Qt's mock speech engine speaks (it changes state as a real one does); what the engine is
asked to say is recorded at its ``say``.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.runtime.speech import DEFAULT_VOLUME, Reader, SpeechService
from kiosk.session import ATTRACT, HOME, Place, Screen, Session
from kiosk.settings import resources_dir
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.checklist import ChecklistScreen
from kiosk.ui.screens.drug_list import DrugListScreen
from kiosk.ui.screens.drug_page import DrugPageScreen
from kiosk.ui.screens.result import ResultScreen
from kiosk.ui.theme import load_template
from kiosk.ui.widgets.touch_button import TouchButton
from tests.conftest import SHIPPED_CONTENT
from tests.ui.conftest import Heard, catalog_of, tab_to, tap

#: The urgent sign ticked on the way (baclofen by mouth: a seizure is an emergency sign).
URGENT_ITEM = "seizure"


@pytest.fixture
def heard(reader: Reader) -> Heard:
    return Heard(reader)


@pytest.fixture
def kiosk(qtbot: QtBot, fonts_loaded: None, reader: Reader) -> KioskWindow:
    window = KioskWindow(
        catalog_of(SHIPPED_CONTENT),
        Session("en", ATTRACT),
        load_template(resources_dir()),
        reader,
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def twice(qtbot: QtBot, widget: QWidget, heard: Heard, *, pos: QPoint | None = None) -> str:
    """Touch once (it is said, nothing happens), then again (it is used); what was said."""
    tap(qtbot, widget, pos)
    said = heard.last(qtbot)
    assert "Touch again" in said or "Toque otra vez" in said, said
    tap(qtbot, widget, pos)
    return said


def button(window: KioskWindow, text: str) -> TouchButton:
    """The visible button on the current screen whose label contains ``text``."""
    assert window.current is not None
    found = [
        b for b in window.current.findChildren(TouchButton) if text in b.text() and b.isVisible()
    ]
    assert found, f"no button {text!r}"
    return found[0]


def test_a_first_touch_says_what_a_control_does_and_the_second_uses_it(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard
) -> None:
    kiosk.go(HOME)
    kiosk.toggle_audio()
    tile = button(kiosk, "Medication information")
    tap(qtbot, tile)
    said = heard.last(qtbot)
    assert said.startswith("Medication information. button. What a medicine is for")
    assert said.endswith("Touch again to use it.")
    assert kiosk.session.place == HOME  # nothing happened yet
    tap(qtbot, tile)
    assert kiosk.session.place.screen is Screen.DRUG_LIST


def test_without_audio_mode_a_touch_acts_at_once(qtbot: QtBot, kiosk: KioskWindow) -> None:
    kiosk.go(HOME)
    tap(qtbot, button(kiosk, "Medication information"))
    assert kiosk.session.place.screen is Screen.DRUG_LIST


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_whole_visit_by_touch(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard, reader: Reader, language: str
) -> None:
    spanish = language == "es"
    attract = kiosk.current
    assert isinstance(attract, AttractScreen)
    assert "Audio" in attract.audio.text() and "Audio" in attract.audio.accessibleName()
    tap(qtbot, attract.audio)  # audio mode is off until now: one touch turns it on
    said = heard.last(qtbot)
    assert kiosk.session.audio and kiosk.session.place == HOME
    assert said.startswith("Audio mode is on. Touch anything once to hear what it is")
    assert "Recovery Clinic" in said  # then Home's heading
    assert "Audio" in kiosk.top_bar.audio.text()

    if spanish:
        twice(qtbot, kiosk.top_bar.language, heard)
        said = heard.last(qtbot)
        assert kiosk.session.language == "es"
        assert heard.languages[-1] == "es"
        assert "Clínica" in said or "Toque Escuchar" in said, said
        assert kiosk.top_bar.audio.text().startswith("Audio")  # the same word in Spanish

    said = twice(qtbot, button(kiosk, "Informaci" if spanish else "Medication information"), heard)
    list_screen = kiosk.current
    assert isinstance(list_screen, DrugListScreen)
    arrival = heard.last(qtbot)
    assert ("Medicamentos" if spanish else "Medications") in arrival

    # the keyboard says each key; a second touch types it, and the results are said
    key = list_screen.keyboard.keys["B"]
    twice(qtbot, key, heard)
    assert list_screen.search.text() == "b"
    found = heard.last(qtbot)
    assert ("Medicamentos encontrados" if spanish else "Medicines found") in found
    assert "Bacl" in found

    # a row of the list: said on the first touch, opened on the second
    view = list_screen.view
    row = next(i for i, r in enumerate(list_screen.model.rows()) if r.drug_id == "baclofen")
    where = view.visualRect(view.model().index(row, 0)).center()
    said = twice(qtbot, view.viewport(), heard, pos=where)
    assert said.startswith("Baclofen")
    assert kiosk.session.place == Place(Screen.DRUG, "baclofen")
    arrival = heard.last(qtbot)
    assert arrival.splitlines()[0] == ("Baclofeno" if spanish else "Baclofen")
    assert ("Toque Escuchar" if spanish else "Touch Listen to hear this screen.") in arrival

    # Listen reads on part by part; Next, Previous and Repeat move through the parts
    parts = kiosk.audio.narration.parts
    heard.clear()
    twice(qtbot, kiosk.top_bar.listen, heard)
    assert heard.last(qtbot) == parts[0]
    qtbot.waitUntil(lambda: len(heard.said) >= 2 and heard.said[-1] == parts[1], timeout=5000)
    twice(qtbot, kiosk.top_bar.next, heard)
    assert heard.last(qtbot) == kiosk.audio.narration.current()
    at = kiosk.audio.narration.index
    tap(qtbot, kiosk.top_bar.previous)
    tap(qtbot, kiosk.top_bar.previous)
    assert kiosk.audio.narration.index == at - 1
    assert heard.last(qtbot) == parts[at - 1]
    tap(qtbot, kiosk.top_bar.repeat)
    tap(qtbot, kiosk.top_bar.repeat)
    assert heard.last(qtbot) == parts[at - 1]

    # the drug page's button to its checklist (baclofen by mouth), then the checklist:
    # each item says whether it is ticked; ticking says so
    page = kiosk.current
    assert isinstance(page, DrugPageScreen)
    to_checklist = page.checklist_buttons[1]
    page.scroll_area.ensureWidgetVisible(to_checklist)  # type: ignore[union-attr]
    qtbot.wait(50)
    twice(qtbot, to_checklist, heard)
    assert kiosk.session.place == Place(Screen.CHECKLIST, "baclofen-tablets")
    checklist = kiosk.current
    assert isinstance(checklist, ChecklistScreen)
    row_button = checklist.rows[URGENT_ITEM]
    checklist.scroll_area.ensureWidgetVisible(row_button)  # type: ignore[union-attr]
    qtbot.wait(50)
    said = twice(qtbot, row_button, heard)
    assert kiosk.translations.text("not_checked", language) in said
    assert row_button.isChecked()
    assert heard.last(qtbot).startswith(kiosk.translations.text("checked", language))

    # the emergency sign's button, then the result: its level (and action) first
    sign = checklist.urgent_signs[URGENT_ITEM]
    checklist.scroll_area.ensureWidgetVisible(sign)  # type: ignore[union-attr]
    qtbot.wait(50)
    twice(qtbot, sign, heard)
    result = kiosk.current
    assert isinstance(result, ResultScreen)
    assert result.view.immediate
    arrival = heard.last(qtbot)
    first = arrival.splitlines()[:2]
    assert result.view.box.emergency_action in first[0]
    assert first[1] == kiosk.translations.text("level_immediate", language)

    # the call card says the number digit by digit
    twice(qtbot, result.call_button, heard)
    assert kiosk.session.place.screen is Screen.CALL
    arrival = heard.last(qtbot)
    assert arrival.startswith(result.view.box.emergency_action or "")
    assert "3 5 2, 7 7 1, 2 7 0 0" in kiosk.audio.narration.parts


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_whole_visit_by_keys_alone(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard, language: str
) -> None:
    spanish = language == "es"
    attract = kiosk.current
    assert isinstance(attract, AttractScreen)
    tab_to(qtbot, kiosk, attract.audio)
    qtbot.keyClick(attract.audio, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.session.audio)
    assert heard.last(qtbot).startswith("Audio mode is on")
    if spanish:
        tab_to(qtbot, kiosk, kiosk.top_bar.language)
        assert heard.last(qtbot).startswith("Español. button")
        qtbot.keyClick(kiosk.top_bar.language, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: kiosk.session.language == "es")

    tile = button(kiosk, "Informaci" if spanish else "Medication information")
    tab_to(qtbot, kiosk, tile)
    said = heard.last(qtbot).splitlines()[-1]  # (after Home's heading, in Spanish)
    assert said.startswith(tile.accessibleName()) and "Touch again" not in said
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.session.place.screen is Screen.DRUG_LIST)
    list_screen = kiosk.current
    assert isinstance(list_screen, DrugListScreen)

    # type on a real keyboard into the search box, then move down the list with arrows
    tab_to(qtbot, kiosk, list_screen.search)
    qtbot.keyClicks(list_screen.search, "b")
    assert "Bacl" in heard.last(qtbot)  # the results, said after the key
    tab_to(qtbot, kiosk, list_screen.view)
    said = heard.last(qtbot)
    assert ("Medicamentos" if spanish else "Medications") in said
    assert "Bacl" in said  # the row the list starts on
    qtbot.keyClick(list_screen.view, Qt.Key.Key_Down)
    assert heard.last(qtbot).startswith("Benzo")
    qtbot.keyClick(list_screen.view, Qt.Key.Key_Up)
    assert heard.last(qtbot).startswith("Bacl")
    qtbot.keyClick(list_screen.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.session.place == Place(Screen.DRUG, "baclofen"))

    page = kiosk.current
    assert isinstance(page, DrugPageScreen)
    to_checklist = page.checklist_buttons[1]
    tab_to(qtbot, kiosk, to_checklist)
    assert heard.last(qtbot).splitlines()[-1].startswith(to_checklist.accessibleName())
    qtbot.keyClick(to_checklist, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.session.place == Place(Screen.CHECKLIST, "baclofen-tablets"))
    checklist = kiosk.current
    assert isinstance(checklist, ChecklistScreen)
    row_button = checklist.rows[URGENT_ITEM]
    tab_to(qtbot, kiosk, row_button)
    assert kiosk.translations.text("not_checked", language) in heard.last(qtbot)
    qtbot.keyClick(row_button, Qt.Key.Key_Space)
    assert row_button.isChecked()
    assert heard.last(qtbot).startswith(kiosk.translations.text("checked", language))
    sign = checklist.urgent_signs[URGENT_ITEM]
    tab_to(qtbot, kiosk, sign)
    qtbot.keyClick(sign, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(kiosk.current, ResultScreen))
    result = kiosk.current
    assert isinstance(result, ResultScreen)
    assert result.view.box.emergency_action in heard.last(qtbot).splitlines()[0]
    tab_to(qtbot, kiosk, result.call_button)
    qtbot.keyClick(result.call_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.session.place.screen is Screen.CALL)
    arrival = heard.last(qtbot)
    # the call card keeps the emergency action first; the number follows in its parts
    assert arrival.startswith(result.view.box.emergency_action or "")
    assert "3 5 2, 7 7 1, 2 7 0 0" in kiosk.audio.narration.parts


def test_volume_changes_in_audio_mode_and_is_back_to_default_for_the_next_visitor(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard, reader: Reader
) -> None:
    kiosk.go(HOME)
    kiosk.toggle_audio()
    assert kiosk.top_bar.louder.isVisible() and kiosk.top_bar.softer.isVisible()
    twice(qtbot, kiosk.top_bar.louder, heard)
    assert reader.volume == pytest.approx(DEFAULT_VOLUME + 0.1)
    assert heard.last(qtbot) == "Volume 90 percent"
    for _ in range(12):
        tap(qtbot, kiosk.top_bar.louder)
    assert reader.volume == pytest.approx(1.0)
    twice(qtbot, kiosk.top_bar.softer, heard)
    assert reader.volume == pytest.approx(0.9)
    kiosk.replace_session(Session("en", ATTRACT))
    assert reader.volume == pytest.approx(DEFAULT_VOLUME)
    assert not kiosk.audio.active and not kiosk.top_bar.louder.isVisible()


def test_turning_audio_off_says_so_and_touches_act_at_once_again(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard
) -> None:
    kiosk.go(HOME)
    kiosk.toggle_audio()
    twice(qtbot, kiosk.top_bar.audio, heard)
    assert not kiosk.session.audio
    assert "Audio mode is off." in heard.last(qtbot)
    tap(qtbot, button(kiosk, "Symptom checklist"))
    assert kiosk.session.place.screen is Screen.CHECKLIST_LIST


def test_a_tap_on_page_text_reads_it_and_a_swipe_does_not(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard
) -> None:
    kiosk.go(Place(Screen.DRUG, "baclofen"))
    kiosk.toggle_audio()
    page = kiosk.current
    assert page is not None
    title = next(
        label
        for label in page.findChildren(QLabel)
        if label.text() == "Baclofen" and label.isVisible()
    )
    heard.clear()
    tap(qtbot, title)
    assert heard.last(qtbot) == "Baclofen"
    heard.clear()
    start = title.rect().center()
    qtbot.mousePress(title, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(title, start + QPoint(0, 60))
    qtbot.mouseRelease(title, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 60))
    qtbot.wait(5)
    assert heard.said == []


def test_nothing_of_a_new_screen_is_said_outside_audio_mode(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard
) -> None:
    kiosk.go(HOME)
    kiosk.go(Place(Screen.DRUG, "baclofen"))
    qtbot.wait(5)
    assert heard.said == []


def pump_link(page: QWidget) -> QLabel:
    """The baclofen page's text with the link to the pump checklist."""
    return next(
        label for label in page.findChildren(QLabel) if "checklist:baclofen-pump" in label.text()
    )


def test_page_text_with_a_link_is_said_before_the_link_can_open(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard
) -> None:
    kiosk.go(Place(Screen.DRUG, "baclofen"))
    kiosk.toggle_audio()
    page = kiosk.current
    assert page is not None and page.scroll_area is not None
    linked = pump_link(page)
    page.scroll_area.ensureWidgetVisible(linked)  # type: ignore[attr-defined]
    qtbot.wait(50)
    heard.clear()
    tap(qtbot, linked)
    said = heard.last(qtbot)
    assert "pump warning signs" in said and "with a link" in said and "Touch again" in said
    assert kiosk.session.place == Place(Screen.DRUG, "baclofen")  # nothing opened yet


def test_with_no_voice_yet_audio_mode_never_holds_a_touch_back(
    qtbot: QtBot, fonts_loaded: None
) -> None:
    """No voice yet (or the engine is down): a touch acts at once; Audio can be undone."""
    speech = SpeechService(lambda: QTextToSpeech("mock"))  # not started: no voice yet
    window = KioskWindow(
        catalog_of(SHIPPED_CONTENT), Session("en"), load_template(resources_dir()), speech
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.toggle_audio()
    assert window.session.audio and not window.audio.hearable
    assert window.top_bar.audio.isVisible()
    tap(qtbot, button(window, "Medication information"))
    assert window.session.place.screen is Screen.DRUG_LIST


def test_a_keypad_hears_a_link_before_it_follows_it(
    qtbot: QtBot, kiosk: KioskWindow, heard: Heard
) -> None:
    kiosk.go(Place(Screen.DRUG, "baclofen"))
    kiosk.toggle_audio()
    page = kiosk.current
    assert page is not None
    linked = pump_link(page)
    tab_to(qtbot, kiosk, linked)
    said = heard.last(qtbot).splitlines()[-1]
    assert "pump warning signs" in said and "with a link" in said
    assert "Touch again" not in said  # (a key, not a touch)
