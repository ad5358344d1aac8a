"""The always-visible panel for calling an intake coordinator; touching it opens the call card."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content.models import Coordinator
from kiosk.ui.widgets.fit_label import FitLabel, FitWordsLabel
from kiosk.ui.widgets.layout_items import discard_item
from kiosk.ui.widgets.qr import QrCode
from kiosk.ui.widgets.touch_button import StyledButton, wrapping_label

#: The QR code's column: the code and its caption under it.
QR_COLUMN_PX = 260
#: In portrait, the band below the pages takes at most this share of the screen's height.
PORTRAIT_SHARE = 0.3


class Fit(NamedTuple):
    """One way of filling the panel: with or without the QR code and hint, and how large."""

    qr: bool
    hint: bool
    largest: float


#: Tried in turn until the words fit: a short screen first sheds the QR code (the call card
#: has it), then the hint (the panel says it to a screen reader), then shrinks the words.
#: The number, the hours and "confidential" always stay.
COLUMN_FITS = (
    Fit(qr=True, hint=True, largest=1.0),
    Fit(qr=False, hint=True, largest=1.0),
    Fit(qr=False, hint=False, largest=1.0),
    Fit(qr=False, hint=False, largest=0.8),
    Fit(qr=False, hint=False, largest=0.65),
)
#: In a portrait band the QR code sits beside the words, so the hint goes first.
BAND_FITS = (
    Fit(qr=True, hint=True, largest=1.0),
    Fit(qr=True, hint=False, largest=1.0),
    Fit(qr=True, hint=False, largest=0.8),
    Fit(qr=False, hint=False, largest=0.8),
    Fit(qr=False, hint=False, largest=0.65),
)


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
        self._words_shown: list[FitWordsLabel | FitLabel] = []
        self._vertical = True
        self._fit = COLUMN_FITS[0]

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
        touch = self._word(touch_hint, "touch")
        self.touch_label = touch
        self._words.addWidget(touch)
        self._words.addStretch(1)
        self.qr = QrCode(coordinator.qr_payload(), 220, scan_hint)
        self.qr.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._code.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption = wrapping_label(scan_hint)
        self.qr_caption.setProperty("role", "qr_caption")
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.qr_caption.setFixedWidth(QR_COLUMN_PX)
        self._code.addWidget(self.qr_caption)
        self._code.addStretch(1)
        self.setText(heading)
        self.setAccessibleName(f"{heading}. {coordinator.phone}. {hours}. {private}.")
        self.setAccessibleDescription(touch_hint)
        self._make_room()

    @staticmethod
    def _word(text: str, role: str | None = None) -> FitWordsLabel:
        """Words that wrap, shrinking so that no word ('coordinator') is ever cut."""
        item = FitWordsLabel(text)
        item.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        item.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        item.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        if role:
            item.setProperty("role", role)
        return item

    def _clear(self) -> None:
        for layout in (self._words, self._code):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()  # (deleted later: until then it must not show)
                discard_item(item)
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

    def minimumSizeHint(self) -> QSize:
        """In landscape, no height of its own: it sheds and shrinks to the screen's height.

        (Asking for what it shows now would, for a moment after a new text size, make the
        window taller than the screen, and a fullscreen window that grows leaves fullscreen.)
        """
        hint = super().minimumSizeHint()
        return QSize(hint.width(), 0) if self._vertical else hint

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
        the words change (text size, language). It takes at most PORTRAIT_SHARE of the
        window's height: past that it sheds the hint, then shrinks its words.
        """
        window = self.window()
        budget = round(window.height() * PORTRAIT_SHARE) if window is not self else 0
        if budget > 0:
            self._apply(self._choose(BAND_FITS, width, budget))
        # (the layout's own answer lags a change of words by a layout pass: the larger)
        needed = max(self.heightForWidth(width), self._needed(self._fit, width))
        if needed > 0 and (self.minimumHeight(), self.maximumHeight()) != (needed, needed):
            self.setFixedHeight(needed)

    def _make_room(self) -> None:
        if self.qr is None or self.qr_caption is None:
            return
        if not self._vertical:
            if self.width() > 0:
                self.fit_height(self.width())
            return
        self._apply(self._choose(COLUMN_FITS, self.width(), self.height()))

    def _choose(self, fits: tuple[Fit, ...], width: int, height: int) -> Fit:
        """The first way of filling the panel whose parts fit ``width`` × ``height``."""
        for fit in fits:
            if self._needed(fit, width) <= height:
                return fit
        return fits[-1]

    def _needed(self, fit: Fit, width: int) -> int:
        """The height the panel needs at ``width`` when filled as ``fit`` says."""
        margins = self._layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        gap = self._layout.spacing()
        code = self._code_height() if fit.qr else 0
        if self._vertical:
            words = self._words_height(fit, inner)
            body = words + (gap + code if fit.qr else 0)
        else:
            beside = inner - (QR_COLUMN_PX + gap if fit.qr else 0)
            body = max(self._words_height(fit, beside), code)
        return body + margins.top() + margins.bottom()

    def _code_height(self) -> int:
        if self.qr is None or self.qr_caption is None:
            return 0
        caption = self.qr_caption.heightForWidth(QR_COLUMN_PX)
        return self.qr.sizeHint().height() + max(caption, 0) + self._code.spacing()

    def _words_height(self, fit: Fit, width: int) -> int:
        heights = []
        for index in range(self._words.count()):
            item = self._words.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is None or (widget is self.touch_label and not fit.hint):
                continue
            if isinstance(widget, FitWordsLabel | FitLabel):
                heights.append(widget.height_for(width, fit.largest))
            else:
                heights.append(widget.sizeHint().height())
        return sum(heights) + self._words.spacing() * max(0, len(heights) - 1)

    def _apply(self, fit: Fit) -> None:
        self._fit = fit
        for index in range(self._words.count()):
            item = self._words.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, FitWordsLabel | FitLabel):
                widget.set_largest(fit.largest)
        self._show_parts(qr=fit.qr, hint=fit.hint)

    def shown_fit(self) -> Fit:
        """How the panel is filled now (for tests and previews)."""
        return self._fit

    def _show_parts(self, *, qr: bool, hint: bool) -> None:
        parts: tuple[tuple[QWidget | None, bool], ...] = (
            (self.qr, qr),
            (self.qr_caption, qr),
            (self.touch_label, hint),
        )
        for part, shown in parts:
            if part is not None and part.isVisibleTo(self) != shown:
                part.setVisible(shown)
