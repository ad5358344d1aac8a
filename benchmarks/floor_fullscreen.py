"""The service floor: a bare PySide6 fullscreen window that says READY=1 after its first frame.

Run as ``python -m benchmarks.floor_fullscreen`` on a real display (Xvfb). It does the least
`kiosk run` must do before a visitor sees it (start Qt, show a fullscreen window with text,
paint it) and tells the benchmark the way the kiosk tells systemd: one READY=1 datagram to
$NOTIFY_SOCKET. Nothing of the kiosk is imported. It then waits to be killed.
"""

from __future__ import annotations

import os
import socket
import sys


def _ready() -> None:
    address = os.environ.get("NOTIFY_SOCKET", "")
    if address:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(b"READY=1")


def main() -> int:
    """Show one label fullscreen, notify after the first paint, run until killed."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    window = QLabel("Recovery Clinic: information about your medicines.")

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, _ready)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.showFullScreen()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
