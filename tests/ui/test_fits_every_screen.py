"""The window fits every kiosk screen: full screen, nothing outside it, cut or too small.

A fullscreen window whose widgets need more than the screen silently leaves fullscreen (a
1366×768 kiosk grew to 1366×905), so each page is shown on a full-screen window on an
offscreen screen of each size (tests/ui/kiosk_screens.json), and the window must stay
exactly the screen, with every widget inside its parent and every target 64 px.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session import TextSize
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.widgets.fit_label import SMALLEST, FitLabel
from kiosk.ui.widgets.touch_button import KEY_WORD_SMALLEST, KeyCap
from tests.ui.conftest import (
    WindowFactory,
    kiosk_screen,
    page_ids,
    show_full_screen,
    show_page,
)

MIN_TARGET_PX = 64


class KioskScreen(NamedTuple):
    """A screen a kiosk has: device pixels and scaling (2: 200 %)."""

    width: int
    height: int
    scale: int = 1

    def __str__(self) -> str:
        return f"{self.width}x{self.height}" + (f"@{self.scale * 100}%" if self.scale > 1 else "")


SCREENS = [
    KioskScreen(1920, 1080),
    KioskScreen(1366, 768),
    KioskScreen(1280, 1024),
    KioskScreen(1280, 800),
    KioskScreen(1024, 768),
    KioskScreen(1080, 1920),
    KioskScreen(800, 1280),
    KioskScreen(3840, 2160, scale=2),
]
#: The pages with the most on them (the others are scrolling columns).
PAGES = ["home", "medications", "call", "naloxone", "overdose", "overdose-result-urgent"]


def _scrolls(widget: QWidget) -> bool:
    """Whether ``widget`` is content inside a scroll area's viewport (it may lie outside)."""
    parent = widget.parentWidget()
    while parent is not None:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return True
        parent = area
    return False


def _label_problem(label: QLabel) -> str | None:
    """Why a label's words are cut, if they are."""
    name = label.text()[:40]
    if isinstance(label, FitLabel):  # drawn smaller to fit, never cut
        fits = label.scale() > SMALLEST or label.sizeHint().width() <= label.width()
        return None if fits else f"{name!r} is cut even at its smallest"
    if isinstance(label, KeyCap):  # a key's word, drawn smaller to fit its key
        fits = label.scale() > KEY_WORD_SMALLEST or label.sizeHint().width() <= label.width()
        fits = fits and label.height() >= label.sizeHint().height()
        return None if fits else f"key {name!r} is cut: {label.size()} < {label.sizeHint()}"
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        return None if label.height() >= needed - 1 else f"{name!r}: {label.height()} < {needed}"
    # one line: as wide as its words, and as tall as their ink (a "!" in a 52-pixel circle
    # needs no room for a line's descent)
    width = label.sizeHint().width()
    ink = math.ceil(QFontMetricsF(label.font()).tightBoundingRect(label.text()).height())
    if label.width() < width - 1 or label.contentsRect().height() < ink:
        return f"{name!r} is {label.width()}×{label.height()}, needs {width}×{ink}"
    return None


def _widget_problems(window: QWidget, widget: QWidget) -> Iterable[str]:
    name = f"{type(widget).__name__} {widget.accessibleName()[:40]!r}"
    parent = widget.parentWidget()
    scrolled = _scrolls(widget)
    if parent is not None and not scrolled and not parent.rect().contains(widget.geometry()):
        yield f"{name} at {widget.geometry().getRect()} is cut by its parent {parent.size()}"
    place = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    if not scrolled and not window.rect().contains(place):
        yield f"{name} at {place.getRect()} lies outside the window"
    if isinstance(widget, QLabel) and widget.text():
        problem = _label_problem(widget)
        if problem:
            yield problem
    touchable = isinstance(widget, QAbstractButton) and not widget.visibleRegion().isEmpty()
    if touchable and min(widget.width(), widget.height()) < MIN_TARGET_PX:
        yield f"{name} is a {widget.width()}×{widget.height()} target"


def fit_problems(window: KioskWindow, screen: KioskScreen) -> list[str]:
    """What does not fit: the window's size, widgets outside or cut, small targets."""
    expected = (screen.width // screen.scale, screen.height // screen.scale)
    problems = []
    if (window.width(), window.height()) != expected or not window.isFullScreen():
        problems.append(f"the window is {window.width()}×{window.height()}, not {expected}")
    for widget in window.findChildren(QWidget):
        if widget.isVisible():
            problems.extend(_widget_problems(window, widget))
    return problems


def check_pages(
    qtbot: QtBot,
    make_window: WindowFactory,
    screen: KioskScreen,
    pages: list[str],
    text_size: TextSize,
    language: str,
    *,
    high_contrast: bool = False,
) -> None:
    """Show each page full screen on ``screen``; fail with everything that does not fit."""
    where = kiosk_screen(screen.width, screen.height, screen.scale)
    if where is None:
        pytest.skip("needs the offscreen kiosk screens (QT_QPA_PLATFORM=offscreen)")
    window = make_window(language=language, speaking=True)  # with Audio and Listen
    if high_contrast:
        window.toggle_contrast()
    show_full_screen(qtbot, window, where)
    assert window.devicePixelRatio() == screen.scale
    failures = {}
    for page_id in pages:
        show_page(window, page_id, text_size)
        for _ in range(3):  # posted layout requests (a few rounds) and deferred deletions
            qtbot.wait(1)
        problems = fit_problems(window, screen)
        if problems:
            failures[page_id] = problems[:5]
    assert not failures, f"on {screen}: {failures}"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", list(TextSize), ids=lambda t: t.name.lower())
@pytest.mark.parametrize("screen", SCREENS, ids=str)
def test_every_page_fits_the_screen(
    qtbot: QtBot,
    make_window: WindowFactory,
    screen: KioskScreen,
    text_size: TextSize,
    language: str,
) -> None:
    assert set(PAGES) <= set(page_ids())
    check_pages(qtbot, make_window, screen, PAGES, text_size, language)


@pytest.mark.slow
@pytest.mark.parametrize("high_contrast", [False, True], ids=["default", "contrast"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", list(TextSize), ids=lambda t: t.name.lower())
@pytest.mark.parametrize("screen", SCREENS, ids=str)
def test_every_page_of_the_library_fits_every_screen(
    qtbot: QtBot,
    make_window: WindowFactory,
    screen: KioskScreen,
    text_size: TextSize,
    language: str,
    high_contrast: bool,
) -> None:
    """The whole matrix (make soak): every page, size, text size, language and theme."""
    check_pages(
        qtbot, make_window, screen, page_ids(), text_size, language, high_contrast=high_contrast
    )
