"""The scrolling column of a page: opaque, painting its style-sheet background once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QStyle, QStyleOption, QWidget


class PageColumn(QWidget):
    """The content of a page's scroll area.

    A scroll area's content fills its background from the palette, and its style-sheet
    background is painted over that: two full-screen fills per frame. This one is opaque
    (so nothing behind it is painted either) and paints the style sheet's background only.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The style sheet's background (Qt skips it for opaque widgets)."""
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
