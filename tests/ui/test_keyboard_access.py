"""Every screen works with Tab, arrows, Enter and Space alone, with a visible focus ring."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session import ATTRACT, HOME, Place, Screen, Session
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.checklist import ChecklistScreen
from kiosk.ui.screens.drug_list import DrugListScreen
from kiosk.ui.screens.drug_page import DrugPageScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.result import ResultScreen
from tests.ui.conftest import tab_to


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_tab_visits_only_named_visible_controls(qtbot: QtBot, window: KioskWindow) -> None:
    seen: list[QWidget] = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        widget = focused()
        assert widget.isVisible()
        assert widget.accessibleName().strip(), type(widget).__name__
        seen.append(widget)
    assert window.call_panel in seen
    assert any(
        isinstance(w, QAbstractButton) and w.text() == "Medication information" for w in seen
    )


def test_whole_journey_by_keyboard(qtbot: QtBot, window: KioskWindow) -> None:
    home = window.current
    assert isinstance(home, HomeScreen)
    tab_to(qtbot, window, home.tiles["medications"])
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current, DrugListScreen))
    listing = window.current
    assert isinstance(listing, DrugListScreen)
    tab_to(qtbot, window, listing.search)
    qtbot.keyClicks(listing.search, "bacl")
    assert listing.model.ids() == ["baclofen"]
    tab_to(qtbot, window, listing.view)
    qtbot.keyClick(listing.view, Qt.Key.Key_Down)
    qtbot.keyClick(listing.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current, DrugPageScreen))
    page = window.current
    assert isinstance(page, DrugPageScreen)
    tab_to(qtbot, window, page.scroll_area)
    bar = page.scroll_area.verticalScrollBar()
    qtbot.keyClick(page.scroll_area, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    assert page.checklist_button is not None
    tab_to(qtbot, window, page.checklist_button)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(window.current, ChecklistScreen))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    fever = checklist.rows["high-fever"]
    tab_to(qtbot, window, fever)
    assert (
        checklist.scroll_area.viewport()
        .rect()
        .intersects(fever.geometry().translated(checklist.column.pos()))
    ), "the focused row is scrolled into view"
    qtbot.keyClick(fever, Qt.Key.Key_Space)
    assert fever.isChecked()
    tab_to(qtbot, window, checklist.result_button)
    qtbot.keyClick(focused(), Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: isinstance(window.current, ResultScreen))
    tab_to(qtbot, window, window.top_bar.home)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.current, HomeScreen))


def test_arrow_keys_move_focus_like_tab(qtbot: QtBot, window: KioskWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Down)
    first = focused()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    second = focused()
    assert second is not first
    qtbot.keyClick(second, Qt.Key.Key_Up)
    assert focused() is first


def test_focus_ring_is_drawn(qtbot: QtBot, window: KioskWindow) -> None:
    home = window.current
    assert isinstance(home, HomeScreen)
    tile = home.tiles["medications"]
    before = tile.grab().toImage()
    tab_to(qtbot, window, tile)
    after = tile.grab().toImage()
    assert before != after
    assert after.pixelColor(2, after.height() // 2).name().upper() == "#D35F00"


def test_any_key_leaves_the_attract_screen(qtbot: QtBot, window: KioskWindow) -> None:
    window.replace_session(Session("en", start=ATTRACT))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.place == HOME


def test_high_contrast_toggle_keeps_place(qtbot: QtBot, window: KioskWindow) -> None:
    window.go(Place(Screen.DRUG, "baclofen"))
    qtbot.mouseClick(window.top_bar.contrast, Qt.MouseButton.LeftButton)
    assert window.session.high_contrast
    assert window.session.place == Place(Screen.DRUG, "baclofen")
    assert window.top_bar.contrast.text() == "Normal colours"
    page = window.current
    assert isinstance(page, DrugPageScreen)
    image = window.grab().toImage()
    assert image.pixelColor(5, image.height() - 5).name().upper() == "#000000"
