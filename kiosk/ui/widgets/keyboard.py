"""An in-window on-screen keyboard with big keys (no OS keyboard, no physical keyboard needed)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.ui.widgets.touch_button import TouchButton

#: Between keys: the 8 pixels every pair of targets keeps.
KEY_GAP_PX = 8
DIGITS = "1234567890"
ROWS = (DIGITS, "QWERTYUIOP", "ASDFGHJKLÑ", "ZXCVBNM-")


class OnScreenKeyboard(QWidget):
    """Letter keys plus space, delete and clear; emits what was pressed.

    The row of digits shows only when ``digits`` is true (when some name has a digit), so a
    short screen keeps one more row of the list.
    """

    typed = Signal(str)
    deleted = Signal()
    cleared = Signal()

    def __init__(
        self, labels: dict[str, str], parent: QWidget | None = None, *, digits: bool = True
    ) -> None:
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
        self._grid = grid
        self._digits = digits
        self.keys["space"], self.keys["delete"], self.keys["clear"] = space, delete, clear
        for key in (space, delete, clear):
            key.setAccessibleDescription(labels.get("key", ""))
            key.setProperty("wide", "true")  # (words, a little smaller than the letters)
        self._compact = True
        self.set_compact(False)

    def set_compact(self, compact: bool) -> None:
        """Three rows of letters, Delete beside Z–M, for a short screen; else all the keys.

        Compact drops the digits, Space and the hyphen (the search ignores spaces and
        hyphens) and Clear (the medication list shows it beside the search box).
        """
        if compact == self._compact:
            return
        self._compact = compact
        last = len(ROWS)
        grid, keys = self._grid, self.keys
        for key in (keys["space"], keys["delete"], keys["clear"]):
            grid.removeWidget(key)
        if compact:
            grid.addWidget(keys["delete"], last - 1, 7, 1, 3)  # (over the hidden hyphen)
        else:
            # the wide keys share the last row, so no word widens a column of letters
            grid.addWidget(keys["delete"], last, 0, 1, 3)
            grid.addWidget(keys["space"], last, 3, 1, 4)
            grid.addWidget(keys["clear"], last, 7, 1, 3)
        for letter in DIGITS:
            keys[letter].setVisible(self._digits and not compact)
        for name in ("space", "clear", "-"):
            keys[name].setVisible(not compact)

    def compact(self) -> bool:
        """Whether the keyboard is in its short-screen form."""
        return self._compact

    def shows_digits(self) -> bool:
        """Whether the row of digits is there."""
        return not self.keys[DIGITS[0]].isHidden()
