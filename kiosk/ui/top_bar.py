"""The bar above every screen: Back, Home, language and text size."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout

from kiosk.ui.widgets.touch_button import TouchButton


class TopBar(QFrame):
    """Back and Home on the left, language and text size on the right."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("TopBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(16)
        self.back = TouchButton("Back", kind="quiet")
        self.home = TouchButton("Home", kind="quiet")
        self.language = TouchButton("Español", kind="quiet")
        self.text_size = TouchButton("Text size", kind="quiet")
        self.contrast = TouchButton("High contrast", kind="quiet")
        self.listen = TouchButton("Listen")
        self.listen.hide()
        for button in (self.back, self.home):
            button.setMinimumWidth(180)
            layout.addWidget(button)
        layout.addStretch(1)
        self.listen.setMinimumWidth(160)
        layout.addWidget(self.listen)
        for button in (self.language, self.text_size, self.contrast):
            button.setMinimumWidth(200)
            layout.addWidget(button)

    def set_texts(self, back: str, home: str, language: str, text_size: str, contrast: str) -> None:
        """Relabel the buttons (after a language, size or contrast change)."""
        for button, text in (
            (self.back, back),
            (self.home, home),
            (self.language, language),
            (self.text_size, text_size),
            (self.contrast, contrast),
        ):
            button.title_label.setText(text)
            button.setText(text)
            button.setAccessibleName(text)
