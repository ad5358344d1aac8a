"""A touch button shows its pressed look as soon as it is pressed, and drops it on release."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import DEFAULT


class PaintCounter(QObject):
    """Counts Paint events that reach the watched widget."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count, never consume."""
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_press_and_release_repaint_the_button_at_once(qtbot: QtBot, window: KioskWindow) -> None:
    button = window.top_bar.contrast
    QApplication.processEvents()
    edge = QPoint(2, button.height() // 2)  # on the left border, clear of the rounded corners
    assert button.grab().toImage().pixelColor(edge) != QColor(DEFAULT.fg)
    counter = PaintCounter()
    button.installEventFilter(counter)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert button.isDown() and counter.count >= 1
    assert button.grab().toImage().pixelColor(edge) == QColor(DEFAULT.fg)  # :pressed border
    counter.count = 0
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton, pos=QPoint(-50, -50))  # (no click)
    QApplication.processEvents()
    assert not button.isDown() and counter.count >= 1
    button.removeEventFilter(counter)
