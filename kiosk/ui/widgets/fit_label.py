"""Labels that shrink their words to fit their width, so a number or a long word is never cut."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: Never smaller than this share of the style sheet's size. (The coordinator's number at
#: the largest text size in a 266-pixel call panel is drawn at 0.29 of its size: 29 px.)
SMALLEST = 0.2
#: Room for a tall glyph's edges (the font's line height is measured, but rounding is not).
EDGE_PX = 2


def scaled_font(font: QFont, scale: float) -> QFont:
    """``font`` at ``scale`` of its size (pixel or point sized)."""
    if scale >= 1.0:
        return QFont(font)
    smaller = QFont(font)
    if font.pixelSize() > 0:
        smaller.setPixelSize(max(1, math.floor(font.pixelSize() * scale)))
    else:
        smaller.setPointSizeF(max(1.0, font.pointSizeF() * scale))
    return smaller


class FitLabel(QLabel):
    """Draws its text in the style sheet's font, scaled down when the width is too small.

    It asks for the width its text needs at full size, but takes less without complaint
    (its minimum width is that of the smallest size), so a narrow panel never widens the
    window; the number is then drawn smaller, whole, and the label is only as tall as the
    smaller number.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._largest = 1.0

    def set_largest(self, scale: float) -> None:
        """Never draw the text above ``scale`` of the style sheet's size (a compact panel)."""
        if scale != self._largest:
            self._largest = scale
            self.updateGeometry()
            self.update()

    def _full_width(self) -> float:
        return QFontMetricsF(self.font()).horizontalAdvance(self.text())

    def _margins(self) -> tuple[int, int]:
        """Frame (a style sheet's border and padding) and margins, across and down."""
        self.ensurePolished()
        inside = self.contentsRect()
        return self.width() - inside.width(), self.height() - inside.height()

    def sizeHint(self) -> QSize:
        """Its text on one line at full size."""
        self.ensurePolished()
        across, down = self._margins()
        height = QFontMetricsF(self.font()).height() * self._largest
        return QSize(
            math.ceil(self._full_width() * self._largest) + across + EDGE_PX,
            math.ceil(height) + down + EDGE_PX,
        )

    def minimumSizeHint(self) -> QSize:
        """As tall as at full size; as narrow as the smallest size allows."""
        hint = self.sizeHint()
        return QSize(round(hint.width() * SMALLEST), hint.height())

    def hasHeightForWidth(self) -> bool:
        """A narrower label draws a smaller number, so it needs less height."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the number drawn as large as ``width`` allows."""
        return self.height_for(width, self._largest)

    def height_for(self, width: int, largest: float) -> int:
        """The height at ``width`` were the text never drawn above ``largest`` of its size."""
        self.ensurePolished()
        across, down = self._margins()
        scale = self._scale_for(width - across, largest)
        return math.ceil(QFontMetricsF(self.font()).height() * scale) + down + EDGE_PX

    def _scale_for(self, width: int, largest: float | None = None) -> float:
        full = self._full_width()
        fits = 1.0 if full <= width - EDGE_PX or full == 0 else (width - EDGE_PX) / full
        return max(SMALLEST, min(self._largest if largest is None else largest, fits))

    def scale(self) -> float:
        """How much the text is shrunk to fit (1.0: not at all)."""
        return self._scale_for(self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        """The text, scaled to the width, centred in the label's height."""
        painter = QPainter(self)
        painter.setFont(scaled_font(self.font(), self.scale()))
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.text()
        )


class FitWordsLabel(QLabel):
    """A wrapping label whose longest word always fits: the font shrinks until it does.

    ``set_largest`` caps the size below the style sheet's (a call panel on a short screen);
    sizes and heights are those of the font it draws with, so layouts give it what it needs.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._largest = 1.0

    def set_largest(self, scale: float) -> None:
        """Never draw the words above ``scale`` of the style sheet's size."""
        if scale != self._largest:
            self._largest = scale
            self.updateGeometry()
            self.update()

    def _margins(self) -> tuple[int, int]:
        """Frame (a style sheet's border and padding) and margins, across and down."""
        self.ensurePolished()
        inside = self.contentsRect()
        return self.width() - inside.width(), self.height() - inside.height()

    def font_for(self, width: int, largest: float | None = None) -> QFont:
        """The font the words are drawn in when the text is ``width`` pixels wide."""
        self.ensurePolished()
        cap = self._largest if largest is None else largest
        font = self.font()
        metrics = QFontMetricsF(font)
        longest = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0.0)
        room = width - EDGE_PX
        fits = 1.0 if longest <= room or longest == 0 else room / longest
        return scaled_font(font, max(SMALLEST, min(cap, fits)))

    def _text_height(self, width: int, largest: float) -> int:
        font = self.font_for(width, largest)
        flags = int(Qt.TextFlag.TextWordWrap)
        box = QFontMetricsF(font).boundingRect(
            QRect(0, 0, max(1, width - EDGE_PX), 100_000).toRectF(), flags, self.text()
        )
        return math.ceil(box.height())

    def sizeHint(self) -> QSize:
        """The words on one line at full size."""
        self.ensurePolished()
        across, down = self._margins()
        font = scaled_font(self.font(), self._largest)
        metrics = QFontMetricsF(font)
        return QSize(
            math.ceil(metrics.horizontalAdvance(self.text())) + across + EDGE_PX,
            math.ceil(metrics.height()) + down,
        )

    def minimumSizeHint(self) -> QSize:
        """Narrow (the words shrink), one line tall."""
        hint = self.sizeHint()
        return QSize(min(hint.width(), 60), hint.height())

    def hasHeightForWidth(self) -> bool:
        """Wrapped words need more lines on a narrower label."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the wrapped words at ``width``."""
        return self.height_for(width, self._largest)

    def height_for(self, width: int, largest: float) -> int:
        """The height at ``width`` were the words never drawn above ``largest`` of their size."""
        across, down = self._margins()
        return self._text_height(width - across, largest) + down

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame (style sheet border), then the words in the fitted font."""
        painter = QPainter(self)
        self.drawFrame(painter)
        rect = self.contentsRect()
        painter.setFont(self.font_for(rect.width()))
        painter.setPen(self.palette().color(self.foregroundRole()))
        flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(rect.adjusted(0, 0, -EDGE_PX, 0), flags, self.text())
