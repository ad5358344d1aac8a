"""The full-screen call card: the number very large, a QR code, and reassurance."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import ScrollPage, label, plain_text, spoken_number
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.touch_button import TouchButton


class CallCardScreen(ScrollPage):
    """Everything a visitor needs to call, readable from across the room."""

    def __init__(self, ctx: ScreenContext, call: Callable[[], bool] | None) -> None:
        coordinator = ctx.catalog.site.coordinator
        heading = ctx.text(coordinator.heading)
        super().__init__(heading, ctx.ui("page_desc"), ctx.scroll_pool)
        self.setObjectName("CallCard")
        self.column.setObjectName("CallCard")
        self.body.addWidget(label(heading, "h1"))
        self.phone = label(coordinator.phone, "phone")
        self.phone.setAccessibleName(f"{heading}: {coordinator.phone}")
        self.body.addWidget(self.phone)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(40)
        words = QVBoxLayout()
        words.setSpacing(14)
        for text in (coordinator.hours, coordinator.confidentiality, coordinator.promise):
            if text is not None:
                words.addWidget(label(ctx.text(text), "h2", markdown=True))
        words.addStretch(1)
        row.addLayout(words, 1)
        qr_column = QVBoxLayout()
        qr_column.setContentsMargins(0, 0, 0, 0)
        self.qr = QrCode(coordinator.qr_payload(), 320, ctx.ui("scan_to_call"))
        qr_column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        caption = label(ctx.ui("scan_to_call"))
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        qr_column.addWidget(caption)
        qr_column.addStretch(1)
        qr_holder = QWidget()
        qr_holder.setLayout(qr_column)
        qr_holder.setFixedWidth(380)
        row.addWidget(qr_holder)
        holder = QWidget()
        holder.setLayout(row)
        self.body.addWidget(holder)
        self._speech = "\n".join(
            [heading, spoken_number(coordinator.phone)]
            + [
                plain_text(ctx.text(t))
                for t in (coordinator.hours, coordinator.confidentiality, coordinator.promise)
                if t is not None
            ]
        )
        self.call_button: TouchButton | None = None
        self.status = label("")
        if call is not None:
            self.call_button = TouchButton(ctx.ui("call_now"))
            self.call_button.setMinimumHeight(110)
            self.call_button.setAccessibleDescription(ctx.ui("call_now_desc"))

            def dial() -> None:
                self.status.setText(ctx.ui("calling") if call() else ctx.ui("call_failed"))

            self.call_button.clicked.connect(dial)
            self.body.addWidget(self.call_button)
            self.body.addWidget(self.status)
        self.finish()

    def speech_text(self) -> str:
        """The number (digit by digit) and the reassurance, for Listen."""
        return self._speech
