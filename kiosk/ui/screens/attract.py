"""The attract screen: shown at start and after a reset; gently drifting, one touch to begin."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.content import Catalog
from kiosk.ui.screens.common import label, text_label
from kiosk.ui.screens.kiosk_screen import KioskScreen
from kiosk.ui.translations import Translations
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.views.attract import attract_view

DRIFT_MS = 100
#: One full drift cycle, in ticks (about 3 minutes): slow enough to be calm, fast enough
#: that no bright pixel stays put for long (no burn-in).
CYCLE_TICKS = 1800
#: Around the Audio button at the foot of the screen (the card drifts above it).
AUDIO_MARGIN_PX = 24


class AttractScreen(KioskScreen):
    """Clinic name, 'Touch to start' in every offered language, and the call number."""

    touched = Signal()
    #: The Audio button: start in audio mode.
    audio_requested = Signal()
    shows_call_panel = False  # the card shows the number itself

    def __init__(
        self, catalog: Catalog, translations: Translations, day: dt.date | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("Attract")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        view = attract_view(catalog, translations.text, day or dt.date.today())
        self.view = view
        self.setAccessibleName(view.name)
        self.card = QFrame(self)
        self.card.setObjectName("AttractCard")
        column = QVBoxLayout(self.card)
        column.setSpacing(18)
        column.setContentsMargins(48, 40, 48, 40)
        column.addWidget(text_label(view.clinic))
        for line in (*view.touch_to_start, *view.notices):
            column.addWidget(text_label(line))
        column.addWidget(text_label(view.heading))
        self.phone = label(view.phone.number, "attract_phone")
        column.addWidget(self.phone)
        column.addWidget(text_label(view.hours))
        for child in self.card.findChildren(QWidget):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.audio = TouchButton(view.audio.label, kind="quiet", parent=self)
        self.audio.setAccessibleName(view.audio.label)
        self.audio.setAccessibleDescription(view.audio.description)
        self.audio.title_label.setWordWrap(False)
        self.audio.clicked.connect(self.audio_requested)
        self.audio.raise_()
        self._tick = 0
        self.timer = QTimer(self)
        self.timer.setInterval(DRIFT_MS)
        self.timer.timeout.connect(self.drift)
        self.installEventFilter(self)

    def spoken_lines(self) -> list[str]:
        """Everything on the card."""
        return self.view.spoken()

    def drift(self) -> None:
        """Move the card one small step along a slow Lissajous path."""
        self._tick = (self._tick + 1) % CYCLE_TICKS
        self._place()

    def _place(self) -> None:
        self.card.adjustSize()
        self.audio.adjustSize()
        button = self.audio.size()
        foot = button.height() + 2 * AUDIO_MARGIN_PX
        self.audio.move(
            (self.width() - button.width()) // 2, self.height() - foot + AUDIO_MARGIN_PX
        )
        free_x = max(0, self.width() - self.card.width())
        free_y = max(0, self.height() - foot - self.card.height())
        phase = 2 * math.pi * self._tick / CYCLE_TICKS
        x = free_x * (0.5 + 0.45 * math.sin(phase))
        y = free_y * (0.5 + 0.45 * math.sin(2 * phase + 0.7))
        self.card.move(round(x), round(y))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the card inside after a resize."""
        self.card.setMaximumWidth(max(400, self.width() * 3 // 4))
        self._place()
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Drift only while visible."""
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop drifting when hidden."""
        self.timer.stop()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any touch starts."""
        if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonRelease:
            self.touched.emit()
            return True
        return False
