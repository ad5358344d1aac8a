"""Tell when a window has drawn its first frame: the moment a visitor sees the kiosk."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstFrame(QObject):
    """Emits ``shown`` once, right after ``widget`` has painted for the first time.

    The signal comes from the event loop after the paint event returns, so the frame has
    been handed to the window system by then.
    """

    shown = Signal(float)  #: seconds since this object was made

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._began = time.monotonic()
        self._widget = widget
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Wait for the first paint; let every event through."""
        if not self._done and watched is self._widget and event.type() == QEvent.Type.Paint:
            self._done = True
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._emit)
        return False

    def _emit(self) -> None:
        self.shown.emit(time.monotonic() - self._began)
