"""The bar above every screen: Back, Home, Listen, language, text size and contrast."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QSizePolicy

from kiosk.session import HOME, Place, Screen, Session
from kiosk.ui.translations import Translations
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

    def relabel(
        self, session: Session, languages: Sequence[str], translations: Translations
    ) -> None:
        """Label every button for ``session``: its language, text size and contrast.

        The language button names the language it switches to, in that language.
        """
        language = session.language
        following = session.following_language(languages)

        def text(key: str) -> str:
            return translations.text(key, language)

        size_name = text(f"size_{int(session.text_size)}")
        self.set_texts(
            {
                "back": (text("back"), text("back_desc")),
                "home": (text("home"), text("home_desc")),
                "language": (
                    translations.language_name(following),
                    translations.text("language_desc", following),
                ),
                "text_size": (f"{text('text_size')}: {size_name}", text("text_size_desc")),
                "contrast": (
                    text("contrast_on" if session.high_contrast else "contrast"),
                    text("contrast_desc"),
                ),
            }
        )
        self.language.setVisible(len(languages) > 1)

    def label_listen(self, speaking: bool, language: str, translations: Translations) -> None:
        """Listen, or Stop reading while the screen is read aloud."""
        text = translations.text("stop_listening" if speaking else "listen", language)
        self.set_texts({"listen": (text, translations.text("listen_desc", language))})

    def show_place(self, place: Place) -> None:
        """Back and Home except on Home; no bar at all on the attract screen."""
        on_home = place == HOME
        self.back.setVisible(not on_home)
        self.home.setVisible(not on_home)
        self.setVisible(place.screen is not Screen.ATTRACT)

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
