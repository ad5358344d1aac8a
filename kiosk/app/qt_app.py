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
    touch_first(app)
    return app


def touch_first(app: QApplication) -> None:
    """Touch at a person's pace: no double-clicks.

    Qt turns a touch within the double-click interval (about 400 ms) of the last one into a
    double-click with no press, which the kinetic scroller never sees: a swipe right after
    a tap did nothing. Nothing on the kiosk uses double-clicks, so there are none.
    """
    app.styleHints().setMouseDoubleClickInterval(0)
