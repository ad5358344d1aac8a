"""systemd's notify protocol: READY=1 after the first frame, WATCHDOG=1 from the UI thread.

A dozen lines of our own rather than a package: the protocol is one datagram to the socket
in $NOTIFY_SOCKET (a path, or '@' for Linux's abstract namespace), and the kiosk needs only
three messages. The pings come from a QTimer on the UI thread, so a hung UI thread stops
them and systemd's WatchdogSec= kills and restarts the kiosk.

Where there is no systemd (Windows), the same timer touches the file named by
$KIOSK_HEARTBEAT_FILE; packaging/windows/kiosk-watchdog.ps1 restarts a kiosk whose heartbeat
is older than its limit.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("kiosk.watchdog")

ENV_HEARTBEAT = "KIOSK_HEARTBEAT_FILE"
#: How often the heartbeat file is touched (the Windows watchdog allows 15 s of silence).
HEARTBEAT_MS = 2500


def notify(message: str, environ: Mapping[str, str] | None = None) -> bool:
    """Send ``message`` (e.g. ``READY=1``) to systemd; False when not run by it or on error."""
    env = os.environ if environ is None else environ
    address = env.get("NOTIFY_SOCKET", "")
    if not address or address[0] not in "/@":
        return False
    target = "\0" + address[1:] if address[0] == "@" else address
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(target)
            sock.sendall(message.encode("utf-8"))
    except OSError as error:
        log.warning("cannot notify systemd (%s): %s", address, error)
        return False
    return True


def watchdog_interval_ms(environ: Mapping[str, str] | None = None) -> int | None:
    """How often to ping: half of WatchdogSec= (from $WATCHDOG_USEC), or None when unset.

    $WATCHDOG_PID, when set, must be this process (systemd sets it for the main process).
    """
    env = os.environ if environ is None else environ
    pid = env.get("WATCHDOG_PID")
    if pid and pid != str(os.getpid()):
        return None
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return max(usec // 2000, 1) if usec > 0 else None


class Watchdog(QObject):
    """Pings systemd's watchdog from the UI thread's event loop while the loop runs."""

    def __init__(self, parent: QObject | None = None, environ: Mapping[str, str] | None = None):
        super().__init__(parent)
        self._environ = environ
        env = os.environ if environ is None else environ
        self.heartbeat = Path(env[ENV_HEARTBEAT]) if env.get(ENV_HEARTBEAT) else None
        interval = watchdog_interval_ms(environ)
        if interval is None and self.heartbeat is not None:
            interval = HEARTBEAT_MS
        elif interval is not None and self.heartbeat is not None:
            interval = min(interval, HEARTBEAT_MS)
        self.interval_ms = interval
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ping)

    def start(self) -> None:
        """Ping now and then every half WatchdogSec (nothing when systemd set no watchdog)."""
        if self.interval_ms is None:
            return
        self.ping()
        self.timer.start(self.interval_ms)

    def ping(self) -> None:
        """One WATCHDOG=1 (and a touch of the heartbeat file, when one is named)."""
        notify("WATCHDOG=1", self._environ)
        if self.heartbeat is not None:
            try:
                self.heartbeat.touch()
            except OSError as error:
                log.warning("cannot touch the heartbeat file %s: %s", self.heartbeat, error)

    def stop(self) -> None:
        """No more pings (on exit)."""
        self.timer.stop()
