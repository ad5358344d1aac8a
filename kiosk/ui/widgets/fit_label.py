"""A one-line label that shrinks its words to fit its width, so a phone number is never cut."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: Never smaller than this share of the style sheet's size (a number must stay readable).
SMALLEST = 0.3


class FitLabel(QLabel):
    """Draws its text in the style sheet's font, scaled down when the width is too small.

    It asks for the width its text needs at full size, but takes less without complaint
    (its minimum width is that of the smallest size), so a narrow panel never widens the
    window; the number is then drawn smaller, whole.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def _full_width(self) -> float:
        return QFontMetricsF(self.font()).horizontalAdvance(self.text())

    def sizeHint(self) -> QSize:
        """Its text on one line at full size."""
        self.ensurePolished()
        margins = self.contentsMargins()
        height = QFontMetricsF(self.font()).height()
        return QSize(
            round(self._full_width()) + margins.left() + margins.right() + 2,
            round(height) + margins.top() + margins.bottom(),
        )

    def minimumSizeHint(self) -> QSize:
        """As tall as at full size; as narrow as the smallest size allows."""
        hint = self.sizeHint()
        return QSize(round(hint.width() * SMALLEST), hint.height())

    def scale(self) -> float:
        """How much the text is shrunk to fit (1.0: not at all)."""
        width = self.contentsRect().width()
        full = self._full_width()
        return 1.0 if full <= width or full == 0 else max(SMALLEST, width / full)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, scaled to the width, on the baseline of the full-size text."""
        painter = QPainter(self)
        font = self.font()
        scale = self.scale()
        if scale < 1.0 and font.pixelSize() > 0:
            font.setPixelSize(max(1, int(font.pixelSize() * scale)))
        elif scale < 1.0:
            font.setPointSizeF(max(1.0, font.pointSizeF() * scale))
        painter.setFont(font)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.text()
        )
