"""A word-wrapping QLabel that remembers its height for each width it was asked about."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

#: Widths remembered per label; layouts ask about only a handful (with and without the
#: scroll bar, inside a box …), so a few entries hold them all.
CACHED_WIDTHS = 8


class WrapLabel(QLabel):
    """A QLabel whose ``heightForWidth`` is worked out once per width.

    Qt lays a wrapping label's text out again on every ``heightForWidth`` call (rich text
    even when the width is the same), and while a new screen is built and shown the
    layouts ask the same label the same question many times. The answer only depends on
    the text, its format, the font, the style and the margins, so it is remembered until
    one of those changes.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        """The label's height at ``width`` (remembered)."""
        heights = self._heights
        height = heights.get(width)
        if height is None:
            height = super().heightForWidth(width)
            if len(heights) >= CACHED_WIDTHS:
                heights.clear()
            heights[width] = height
        return height

    def forget_heights(self) -> None:
        """Drop remembered heights (after anything that changes how the text lays out)."""
        self._heights.clear()

    def changeEvent(self, event: QEvent) -> None:
        """Font, style, margin or direction changes lay the text out differently."""
        self._heights.clear()
        super().changeEvent(event)

    # The setters below change the layout of the text; QLabel has no signal for them.

    def setText(self, text: str) -> None:
        """Show ``text``."""
        self._heights.clear()
        super().setText(text)

    def setTextFormat(self, format: Qt.TextFormat) -> None:
        """Plain or rich text."""
        self._heights.clear()
        super().setTextFormat(format)

    def setWordWrap(self, on: bool) -> None:
        """Wrap at word boundaries or not."""
        self._heights.clear()
        super().setWordWrap(on)

    def setIndent(self, indent: int) -> None:
        """Indent of the text, in pixels."""
        self._heights.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:
        """Margin around the text, in pixels."""
        self._heights.clear()
        super().setMargin(margin)

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        """Alignment of the text."""
        self._heights.clear()
        super().setAlignment(alignment)
