"""A word-wrapping QLabel whose size answers are worked out once per text, font and width."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QSize
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


class WrapLabel(QLabel):
    """A QLabel whose ``sizeHint``, ``minimumSizeHint`` and ``heightForWidth`` are remembered.

    Qt lays a wrapping label's text out again for every size question (rich text twice, and
    even when the width is the same), and while a new screen is built and shown the layouts
    ask each label many of them. The answers depend only on what is in SizeKey, so they are
    looked up in ``memo``, which the window owns and hands to each page's labels (a label
    with no memo answers as QLabel does).

    The key is worked out afresh for every question, from what the label is now: so no
    change can leave a stale answer behind, whether it comes through Python, Qt's own C++
    (``clear()``, ``setNum()``, ``setFixedWidth()`` …) or a style sheet.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.memo: SizeMemo | None = None

    def size_key(self) -> SizeKey:
        """Everything the label's size depends on, as it is now."""
        self.ensurePolished()  # (the style sheet sets the font and margins)
        margins = self.contentsMargins()
        return (
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

    def _record(self) -> SizeRecord | None:
        return self.memo.record(self.size_key()) if self.memo is not None else None

    def sizeHint(self) -> QSize:
        """QLabel's size hint (remembered)."""
        record = self._record()
        if record is None:
            return super().sizeHint()
        if record.preferred is None:
            record.preferred = QSize(super().sizeHint())
        return QSize(record.preferred)

    def minimumSizeHint(self) -> QSize:
        """QLabel's minimum size hint (remembered)."""
        record = self._record()
        if record is None:
            return super().minimumSizeHint()
        if record.minimum is None:
            record.minimum = QSize(super().minimumSizeHint())
        return QSize(record.minimum)

    def heightForWidth(self, width: int) -> int:
        """The label's height at ``width`` (remembered)."""
        record = self._record()
        if record is None:
            return super().heightForWidth(width)
        heights = record.heights
        height = heights.get(width)
        if height is None:
            height = super().heightForWidth(width)
            if len(heights) >= CACHED_WIDTHS:
                heights.clear()
            heights[width] = height
        return height
