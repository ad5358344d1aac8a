"""Build the Qt application and the kiosk window: the one place that wires things together."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kiosk.content import Catalog
from kiosk.session import Session
from kiosk.ui.main_window import KioskWindow, load_template
from kiosk.ui.theme import FONT_FAMILY, load_fonts


def qt_application() -> QApplication:
    """The QApplication (created once), with the bundled font as the default."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("clinic-kiosk")
    app.setApplicationDisplayName("Clinic kiosk")
    return app


def prepare_fonts(app: QApplication, resources: Path) -> None:
    """Load the bundled font and make it the default."""
    load_fonts(resources)
    font = QFont(FONT_FAMILY)
    font.setPixelSize(26)
    app.setFont(font)


def build_window(catalog: Catalog, resources: Path) -> KioskWindow:
    """A kiosk window with a fresh visitor session."""
    session = Session(catalog.site.default_language)
    return KioskWindow(catalog, session, load_template(resources))
