"""The always-visible panel for calling an intake coordinator; touching it opens the call card."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from kiosk.content.models import Coordinator
from kiosk.ui.widgets.fit_label import FitLabel
from kiosk.ui.widgets.layout_items import discard_item
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.touch_button import StyledButton, wrapping_label

#: The QR code's column: the code and its caption under it.
QR_COLUMN_PX = 260


class CallPanel(StyledButton):
    """Heading, the number in very large type, hours, confidentiality and a QR code.

    In landscape it is a column beside the screens; in portrait a band below them, words on
    the left and the QR code on the right. Where a short screen leaves no room for the QR
    code it steps aside (the call card always has it); the number shrinks to fit, never cut.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("CallPanel")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(28, 28, 28, 28)
        self._layout.setSpacing(20)
        self._words = QVBoxLayout()
        self._words.setSpacing(12)
        self._layout.addLayout(self._words, 1)
        self._code = QVBoxLayout()
        self._code.setSpacing(6)
        self._layout.addLayout(self._code)
        self.qr: QrCode | None = None
        self.qr_caption: QLabel | None = None
        self.phone_label: FitLabel | None = None
        self.touch_label: QLabel | None = None
        self._vertical = True

    def show_coordinator(
        self, coordinator: Coordinator, language: str, touch_hint: str, scan_hint: str
    ) -> None:
        """Fill the panel for ``coordinator`` in ``language``."""
        self._clear()
        heading = coordinator.heading.get(language)
        hours = coordinator.hours.get(language)
        private = coordinator.confidentiality.get(language)
        self._words.addWidget(self._word(heading, "heading"))
        self.phone_label = FitLabel(coordinator.phone)
        self.phone_label.setProperty("role", "phone")
        self.phone_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._words.addWidget(self.phone_label)
        self._words.addWidget(self._word(hours))
        self._words.addWidget(self._word(private))
        self.touch_label = self._word(touch_hint, "touch")
        self._words.addWidget(self.touch_label)
        self._words.addStretch(1)
        self.qr = QrCode(coordinator.qr_payload(), 220, scan_hint)
        self.qr.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._code.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption = self._word(scan_hint, "qr_caption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption.setFixedWidth(QR_COLUMN_PX)
        self._code.addWidget(self.qr_caption)
        self._code.addStretch(1)
        self.setText(heading)
        self.setAccessibleName(f"{heading}. {coordinator.phone}. {hours}. {private}.")
        self.setAccessibleDescription(touch_hint)
        self._make_room()

    @staticmethod
    def _word(text: str, role: str | None = None) -> QLabel:
        item = wrapping_label(text)
        if role:
            item.setProperty("role", role)
        return item

    def _clear(self) -> None:
        for layout in (self._words, self._code):
            while layout.count():
                discard_item(layout.takeAt(0))
        self.qr = None
        self.qr_caption = None

    def set_vertical(self, vertical: bool) -> None:
        """Stack the words above the QR code (landscape) or beside it (portrait)."""
        self._vertical = vertical
        policy = self.sizePolicy()
        # a column beside the pages takes the whole height; a band below them only its own
        policy.setVerticalPolicy(
            QSizePolicy.Policy.Expanding if vertical else QSizePolicy.Policy.Preferred
        )
        self.setSizePolicy(policy)
        self._layout.setDirection(
            QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight
        )
        self._make_room()

    def hasHeightForWidth(self) -> bool:
        """In portrait its words wrap across the width (in landscape it takes the height)."""
        return not self._vertical

    def heightForWidth(self, width: int) -> int:
        """The height its words (and, in portrait, the QR code beside them) need."""
        return self._layout.totalHeightForWidth(width)

    def event(self, event: QEvent) -> bool:
        """A new text size or language changes what the words need: make room again."""
        handled = super().event(event)
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.StyleChange):
            self._make_room()
        return handled

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a short screen the QR code steps aside so that the words are never cut."""
        super().resizeEvent(event)
        self._make_room()

    def fit_height(self, width: int) -> None:
        """In portrait: a band exactly as tall as its words need at ``width``.

        Set, not hinted, so that the pages above never run under it; done again whenever
        the words change (text size, language).
        """
        needed = self.heightForWidth(width)
        if needed > 0 and (self.minimumHeight(), self.maximumHeight()) != (needed, needed):
            self.setFixedHeight(needed)

    def _make_room(self) -> None:
        if not self._vertical and self.width() > 0:
            self.fit_height(self.width())
        if self.qr is None or self.qr_caption is None:
            return
        margins = self._layout.contentsMargins()
        inner = self.width() - margins.left() - margins.right()
        room = self.height() - margins.top() - margins.bottom()
        code = self.qr.sizeHint().height() + self.qr_caption.sizeHint().height() + 6
        if not self._vertical:
            self._show_parts(qr=code <= room, hint=True)
            return
        # A short screen sheds, in turn, the QR code (the call card has it) and the hint
        # (the panel says it to a screen reader): the number and hours always stay.
        heights = {}
        for index in range(self._words.count()):
            item = self._words.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                hfw = widget.heightForWidth(inner) if widget.hasHeightForWidth() else -1
                heights[widget] = hfw if hfw > 0 else widget.sizeHint().height()
        gap = self._words.spacing()
        hint = heights.get(self.touch_label, 0) + gap if self.touch_label is not None else 0
        words = sum(heights.values()) + gap * (len(heights) - 1)
        for qr, keep_hint in ((True, True), (False, True), (False, False)):
            needed = (
                words - (0 if keep_hint else hint) + (self._layout.spacing() + code if qr else 0)
            )
            if needed <= room or not keep_hint:
                self._show_parts(qr=qr, hint=keep_hint)
                return

    def _show_parts(self, *, qr: bool, hint: bool) -> None:
        for part, shown in ((self.qr, qr), (self.qr_caption, qr), (self.touch_label, hint)):
            if part is not None and part.isVisibleTo(self) != shown:
                part.setVisible(shown)
