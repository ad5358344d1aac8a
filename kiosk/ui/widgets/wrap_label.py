"""A word-wrapping QLabel whose size answers are worked out once per text, font and width."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

#: Widths remembered per text; layouts ask about only a handful (with and without the
#: scroll bar, inside a box …), so a few entries hold them all.
CACHED_WIDTHS = 8
#: Texts remembered (at most this many records, least recently used dropped first): about
#: twenty screens' worth, so headings, notes and buttons that recur are not laid out again.
CACHED_TEXTS = 512

#: What a label's size depends on: text, format, font, wrapping, indent, margin, contents
#: margins, alignment and its width limits.
SizeKey = tuple[object, ...]


class SizeRecord:
    """The size hints and heights for one text laid out one way."""

    __slots__ = ("heights", "minimum", "preferred")

    def __init__(self) -> None:
        self.preferred: QSize | None = None
        self.minimum: QSize | None = None
        self.heights: dict[int, int] = {}


class SizeMemo:
    """A bounded, least-recently-used map from SizeKey to SizeRecord.

    It holds only numbers worked out from strings and fonts, never widgets, so sharing it
    between labels (and screens) cannot keep anything alive.
    """

    def __init__(self, capacity: int = CACHED_TEXTS) -> None:
        self.capacity = capacity
        self._records: OrderedDict[SizeKey, SizeRecord] = OrderedDict()

    def __len__(self) -> int:
        return len(self._records)

    def record(self, key: SizeKey) -> SizeRecord:
        """The record for ``key`` (a new, empty one the first time)."""
        records = self._records
        found = records.get(key)
        if found is not None:
            records.move_to_end(key)
            return found
        found = records[key] = SizeRecord()
        if len(records) > self.capacity:
            records.popitem(last=False)
        return found


#: Shared by every WrapLabel, like the lru_cache on markdown_html: a pure, bounded cache.
SIZES = SizeMemo()


class WrapLabel(QLabel):
    """A QLabel whose ``sizeHint``, ``minimumSizeHint`` and ``heightForWidth`` are remembered.

    Qt lays a wrapping label's text out again for every size question (rich text twice, and
    even when the width is the same), and while a new screen is built and shown the layouts
    ask each label many of them. The answers depend only on what is in SizeKey, so they
    are looked up in SIZES; the key is worked out again after anything that could change
    it (text, format, font, style, margins …).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._record: SizeRecord | None = None
        self.memo = SIZES

    def _sizes(self) -> SizeRecord:
        record = self._record
        if record is None:
            self.ensurePolished()  # (the style sheet sets the font and margins)
            margins = self.contentsMargins()
            key = (
                self.text(),
                self.textFormat().value,
                self.font().key(),
                self.wordWrap(),
                self.indent(),
                self.margin(),
                margins.left(),
                margins.top(),
                margins.right(),
                margins.bottom(),
                self.alignment().value,
                self.minimumWidth(),
                self.maximumWidth(),
            )
            record = self._record = self.memo.record(key)
        return record

    def sizeHint(self) -> QSize:
        """QLabel's size hint (remembered)."""
        record = self._sizes()
        if record.preferred is None:
            record.preferred = QSize(super().sizeHint())
        return QSize(record.preferred)

    def minimumSizeHint(self) -> QSize:
        """QLabel's minimum size hint (remembered)."""
        record = self._sizes()
        if record.minimum is None:
            record.minimum = QSize(super().minimumSizeHint())
        return QSize(record.minimum)

    def heightForWidth(self, width: int) -> int:
        """The label's height at ``width`` (remembered)."""
        heights = self._sizes().heights
        height = heights.get(width)
        if height is None:
            height = super().heightForWidth(width)
            if len(heights) >= CACHED_WIDTHS:
                heights.clear()
            heights[width] = height
        return height

    def changeEvent(self, event: QEvent) -> None:
        """Font, style, margin or direction changes lay the text out differently."""
        self._record = None
        super().changeEvent(event)

    # The setters below change the layout of the text; QLabel has no signal for them.

    def setText(self, text: str) -> None:
        """Show ``text``."""
        self._record = None
        super().setText(text)

    def setTextFormat(self, format: Qt.TextFormat) -> None:
        """Plain or rich text."""
        self._record = None
        super().setTextFormat(format)

    def setWordWrap(self, on: bool) -> None:
        """Wrap at word boundaries or not."""
        self._record = None
        super().setWordWrap(on)

    def setIndent(self, indent: int) -> None:
        """Indent of the text, in pixels."""
        self._record = None
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:
        """Margin around the text, in pixels."""
        self._record = None
        super().setMargin(margin)

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        """Alignment of the text."""
        self._record = None
        super().setAlignment(alignment)

    def setMinimumWidth(self, width: int) -> None:
        """Narrowest width."""
        self._record = None
        super().setMinimumWidth(width)

    def setMaximumWidth(self, width: int) -> None:
        """Widest width."""
        self._record = None
        super().setMaximumWidth(width)
