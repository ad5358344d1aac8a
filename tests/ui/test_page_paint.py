"""A page shows its theme background in its margins, on every screen and theme."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.session import HOME, Place, Screen
from kiosk.ui.screens.common import ScrollPage
from kiosk.ui.theme import DEFAULT, HIGH_CONTRAST
from tests.ui.conftest import WindowFactory


def test_the_page_margin_shows_the_theme_background(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    drug = next(iter(window.catalog.drugs))
    for place, theme, colour in (
        (Place(Screen.DRUG, drug), DEFAULT, DEFAULT.bg),
        (HOME, DEFAULT, DEFAULT.bg),
        (Place(Screen.CALL), DEFAULT, DEFAULT.panel_bg),  # (the call card's own colour)
        (Place(Screen.DRUG, drug), HIGH_CONTRAST, HIGH_CONTRAST.bg),
    ):
        if window.session.high_contrast != (theme is HIGH_CONTRAST):
            window.toggle_contrast()
        window.go(place)
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        page = window.current
        assert isinstance(page, ScrollPage)
        image = window.grab().toImage()
        seen = page.scroll_area.viewport().height()
        for y in (10, seen // 2, seen - 10):
            spot = page.column.mapTo(window, QPoint(10, y))
            assert image.pixelColor(spot) == QColor(colour), (place, y)
