"""WrapLabel remembers its sizes, but never gives a stale answer, and remembers only so much."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session import TextSize
from kiosk.ui.widgets.wrap_label import CACHED_WIDTHS, SizeMemo, WrapLabel
from tests.ui.conftest import WindowFactory, page_ids, show_page

LONG = "Take it exactly as your doctor told you; do not stop it suddenly. " * 4
RICH = "<p>" + LONG + "</p><ul><li>one point</li><li>another point</li></ul>"


def twins(qtbot: QtBot, text: str = LONG) -> tuple[WrapLabel, QLabel, QWidget]:
    """A WrapLabel and a plain QLabel set up alike, in one parent (returned too)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    layout = QVBoxLayout(parent)
    cached, plain = WrapLabel(), QLabel()
    cached.memo = SizeMemo()  # (a fresh memo, so tests do not see each other's labels)
    for label in (cached, plain):
        label.setWordWrap(True)
        label.setText(text)
        layout.addWidget(label)
    parent.show()
    return cached, plain, parent


def same_answers(cached: WrapLabel, plain: QLabel, widths: tuple[int, ...] = (300,)) -> None:
    """Every size question gets QLabel's own answer."""
    assert cached.sizeHint() == plain.sizeHint()
    assert cached.minimumSizeHint() == plain.minimumSizeHint()
    for width in widths:
        assert cached.heightForWidth(width) == plain.heightForWidth(width)


def test_answers_match_qlabel_at_every_width(qtbot: QtBot) -> None:
    cached, plain, _parent = twins(qtbot)  # (the parent must outlive the labels)
    same_answers(cached, plain, (200, 400, 800, 400, 200))
    same_answers(cached, plain, (200, 400, 800))  # now from memory


def test_new_text_format_and_margins_are_not_answered_from_memory(qtbot: QtBot) -> None:
    cached, plain, _parent = twins(qtbot)
    before = cached.heightForWidth(300)
    for label in (cached, plain):
        label.setText(LONG * 3)
    same_answers(cached, plain)
    assert cached.heightForWidth(300) > before
    for label in (cached, plain):
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(RICH)
    same_answers(cached, plain)
    for label in (cached, plain):
        label.setMargin(30)
        label.setIndent(40)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    same_answers(cached, plain)


def test_a_style_sheet_font_or_padding_change_is_seen(qtbot: QtBot) -> None:
    cached, plain, parent = twins(qtbot)
    before = cached.heightForWidth(300)
    parent.setStyleSheet("QLabel { font-size: 40px; padding-top: 12px; }")
    same_answers(cached, plain)
    assert cached.heightForWidth(300) > before
    parent.setStyleSheet("QLabel { font-size: 40px; padding-top: 50px; }")
    same_answers(cached, plain)
    for label in (cached, plain):  # a property the style sheet selects on, as TouchButton does
        label.setProperty("role", "x")
        label.style().unpolish(label)
        label.style().polish(label)
    parent.setStyleSheet('QLabel { font-size: 40px; } QLabel[role="x"] { font-size: 10px; }')
    same_answers(cached, plain)
    assert cached.heightForWidth(300) < before


def test_labels_with_the_same_text_and_font_share_answers(qtbot: QtBot) -> None:
    first, _plain, _parent = twins(qtbot)
    second = WrapLabel()
    second.memo = first.memo
    second.setWordWrap(True)
    second.setText(LONG)
    _parent.layout().addWidget(second)
    first.heightForWidth(333)
    assert len(first.memo) == 1
    assert second.heightForWidth(333) == first.heightForWidth(333)
    assert len(first.memo) == 1
    second.setText("Something else")
    second.heightForWidth(333)
    assert len(first.memo) == 2


def test_memory_is_bounded(qtbot: QtBot) -> None:
    cached, plain, _parent = twins(qtbot)
    cached.memo = SizeMemo(capacity=5)
    for width in range(100, 1100):
        cached.heightForWidth(width)
    for number in range(50):
        cached.setText(f"{LONG} {number}")
        cached.heightForWidth(300)
    assert len(cached.memo) == 5
    record = cached.memo.record(next(iter(cached.memo._records)))
    assert len(record.heights) <= CACHED_WIDTHS
    plain.setText(f"{LONG} 49")
    same_answers(cached, plain)


def test_every_label_on_every_page_answers_as_qlabel_would(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """One window through every page, size, language, contrast and orientation in turn.

    The shared memory sees the same texts again and again under different fonts and
    widths; each answer must still be what QLabel itself works out from scratch.
    """
    window = make_window()
    checked = 0
    for size in ((1920, 1080), (1080, 1920)):
        window.resize(*size)
        for text_size in TextSize:
            for contrast in (False, True):
                if window.session.high_contrast != contrast:
                    window.toggle_contrast()
                for page_id in page_ids():
                    show_page(window, page_id, text_size)
                    qtbot.wait(1)
                    for label in window.findChildren(WrapLabel):
                        if not label.isVisible():
                            continue
                        assert label.sizeHint() == QLabel.sizeHint(label)
                        assert label.minimumSizeHint() == QLabel.minimumSizeHint(label)
                        width = label.width()
                        assert label.heightForWidth(width) == QLabel.heightForWidth(label, width)
                        checked += 1
                window.next_language()  # the other language next time round
    assert checked > 1000


def test_changes_made_by_qt_itself_never_leave_a_stale_answer(qtbot: QtBot) -> None:
    """Qt's own C++ setters (clear, setNum, setFixedWidth) bypass Python overrides.

    The memo is keyed by what the label is now, so each answer still matches QLabel's.
    """
    cached, _plain, _parent = twins(qtbot)
    cached.sizeHint()  # remembered for the long text
    for change in (
        lambda label: label.setNum(7),
        lambda label: label.clear(),
        lambda label: label.setText(LONG),
        lambda label: label.setFixedWidth(180),
        lambda label: label.setStyleSheet("font-size: 40px"),
    ):
        change(cached)
        fresh = QLabel()  # QLabel as it would answer from scratch, set up as cached is now
        qtbot.addWidget(fresh)
        fresh.setWordWrap(True)
        fresh.setText(cached.text())
        fresh.setStyleSheet(cached.styleSheet())
        fresh.setMinimumWidth(cached.minimumWidth())
        fresh.setMaximumWidth(cached.maximumWidth())
        fresh.ensurePolished()
        assert cached.sizeHint() == fresh.sizeHint()
        assert cached.minimumSizeHint() == fresh.minimumSizeHint()
        assert cached.heightForWidth(180) == fresh.heightForWidth(180)
