"""The always-visible panel for calling an intake coordinator; touching it opens the call card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from kiosk.content.models import Coordinator
from kiosk.ui.widgets.layout_items import discard_item
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.touch_button import StyledButton, wrapping_label


class CallPanel(StyledButton):
    """Heading, the number in very large type, hours, confidentiality and a QR code."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("CallPanel")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(28, 28, 28, 28)
        self._layout.setSpacing(20)
        self._words = QVBoxLayout()
        self._words.setSpacing(12)
        self._layout.addLayout(self._words)
        self.qr: QrCode | None = None
        self.phone_label: QLabel | None = None

    def show_coordinator(
        self, coordinator: Coordinator, language: str, touch_hint: str, scan_hint: str
    ) -> None:
        """Fill the panel for ``coordinator`` in ``language``."""
        self._clear()
        heading = coordinator.heading.get(language)
        hours = coordinator.hours.get(language)
        private = coordinator.confidentiality.get(language)
        rows = [
            (heading, "heading"),
            (coordinator.phone, "phone"),
            (hours, None),
            (private, None),
            (touch_hint, "touch"),
        ]
        for text, role in rows:
            item = wrapping_label(text)
            if role:
                item.setProperty("role", role)
            if role == "phone":
                self.phone_label = item
            self._words.addWidget(item)
        self.qr = QrCode(coordinator.qr_payload(), 220, scan_hint)
        self.qr.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignCenter)
        self._layout.addStretch(1)
        self.setText(heading)
        self.setAccessibleName(f"{heading}. {coordinator.phone}. {hours}. {private}.")
        self.setAccessibleDescription(touch_hint)

    def _clear(self) -> None:
        while self._words.count():
            discard_item(self._words.takeAt(0))
        while self._layout.count() > 1:  # the QR code and the stretch after the words
            discard_item(self._layout.takeAt(1))
        self.qr = None

    def set_vertical(self, vertical: bool) -> None:
        """Stack the words above the QR code (landscape) or beside it (portrait)."""
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        )
