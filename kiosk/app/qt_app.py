"""The one QApplication of a process, named for the desktop and the logs."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def qt_application() -> QApplication:
    """The QApplication (created once), with the bundled font as the default."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("clinic-kiosk")
    app.setApplicationDisplayName("Clinic kiosk")
    return app
