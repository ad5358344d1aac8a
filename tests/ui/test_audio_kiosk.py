"""Audio mode in the running kiosk: the idle warning speaks, and staff touches are never said."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import PySide6.QtTextToSpeech  # noqa: F401  (it warns once about pipewire as it loads)
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.controller import KioskController
from kiosk.content import load_content
from kiosk.runtime.speech import Reader
from kiosk.settings import resources_dir
from kiosk.stats import UsageStats
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.home import HomeScreen
from tests.conftest import SHIPPED_CONTENT
from tests.ui.conftest import FakeClock, Heard, tap
from tests.ui.test_runtime import PIN, dispose, with_pin


@pytest.fixture
def kiosk(
    qtbot: QtBot, fonts_loaded: None, tmp_path: Path, reader: Reader
) -> Iterator[tuple[KioskController, FakeClock]]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    clock = FakeClock()
    controller = KioskController(
        app,
        SHIPPED_CONTENT,
        load_content(SHIPPED_CONTENT),
        resources_dir(),
        stats=UsageStats(tmp_path / "usage.sqlite3"),
        clock=clock,
        operations=with_pin(PIN),
        reader=reader,
    )
    qtbot.addWidget(controller.window)
    controller.window.resize(1366, 768)
    controller.window.show()
    qtbot.waitExposed(controller.window)
    controller.start()
    yield controller, clock
    dispose(controller)


def start_in_audio_mode(qtbot: QtBot, controller: KioskController) -> None:
    attract = controller.window.current
    assert isinstance(attract, AttractScreen)
    tap(qtbot, attract.audio)
    assert isinstance(controller.window.current, HomeScreen) and controller.window.audio.active


def test_the_idle_warning_is_spoken_and_waits_while_it_is(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock], reader: Reader
) -> None:
    controller, clock = kiosk
    heard = Heard(reader)
    start_in_audio_mode(qtbot, controller)
    qtbot.waitUntil(lambda: bool(heard.said), timeout=2000)
    reader.stop()  # (the mock engine takes about 0.1 s a word: the explanation is long)
    qtbot.waitUntil(lambda: not reader.speaking, timeout=2000)
    clock.advance(91)
    controller.idle.check()
    assert controller.idle_overlay.isVisible()
    said = heard.last(qtbot)
    assert said.startswith("Are you still there?")
    assert "start over in 29 seconds" in said and "I'm still here" in said
    qtbot.waitUntil(lambda: reader.speaking, timeout=2000)
    controller.idle.check()  # (the clock stands still from this check on, while it speaks)
    left = controller.idle.clock.seconds_left()
    clock.advance(40)  # longer than the countdown, but the warning is still being read
    controller.idle.check()
    assert reader.speaking and controller.idle_overlay.isVisible()
    assert controller.idle.clock.seconds_left() == left
    reader.stop()  # the voice has finished
    qtbot.waitUntil(lambda: not reader.speaking, timeout=2000)
    controller.idle.check()
    clock.advance(left + 1)
    controller.idle.check()
    assert isinstance(controller.window.current, AttractScreen)  # silence: the reset comes
    assert not controller.window.audio.active  # and the next visitor starts without it


def test_a_visitor_listening_is_not_idle(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock], reader: Reader
) -> None:
    controller, clock = kiosk
    start_in_audio_mode(qtbot, controller)
    controller.idle.check()
    for _ in range(10):
        reader.engine.say("A long page being read aloud " * 30)
        qtbot.waitUntil(lambda: reader.speaking, timeout=2000)
        clock.advance(30)
        controller.idle.check()
    assert not controller.idle_overlay.isVisible()  # 300 s of listening, no warning


def test_nothing_on_the_pin_pad_is_said_and_it_works_at_the_first_touch(
    qtbot: QtBot, kiosk: tuple[KioskController, FakeClock], reader: Reader
) -> None:
    controller, _ = kiosk
    start_in_audio_mode(qtbot, controller)
    heard = Heard(reader)
    qtbot.wait(20)
    heard.clear()
    window = controller.window
    corner = QPoint(20, 20)
    target = window.childAt(corner) or window
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))
    qtbot.waitUntil(controller.pin_pad.isVisible, timeout=4000)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))
    pad = controller.pin_pad
    for digit in PIN:
        tap(qtbot, pad.keys[digit])
    tap(qtbot, pad.keys["OK"])
    qtbot.wait(20)
    assert controller.staff.isVisible()  # each key worked at its first touch
    assert not any(digit in said for said in heard.said for digit in PIN), heard.said
