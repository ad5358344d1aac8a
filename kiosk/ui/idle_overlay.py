"""'Are you still there?': a countdown and one big button before the session resets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.ui.screens.common import label
from kiosk.ui.translations import Translations
from kiosk.ui.widgets.overlay import Overlay
from kiosk.ui.widgets.touch_button import TouchButton


class IdleOverlay(Overlay):
    """Shows the seconds left; the button (or any touch) keeps the visitor's session."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "Are you still there?")
        self.title = label("", "h1")
        self.countdown = label("", "h2")
        self.button = TouchButton("")
        self.button.setMinimumHeight(120)
        self.body.addWidget(self.title)
        self.body.addWidget(self.countdown)
        self.body.addWidget(self.button)
        self._language = "en"

    def show_countdown(self, seconds: int, language: str, translations: Translations) -> None:
        """Open (if needed) and show ``seconds`` left, in ``language``."""
        self._language = language
        self.title.setText(translations.text("still_there", language))
        text = translations.text("reset_in", language, seconds=str(seconds))
        self.countdown.setText(text)
        self.countdown.setAccessibleName(text)
        here = translations.text("still_here", language)
        self.button.title_label.setText(here)
        self.button.setText(here)
        self.button.setAccessibleName(here)
        self.button.setAccessibleDescription(translations.text("still_here_desc", language))
        self.setAccessibleName(translations.text("still_there", language))
        if not self.isVisible():
            self.open()

    def spoken(self) -> str:
        """What audio mode says when the warning opens: the question, the time, the way out."""
        button = f"{self.button.text()}. {self.button.accessibleDescription()}"
        return "\n".join((self.title.text(), self.countdown.text(), button))
