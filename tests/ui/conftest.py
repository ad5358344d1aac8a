"""Fixtures for GUI tests: a real kiosk window on shipped or test content."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import PySide6.QtTextToSpeech  # noqa: F401  (it warns once about pipewire as it loads)
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QScroller, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Catalog, load_content
from kiosk.runtime.speech import Reader, create_reader
from kiosk.session import Session, TextSize
from kiosk.settings import resources_dir
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.render import page_places
from kiosk.ui.theme import load_template, prepare_fonts
from tests.conftest import SHIPPED_CONTENT

WindowFactory = Callable[..., KioskWindow]
#: How long a finger rests on the glass in a tap.
TOUCH_MS = 160


@pytest.fixture(scope="session")
def fonts_loaded(qapp: QApplication) -> None:
    """Load the bundled font once."""
    prepare_fonts(qapp, resources_dir())


def catalog_of(root: Path) -> Catalog:
    """Load a folder that must be valid."""
    result = load_content(root)
    assert result.catalog is not None and not result.errors, [str(p) for p in result.errors]
    return result.catalog


@pytest.fixture
def make_window(qtbot: QtBot, fonts_loaded: None) -> WindowFactory:
    """Build and show a kiosk window (default: shipped content, 1920×1080)."""

    def make(
        root: Path = SHIPPED_CONTENT,
        width: int = 1920,
        height: int = 1080,
        language: str | None = None,
        call_command: tuple[str, ...] | None = None,
        speaking: bool = False,
    ) -> KioskWindow:
        """A window; ``speaking``: with Qt's mock speech engine (Audio and Listen show)."""
        catalog = catalog_of(root)
        session = Session(language or catalog.site.default_language)
        reader = create_reader("mock") if speaking else None
        window = KioskWindow(
            catalog, session, load_template(resources_dir()), reader, call_command=call_command
        )
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory) -> KioskWindow:
    """The kiosk on the shipped content."""
    return make_window()


def _in_kinetic_area(widget: QWidget) -> bool:
    parent: QWidget | None = widget
    while parent is not None:
        if QScroller.hasScroller(parent):
            return True
        parent = parent.parentWidget()
    return False


def tap(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A touch-like tap at the widget's centre.

    Inside kinetic scroll areas a press is held back ~0.1 s (so a swipe that starts on a
    button scrolls instead of pressing it), so the tap lasts as long as a real finger's.
    """
    assert widget.isVisible(), f"{widget.accessibleName()!r} is not visible"
    where = pos or widget.rect().center()
    if not _in_kinetic_area(widget):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)
        return
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=where)
    qtbot.wait(TOUCH_MS)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=where)
    qtbot.wait(1)


def show_page(window: KioskWindow, page_id: str, text_size: TextSize) -> None:
    """Show a page of ``kiosk render``'s list at ``text_size`` after a full redraw."""
    window.session.text_size = text_size
    place, tick = next((p, t) for i, p, t in page_places(window.catalog) if i == page_id)
    if tick:
        window.session.toggle(place.key, tick)
    window.next_language()
    window.next_language()  # a full redraw at this size, and back to the first language
    window.go(place)


def page_ids() -> list[str]:
    """Every page id ``kiosk render`` knows for the shipped content."""
    return [page_id for page_id, _, _ in page_places(catalog_of(SHIPPED_CONTENT))]


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


#: Offscreen screens of every kiosk size, next to the plugin's usual 800×800 one: see
#: pytest_configure. They lie far below it, so no other test's window lands on them.
KIOSK_SCREENS = Path(__file__).with_name("kiosk_screens.json")


def pytest_configure(config: pytest.Config) -> None:
    """On the offscreen platform, add the kiosk screens (before any QApplication exists)."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={KIOSK_SCREENS}"


def kiosk_screen(width: int, height: int, scale: int = 1) -> QScreen | None:
    """The offscreen screen of ``width``×``height`` device pixels at ``scale`` (or None)."""
    name = f"{width}x{height}" + (f"@{scale}x" if scale != 1 else "")
    return next((s for s in QGuiApplication.screens() if s.name() == name), None)


def show_full_screen(qtbot: QtBot, window: QWidget, screen: QScreen) -> None:
    """Show ``window`` full screen on ``screen``, as the kiosk runs."""
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.size() == screen.geometry().size(), timeout=2000)


@pytest.fixture
def reader() -> Iterator[Reader]:
    """A Reader on Qt's mock speech engine."""
    made = create_reader("mock")
    assert made is not None
    yield made
    made.stop()


class Heard:
    """What the speech engine was asked to say (and in which language), in order."""

    def __init__(self, reader: Reader) -> None:
        self.said: list[str] = []
        #: The language each utterance was asked for (the voice is chosen from it).
        self.languages: list[str] = []
        self.reader = reader
        say = reader.engine.say
        reader.engine.say = lambda text: (self.said.append(text), say(text))  # type: ignore[method-assign]
        speak = reader.speak

        def asked(text: str, language: str) -> None:
            self.languages.append(language)
            speak(text, language)

        reader.speak = asked  # type: ignore[method-assign]

    def last(self, qtbot: QtBot) -> str:
        """The newest utterance, once what was said in one go has been joined and sent."""
        qtbot.wait(5)
        assert self.said, "nothing was said"
        return self.said[-1]

    def clear(self) -> None:
        """Forget what was said so far."""
        self.said.clear()


def tab_to(qtbot: QtBot, window: QWidget, wanted: QWidget, limit: int = 120) -> None:
    """Press Tab until ``wanted`` has focus (fails if it is never reached)."""
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is wanted:
            return
    raise AssertionError(f"Tab never reached {wanted.accessibleName()!r}")
