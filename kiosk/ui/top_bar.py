"""The bar above every screen: Back, Home, Listen, language, text size and contrast."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QSizePolicy

from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.touch_button import TouchButton


class TopBar(QFrame):
    """Buttons in one row when they fit, wrapping onto more rows at large text sizes."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("TopBar")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        layout = FlowLayout(self, spacing=12)
        layout.setContentsMargins(24, 12, 24, 12)
        self.back = TouchButton("Back", kind="quiet")
        self.home = TouchButton("Home", kind="quiet")
        self.listen = TouchButton("Listen")
        self.listen.hide()
        self.language = TouchButton("Español", kind="quiet")
        self.text_size = TouchButton("Text size", kind="quiet")
        self.contrast = TouchButton("High contrast", kind="quiet")
        for button in (
            self.back,
            self.home,
            self.listen,
            self.language,
            self.text_size,
            self.contrast,
        ):
            # One line each: the bar wraps instead of the words.
            button.title_label.setWordWrap(False)
            layout.addWidget(button)

    def hasHeightForWidth(self) -> bool:
        """The bar is taller when its buttons wrap."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Height needed at ``width``."""
        layout = self.layout()
        return layout.heightForWidth(width) if layout is not None else 0

    def set_texts(self, texts: dict[str, tuple[str, str]]) -> None:
        """Relabel the buttons: name → (label, screen-reader description)."""
        for name, (text, description) in texts.items():
            button: TouchButton = getattr(self, name)
            button.title_label.setText(text)
            button.setText(text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(description)
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
