"""What a screen says comes from the same view model as what it shows: nothing shown is unsaid."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.session import Place, Screen, TextSize
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.touch_button import TouchButton
from tests.ui.conftest import WindowFactory, page_ids, show_page

_URL = re.compile(r"https?://\S+")


def words(text: str) -> str:
    """Lower-case words only: what a voice would say, whatever the punctuation and bullets."""
    said = " ".join(re.findall(r"\w+", _URL.sub(" ", text).lower()))
    return re.sub(r"(?<=\d) (?=\d)", "", said)  # (numbers are said digit by digit)


def shown_texts(screen: QWidget) -> list[str]:
    """The words of every visible label and button on a screen (rich text as plain text)."""
    texts = []
    for label in screen.findChildren(QLabel):
        if not label.isVisibleTo(screen) or not label.text():
            continue
        if isinstance(label.parent(), QAbstractButton):
            continue  # (a button's labels: its text is checked below)
        if label.textFormat() == Qt.TextFormat.RichText or "<" in label.text():
            document = QTextDocument()
            document.setHtml(label.text())
            texts.append(document.toPlainText())
        elif label.objectName() != "AdviceIcon" and not isinstance(label, QrCode):
            texts.append(label.text())
    for button in screen.findChildren(TouchButton):
        # (keys of the keyboard and the A–Z strip say themselves when touched, not on arrival)
        if button.isVisibleTo(screen) and button.property("kind") != "key":
            texts.append(button.title_label.text())
            if button.subtitle_label is not None and button.subtitle_label.text():
                texts.append(button.subtitle_label.text())
    return [t for t in texts if words(t)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_visible_text_of_every_screen_is_in_what_it_says(
    make_window: WindowFactory, language: str
) -> None:
    window = make_window(language=language)
    checked = 0
    for page_id in [*page_ids(), "attract"]:
        if page_id == "attract":
            window.go(Place(Screen.ATTRACT))
        else:
            show_page(window, page_id, TextSize.NORMAL)
        screen = window.current
        assert screen is not None
        said = words(screen.speech_text())
        for text in shown_texts(screen):
            assert words(text) in said, f"{page_id}: {text!r} is shown but never said"
            checked += 1
    assert checked > 100
