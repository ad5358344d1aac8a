"""The bar above every screen: Back, Home, Audio, Listen, language, text size and contrast."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QFrame, QSizePolicy

from kiosk.runtime.corner_press import CORNER_PX
from kiosk.session import HOME, Place, Screen, Session, TextSize
from kiosk.ui.translations import Translations
from kiosk.ui.widgets.flow_layout import FlowLayout
from kiosk.ui.widgets.touch_button import MIN_TARGET_PX, TouchButton

#: The buttons that are always in the bar, in their places from the left.
SLOTS = ("back", "home", "audio", "listen", "language", "text_size", "contrast")
#: The read-on and volume buttons, after the slots, shown only in audio mode.
AUDIO_CONTROLS = ("previous", "repeat", "next", "softer", "louder")
#: Left of the first button: the staff corner's square and the 8 px every target keeps.
LEFT_MARGIN_PX = CORNER_PX + 8
#: Room for rounding and a bold face's wider ink around each measured label.
SLACK_PX = 6


class TopBar(QFrame):
    """Buttons in fixed slots, one row when they fit, wrapping at large text sizes.

    Each slot is as wide as the longest label its button can have (in every language and
    state), and a hidden button keeps its slot, so no button moves when another one comes
    or goes, when Listen becomes Stop reading, or when the language changes.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("TopBar")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        layout = FlowLayout(self, spacing=12)
        layout.setContentsMargins(LEFT_MARGIN_PX, 12, 24, 12)
        self._flow = layout
        self.back = TouchButton("Back", kind="quiet")
        self.home = TouchButton("Home", kind="quiet")
        self.audio = TouchButton("Audio", kind="quiet")
        self.audio.setCheckable(True)
        self.listen = TouchButton("Listen")
        self.language = TouchButton("Español", kind="quiet")
        self.text_size = TouchButton("Text size", kind="quiet")
        self.contrast = TouchButton("High contrast", kind="quiet")
        self.previous = TouchButton("Previous", kind="quiet")
        self.repeat = TouchButton("Repeat", kind="quiet")
        self.next = TouchButton("Next", kind="quiet")
        self.softer = TouchButton("Softer", kind="quiet")
        self.louder = TouchButton("Louder", kind="quiet")
        for name in SLOTS + AUDIO_CONTROLS:
            button = self.button(name)
            # One line each: the bar wraps instead of the words.
            button.title_label.setWordWrap(False)
            layout.addWidget(button)
        for name in SLOTS:
            slot = self.button(name).sizePolicy()
            slot.setRetainSizeWhenHidden(True)
            self.button(name).setSizePolicy(slot)
        self.listen.hide()
        self.show_audio_controls(False)

    def keep_speech_slots(self, kept: bool) -> None:
        """Audio's and Listen's slots stay while hidden only on a kiosk that can speak.

        (Without a speech engine they never show, so they take no room at all.)
        """
        for name in ("audio", "listen"):
            button = self.button(name)
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(kept)
            button.setSizePolicy(policy)

    def button(self, name: str) -> TouchButton:
        """The button called ``name`` (one of SLOTS or AUDIO_CONTROLS)."""
        button = getattr(self, name)
        assert isinstance(button, TouchButton)
        return button

    def set_row_width(self, width: int) -> None:
        """Wrap as if the bar were ``width`` wide, whatever else the screen shows.

        The window gives the width beside the call panel, so a screen without the panel
        (the call card) keeps every button where the others have it.
        """
        if self._flow.row_width != width:
            self._flow.row_width = width
            self._flow.invalidate()
            self.updateGeometry()

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
        texts = {
            "back": (text("back"), text("back_desc")),
            "home": (text("home"), text("home_desc")),
            # The same word in every state and language; the state shows as a checked
            # button and is said in its description.
            "audio": (
                text("audio"),
                f"{text('audio_on')}. {text('audio_desc')}"
                if session.audio
                else text("audio_desc"),
            ),
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
        for name in AUDIO_CONTROLS:
            texts[name] = (text(f"audio_{name}"), text(f"audio_{name}_desc"))
        self.set_texts(texts)
        self.audio.setChecked(session.audio)
        self.language.setVisible(len(languages) > 1)
        self._fix_slot_widths(languages, translations)

    def label_listen(self, speaking: bool, language: str, translations: Translations) -> None:
        """Listen, or Stop reading while the screen is read aloud."""
        text = translations.text("stop_listening" if speaking else "listen", language)
        self.set_texts({"listen": (text, translations.text("listen_desc", language))})

    def show_place(self, place: Place) -> None:
        """Back and Home except on Home (their slots stay); no bar on the attract screen."""
        on_home = place == HOME
        self.back.setVisible(not on_home)
        self.home.setVisible(not on_home)
        self.setVisible(place.screen is not Screen.ATTRACT)

    def show_audio_controls(self, shown: bool) -> None:
        """The read-on and volume buttons, in audio mode only."""
        for name in AUDIO_CONTROLS:
            self.button(name).setVisible(shown)

    def set_texts(self, texts: dict[str, tuple[str, str]]) -> None:
        """Relabel the buttons: name → (label, screen-reader description)."""
        for name, (text, description) in texts.items():
            button = self.button(name)
            button.title_label.setText(text)
            button.setText(text)
            button.setAccessibleName(text)
            button.setAccessibleDescription(description)
        layout = self.layout()
        if layout is not None:
            layout.invalidate()

    def _fix_slot_widths(self, languages: Sequence[str], translations: Translations) -> None:
        """Make each slot as wide as its widest possible label at the current font.

        Every slot is as tall as the tallest, so no row changes height either. (Measured
        from the font, not from the buttons' size hints: those are kept by their layouts
        until the next layout pass, so they lag behind a label just changed.)
        """
        sizes: dict[str, tuple[int, int]] = {}
        for name, labels in slot_labels(languages, translations).items():
            button = self.button(name)
            button.ensurePolished()  # the style sheet's font, even while it is hidden
            label = button.title_label
            label.ensurePolished()
            metrics = label.fontMetrics()
            frame = button.contentsMargins()
            layout = button.layout()
            inner = layout.contentsMargins() if layout is not None else frame
            around_x = frame.left() + frame.right() + inner.left() + inner.right()
            around_y = frame.top() + frame.bottom() + inner.top() + inner.bottom()
            text = max(metrics.horizontalAdvance(words) for words in labels)
            width = text + around_x + 2 * label.margin() + SLACK_PX
            height = metrics.height() + around_y + 2 * label.margin() + SLACK_PX
            sizes[name] = (width, max(height, MIN_TARGET_PX))
        tallest = max(height for _, height in sizes.values())
        for name, (width, _) in sizes.items():
            self.button(name).setFixedSize(width, tallest)


def slot_labels(languages: Sequence[str], translations: Translations) -> dict[str, set[str]]:
    """Every label each slot's button can show, in every offered language."""
    labels: dict[str, set[str]] = {name: set() for name in SLOTS}

    def add(name: str, keys: Iterable[str], language: str) -> None:
        labels[name].update(translations.text(key, language) for key in keys)

    for language in languages:
        add("back", ["back"], language)
        add("home", ["home"], language)
        add("audio", ["audio"], language)
        add("listen", ["listen", "stop_listening"], language)
        add("contrast", ["contrast", "contrast_on"], language)
        labels["language"].add(translations.language_name(language))
        size = translations.text("text_size", language)
        labels["text_size"].update(
            f"{size}: {translations.text(f'size_{int(t)}', language)}" for t in TextSize
        )
    return labels
