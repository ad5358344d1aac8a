"""What the service runs: `kiosk run` on a real display (Xvfb), timed to its READY=1.

Each figure starts processes the way systemd does and listens on its own notify socket, so
"first frame" is the moment the kiosk itself says it has drawn one. Crash and hang
recoveries follow the unit's own settings (packaging/kiosk.service): RestartSec= after an
exit; for a hang, the watchdog's WatchdogSec=, WatchdogSignal= and TimeoutAbortSec= are
acted out here (the real systemd test, tests/system/kiosk_service.sh, checks the same).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import REPO, python

UNIT = REPO / "packaging" / "kiosk.service"


@dataclass(frozen=True)
class UnitTimes:
    """The unit's restart and watchdog settings, in seconds."""

    restart_s: float
    watchdog_s: float
    abort_s: float


def _seconds(value: str) -> float:
    found = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(ms|s)?", value.strip())
    if not found:
        raise ValueError(f"cannot read {value!r} as a time span")
    number = float(found.group(1))
    return number / 1000 if found.group(2) == "ms" else number


def unit_times(unit: Path = UNIT) -> UnitTimes:
    """RestartSec=, WatchdogSec= and TimeoutAbortSec= of the kiosk's unit."""
    values = dict(
        re.findall(r"^(RestartSec|WatchdogSec|TimeoutAbortSec)=(.+)$", unit.read_text(), re.M)
    )
    return UnitTimes(
        _seconds(values["RestartSec"]),
        _seconds(values["WatchdogSec"]),
        _seconds(values.get("TimeoutAbortSec", "0")),
    )


class Display:
    """A private Xvfb for the run (the size of a common cheap all-in-one)."""

    def __init__(self, number: int = 91, size: str = "1366x768x24") -> None:
        self.name = f":{number}"
        self._process = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", size, "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket_path = Path(f"/tmp/.X11-unix/X{number}")
        for _ in range(100):
            if socket_path.exists():
                return
            time.sleep(0.05)
        self.close()
        raise RuntimeError(f"Xvfb {self.name} did not start")

    def close(self) -> None:
        """Stop the display."""
        self._process.terminate()
        self._process.wait(timeout=10)

    @staticmethod
    def available() -> bool:
        """Whether Xvfb is installed here."""
        return shutil.which("Xvfb") is not None


class Notifications:
    """A notify socket like systemd's: READY=1 and WATCHDOG=1 datagrams arrive here."""

    def __init__(self) -> None:
        self._folder = tempfile.mkdtemp(prefix="kiosk-notify-")
        self.path = os.path.join(self._folder, "notify")
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self._sock.bind(self.path)

    def wait_for(self, message: bytes, timeout_s: float) -> float | None:
        """Block until ``message`` arrives; the monotonic time it did, or None on timeout."""
        deadline = time.monotonic() + timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self._sock.settimeout(left)
            try:
                if message in self._sock.recv(4096):
                    return time.monotonic()
            except TimeoutError:
                return None

    def drain(self) -> None:
        """Forget what has arrived so far."""
        self._sock.setblocking(False)
        try:
            while True:
                self._sock.recv(4096)
        except BlockingIOError:
            pass
        finally:
            self._sock.setblocking(True)

    def close(self) -> None:
        """Remove the socket."""
        self._sock.close()
        shutil.rmtree(self._folder, ignore_errors=True)


def kiosk_command(content: Path) -> list[str]:
    """What the unit's ExecStart runs, from the source tree."""
    return [python(), "-m", "kiosk", "run", "--content", str(content)]


def floor_command() -> list[str]:
    """The bare fullscreen window."""
    return [python(), "-m", "benchmarks.floor_fullscreen"]


def _environment(
    display: Display, notify: Notifications, engine: str, state: Path
) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("KIOSK_CONTENT", None)
    env.update(
        DISPLAY=display.name,
        NOTIFY_SOCKET=notify.path,
        KIOSK_DATA_DIR=str(state / "data"),
        KIOSK_LOG_DIR=str(state / "log"),
        KIOSK_TTS_ENGINE=engine,
        WATCHDOG_USEC=str(round(unit_times().watchdog_s * 1_000_000)),
    )
    return env


def _spawn(command: Sequence[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        list(command), cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


def start_to_frame(command: Sequence[str], display: Display, engine: str = "") -> float:
    """Seconds from starting ``command`` to its READY=1 (after its first frame)."""
    notify = Notifications()
    with tempfile.TemporaryDirectory(prefix="kiosk-service-") as state:
        env = _environment(display, notify, engine, Path(state))
        began = time.monotonic()
        process = _spawn(command, env)
        try:
            ready = notify.wait_for(b"READY=1", 60)
        finally:
            _end(process)
            notify.close()
    if ready is None:
        raise RuntimeError(f"{' '.join(command)} never said READY=1")
    return ready - began


def _recovery(
    content: Path, display: Display, engine: str, break_it: Callable[[Running], None]
) -> float:
    """Seconds from ``break_it`` on a running kiosk to the next kiosk's READY=1.

    ``break_it`` breaks the first kiosk and returns once it is gone, as systemd would see
    it; then the unit's RestartSec= passes and a new kiosk starts.
    """
    notify = Notifications()
    with tempfile.TemporaryDirectory(prefix="kiosk-service-") as state:
        env = _environment(display, notify, engine, Path(state))
        first = _spawn(kiosk_command(content), env)
        second: subprocess.Popen[bytes] | None = None
        try:
            if notify.wait_for(b"READY=1", 60) is None:
                raise RuntimeError("the kiosk never said READY=1")
            time.sleep(0.5)
            notify.drain()
            began = time.monotonic()
            break_it(Running(first, notify))
            time.sleep(unit_times().restart_s)
            second = _spawn(kiosk_command(content), env)
            ready = notify.wait_for(b"READY=1", 60)
        finally:
            _end(first)
            if second is not None:
                _end(second)
            notify.close()
    if ready is None:
        raise RuntimeError("no READY=1 after the kiosk was broken")
    return ready - began


@dataclass(frozen=True)
class Running:
    """A kiosk process and the notify socket it talks to."""

    process: subprocess.Popen[bytes]
    notify: Notifications


def _crash(kiosk: Running) -> None:
    kiosk.process.send_signal(signal.SIGSEGV)
    kiosk.process.wait(timeout=30)


def _hang(kiosk: Running) -> None:
    """Stop the kiosk hard, then act out systemd's watchdog.

    No WATCHDOG=1 for WatchdogSec after the last one, then WatchdogSignal (SIGABRT), then
    SIGKILL after TimeoutAbortSec.
    """
    times = unit_times()
    kiosk.process.send_signal(signal.SIGSTOP)
    last_ping = time.monotonic()
    while True:
        seen = kiosk.notify.wait_for(b"WATCHDOG=1", last_ping + times.watchdog_s - time.monotonic())
        if seen is None:
            break
        last_ping = seen
    kiosk.process.send_signal(signal.SIGABRT)
    try:
        kiosk.process.wait(timeout=times.abort_s)
    except subprocess.TimeoutExpired:
        kiosk.process.kill()
        kiosk.process.wait(timeout=30)


def crash_to_frame(content: Path, display: Display, engine: str = "mock") -> float:
    """SIGSEGV → exit → RestartSec → a new kiosk's READY=1, in seconds."""
    return _recovery(content, display, engine, _crash)


def hang_to_frame(content: Path, display: Display, engine: str = "mock") -> float:
    """SIGSTOP → the watchdog's kill → RestartSec → a new kiosk's READY=1, in seconds."""
    return _recovery(content, display, engine, _hang)


def real_engine_installed() -> bool:
    """Whether speech-dispatcher is here (else the 'real engine' run has no engine)."""
    return shutil.which("speech-dispatcher") is not None
