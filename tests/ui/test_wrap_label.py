"""WrapLabel remembers heights per width, but never a stale one, and never too many."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.wrap_label import CACHED_WIDTHS, WrapLabel

LONG = "Take it exactly as your doctor told you; do not stop it suddenly. " * 4


def twins(qtbot: QtBot, text: str = LONG) -> tuple[WrapLabel, QLabel, QWidget]:
    """A WrapLabel and a plain QLabel set up alike, in one parent (returned too)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    layout = QVBoxLayout(parent)
    cached, plain = WrapLabel(), QLabel()
    for label in (cached, plain):
        label.setWordWrap(True)
        label.setText(text)
        layout.addWidget(label)
    parent.show()
    return cached, plain, parent


def test_heights_match_qlabel_at_every_width(qtbot: QtBot) -> None:
    cached, plain, _parent = twins(qtbot)  # (the parent must outlive the labels)
    for width in (200, 400, 800, 400, 200):
        assert cached.heightForWidth(width) == plain.heightForWidth(width)


def test_new_text_format_and_margins_are_not_answered_from_memory(qtbot: QtBot) -> None:
    cached, plain, _parent = twins(qtbot)
    before = cached.heightForWidth(300)
    for label in (cached, plain):
        label.setText(LONG * 3)
    assert cached.heightForWidth(300) == plain.heightForWidth(300) > before
    for label in (cached, plain):
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText("<p>" + LONG + "</p><ul><li>one</li><li>two</li></ul>")
    assert cached.heightForWidth(300) == plain.heightForWidth(300)
    for label in (cached, plain):
        label.setMargin(30)
        label.setIndent(40)
    assert cached.heightForWidth(300) == plain.heightForWidth(300)


def test_a_style_sheet_font_change_is_seen(qtbot: QtBot) -> None:
    cached, plain, parent = twins(qtbot)
    before = cached.heightForWidth(300)
    parent.setStyleSheet("QLabel { font-size: 40px; padding-top: 12px; }")
    assert cached.heightForWidth(300) == plain.heightForWidth(300) > before
    cached.setProperty("role", "x")
    parent.setStyleSheet('QLabel[role="x"] { font-size: 10px; }')
    cached.style().unpolish(cached)
    cached.style().polish(cached)
    assert cached.heightForWidth(300) < before


def test_memory_is_bounded(qtbot: QtBot) -> None:
    cached, _plain, _parent = twins(qtbot)
    for width in range(100, 1100):
        cached.heightForWidth(width)
    assert len(cached._heights) <= CACHED_WIDTHS
