"""The top bar stays put, and the staff corner never lies over a visitor control."""

from __future__ import annotations

import PySide6.QtTextToSpeech  # noqa: F401  (it warns once about pipewire as it loads)
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.runtime.corner_press import CORNER_PX
from kiosk.runtime.speech import Reader
from kiosk.session import HOME, Place, Screen, Session, TextSize
from kiosk.settings import resources_dir
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.render import page_places
from kiosk.ui.theme import load_template
from kiosk.ui.top_bar import SLOTS
from tests.conftest import SHIPPED_CONTENT
from tests.ui.conftest import catalog_of

PLACES = [
    HOME,
    Place(Screen.DRUG_LIST),
    Place(Screen.DRUG, "baclofen"),
    Place(Screen.CHECKLIST, "overdose"),
    Place(Screen.CALL),
]


def make(qtbot: QtBot, reader: Reader, width: int, height: int) -> KioskWindow:
    window = KioskWindow(
        catalog_of(SHIPPED_CONTENT), Session("en"), load_template(resources_dir()), reader
    )
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def slots(window: KioskWindow) -> dict[str, QRect]:
    """Where each slot's button sits in the window (hidden ones keep their place)."""
    bar = window.top_bar
    return {
        name: QRect(bar.button(name).mapTo(window, QPoint(0, 0)), bar.button(name).size())
        for name in SLOTS
    }


@pytest.mark.parametrize("text_size", list(TextSize), ids=lambda t: t.name.lower())
@pytest.mark.parametrize("screen", [(1920, 1080), (1366, 768), (1024, 768)], ids=str)
def test_every_button_keeps_its_place_on_every_screen_and_in_every_state(
    qtbot: QtBot, fonts_loaded: None, reader: Reader, screen: tuple[int, int], text_size: TextSize
) -> None:
    window = make(qtbot, reader, *screen)
    window.session.text_size = text_size
    window.next_language()
    window.next_language()  # redrawn at this size, in English again
    qtbot.wait(1)
    first = slots(window)
    for place in PLACES:
        window.go(place)
        qtbot.wait(1)
        assert slots(window) == first, place
    # Listen reading (its label is Stop reading), audio mode on, another language
    window.toggle_reading()
    qtbot.waitUntil(lambda: reader.speaking, timeout=2000)
    assert window.top_bar.listen.text() == "Stop reading"
    qtbot.wait(1)
    assert slots(window) == first
    window.toggle_audio()
    qtbot.wait(1)
    assert slots(window) == first
    window.next_language()
    qtbot.wait(1)
    assert window.top_bar.home.text() == "Inicio"
    assert slots(window) == first
    window.go(HOME)
    qtbot.wait(1)
    assert slots(window) == first


def test_the_staff_corner_covers_no_visitor_control(
    qtbot: QtBot, fonts_loaded: None, reader: Reader
) -> None:
    window = make(qtbot, reader, 1024, 768)
    corner = QRect(0, 0, CORNER_PX, CORNER_PX)
    for text_size in TextSize:
        for page_id, place, tick in page_places(window.catalog):
            window.session.text_size = text_size
            if tick:
                window.session.toggle(place.key, tick)
            window.go(place)
            window.next_language()
            window.next_language()
            qtbot.wait(1)
            for button in window.findChildren(QAbstractButton):
                if not button.isVisible():
                    continue
                where = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
                assert not where.intersects(corner), (page_id, text_size, button.text())
