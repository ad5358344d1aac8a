"""Touch at a person's pace: a tap then a swipe, two swipes, a tap just after a flick."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QScrollBar,
    QScroller,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.app.qt_app import qt_application, touch_first
from kiosk.session import Place, Screen
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.checklist import ChecklistScreen
from kiosk.ui.screens.drug_page import DrugPageScreen


@pytest.fixture
def screen(window: KioskWindow) -> QPointingDevice:
    """A touchscreen (made once the window is up, as Qt needs)."""
    return QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)


def touch_tap(qtbot: QtBot, device: QPointingDevice, widget: QWidget) -> None:
    """A finger on the glass for 120 ms at the widget's centre."""
    window = widget.window()
    point = widget.mapTo(window, widget.rect().center())
    QTest.touchEvent(window, device).press(0, point, window)
    qtbot.wait(120)
    QTest.touchEvent(window, device).release(0, point, window)
    qtbot.wait(10)


def touch_swipe(
    qtbot: QtBot, device: QPointingDevice, area: QAbstractScrollArea, up_px: int = 360
) -> None:
    """A finger dragged up the middle of ``area`` in 15 steps."""
    window = area.window()
    viewport = area.viewport()
    start = viewport.mapTo(window, QPoint(viewport.width() // 3, viewport.height() * 3 // 4))
    QTest.touchEvent(window, device).press(0, start, window)
    for step in range(1, 16):
        qtbot.wait(12)
        QTest.touchEvent(window, device).move(0, start - QPoint(0, step * up_px // 15), window)
    QTest.touchEvent(window, device).release(0, start - QPoint(0, up_px), window)


def settled(qtbot: QtBot, bar: QScrollBar) -> int:
    """Wait for a flick to come to rest (its scroller idle again); its final position."""
    area = bar.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is not None:
        scroller = QScroller.scroller(area.viewport())
        qtbot.waitUntil(lambda: scroller.state() == QScroller.State.Inactive, timeout=5000)
    last = -1
    while bar.value() != last:
        last = bar.value()
        qtbot.wait(150)
    return last


def test_the_kiosk_app_turns_double_clicks_off(qapp: QApplication) -> None:
    """A second touch within 400 ms must be a press, not a double-click the scroller ignores."""
    assert qt_application() is qapp
    assert qapp.styleHints().mouseDoubleClickInterval() == 0


def test_a_tap_then_a_swipe_at_once_scrolls_the_page(
    qtbot: QtBot, window: KioskWindow, screen: QPointingDevice
) -> None:
    window.go(Place(Screen.DRUG_LIST))
    window.go(Place(Screen.DRUG, "naloxone"))
    page = window.current
    assert isinstance(page, DrugPageScreen)
    qtbot.wait(100)  # the page has been drawn
    heading = page.findChildren(QLabel)[1]  # a tap on the page's words (it does nothing)
    touch_tap(qtbot, screen, heading)
    bar = page.scroll_area.verticalScrollBar()
    touch_swipe(qtbot, screen, page.scroll_area)  # within 400 ms of the tap
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
    settled(qtbot, bar)  # (a flick still moving when its window closes upsets the next test)


def test_two_swipes_in_a_row_both_scroll(
    qtbot: QtBot, window: KioskWindow, screen: QPointingDevice
) -> None:
    window.go(Place(Screen.DRUG, "opioids"))
    page = window.current
    assert isinstance(page, DrugPageScreen)
    bar = page.scroll_area.verticalScrollBar()
    qtbot.wait(100)  # the page has been drawn (a finger is never faster)
    touch_swipe(qtbot, screen, page.scroll_area)
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=5000)
    first = settled(qtbot, bar)
    touch_swipe(qtbot, screen, page.scroll_area)
    qtbot.waitUntil(lambda: bar.value() > first + 100, timeout=5000)
    settled(qtbot, bar)


def test_a_tap_on_a_row_just_after_a_flick_ticks_it_and_a_swipe_from_a_row_does_not(
    qtbot: QtBot, window: KioskWindow, screen: QPointingDevice
) -> None:
    window.go(Place(Screen.CHECKLIST, "overdose"))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    area = checklist.scroll_area
    qtbot.wait(100)  # the page has been drawn (a finger is never faster)
    touch_swipe(qtbot, screen, area, up_px=200)
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=3000)
    settled(qtbot, bar)
    row = next(r for r in checklist.rows.values() if r.visibleRegion().boundingRect().height() > 60)
    assert not row.isChecked()
    touch_tap(qtbot, screen, row)
    qtbot.waitUntil(row.isChecked, timeout=2000)
    # a swipe that starts on a row scrolls and does not tick it
    before = bar.value()
    other = next(
        r
        for r in checklist.rows.values()
        if r is not row and not r.isChecked() and r.visibleRegion().boundingRect().height() > 60
    )
    window_ = other.window()
    start = other.mapTo(window_, other.rect().center())
    QTest.touchEvent(window_, screen).press(0, start, window_)
    for step in range(1, 16):
        qtbot.wait(12)
        QTest.touchEvent(window_, screen).move(0, start - QPoint(0, step * 20), window_)
    QTest.touchEvent(window_, screen).release(0, start - QPoint(0, 300), window_)
    settled(qtbot, bar)
    assert bar.value() != before and not other.isChecked()


def test_touch_first_is_what_qt_application_applies(qapp: QApplication) -> None:
    qapp.styleHints().setMouseDoubleClickInterval(400)
    touch_first(qapp)
    assert qapp.styleHints().mouseDoubleClickInterval() == 0
