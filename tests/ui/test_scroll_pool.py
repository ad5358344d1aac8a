"""Scroll areas go back to the pool when their screen is deleted, after the next is drawn."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kiosk.session import HOME, Place, Screen
from kiosk.ui.screens.common import ScrollPage
from kiosk.ui.screens.drug_page import DrugPageScreen
from tests.ui.conftest import WindowFactory


def delete_later_now() -> None:
    """Run what deleteLater() queued, as the event loop does after the next screen is drawn."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_screen_returns_its_scroll_area_when_deleted_and_the_next_reuses_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    drug = next(iter(window.catalog.drugs))
    window.go(Place(Screen.DRUG, drug))
    delete_later_now()
    page = window.current
    assert isinstance(page, DrugPageScreen)
    area = page.scroll_area
    labels = page.column.findChildren(QLabel)
    assert labels
    pool = window.scroll_pool

    window.go(HOME)
    assert area not in pool._free, "handed back before the old screen was deleted"
    assert area.widget() is not None and area.parentWidget() is not None

    delete_later_now()
    assert area in pool._free
    assert area.widget() is None and area.parentWidget() is None
    assert not any(shiboken6.isValid(label) for label in labels), "old content still alive"

    window.go(Place(Screen.CALL))
    call = window.current
    assert isinstance(call, ScrollPage)
    assert call.scroll_area is area and area.widget() is call.column
    assert area.isVisible() and area.verticalScrollBar().value() == 0


def test_a_button_inside_a_page_can_leave_it(qtbot: QtBot, make_window: WindowFactory) -> None:
    """The page (and the button whose click is running) is deleted only after the click."""
    window = make_window()
    drug = next(page for page in window.catalog.drugs.values() if page.checklist)
    window.go(Place(Screen.DRUG, drug.id))
    page = window.current
    assert isinstance(page, DrugPageScreen) and page.checklist_button is not None
    qtbot.mouseClick(page.checklist_button, Qt.MouseButton.LeftButton)
    assert window.session.place == Place(Screen.CHECKLIST, drug.checklist_ids[0])
    delete_later_now()
    assert not shiboken6.isValid(page)
    window.back()
    delete_later_now()
    assert isinstance(window.current, DrugPageScreen)


def test_the_pool_stays_small(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    drug = next(iter(window.catalog.drugs))
    checklist = next(iter(window.catalog.checklists))
    places = [
        Place(Screen.DRUG, drug),
        HOME,
        Place(Screen.CHECKLIST, checklist),
        Place(Screen.RESULT, checklist),
        Place(Screen.CALL),
    ]
    for _ in range(30):
        for place in places:
            window.go(place)
        delete_later_now()
    assert len(window.scroll_pool._free) <= len(places)
