"""A seeded monkey on the running kiosk: random taps, swipes and keys, with idle resets mixed in.

Whatever is on screen gets touched: tiles, list rows, the on-screen keyboard, checklist
rows, the call panel, the PIN pad and the staff panel. pytest-qt fails the test on any
exception raised inside Qt (slots, event handlers, paint) and on any Qt warning; the test
itself checks that every idle reset ends on the attract screen with a brand-new session.
2,000 events in `make test`, 100,000 in `make soak`.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QListView, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app.controller import KioskController
from kiosk.content import load_content
from kiosk.operations import Operations
from kiosk.pin import hash_pin
from kiosk.session import ATTRACT, Screen, Session, TextSize
from kiosk.settings import resources_dir
from kiosk.stats import UsageStats
from kiosk.ui.pin_pad import PinPad
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.staff_panel import StaffPanel
from kiosk.ui.widgets.keyboard import OnScreenKeyboard
from kiosk.ui.widgets.touch_button import StyledButton, TouchButton
from tests.ui.conftest import FakeClock

PIN = "246813"
KEYS = (
    [Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter]
    + [Qt.Key.Key_Space, Qt.Key.Key_Escape, Qt.Key.Key_Backspace]
    + [Qt.Key(Qt.Key.Key_0 + n) for n in range(10)]
    + [Qt.Key(Qt.Key.Key_A + n) for n in range(26)]
)
#: Below this many references to None (or True/False) a leaking binding is about to abort
#: the whole test process; fail the test cleanly instead.
REFCOUNT_FLOOR = 2000


@dataclass
class Tally:
    """What the monkey did (printed, and checked so a silent monkey cannot pass)."""

    counts: dict[str, int] = field(default_factory=dict)
    screens: set[Screen] = field(default_factory=set)

    def add(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1


@pytest.fixture
def kiosk(
    qtbot: QtBot, fonts_loaded: None, shipped_copy: Path, tmp_path: Path
) -> Iterator[tuple[KioskController, FakeClock]]:
    """The kiosk on a copy of the shipped content, with a staff PIN, started."""
    clock = FakeClock()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    first = load_content(shipped_copy)
    assert first.catalog is not None and not first.errors
    kiosk = KioskController(
        app,
        shipped_copy,
        first,
        resources_dir(),
        stats=UsageStats(tmp_path / "usage.sqlite3", today=lambda: dt.date(2026, 11, 24)),
        metrics_dir=tmp_path / "metrics",
        clock=clock,
        operations=Operations(admin_pin_hash=hash_pin(PIN, iterations=1000)),
    )
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    kiosk.start()
    yield kiosk, clock
    kiosk.stop()
    kiosk.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Monkey:
    """Sends random input to the kiosk window, the way fingers and a keyboard would."""

    def __init__(self, kiosk: KioskController, clock: FakeClock, seed: int) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self.clock = clock
        self.rng = random.Random(seed)
        self.tally = Tally()
        self.resets = 0

    # -- what is on screen ------------------------------------------------------------

    def _on_top(self) -> QWidget:
        """The layer that receives touches: an open overlay, else the window."""
        for layer in (self.kiosk.idle_overlay, self.kiosk.staff, self.kiosk.pin_pad):
            if layer.isVisible():
                return layer
        return self.window

    def targets(self) -> dict[str, list[QWidget]]:
        """Visible touch targets by kind, inside the layer on top."""
        layer = self._on_top()
        groups: dict[str, list[QWidget]] = {}

        def add(kind: str, widget: QWidget) -> None:
            groups.setdefault(kind, []).append(widget)

        for button in layer.findChildren(StyledButton):
            if not button.isVisible() or not button.isEnabled():
                continue
            if isinstance(layer, StaffPanel) and button is layer.exit_button:
                continue  # staff leaving the kiosk ends the run: not a monkey's business
            parent = button.parentWidget()
            if isinstance(parent, OnScreenKeyboard):
                add("keyboard", button)
            elif isinstance(layer, PinPad):
                add("pin pad", button)
            elif isinstance(button, TouchButton) and button.property("kind") == "check":
                add("checklist row", button)
            elif button is self.window.call_panel:
                add("call panel", button)
            else:
                add("button", button)
        if layer is self.window:
            for area in self.window.findChildren(QAbstractScrollArea):
                if area.isVisible():
                    add("list row" if isinstance(area, QListView) else "scroll area", area)
            if isinstance(self.window.current, AttractScreen):
                add("attract screen", self.window.current)
        return groups

    # -- input --------------------------------------------------------------------------

    def _receiver(self, widget: QWidget, local: QPoint) -> tuple[QWidget, QPoint]:
        """What a finger at ``local`` on ``widget`` really touches (overlays included)."""
        at = widget.mapTo(self.window, local)
        hit = self.window.childAt(at) or self.window
        return hit, hit.mapFrom(self.window, at)

    def _point_in(self, widget: QWidget) -> QPoint:
        rect = widget.rect()
        if isinstance(widget, QAbstractScrollArea):
            viewport = widget.viewport()
            rect = viewport.rect()
            inner = QPoint(
                self.rng.randrange(max(1, rect.width())), self.rng.randrange(max(1, rect.height()))
            )
            return viewport.mapTo(widget, inner)
        margin_x, margin_y = rect.width() // 5, rect.height() // 5
        return QPoint(
            self.rng.randint(margin_x, max(margin_x, rect.width() - margin_x - 1)),
            self.rng.randint(margin_y, max(margin_y, rect.height() - margin_y - 1)),
        )

    def tap(self) -> None:
        groups = self.targets()
        if not groups:
            self.key()
            return
        kinds = sorted(groups)
        # Rarer, richer targets (keys, rows, the PIN pad) are picked more often.
        weights = [1 if kind in ("button", "scroll area") else 3 for kind in kinds]
        kind = self.rng.choices(kinds, weights)[0]
        widget = self.rng.choice(groups[kind])
        receiver, pos = self._receiver(widget, self._point_in(widget))
        self.tally.add(f"tap {kind}")
        QTest.mousePress(receiver, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        if self.rng.random() < 0.3:
            QApplication.processEvents()  # a finger rests a moment before lifting
        if receiver.isVisible():  # the press may have swapped the screen already
            QTest.mouseRelease(
                receiver, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
            )

    def swipe(self) -> None:
        areas = [
            area
            for area in self.window.findChildren(QAbstractScrollArea)
            if area.isVisible() and self._on_top() is self.window
        ]
        if not areas:
            self.tap()
            return
        area = self.rng.choice(areas)
        viewport = area.viewport()
        rect = viewport.rect()
        start = QPoint(rect.width() // 2, rect.height() // 2 + self.rng.randint(-100, 100))
        dy = self.rng.choice([-1, 1]) * self.rng.randint(80, max(81, rect.height() // 2))
        self.tally.add("swipe")
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        steps = self.rng.randint(3, 8)
        for step in range(1, steps + 1):
            QTest.mouseMove(viewport, start + QPoint(0, dy * step // steps), 5)
        end = start + QPoint(0, dy)
        if viewport.isVisible():
            QTest.mouseRelease(
                viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
            )

    def key(self) -> None:
        key = self.rng.choice(KEYS)
        target = QApplication.focusWidget() or self._on_top()
        if not target.isVisible():
            target = self.window
        self.tally.add("key")
        QTest.keyClick(target, key)

    def open_pin_pad(self) -> None:
        """The hidden corner gesture, as if held its 3 s."""
        self.tally.add("open pin pad")
        self.kiosk.corner.held.emit()

    def right_pin(self) -> None:
        pad = self.kiosk.pin_pad
        if not pad.isVisible():
            self.open_pin_pad()
        self.tally.add("right pin")
        for digit in PIN:
            QTest.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
        QTest.mouseClick(pad.keys["OK"], Qt.MouseButton.LeftButton)

    def idle_warning(self) -> None:
        """Long enough to warn, not to reset; the next touch keeps the session."""
        site = self.kiosk.catalog.site
        self.tally.add("idle warning")
        self.clock.advance(site.idle.warn_after_s + 1)
        self.kiosk.idle.check()

    def idle_reset(self) -> None:
        """Nobody touches the screen: warning, countdown, reset."""
        site = self.kiosk.catalog.site
        before = self.window.session
        self.clock.advance(site.idle.warn_after_s + site.idle.countdown_s + 1)
        self.kiosk.idle.check()
        self.kiosk.idle.check()
        self.tally.add("idle reset")
        if self.window.session is not before:
            self.resets += 1
            check_fresh(self.kiosk, before)
            return
        # Only the attract screen has nothing to reset, and nothing may stay open on it.
        assert before.place == ATTRACT, f"no reset after idling on {before.place}"
        check_calm(self.kiosk)

    # -- the run ------------------------------------------------------------------------

    def step(self) -> None:
        roll = self.rng.random()
        if roll < 0.60:
            self.tap()
        elif roll < 0.75:
            self.swipe()
        elif roll < 0.92:
            self.key()
        elif roll < 0.94:
            self.open_pin_pad()
        elif roll < 0.95:
            self.right_pin()
        elif roll < 0.97:
            self.idle_warning()
        else:
            self.idle_reset()
        self.clock.advance(self.rng.uniform(0.2, 3.0))  # time a person takes between touches
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.tally.screens.add(self.window.session.place.screen)


def check_fresh(kiosk: KioskController, before: Session) -> None:
    """After a reset: the attract screen, no overlay, and a brand-new, empty session."""
    window = kiosk.window
    session = window.session
    catalog = kiosk.catalog
    assert session is not before, "the reset kept the old visitor's session object"
    assert isinstance(window.current, AttractScreen)
    assert session.place == ATTRACT and not session.can_go_back
    assert session.language == catalog.site.default_language
    assert session.text_size is TextSize.NORMAL and not session.high_contrast
    assert session.search_text == "" and session.scroll == {}
    assert all(session.ticked(key) == frozenset() for key in catalog.checklists)
    assert not kiosk.visit_counted
    for layer in (kiosk.idle_overlay, kiosk.pin_pad, kiosk.staff):
        assert not layer.isVisible(), f"{layer.accessibleName()} is still open after a reset"


def check_calm(kiosk: KioskController) -> None:
    """The attract screen with no overlay over it."""
    assert isinstance(kiosk.window.current, AttractScreen)
    for layer in (kiosk.idle_overlay, kiosk.pin_pad, kiosk.staff):
        assert not layer.isVisible(), (
            f"{layer.accessibleName()} is still open over the attract screen after minutes "
            "without a touch"
        )


def refcount_guard() -> None:
    """Fail now, cleanly, rather than let a leaking binding abort the whole test process."""
    for name, value in (("None", None), ("True", True), ("False", False)):
        refs = sys.getrefcount(value)
        if refs < REFCOUNT_FLOOR:
            pytest.fail(
                f"{name} has only {refs} references left and keeps losing them: the Qt "
                "binding drops a reference on calls (PySide6 6.12.0 on CPython 3.11), and "
                "CPython aborts when it reaches 0. See tests/ui/test_endurance.py."
            )


def run_monkey(kiosk: KioskController, clock: FakeClock, events: int, seed: int) -> Monkey:
    monkey = Monkey(kiosk, clock, seed)
    refs = [sys.getrefcount(value) for value in (None, True, False)]
    started = time.perf_counter()
    for number in range(events):
        monkey.step()
        if number % 50 == 0:
            refcount_guard()
    # Finish with a reset from wherever the monkey left the kiosk.
    if kiosk.window.session.place == ATTRACT:
        QTest.mouseClick(kiosk.window.current, Qt.MouseButton.LeftButton)
    monkey.idle_reset()
    elapsed = time.perf_counter() - started
    print(f"\nmonkey: {events} events in {elapsed:.1f} s, {monkey.resets} resets")
    now = [sys.getrefcount(value) for value in (None, True, False)]
    print(f"monkey: references to None, True, False: {refs} -> {now}")
    print(f"monkey: {sorted(monkey.tally.counts.items())}")
    print(f"monkey: screens seen {sorted(s.value for s in monkey.tally.screens)}")
    # A monkey that never got anywhere proves nothing (what it reaches depends a little on
    # timing, e.g. a flick still moving when the next tap lands, so ask for most of it).
    assert monkey.resets >= events // 200
    seen = {s.value for s in monkey.tally.screens}
    assert {"attract", "home"} <= seen and len(seen) >= 5, seen
    wanted = {"tap keyboard", "tap pin pad", "tap checklist row", "tap call panel", "swipe"}
    wanted |= {"key", "right pin", "idle reset", "tap list row", "tap button"}
    assert len(wanted & set(monkey.tally.counts)) >= len(wanted) - 2, monkey.tally.counts
    return monkey


#: Qt's gesture manager sometimes warns when a flick is still under way as its scroll area
#: leaves the screen (seen after a swipe on the checklist followed by taps that change the
#: screen; not reproduced deterministically). Harmless, and reported; every other Qt
#: warning still fails the monkey.
GESTURE_WARNING = r"^QGestureManager::deliverEvents: could not find the target for gesture$"


@pytest.mark.qt_log_ignore(GESTURE_WARNING)
def test_monkey_2000_events(qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]) -> None:
    app, clock = kiosk
    run_monkey(app, clock, 2000, seed=20261124)


@pytest.mark.slow
@pytest.mark.qt_log_ignore(GESTURE_WARNING)
def test_monkey_100000_events(qtbot: QtBot, kiosk: tuple[KioskController, FakeClock]) -> None:
    app, clock = kiosk
    run_monkey(app, clock, 100_000, seed=7)


# -- what the monkey found, pinned down ---------------------------------------------------


def test_a_pin_pad_left_open_on_the_attract_screen_closes_itself(
    kiosk: tuple[KioskController, FakeClock],
) -> None:
    """Staff hold the corner on the attract screen, then walk away: the pad must not stay."""
    app, clock = kiosk
    assert isinstance(app.window.current, AttractScreen)
    app.corner.held.emit()  # the corner held for 3 s
    for _ in range(5):
        clock.advance(100)
        app.idle.check()
    check_calm(app)


def test_closing_the_staff_panel_on_the_attract_screen_leaves_it_calm(
    kiosk: tuple[KioskController, FakeClock],
) -> None:
    """After staff close their panel, no "Are you still there?" may pop up over attract."""
    app, clock = kiosk
    assert isinstance(app.window.current, AttractScreen)
    app.open_staff_panel()
    QTest.mouseClick(app.staff.close_button, Qt.MouseButton.LeftButton)
    before = app.window.session
    clock.advance(app.catalog.site.idle.warn_after_s + 5)
    app.idle.check()
    check_calm(app)
    clock.advance(app.catalog.site.idle.countdown_s + 5)
    app.idle.check()
    assert app.window.session is before  # nothing to reset: nobody has been here
