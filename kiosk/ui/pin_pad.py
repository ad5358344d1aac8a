"""The staff PIN pad: big digit keys, dots for what was typed, clear messages."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.pin import PinGate, PinResult
from kiosk.ui.screens.common import label
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.touch_button import TouchButton

MAX_DIGITS = 12


class PinPad(Overlay):
    """Emits ``accepted`` after a right PIN; the typed digits live only in this widget."""

    accepted = Signal()
    #: The visitor (or staff) closed the pad with its Cancel key.
    closed = Signal()

    def __init__(self, window: QWidget, gate: PinGate) -> None:
        super().__init__(window, "Staff PIN")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.gate = gate
        self._digits = ""
        self.body.addWidget(label("Staff PIN", "h1"))
        self.display = label("", "h1")
        self.display.setAccessibleName("PIN entered")
        self.message = label("Enter the staff PIN.")
        self.body.addWidget(self.display)
        self.body.addWidget(self.message)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.keys: dict[str, TouchButton] = {}
        for index, digit in enumerate("123456789"):
            self._key(grid, digit, index // 3, index % 3)
        self._key(grid, "Delete", 3, 0, self.delete)
        self._key(grid, "0", 3, 1)
        self._key(grid, "OK", 3, 2, self.submit)
        self._key(grid, "Cancel", 4, 0, self._cancel_pressed, span=3)
        self.body.addLayout(grid)

    def _key(
        self,
        grid: QGridLayout,
        text: str,
        row: int,
        column: int,
        action: Callable[[], None] | None = None,
        span: int = 1,
    ) -> None:
        key = TouchButton(text, kind="key" if text.isdigit() else "quiet")
        key.setMinimumSize(120, 90)
        if action is None:
            key.clicked.connect(lambda _=False, d=text: self.type_digit(d))
        else:
            key.clicked.connect(action)
        grid.addWidget(key, row, column, 1, span)
        self.keys[text] = key

    def open_pad(self) -> None:
        """Open empty."""
        self._digits = ""
        self._refresh()
        self._show_lock_or("Enter the staff PIN.")
        self.open()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Staff with a keyboard may type the PIN: digits, Backspace and Enter."""
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self.type_digit(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self.delete()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)

    def type_digit(self, digit: str) -> None:
        """Add one digit (up to 12)."""
        if len(self._digits) < MAX_DIGITS:
            self._digits += digit
        self._refresh()

    def delete(self) -> None:
        """Remove the last digit."""
        self._digits = self._digits[:-1]
        self._refresh()

    def _cancel_pressed(self) -> None:
        self.cancel()
        self.closed.emit()

    def cancel(self) -> None:
        """Close and forget what was typed."""
        self._digits = ""
        self.hide()

    def submit(self) -> None:
        """Check the PIN."""
        result = self.gate.attempt(self._digits)
        self._digits = ""
        self._refresh()
        if result is PinResult.OK:
            self.hide()
            self.accepted.emit()
        elif result is PinResult.WRONG:
            left = self.gate.tries_left
            self.message.setText(f"Wrong PIN. {left} {'try' if left == 1 else 'tries'} left.")
        else:
            self._show_lock_or("")

    def _show_lock_or(self, text: str) -> None:
        wait = self.gate.locked_for()
        if wait > 0:
            minutes = math.ceil(wait / 60)
            self.message.setText(
                f"Too many wrong tries. The PIN pad is locked for {minutes} more minute"
                f"{'' if minutes == 1 else 's'}."
            )
        elif text:
            self.message.setText(text)

    def _refresh(self) -> None:
        self.display.setText("•" * len(self._digits) or "–")
