"""Building blocks shared by screens: a scrolling page column and styled labels."""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.kiosk_screen import KioskScreen
from kiosk.ui.widgets.scroll import scroll_area
from kiosk.ui.widgets.wrap_label import SizeMemo, WrapLabel
from kiosk.views.markdown import kiosk_markdown
from kiosk.views.parts import Text

PAGE_MARGIN = 40
SPACING = 20


_BODY_STYLE = re.compile(r"<body[^>]*>")

#: Rendered texts kept: every text of about fifty pages in two languages. (The HTML is a few
#: KB each, so a larger cache only grows memory on big folders, where visits rarely repeat.)
MARKDOWN_CACHE_SIZE = 512


@functools.lru_cache(maxsize=MARKDOWN_CACHE_SIZE)
def markdown_html(text: str, paragraph_gap_px: int = 14) -> str:
    """Render kiosk Markdown to HTML with a visible gap between paragraphs."""
    document = QTextDocument()
    document.setMarkdown(kiosk_markdown(text))
    block = document.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        fmt = QTextBlockFormat(block.blockFormat())
        in_list = block.textList() is not None
        following = block.next()
        next_in_list = following.isValid() and following.textList() is not None
        fmt.setBottomMargin(4 if in_list and next_in_list else paragraph_gap_px)
        fmt.setTopMargin(0)
        cursor.setBlockFormat(fmt)
        block = block.next()
    # Drop the document's default font from <body> so the label's QSS font (size, weight)
    # applies, as it does to plain labels.
    return _BODY_STYLE.sub("<body>", document.toHtml(), count=1)


def label(text: str, role: str | None = None, *, markdown: bool = False) -> QLabel:
    """A wrapping label; ``role`` selects a QSS style (h1, h2, muted …)."""
    widget = WrapLabel()
    widget.setWordWrap(True)
    widget.setIndent(0)
    widget.setTextFormat(Qt.TextFormat.RichText if markdown else Qt.TextFormat.PlainText)
    widget.setText(markdown_html(text) if markdown else text)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    if role:
        widget.setProperty("role", role)
    widget.setAccessibleName(text.replace("**", "") if markdown else text)
    return widget


def text_label(part: Text) -> QLabel:
    """The label that shows one view-model text."""
    widget = label(part.shown, part.role or None, markdown=part.markdown)
    if part.name:
        widget.setAccessibleName(part.name)
    return widget


def measure_with(widget: QWidget, sizes: SizeMemo | None) -> None:
    """Hand the window's label size memo to every wrapping label in ``widget``."""
    for child in widget.findChildren(WrapLabel):
        child.memo = sizes


class ScrollPage(KioskScreen):
    """A screen made of one scrolling column; add widgets to ``body``."""

    def __init__(self, ctx: ScreenContext, name: str, description: str = "") -> None:
        super().__init__()
        pool = ctx.scroll_pool
        self._sizes = ctx.sizes
        self.setObjectName("Screen")
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        column = QWidget()
        column.setObjectName("Screen")
        self.column = column
        self.body = QVBoxLayout(column)
        self.body.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN // 2, PAGE_MARGIN, PAGE_MARGIN)
        self.body.setSpacing(SPACING)
        self._pool = pool
        self.scroll_area: QScrollArea = pool.take(column) if pool else scroll_area(column)
        self.scroll_area.setAccessibleName(name)
        self.scroll_area.setAccessibleDescription(description)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.scroll_area.show()  # a recycled area comes back hidden

    def finish(self) -> None:
        """Push content to the top; the page's labels measure with the window's memo."""
        self.body.addStretch(1)
        measure_with(self, self._sizes)

    def event(self, event: QEvent) -> bool:
        """When deleted (after deleteLater), hand the scroll area back to the pool.

        That is after the next screen has been drawn, so its cost is not part of the tap.
        """
        if event.type() == QEvent.Type.DeferredDelete and self._pool is not None:
            pool, self._pool = self._pool, None
            pool.give_back(self.scroll_area)
        return super().event(event)
