"""The full-screen call card: the number very large, a QR code, reassurance, and other help.

Reached from an immediate-action result it keeps that result's emergency action at its top;
the public help lines from kiosk.yaml follow the clinic's own line, never instead of 911.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.models import AdviceLevel, HelpLine
from kiosk.content.text import LocalText
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.advice import AdviceBox
from kiosk.ui.screens.common import ScrollPage, label, plain_text, spoken_number
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.touch_button import TouchButton


def qr_with_caption(code: QrCode, caption: QLabel, width: int) -> QWidget:
    """A QR code with its caption centred under it, in a column ``width`` px wide."""
    column = QVBoxLayout()
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(6)
    column.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
    caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    column.addWidget(caption)
    column.addStretch(1)
    holder = QWidget()
    holder.setLayout(column)
    holder.setFixedWidth(width)
    return holder


class CallCardScreen(ScrollPage):
    """Everything a visitor needs to call, readable from across the room."""

    def __init__(
        self,
        ctx: ScreenContext,
        call: Callable[[], bool] | None,
        emergency_action: LocalText | None = None,
    ) -> None:
        coordinator = ctx.catalog.site.coordinator
        heading = ctx.text(coordinator.heading)
        super().__init__(heading, ctx.ui("page_desc"), ctx.scroll_pool)
        self.setObjectName("CallCard")
        self.column.setObjectName("CallCard")
        self.emergency_box: AdviceBox | None = None
        spoken: list[str] = []
        if emergency_action is not None:
            self.emergency_box = AdviceBox(
                ctx, AdviceLevel.IMMEDIATE, emergency_action=ctx.text(emergency_action)
            )
            self.body.addWidget(self.emergency_box)
            spoken += self.emergency_box.spoken_lines()
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
        self.qr = QrCode(coordinator.qr_payload(), 320, ctx.ui("scan_to_call"))
        row.addWidget(qr_with_caption(self.qr, label(ctx.ui("scan_to_call")), 380))
        holder = QWidget()
        holder.setLayout(row)
        self.body.addWidget(holder)
        spoken += [heading, spoken_number(coordinator.phone)] + [
            plain_text(ctx.text(t))
            for t in (coordinator.hours, coordinator.confidentiality, coordinator.promise)
            if t is not None
        ]
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
        self.help_lines: list[QWidget] = []
        lines = ctx.catalog.site.help_lines
        if lines:
            self.body.addWidget(label(ctx.ui("other_help"), "h1"))
            danger = ctx.text(ctx.catalog.site.emergency_action)
            self.body.addWidget(label(ctx.ui("other_help_note", action=danger), "h2"))
            spoken += [ctx.ui("other_help"), ctx.ui("other_help_note", action=danger)]
            for line in lines:
                widget, said = self._help_line(ctx, line)
                self.help_lines.append(widget)
                self.body.addWidget(widget)
                spoken += said
        self._speech = "\n".join(spoken)
        self.finish()

    @staticmethod
    def _help_line(ctx: ScreenContext, line: HelpLine) -> tuple[QWidget, list[str]]:
        """One public help line: what it is for, its number large, and its QR code."""
        holder = QWidget()
        holder.setObjectName("HelpLine")
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 16, 0, 16)
        row.setSpacing(32)
        words = QVBoxLayout()
        words.setSpacing(8)
        name = ctx.text(line.name)
        words.addWidget(label(name, "h2"))
        number = label(line.phone, "help_phone")
        number.setAccessibleName(f"{name}: {line.phone}")
        words.addWidget(number)
        spoken = [name, spoken_number(line.phone)]
        if line.how is not None:
            words.addWidget(label(ctx.text(line.how)))
            spoken.append(ctx.text(line.how))
        words.addWidget(label(ctx.text(line.purpose), markdown=True))
        spoken.append(plain_text(ctx.text(line.purpose)))
        row.addLayout(words, 1)
        if line.qr_target:
            code = QrCode(line.qr_target, 200, ctx.ui("scan_to_call_line", name=name))
            row.addWidget(qr_with_caption(code, label(ctx.ui("scan_to_call"), "muted"), 240))
        holder.setAccessibleName(name)
        return holder, spoken

    def speech_text(self) -> str:
        """The number (digit by digit) and the reassurance, for Listen."""
        return self._speech
