"""An in-window on-screen keyboard with big keys (no OS keyboard, no physical keyboard needed)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.widgets.touch_button import TouchButton

#: Between keys: the 8 pixels every pair of targets keeps.
KEY_GAP_PX = 8
ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKLÑ", "ZXCVBNM-")


class OnScreenKeyboard(QWidget):
    """Letter keys plus space, delete and clear; emits what was pressed."""

    typed = Signal(str)
    deleted = Signal()
    cleared = Signal()

    def __init__(self, labels: dict[str, str], parent: QWidget | None = None) -> None:
        """``labels``: words for space, delete, clear, the keyboard and a key's description."""
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.setAccessibleName(labels.get("keyboard", "Keyboard"))
        grid = QGridLayout(self)
        grid.setSpacing(KEY_GAP_PX)
        grid.setContentsMargins(0, 0, 0, 0)  # (the page has its margins)
        self.keys: dict[str, TouchButton] = {}
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                key = TouchButton(letter, kind="key")
                key.setAccessibleName(letter)
                key.setAccessibleDescription(labels.get("key", ""))
                key.clicked.connect(lambda _=False, ch=letter: self.typed.emit(ch.lower()))
                grid.addWidget(key, row, column)
                self.keys[letter] = key
        space = TouchButton(labels["space"], kind="key")
        space.clicked.connect(lambda: self.typed.emit(" "))
        delete = TouchButton(labels["delete"], kind="key")
        delete.clicked.connect(self.deleted.emit)
        clear = TouchButton(labels["clear"], kind="key")
        clear.clicked.connect(self.cleared.emit)
        last = len(ROWS)
        # the wide keys share the last row, so no word widens a column of letters
        grid.addWidget(delete, last, 0, 1, 3)
        grid.addWidget(space, last, 3, 1, 4)
        grid.addWidget(clear, last, 7, 1, 3)
        self.keys["space"], self.keys["delete"], self.keys["clear"] = space, delete, clear
        for key in (space, delete, clear):
            key.setAccessibleDescription(labels.get("key", ""))
