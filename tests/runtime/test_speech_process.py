"""Read aloud in a child process: the screen goes on whatever the speech engine does.

A speech-dispatcher engine that hangs inside Qt's plugin holds Python's interpreter lock,
and in the kiosk's own process that froze every frame (measured under Xvfb: 20 s of
identical frames, a touch ignored). In a child, a hang costs nothing but read aloud.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from kiosk.runtime.speech_process import SpeechProcess
from kiosk.runtime.speech_worker import worker_command

READY = json.dumps({"ready": True})


def child(script: str) -> list[str]:
    """A stand-in child running ``script``."""
    return [sys.executable, "-c", script]


@pytest.fixture
def mock_engine() -> Iterator[None]:
    old = os.environ.get("KIOSK_TTS_ENGINE")
    os.environ["KIOSK_TTS_ENGINE"] = "mock"
    yield
    if old is None:
        del os.environ["KIOSK_TTS_ENGINE"]
    else:
        os.environ["KIOSK_TTS_ENGINE"] = old


def test_the_worker_speaks_reports_its_voices_and_keeps_the_volume(
    qtbot: QtBot, mock_engine: None
) -> None:
    speech = SpeechProcess(worker_command(), languages=["en", "es"])
    states: list[bool] = []
    speech.speaking_changed.connect(states.append)
    speech.start()
    qtbot.waitUntil(lambda: speech.available, timeout=15_000)
    qtbot.waitUntil(lambda: speech.voices is not None, timeout=5000)
    assert speech.engine_name == "mock"
    assert {voice.locale[:2] for voice in speech.voices or []} == {"en"}  # no Spanish in mock
    speech.speak("Baclofen is a medicine that helps tight muscles relax.", "en")
    qtbot.waitUntil(lambda: speech.speaking, timeout=5000)
    speech.stop()
    qtbot.waitUntil(lambda: not speech.speaking, timeout=5000)
    assert states[:2] == [True, False]
    assert speech.change_volume(+1) == pytest.approx(0.9)
    speech.reset()
    assert speech.volume == pytest.approx(0.8)
    speech.shutdown()
    assert not speech.available


@pytest.mark.allow_log_warnings
def test_a_child_that_never_gets_ready_is_given_up_and_the_screen_goes_on(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    speech = SpeechProcess(child("import time; time.sleep(60)"), timeout_s=0.5, retry_s=(0.3,))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    speech.start()
    assert time.monotonic() - started < 0.5  # start() never waits for the child
    qtbot.waitUntil(lambda: speech.attempts >= 2, timeout=5000)
    timer.stop()
    assert not speech.available
    assert len(ticks) >= 8  # the event loop ran all along (0.8 s at 50 ms)
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert max(gaps) < 0.4
    assert "the speech engine did not start within 0.5 s; trying again in 0.3 s" in caplog.text
    speech.shutdown()


@pytest.mark.allow_log_warnings
def test_a_child_that_stops_answering_is_replaced(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    # ready, then hung: it never reads another command
    script = f"import sys, time; print({READY!r}, flush=True); time.sleep(60)"
    speech = SpeechProcess(child(script), ping_s=0.2, pong_s=0.3, retry_s=(0.2,))
    went: list[bool] = []
    speech.available_changed.connect(went.append)
    speech.start()
    qtbot.waitUntil(lambda: went == [True], timeout=5000)
    qtbot.waitUntil(lambda: went == [True, False], timeout=5000)
    assert "the speech process stopped answering" in caplog.text
    qtbot.waitUntil(lambda: speech.attempts >= 2, timeout=5000)  # and a new one is started
    speech.shutdown()


@pytest.mark.allow_log_warnings
def test_a_child_that_ends_is_started_again(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    script = f"print({READY!r}, flush=True)"  # ready, then gone
    speech = SpeechProcess(child(script), retry_s=(0.2,))
    speech.start()
    qtbot.waitUntil(lambda: speech.attempts >= 2, timeout=5000)
    assert "the speech process ended (exit code 0)" in caplog.text
    assert not speech.speaking
    speech.speak("nothing happens while no child is ready", "en")  # and nothing breaks
    speech.shutdown()


@pytest.mark.allow_log_warnings
def test_a_command_that_cannot_start_is_retried(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    speech = SpeechProcess(["/nonexistent/kiosk-speech"], retry_s=(0.2,))
    speech.start()
    qtbot.waitUntil(lambda: speech.attempts >= 2, timeout=5000)
    assert "the speech process could not start" in caplog.text
    speech.shutdown()
