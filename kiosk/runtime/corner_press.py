"""The hidden staff gesture (Qt glue): press and hold the top-left corner for about 3 seconds."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

HOLD_MS = 3000
#: The staff corner: a square the top bar keeps clear of visitor controls.
CORNER_PX = 72


class CornerPress(QObject):
    """Emits ``held`` after a press held still in ``window``'s top-left corner."""

    held = Signal()

    def __init__(self, window: QWidget, hold_ms: int = HOLD_MS) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._fire)
        #: The hold fired: the press's release must not also touch what is under it.
        self._fired = False

    def _fire(self) -> None:
        self._fired = True
        self.held.emit()

    def _in_corner(self, event: QMouseEvent) -> bool:
        point = self._window.mapFromGlobal(event.globalPosition().toPoint())
        return QRect(QPoint(0, 0), QPoint(CORNER_PX, CORNER_PX)).contains(point)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Watch presses application-wide; swallow only the release that ends a staff hold."""
        kind = event.type()
        if not isinstance(event, QMouseEvent):
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self._fired = False
            if self._in_corner(event):
                self._timer.start()
            else:
                self._timer.stop()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._timer.stop()
            if self._fired:  # the end of a staff hold: swallowed, so nothing under it fires
                self._fired = False
                return True
        elif kind == QEvent.Type.MouseMove and not self._in_corner(event):
            self._timer.stop()
        return False
