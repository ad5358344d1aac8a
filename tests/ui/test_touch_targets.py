"""Every visible control on every screen is at least 64×64 px, 8 px apart, and named."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session import TextSize
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.drug_list import DrugListScreen
from tests.ui.conftest import WindowFactory, page_ids, show_page

MIN_PX = 64
GAP_PX = 8


def visible_controls(window: KioskWindow) -> list[QWidget]:
    """Controls a visitor can see and touch (inside the visible part of scroll areas)."""
    controls: list[QWidget] = []
    window_rect = window.rect()
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit) or not widget.isVisible():
            continue
        visible = widget.visibleRegion().boundingRect()
        if visible.isEmpty():
            continue
        top_left = widget.mapTo(window, widget.rect().topLeft())
        if window_rect.intersects(QRect(top_left, widget.size())):
            controls.append(widget)
    return controls


def gap(a: QRect, b: QRect) -> int:
    """Distance between two rectangles (0 when they touch or overlap)."""
    dx = max(b.left() - a.right() - 1, a.left() - b.right() - 1, 0)
    dy = max(b.top() - a.bottom() - 1, a.top() - b.bottom() - 1, 0)
    return max(dx, dy)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("text_size", list(TextSize), ids=lambda t: t.name.lower())
@pytest.mark.parametrize("page_id", page_ids())
def test_controls_are_big_spaced_and_named(
    qtbot: QtBot,
    make_window: WindowFactory,
    page_id: str,
    text_size: TextSize,
    size: tuple[int, int],
) -> None:
    window = make_window(width=size[0], height=size[1])
    show_page(window, page_id, text_size)
    qtbot.wait(1)
    controls = visible_controls(window)
    assert controls, "no controls found"
    rects: list[tuple[QWidget, QRect]] = []
    for control in controls:
        name = control.accessibleName()
        assert name.strip(), f"{type(control).__name__} has no accessible name"
        assert control.accessibleDescription().strip(), f"{name!r} has no accessible description"
        assert control.width() >= MIN_PX and control.height() >= MIN_PX, (
            f"{name!r} is {control.width()}×{control.height()} px"
        )
        visible = control.visibleRegion().boundingRect()
        rects.append(
            (
                control,
                visible.translated(control.mapTo(window, visible.topLeft()) - visible.topLeft()),
            )
        )
    for (a, ra), (b, rb) in itertools.combinations(rects, 2):
        if ra.intersects(rb) and (a.isAncestorOf(b) or b.isAncestorOf(a)):
            continue
        assert gap(ra, rb) >= GAP_PX, (
            f"{a.accessibleName()!r} and {b.accessibleName()!r} are {gap(ra, rb)} px apart"
        )
    screen = window.current
    assert screen is not None and screen.accessibleName().strip()
    scroll = getattr(screen, "scroll_area", None)
    if scroll is not None:
        assert scroll.accessibleName().strip() and scroll.accessibleDescription().strip()
    if isinstance(window.current, DrugListScreen):
        listing = window.current
        model = listing.model
        for row in range(model.rowCount()):
            rect = listing.view.visualRect(model.index(row))
            assert rect.height() - 10 >= MIN_PX
            assert model.index(row).data(0x0B)  # Qt.AccessibleTextRole
