"""Never a dead screen: speech off the critical path, systemd's notify protocol, crash loops."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from kiosk.runtime import preflight, sd_notify
from kiosk.runtime.log_setup import rotate_if_large
from kiosk.runtime.speech import SpeechService
from kiosk.runtime.start_log import StartLog
from tests.conftest import REPO, SHIPPED_CONTENT


class Hang:
    """An engine factory that blocks, as spd_open does when speech-dispatcher hangs."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.calls = 0

    def __call__(self) -> QObject:
        self.calls += 1
        self.release.wait(30)
        return QTextToSpeech("mock")


@pytest.fixture
def hang() -> Iterator[Hang]:
    made = Hang()
    yield made
    made.release.set()


@pytest.mark.allow_log_warnings
def test_a_hung_speech_service_leaves_the_ui_running_and_is_retried(
    qtbot: QtBot, hang: Hang, caplog: pytest.LogCaptureFixture
) -> None:
    service = SpeechService(hang, timeout_s=0.3, retry_s=(0.3,))
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    began = time.monotonic()
    service.start()
    assert time.monotonic() - began < 0.1  # start() returns at once
    assert not service.available
    service.speak("nothing happens", "en")  # a no-op, never an error
    qtbot.waitUntil(lambda: hang.calls >= 2, timeout=3000)  # given up, then tried again
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert gaps and max(gaps) < 0.25, "the UI thread was blocked"
    assert not service.available
    assert "the speech engine did not start within 0.3 s; trying again in 0.3 s" in caplog.text
    hang.release.set()  # the late engines are thrown away; the next try works
    qtbot.waitUntil(lambda: service.available, timeout=3000)
    service.shutdown()


@pytest.mark.allow_log_warnings
def test_a_factory_that_dies_is_reported_and_retried(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    tries: list[int] = []

    def dies() -> QObject:
        tries.append(1)
        if len(tries) == 1:
            raise RuntimeError("speech-dispatcher died")
        return QTextToSpeech("mock")

    service = SpeechService(dies, timeout_s=2, retry_s=(0.2,))
    seen: list[bool] = []
    service.available_changed.connect(seen.append)
    service.start()
    qtbot.waitUntil(lambda: service.available, timeout=3000)
    assert len(tries) == 2 and seen == [True]
    assert "read aloud is off: RuntimeError: speech-dispatcher died" in caplog.text
    service.shutdown()


@pytest.mark.allow_log_warnings
def test_an_engine_that_fails_in_use_is_dropped_and_remade(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    service = SpeechService(lambda: QTextToSpeech("mock"), timeout_s=2, retry_s=(0.2,))
    service.start()
    qtbot.waitUntil(lambda: service.available, timeout=3000)
    seen: list[bool] = []
    service.available_changed.connect(seen.append)
    assert service.reader is not None
    service.reader.engine.stateChanged.emit(QTextToSpeech.State.Error)  # it dies
    assert not service.available and seen == [False]
    qtbot.waitUntil(lambda: service.available, timeout=3000)
    assert seen == [False, True]
    assert "read aloud is off: the speech engine failed; trying again" in caplog.text
    service.shutdown()


def test_listen_appears_when_the_engine_arrives(qtbot: QtBot, make_window_with: object) -> None:
    from kiosk.session import Place, Screen

    service = SpeechService(lambda: QTextToSpeech("mock"), timeout_s=2)
    window = make_window_with(service)  # type: ignore[operator]
    window.go(Place(Screen.DRUG, "baclofen"))
    assert not window.top_bar.listen.isVisible()
    service.start()
    qtbot.waitUntil(window.top_bar.listen.isVisible, timeout=3000)
    service.shutdown()


@pytest.fixture
def make_window_with(qtbot: QtBot, fonts_loaded: None) -> object:
    from kiosk.session import Session
    from kiosk.settings import resources_dir
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.theme import load_template
    from tests.ui.conftest import catalog_of

    def make(speech: SpeechService) -> KioskWindow:
        catalog = catalog_of(SHIPPED_CONTENT)
        window = KioskWindow(catalog, Session("en"), load_template(resources_dir()), speech)
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        return window

    return make


@pytest.fixture
def fonts_loaded(qapp: object) -> None:
    from kiosk.settings import resources_dir
    from kiosk.ui.theme import prepare_fonts

    prepare_fonts(qapp, resources_dir())  # type: ignore[arg-type]


@pytest.fixture
def notify_socket(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = str(tmp_path / "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(20)
    yield sock, path
    sock.close()


@pytest.mark.allow_log_warnings
def test_notify_speaks_systemds_protocol(notify_socket: tuple[socket.socket, str]) -> None:
    sock, path = notify_socket
    assert sd_notify.notify("READY=1", {"NOTIFY_SOCKET": path})
    assert sock.recv(100) == b"READY=1"
    assert not sd_notify.notify("READY=1", {})  # not run by systemd: nothing, no error
    assert not sd_notify.notify("READY=1", {"NOTIFY_SOCKET": str(Path(path).parent / "gone")})


def test_watchdog_pings_at_half_its_interval() -> None:
    env = {"WATCHDOG_USEC": "10000000", "WATCHDOG_PID": str(os.getpid())}
    assert sd_notify.watchdog_interval_ms(env) == 5000
    assert (
        sd_notify.watchdog_interval_ms({"WATCHDOG_USEC": "10000000", "WATCHDOG_PID": "1"}) is None
    )
    assert sd_notify.watchdog_interval_ms({}) is None


def test_the_watchdog_timer_pings_from_the_event_loop(
    qtbot: QtBot, notify_socket: tuple[socket.socket, str]
) -> None:
    sock, path = notify_socket
    env = {"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "100000"}
    dog = sd_notify.Watchdog(environ=env)
    dog.start()
    qtbot.wait(200)
    dog.stop()
    sock.settimeout(0.1)
    pings = []
    try:
        while True:
            pings.append(sock.recv(100))
    except TimeoutError:
        pass
    assert len(pings) >= 3 and set(pings) == {b"WATCHDOG=1"}


def test_start_log_sees_a_crash_loop_and_forgets_after_a_quiet_run(tmp_path: Path) -> None:
    now = [1000.0]
    log = StartLog(tmp_path, limit=3, window_s=60, clock=lambda: now[0])
    assert [log.record_start() for _ in range(2)] == [1, 2]
    assert not log.in_crash_loop(2)
    now[0] += 10
    assert log.in_crash_loop(log.record_start())
    log.clear()
    assert log.record_start() == 1
    now[0] += 120  # outside the window
    assert log.record_start() == 1
    (tmp_path / "recent-starts.json").write_text("not json", encoding="utf-8")
    assert log.record_start() == 1  # a broken file counts as none


def test_faulthandler_log_is_rotated_like_the_main_log(tmp_path: Path) -> None:
    path = tmp_path / "faulthandler.log"
    path.write_text("x" * 20, encoding="utf-8")
    assert not rotate_if_large(path, max_bytes=100, backups=2)
    for _ in range(3):
        path.write_text("y" * 200, encoding="utf-8")
        assert rotate_if_large(path, max_bytes=100, backups=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "faulthandler.log.1",
        "faulthandler.log.2",
    ]


def test_an_unreachable_display_is_named_and_backs_off(tmp_path: Path) -> None:
    assert "no X server answers at /tmp/.X11-unix/X987" in (
        preflight.display_unreachable(":987") or ""
    )
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    if port >= 6000:
        assert preflight.display_unreachable(f"127.0.0.1:{port - 6000}") is None
    listener.close()
    waits = [preflight.backoff_s(tmp_path, failed=True) for _ in range(7)]
    assert waits == [1, 2, 4, 8, 16, 16, 16]
    assert preflight.backoff_s(tmp_path, failed=False) == 0
    assert preflight.backoff_s(tmp_path, failed=True) == 1


def test_kiosk_run_on_an_unreachable_display_says_so_in_one_line(tmp_path: Path) -> None:
    env = dict(os.environ, DISPLAY=":987", KIOSK_DATA_DIR=str(tmp_path / "data"))
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run"], env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == preflight.EXIT_NO_DISPLAY
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the display :987" in lines[0]
    assert "xcb" not in result.stderr


def run_kiosk(tmp_path: Path, content: Path, path: str) -> subprocess.Popen[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        NOTIFY_SOCKET=path,
        KIOSK_DATA_DIR=str(tmp_path / "data"),
        KIOSK_LOG_DIR=str(tmp_path / "log"),
        KIOSK_TTS_ENGINE="mock",
    )
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--content", str(content)],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def wait_ready(sock: socket.socket) -> None:
    while b"READY=1" not in sock.recv(100):
        pass


def test_a_crash_loop_lands_on_the_safe_screen_and_leaves_it_when_content_is_fixed(
    tmp_path: Path, notify_socket: tuple[socket.socket, str]
) -> None:
    sock, path = notify_socket
    content = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, content)
    data = tmp_path / "data"
    data.mkdir()
    now = time.time()
    (data / "recent-starts.json").write_text(json.dumps([now - 40, now - 30, now - 20, now - 10]))
    kiosk = run_kiosk(tmp_path, content, path)
    try:
        wait_ready(sock)  # the safe screen is up: systemd hears READY=1 as ever
        log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
        assert "crash loop: 5 starts within 10 minutes" in log
        drug = content / "drugs" / "baclofen.yaml"
        drug.write_text(drug.read_text(encoding="utf-8") + "\n# fixed\n", encoding="utf-8")
        assert kiosk.wait(timeout=30) == 75  # a good reload hands back to a normal start
    finally:
        kiosk.kill()
        kiosk.wait()
    assert json.loads((data / "recent-starts.json").read_text()) == []
    log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert "leaving the safe screen: the content loads without errors again" in log


def test_a_broken_kiosk_yaml_at_start_shows_the_last_good_one_on_the_safe_screen(
    tmp_path: Path, notify_socket: tuple[socket.socket, str]
) -> None:
    sock, path = notify_socket
    content = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, content)
    first = run_kiosk(tmp_path, content, path)
    try:
        wait_ready(sock)  # a normal start keeps a copy of the kiosk.yaml it used
    finally:
        first.terminate()
        first.wait(timeout=30)
    assert (tmp_path / "data" / "last-good-kiosk.yaml").is_file()
    (content / "kiosk.yaml").write_text("clinic_name: [broken\n", encoding="utf-8")
    second = run_kiosk(tmp_path, content, path)
    try:
        wait_ready(sock)
        log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
        assert "has no usable kiosk.yaml; showing the safe screen" in log
    finally:
        second.terminate()
        second.wait(timeout=30)


def test_the_safe_screen_shows_the_action_and_the_number(qtbot: QtBot, fonts_loaded: None) -> None:
    from kiosk.content import load_content
    from kiosk.settings import resources_dir
    from kiosk.ui.safe_screen import BUILT_IN_ACTION, SafeScreen
    from kiosk.ui.translations import Translations

    catalog = load_content(SHIPPED_CONTENT, pages=False).catalog
    assert catalog is not None
    site = catalog.site
    screen = SafeScreen(
        site.emergency_action,
        site.coordinator,
        site.languages,
        Translations(resources_dir() / "i18n", site.languages),
    )
    qtbot.addWidget(screen)
    screen.show()
    assert [label.text() for label in screen.action_labels] == [
        site.emergency_action.get("en"),
        site.emergency_action.get("es"),
    ]
    assert screen.phone is not None and screen.phone.text() == site.coordinator.phone
    bare = SafeScreen(
        BUILT_IN_ACTION, None, ("en",), Translations(resources_dir() / "i18n", ("en",))
    )
    qtbot.addWidget(bare)
    assert bare.phone is None and "911" in bare.action_labels[0].text()


def test_without_systemd_the_watchdog_touches_the_heartbeat_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    heartbeat = tmp_path / "heartbeat"
    dog = sd_notify.Watchdog(environ={sd_notify.ENV_HEARTBEAT: str(heartbeat)})
    assert dog.interval_ms == sd_notify.HEARTBEAT_MS
    dog.start()
    assert heartbeat.exists()
    os.utime(heartbeat, (0, 0))
    dog.ping()
    assert heartbeat.stat().st_mtime > 1_000_000
    dog.stop()
    assert sd_notify.Watchdog(environ={}).interval_ms is None
