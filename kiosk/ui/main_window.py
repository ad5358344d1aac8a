"""The kiosk window: top bar and screens beside the always-visible call panel."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QApplication, QBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content import Catalog
from kiosk.runtime.dialer import start_call
from kiosk.runtime.speech import Speech
from kiosk.search import DrugIndex
from kiosk.session import HOME, Place, Screen, Session
from kiosk.settings import i18n_dir
from kiosk.ui.audio_mode import AudioMode
from kiosk.ui.call_panel import CallPanel
from kiosk.ui.context import ScreenContext
from kiosk.ui.screen_registry import build_screen
from kiosk.ui.screens.common import ScrollPage, measure_with
from kiosk.ui.screens.drug_list import DrugListScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.kiosk_screen import KioskScreen
from kiosk.ui.theme import DEFAULT, HIGH_CONTRAST, stylesheet
from kiosk.ui.top_bar import TopBar
from kiosk.ui.translations import Translations
from kiosk.ui.widgets.scroll import ScrollAreaPool
from kiosk.ui.widgets.wrap_label import SizeMemo
from kiosk.views.narration import for_speech

log = logging.getLogger("kiosk.ui")
#: How often the window looks whether the date has changed.
DAY_CHECK_MS = 60_000


class CurrentPageStack(QStackedWidget):
    """A stack of screens as small as the screen on show.

    QStackedWidget asks for room for its largest page, hidden ones too: the kept medication
    list (with its keyboard) made every page need 905 pixels, and a fullscreen window on a
    768-pixel screen grew out of fullscreen.
    """

    def minimumSizeHint(self) -> QSize:
        """What the current screen needs."""
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else QSize(0, 0)

    def sizeHint(self) -> QSize:
        """No more than it needs: the window is the screen, and the stack takes what is left.

        (A page's own wish, its whole scrolled length, would count towards the height the
        window asks for when the top bar wraps, and push the window past the screen.)
        """
        return self.minimumSizeHint()


class KioskWindow(QWidget):
    """Shows one Place of the visitor's Session at a time; the call panel is always there."""

    #: Emitted with a visit_stats.Shown after a screen is shown to the visitor (not after a
    #: redraw for a language, text size or content change).
    place_shown = Signal(object)

    def __init__(
        self,
        catalog: Catalog,
        session: Session,
        qss_template: str,
        reader: Speech | None = None,
        translations: Translations | None = None,
        *,
        call_command: tuple[str, ...] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__()
        self.setObjectName("KioskWindow")
        self._today = today
        self._day = today()
        # Notices come and go by date: look at the calendar once a minute.
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(DAY_CHECK_MS)
        self.day_timer.timeout.connect(self.check_day)
        self.day_timer.start()
        self.setWindowTitle("Clinic kiosk")
        # The window itself holds focus after each screen change, so no control shows a
        # focus ring until a keyboard or switch user presses Tab (the window itself is not
        # a Tab stop).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        #: Only the staff panel's Exit sets this; every other close is ignored.
        self.allow_close = False
        self._template = qss_template
        self.catalog = catalog
        self.index = DrugIndex(catalog.drugs)
        self.session = session
        self.reader = reader
        self.call_command = call_command
        self.translations = translations or Translations(i18n_dir(), catalog.site.languages)
        self.top_bar = TopBar()
        self.top_bar.keep_speech_slots(reader is not None)
        self.stack = CurrentPageStack()
        self.call_panel = CallPanel()
        self.current: KioskScreen | None = None  # the screen on show
        self._list_screen: DrugListScreen | None = None
        self.scroll_pool = ScrollAreaPool()
        #: What each label text measures at each font and width (see WrapLabel).
        self.label_sizes = SizeMemo()
        self._list_key: tuple[object, ...] = ()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addWidget(self.stack, 1)
        self._split = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._split.setContentsMargins(0, 0, 0, 0)
        self._split.setSpacing(12)  # keeps half-scrolled buttons clear of the call panel
        self._split.addWidget(left, 1)
        self._split.addWidget(self.call_panel)
        self.top_bar.back.clicked.connect(self.back)
        self.top_bar.home.clicked.connect(lambda: self.go(HOME))
        self.top_bar.language.clicked.connect(self.next_language)
        self.top_bar.text_size.clicked.connect(self.next_text_size)
        self.top_bar.contrast.clicked.connect(self.toggle_contrast)
        self.top_bar.listen.clicked.connect(self.toggle_reading)
        #: Audio mode; it watches touches application-wide (see AudioMode).
        self.audio = AudioMode(self, reader, self._words, lambda: self.session.language)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.audio)
        bar = self.top_bar
        bar.audio.clicked.connect(self.toggle_audio)
        bar.previous.clicked.connect(self.audio.previous_part)
        bar.repeat.clicked.connect(self.audio.repeat_part)
        bar.next.clicked.connect(self.audio.next_part)
        bar.softer.clicked.connect(lambda: self.audio.change_volume(-1))
        bar.louder.clicked.connect(lambda: self.audio.change_volume(1))
        if reader is not None:
            reader.speaking_changed.connect(self._label_listen)
            # Read aloud may come (the engine is made after the first frame) and go.
            reader.available_changed.connect(self._show_listen)
        self.call_panel.clicked.connect(lambda: self.go(Place(Screen.CALL)))
        measure_with(self, self.label_sizes)  # the top bar's and call panel's labels
        self._restyle()
        self._show(self.session.place)

    # -- navigation ---------------------------------------------------------------------

    def go(self, place: Place) -> None:
        """Move the visitor to ``place``: a new visit, so it opens at its top."""
        self._remember_scroll()
        shown = self.session.go(place)
        self.session.scroll.pop(shown, None)  # only Back returns to where someone was
        self._show(shown)

    def back(self) -> None:
        """One step back (Home at most)."""
        self._remember_scroll()
        self._show(self.session.back())

    def _remember_scroll(self) -> None:
        scroll = self.current.scroll_area if self.current is not None else None
        if scroll is not None:
            self.session.scroll[self.session.place] = scroll.verticalScrollBar().value()

    def _context(self) -> ScreenContext:
        theme = HIGH_CONTRAST if self.session.high_contrast else DEFAULT
        return ScreenContext(
            self.catalog,
            self.session,
            self.index,
            self.go,
            theme,
            self.translations,
            self.scroll_pool,
            self.label_sizes,
            self._today,
            self._dialer(),
            self.start_audio if self.reader is not None else None,
        )

    def _build(self, place: Place) -> KioskScreen | None:
        ctx = self._context()
        if place.screen is Screen.DRUG_LIST:
            return self._drug_list(ctx)
        return build_screen(ctx, place)

    def _drug_list(self, ctx: ScreenContext) -> DrugListScreen:
        """The medication list, kept while nothing it shows changes.

        With many pages it is the costliest screen to build, and visitors return to it
        often; it is rebuilt for a new visitor, language, text size, contrast or catalog.
        """
        session = self.session
        key = (
            id(self.catalog),
            id(session),
            session.language,
            session.text_size,
            session.high_contrast,
        )
        if self._list_screen is not None and self._list_key == key:
            self._list_screen.show_search(session.search_text)
            return self._list_screen
        self._drop_list_screen()
        self._list_screen, self._list_key = DrugListScreen(ctx), key
        return self._list_screen

    def _drop_list_screen(self) -> None:
        if self._list_screen is not None and self._list_screen is not self.current:
            self._discard(self._list_screen)
        self._list_screen = None

    def _discard(self, screen: KioskScreen) -> None:
        """Remove a screen for good, recycling its scroll area or list view.

        A ScrollPage hands its scroll area back itself when it is deleted.
        """
        self.stack.removeWidget(screen)
        if isinstance(screen, ScrollPage):
            self.scroll_pool.retire(screen.scroll_area)
        elif isinstance(screen, DrugListScreen):
            self.scroll_pool.give_back_list(screen.view)
        screen.deleteLater()

    def _dialer(self) -> Callable[[], bool] | None:
        coordinator = self.catalog.site.coordinator
        command = self.call_command
        if not command:
            return None
        return lambda: start_call(command, coordinator.dial_digits())

    def _show(self, place: Place, *, announce: bool = True) -> None:
        if self.reader is not None:
            self.reader.stop()  # reading never carries over to another screen
        widget = self._build(place)
        if widget is None:
            log.info("page %s:%s is gone; showing home", place.screen.value, place.key)
            self.session.go(HOME)
            place = HOME
            widget = HomeScreen(self._context())
        old = self.current
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
            widget.announced.connect(self.audio.announce)
        self.stack.setCurrentWidget(widget)
        self.current = widget
        if old is not None and old is not widget:
            if self._list_screen is not None and old is self._list_screen:
                old.hide()  # kept for the next visit (see _drug_list)
            else:
                self._discard(old)
        scroll = widget.scroll_area
        if scroll is not None and place in self.session.scroll:
            scroll.verticalScrollBar().setValue(self.session.scroll[place])
        self.top_bar.show_place(place)
        # The call card and the attract screen show the number themselves, and an
        # immediate-action result offers it below its emergency action (nothing there may
        # compete with "call 911"); everywhere else the panel is on screen.
        self.call_panel.setVisible(widget.shows_call_panel)
        self._show_listen()
        self._label_listen(False)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.audio.arrive(widget.spoken_lines(), widget.arrival_lines(), speak=announce)
        if announce:  # not for a redraw after a language, size or content change
            self.place_shown.emit(widget.shown(place))

    def check_day(self) -> None:
        """On a new day, redraw Home or the attract screen: today's notices may differ."""
        day = self._today()
        if day == self._day:
            return
        self._day = day
        if self.session.place.screen in (Screen.HOME, Screen.ATTRACT):
            self._refresh()

    # -- replacing what is shown -------------------------------------------------------

    def replace_session(self, session: Session) -> None:
        """Start over with a new visitor's session (nothing of the old one is kept)."""
        self.session = session
        self._drop_list_screen()  # it holds the old visitor's search
        self.audio.set_active(session.audio, explain=False)
        if self.reader is not None:
            self.reader.reset()  # default volume and rate for the next visitor
        self._restyle()
        self._show(session.place)

    def set_catalog(self, catalog: Catalog) -> None:
        """Show new content (the caller chooses a moment when nobody is mid-read)."""
        if catalog.site.languages != self.catalog.site.languages:
            self.translations = Translations(i18n_dir(), catalog.site.languages)
        self.catalog = catalog
        self.index = DrugIndex(catalog.drugs)
        if self.session.language not in catalog.site.languages:
            self.session.language = catalog.site.default_language
        self._restyle()
        self._show(self.session.place, announce=False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys for keypads and switch interfaces.

        Arrows move between controls as Tab does; on the attract screen any key starts.
        """
        key = event.key()
        if self.session.place.screen is Screen.ATTRACT:
            self.go(HOME)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.focusNextChild()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Visitors cannot close the kiosk (Alt+F4, window manager close …)."""
        if self.allow_close:
            event.accept()
        else:
            log.info("close request ignored")
            event.ignore()

    # -- visitor preferences ------------------------------------------------------------

    def next_language(self) -> None:
        """Switch to the next offered language, keeping the visitor's place."""
        self.session.next_language(self.catalog.site.languages)
        self._refresh()
        if self.current is not None:  # said again, in the new language
            self.audio.arrive(self.current.spoken_lines(), self.current.arrival_lines())

    def next_text_size(self) -> None:
        """Normal → large → largest → normal."""
        self.session.text_size = self.session.text_size.next()
        self._refresh()

    def toggle_audio(self) -> None:
        """The Audio button: audio mode on (explained by voice) or off."""
        self.session.audio = not self.session.audio
        self._audio_changed()

    def start_audio(self) -> None:
        """The attract screen's Audio button: audio mode on, then Home."""
        self.session.audio = True
        self._audio_changed()
        self.go(HOME)

    def _audio_changed(self) -> None:
        self.top_bar.relabel(self.session, self.catalog.site.languages, self.translations)
        self.top_bar.show_audio_controls(self.session.audio)
        self._show_listen()
        self.audio.set_active(self.session.audio)

    def _words(self, key: str, **values: str) -> str:
        """An interface string in the visitor's language."""
        return self.translations.text(key, self.session.language, **values)

    def toggle_reading(self) -> None:
        """Listen: read the screen aloud (in audio mode part by part), or stop."""
        if self.reader is None:
            return
        if self.audio.active:
            if self.audio.reading:
                self.audio.stop()
            else:
                self.audio.read_on()
            return
        if self.reader.speaking:
            self.reader.stop()
            return
        if self.current is not None:
            self.reader.speak(for_speech(self.current.speech_text()), self.session.language)

    def _show_listen(self, _available: bool = False) -> None:
        """Listen shows where there is something to read and an engine to read it."""
        speaks = self.reader is not None and self.reader.available
        readable = self.current is not None and bool(self.current.spoken_lines())
        self.top_bar.listen.setVisible(speaks and readable)
        # (while audio mode is on it stays, so it can always be turned off)
        self.top_bar.audio.setVisible(speaks or self.session.audio)

    def _label_listen(self, speaking: bool) -> None:
        # In audio mode every touch is spoken: Listen says Stop reading only while it reads.
        reading = speaking and (not self.audio.active or self.audio.reading)
        self.top_bar.label_listen(reading, self.session.language, self.translations)

    def toggle_contrast(self) -> None:
        """High-contrast colours on or off."""
        self.session.high_contrast = not self.session.high_contrast
        self._refresh()

    def _refresh(self) -> None:
        self._remember_scroll()
        self._restyle()
        self._show(self.session.place, announce=False)

    def _restyle(self) -> None:
        session = self.session
        theme = HIGH_CONTRAST if session.high_contrast else DEFAULT
        palette = self.palette()
        # Links inside page text use the palette, not the style sheet.
        palette.setColor(QPalette.ColorRole.Link, QColor(theme.link))
        palette.setColor(QPalette.ColorRole.LinkVisited, QColor(theme.link))
        self.setPalette(palette)
        self.setStyleSheet(stylesheet(self._template, theme, session.text_size))
        self.top_bar.relabel(session, self.catalog.site.languages, self.translations)
        self.top_bar.show_audio_controls(session.audio)
        self._label_listen(self.reader is not None and self.reader.speaking)
        language = session.language
        self.call_panel.show_coordinator(
            self.catalog.site.coordinator,
            language,
            self.translations.text("touch_for_call", language),
            self.translations.text("scan_to_call", language),
        )
        self.call_panel.ensurePolished()
        self._place_call_panel(self.size())

    # -- layout -------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Call panel on the right in landscape, along the bottom in portrait."""
        self._place_call_panel(event.size())
        super().resizeEvent(event)

    def _place_call_panel(self, size: QSize) -> None:
        portrait = size.height() > size.width()
        self._split.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.call_panel.set_vertical(not portrait)
        if portrait:
            self.top_bar.set_row_width(size.width())
            self.call_panel.setMinimumWidth(0)
            self.call_panel.setMaximumWidth(16_777_215)
            self.call_panel.fit_height(size.width())
        else:
            self.call_panel.setMinimumHeight(0)
            self.call_panel.setMaximumHeight(16_777_215)
            # narrower on a small screen, so the pages keep most of the width
            # (at 1024 px: 266, leaving the medication list room for ten 64-pixel keys)
            width = max(260, min(560, size.width() * 26 // 100))
            self.call_panel.setFixedWidth(width)
            self.top_bar.set_row_width(size.width() - width - self._split.spacing())
