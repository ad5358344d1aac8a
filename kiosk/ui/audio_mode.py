"""Audio mode: a visitor who cannot see the screen hears it, touch by touch or key by key.

As phones' screen readers do, a first touch on a control says what it is and does, and a
second touch on it uses it; a keypad's focus moves are said too; each screen says its
heading and a short summary on arrival, and Listen reads it part by part (Next, Previous,
Repeat, Stop). Nothing a visitor does is written anywhere: this only speaks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QMouseEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QWidget,
)

from kiosk.runtime.speech import Speech
from kiosk.views.narration import Narration, arrival, for_speech

#: A tap on page text moves less than this (a swipe scrolls and says nothing).
TAP_SLOP_PX = 16
#: Translated words by key: (key, values) → text in the visitor's language.
Words = Callable[..., str]


def control_of(widget: QWidget | None, window: QWidget) -> QWidget | None:
    """The button or text field ``widget`` is part of, inside ``window``; None outside one."""
    while widget is not None and widget is not window:
        if isinstance(widget, QAbstractButton | QLineEdit) and widget.isEnabled():
            return widget
        widget = widget.parentWidget()
    return None


def list_of(widget: QWidget) -> QAbstractItemView | None:
    """The list whose rows ``widget`` shows (its viewport), or None."""
    view = widget.parentWidget()
    if isinstance(view, QAbstractItemView) and view.viewport() is widget:
        return view
    return None


def row_words(index: QModelIndex) -> str:
    """What a list row says: its accessible text, else its text."""
    said = index.data(Qt.ItemDataRole.AccessibleTextRole) or index.data()
    return str(said or "")


def has_links(widget: QWidget) -> bool:
    """Whether ``widget`` is page text with a link in it (a link opens on a touch)."""
    return isinstance(widget, QLabel) and "<a " in widget.text()


def plain(text: str) -> str:
    """A label's text as words (rich text without its markup)."""
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


class AudioMode(QObject):
    """Install on the QApplication (before other filters, so it sees presses last).

    ``active`` is the visitor's choice (Session.audio); the window turns it on and off.
    """

    def __init__(
        self,
        window: QWidget,
        speech: Speech | None,
        words: Words,
        language: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._speech = speech
        self._words = words
        self._language = language
        self.active = False
        self.narration = Narration(())
        self.reading = False
        self._quiet: list[QWidget] = []
        self._armed: QWidget | None = None
        #: A list row touched once: (its list, its row).
        self._armed_row: tuple[QAbstractItemView, int] | None = None
        #: The selection model of the list whose current row is said as the keys move it.
        self._followed: QItemSelectionModel | None = None
        self._swallowing = False
        self._tapped: tuple[QLabel, QPoint] | None = None
        self._pending: list[str] = []
        #: Said after what is pending (a focus move that comes with a new screen follows
        #: the screen's own heading).
        self._later: list[str] = []
        self._heard_start = False
        if speech is not None:
            speech.speaking_changed.connect(self._speaking_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- what the window asks ----------------------------------------------------------

    @property
    def hearable(self) -> bool:
        """Audio mode is on and a voice can be heard (the speech engine works now)."""
        return self.active and self._speech is not None and self._speech.available

    def exclude(self, widget: QWidget) -> None:
        """Never speak ``widget`` or anything in it (the staff PIN pad and panel)."""
        self._quiet.append(widget)

    def set_active(self, active: bool, *, explain: bool = True) -> None:
        """Turn audio mode on (explained by voice) or off."""
        was = self.active
        self.active = active
        self._disarm()
        self.reading = False
        if active and explain:
            self.say(self._words("audio_started"))
        elif was and not active and explain:
            self.say(self._words("audio_stopped"))

    def arrive(
        self, lines: Sequence[str], summary: Sequence[str] = (), *, speak: bool = True
    ) -> None:
        """A screen came: its parts to read; in audio mode its heading and ``summary``.

        ``speak`` is False for a redraw (text size, contrast, new content): nothing moved.
        """
        self.narration = Narration.of(lines)
        self.reading = False
        self._disarm()
        self._later.clear()  # focus moves while the old screen went are not worth saying
        if self.active and speak:
            hint = self._words("audio_arrival_hint")
            self.say(arrival(summary or lines, self._words("draft_banner"), hint))

    def announce(self, text: str) -> None:
        """What a screen says of itself (search results): said in audio mode only."""
        if self.active:
            self.say(text)

    def say(self, text: str, *, after: bool = False) -> None:
        """Speak ``text`` soon: what is said in one go is joined into one utterance.

        ``after``: after everything else said in this go.
        """
        if not text.strip() or self._speech is None:
            return
        if not self._pending and not self._later:
            QTimer.singleShot(0, self, self._flush)
        (self._later if after else self._pending).append(for_speech(text))

    def read_on(self) -> None:
        """Listen in audio mode: read from the current part to the end, part by part."""
        if self.narration.current() is None:
            self.narration.restart()
        self.reading = True
        self._say_part()

    def stop(self) -> None:
        """Stop reading (Listen's Stop reading)."""
        self.reading = False
        self._pending.clear()
        self._later.clear()
        if self._speech is not None:
            self._speech.stop()

    def next_part(self) -> None:
        """Read the next part (and on from there while reading on)."""
        self.narration.forward()
        self._say_part()

    def previous_part(self) -> None:
        """Read the part before."""
        self.narration.backward()
        self._say_part()

    def repeat_part(self) -> None:
        """Read the current part again."""
        if self.narration.current() is None:
            self.narration.backward()
        self._say_part()

    def change_volume(self, steps: int) -> None:
        """Louder or softer, and say the new volume at that volume."""
        if self._speech is None:
            return
        volume = self._speech.change_volume(steps)
        self.say(self._words("audio_volume", percent=str(round(volume * 100))))

    # -- events -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In audio mode a first touch on a control speaks it; the second one uses it."""
        if not self.hearable or not isinstance(watched, QWidget):
            return False  # (with no voice to say it, a first touch must act at once)
        if watched.window() is not self._window:
            return False  # another window's (a second kiosk window in tests, a preview)
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            return self._pressed(watched, event)
        if self._swallowing and kind in (
            QEvent.Type.MouseMove,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        ):
            if kind == QEvent.Type.MouseButtonRelease:
                self._swallowing = False
            return True
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._released(event)
        return False

    def _pressed(self, watched: QWidget, event: QMouseEvent) -> bool:
        # (a release another filter swallowed, e.g. after a staff hold, never reached us)
        self._swallowing = False
        if self._is_quiet(watched):
            return False
        view = list_of(watched)
        if view is not None:
            return self._pressed_row(view, event)
        control = control_of(watched, self._window)
        if control is None and has_links(watched):
            control = watched  # a link in page text: said first, followed on a second touch
        if control is None:
            if isinstance(watched, QLabel) and watched.window() is self._window:
                self._tapped = (watched, event.globalPosition().toPoint())
            return False
        if control is self._armed:
            return False  # the second touch: it does what it does
        self._arm(control, touched=True)
        self._swallowing = True
        return True

    def _pressed_row(self, view: QAbstractItemView, event: QMouseEvent) -> bool:
        index = view.indexAt(event.position().toPoint())
        if not index.isValid():
            return False
        if self._armed_row == (view, index.row()):
            return False  # the second touch opens it
        self._disarm()
        self._armed_row = (view, index.row())
        self._interrupt(touched=True)
        parts = [row_words(index), view.accessibleDescription(), self._words("audio_touch_again")]
        self.say(". ".join(p.rstrip(". ") for p in parts if p) + ".")
        self._swallowing = True
        return True

    def _released(self, event: QMouseEvent) -> None:
        """A tap (not a swipe) on page text reads that text."""
        tapped, self._tapped = self._tapped, None
        if tapped is None or not shiboken6.isValid(tapped[0]):
            return
        moved = event.globalPosition().toPoint() - tapped[1]
        if moved.manhattanLength() <= TAP_SLOP_PX:
            label = tapped[0]
            self.stop()
            self.say(label.accessibleName() or plain(label.text()))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A keypad moved the focus: say where it is now."""
        if not self.hearable or new is None or new is self._armed or self._is_quiet(new):
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # focus that comes with a touch: the touch itself is said (see _pressed)
        if isinstance(new, QAbstractItemView) and self._window.isAncestorOf(new):
            self._follow(new)
            return
        control = new if has_links(new) else control_of(new, self._window)
        if control is new:
            self._arm(control, touched=False)

    def _follow(self, view: QAbstractItemView) -> None:
        """A keypad is in a list: say the list, then each row the arrows move to."""
        self._disarm()
        model = view.selectionModel()
        if model is not None:
            model.currentChanged.connect(self._row_changed)
            self._followed = model
        self._interrupt(touched=False)
        current = view.currentIndex()
        said = [view.accessibleName(), view.accessibleDescription()]
        if current.isValid():
            said.append(row_words(current))
        self.say(". ".join(p.rstrip(". ") for p in said if p) + ".", after=True)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._interrupt(touched=False)
            self.say(row_words(current))

    # -- speaking controls --------------------------------------------------------------

    def describe(self, control: QWidget, *, touched: bool) -> str:
        """A control's name, kind, state and what it does (and, for a touch, what next)."""
        name = control.accessibleName()
        if isinstance(control, QAbstractButton):
            name = name or control.text()
        elif isinstance(control, QLabel):
            name = plain(control.text())  # its words (its name is the section's title)
        said = [plain(name)]
        if isinstance(control, QLabel):
            said.append(self._words("audio_link"))
        if isinstance(control, QAbstractButton):
            said.append(self._words("audio_button"))
            if control.isCheckable():
                said.append(self._words("checked" if control.isChecked() else "not_checked"))
        elif isinstance(control, QLineEdit) and control.text():
            said.append(control.text())
        if control.accessibleDescription():
            said.append(control.accessibleDescription())
        if touched:
            said.append(self._words("audio_touch_again"))
        return ". ".join(part.rstrip(". ") for part in said if part) + "."

    def _arm(self, control: QWidget, *, touched: bool) -> None:
        self._disarm()
        self._armed = control
        if isinstance(control, QAbstractButton) and control.isCheckable():
            control.toggled.connect(self._toggled)
        self._interrupt(touched=touched)
        if not touched:
            self._later.clear()  # only the newest focus move is worth saying
        self.say(self.describe(control, touched=touched), after=not touched)
        if touched and control.focusPolicy() != Qt.FocusPolicy.NoFocus:
            control.setFocus()

    def _interrupt(self, *, touched: bool) -> None:
        """A touch or a key stops whatever was being said.

        After a focus move, what is still to be said of a new screen stays: its heading
        comes first.
        """
        self.reading = False
        if touched:
            self._pending.clear()
            self._later.clear()
        if self._speech is not None:
            self._speech.stop()

    def _disarm(self) -> None:
        armed, self._armed = self._armed, None
        self._armed_row = None
        followed, self._followed = self._followed, None
        if followed is not None and shiboken6.isValid(followed):
            followed.currentChanged.disconnect(self._row_changed)
        self._swallowing = False
        checkable = isinstance(armed, QAbstractButton) and shiboken6.isValid(armed)
        if isinstance(armed, QAbstractButton) and checkable and armed.isCheckable():
            armed.toggled.disconnect(self._toggled)

    def _toggled(self, checked: bool) -> None:
        self.say(self._words("checked" if checked else "not_checked"))

    def _is_quiet(self, widget: QWidget) -> bool:
        return any(
            shiboken6.isValid(quiet) and (quiet is widget or quiet.isAncestorOf(widget))
            for quiet in self._quiet
        )

    # -- reading part by part -------------------------------------------------------------

    def _say_part(self) -> None:
        self._pending.clear()  # what was about to be said is overtaken by the part
        self._later.clear()
        part = self.narration.current()
        if part is None:
            self.reading = False
            self.say(self._words("audio_end"))
            return
        self._speak_now(part)

    def _flush(self) -> None:
        pending, self._pending, self._later = self._pending + self._later, [], []
        if pending:
            self._speak_now("\n".join(pending))

    def _speak_now(self, text: str) -> None:
        if self._speech is None:
            return
        # Stopped first, so the engine's state goes through Ready to Speaking even when it
        # was still speaking: the end of this utterance is then the next Ready.
        self._heard_start = False
        self._speech.stop()
        self._speech.speak(text, self._language())

    def _speaking_changed(self, speaking: bool) -> None:
        """When a part ends while reading on, the next one follows."""
        if speaking:
            self._heard_start = True
            return
        if not self._heard_start:
            return  # the end of what this utterance interrupted
        self._heard_start = False
        if self.reading and not self._pending:
            if self.narration.forward() is None:
                self.reading = False
                self.say(self._words("audio_end"))
            else:
                self._say_part()
