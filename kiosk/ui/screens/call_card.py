"""The full-screen call card: the number very large, a QR code, reassurance, and other help.

Reached from an immediate-action result it keeps that result's emergency action at its top;
the public help lines from kiosk.yaml follow the clinic's own line, never instead of 911.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.text import LocalText
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.advice import AdviceBox
from kiosk.ui.screens.common import ScrollPage, label, text_label
from kiosk.ui.widgets.fit_label import FitLabel
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.views.call_card import CallCardView, HelpLineView, call_card_view


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

    shows_call_panel = False  # it is the call panel, full size

    def __init__(self, ctx: ScreenContext, emergency_action: LocalText | None = None) -> None:
        view = call_card_view(ctx.catalog, ctx, emergency_action)
        self.view: CallCardView = view
        super().__init__(ctx, view.title, view.description)
        self.setObjectName("CallCard")
        self.column.setObjectName("CallCard")
        self.emergency_box: AdviceBox | None = None
        if view.emergency is not None:
            self.emergency_box = AdviceBox(ctx, view.emergency)
            self.body.addWidget(self.emergency_box)
        self.body.addWidget(text_label(view.heading))
        self.phone = FitLabel(view.phone.number)  # as large as fits, never cut
        self.phone.setProperty("role", "phone")
        self.phone.setAccessibleName(f"{view.phone.who}: {view.phone.number}")
        self.body.addWidget(self.phone)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(40)
        words = QVBoxLayout()
        words.setSpacing(14)
        for text in view.words:
            words.addWidget(text_label(text))
        words.addStretch(1)
        row.addLayout(words, 1)
        self.qr = QrCode(view.qr.payload, 320, view.qr.name)
        row.addWidget(qr_with_caption(self.qr, text_label(view.qr.caption), 380))
        holder = QWidget()
        holder.setLayout(row)
        self.body.addWidget(holder)
        self.call_button: TouchButton | None = None
        self.status = label("")
        call = ctx.call
        if call is not None:
            self.call_button = TouchButton(view.call_now.label)
            self.call_button.setMinimumHeight(110)
            self.call_button.setAccessibleDescription(view.call_now.description)

            def dial() -> None:
                self.status.setText(ctx.ui("calling") if call() else ctx.ui("call_failed"))

            self.call_button.clicked.connect(dial)
            self.body.addWidget(self.call_button)
            self.body.addWidget(self.status)
        self.help_lines: list[QWidget] = []
        if view.other_help is not None and view.other_help_note is not None:
            self.body.addWidget(text_label(view.other_help))
            self.body.addWidget(text_label(view.other_help_note))
        for line in view.help_lines:
            widget = self._help_line(line)
            self.help_lines.append(widget)
            self.body.addWidget(widget)
        self.finish()

    @staticmethod
    def _help_line(line: HelpLineView) -> QWidget:
        """One public help line: what it is for, its number large, and its QR code."""
        holder = QWidget()
        holder.setObjectName("HelpLine")
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 16, 0, 16)
        row.setSpacing(32)
        words = QVBoxLayout()
        words.setSpacing(8)
        words.addWidget(text_label(line.name))
        number = FitLabel(line.phone.number)
        number.setProperty("role", "help_phone")
        number.setAccessibleName(f"{line.phone.who}: {line.phone.number}")
        words.addWidget(number)
        if line.how is not None:
            words.addWidget(text_label(line.how))
        words.addWidget(text_label(line.purpose))
        row.addLayout(words, 1)
        if line.qr is not None:
            code = QrCode(line.qr.payload, 200, line.qr.name)
            row.addWidget(qr_with_caption(code, text_label(line.qr.caption), 240))
        holder.setAccessibleName(line.name.text)
        return holder

    def spoken_lines(self) -> list[str]:
        """The emergency action (if any), the number digit by digit, the reassurance, help."""
        return self.view.spoken(can_call=self.call_button is not None)
