"""Build the Qt application and the kiosk window: the one place that wires things together."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
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


def run_kiosk(root: Path, *, windowed: bool, metrics_cli: Path | None) -> int:
    """Start the kiosk and run until staff exit or a crash; returns the exit status."""
    import logging
    import os

    from kiosk.content import load_content
    from kiosk.runtime.crash import CrashGuard
    from kiosk.runtime.lockdown import lock_window
    from kiosk.runtime.log_setup import configure_logging, install_qt_message_handler, log_dir
    from kiosk.runtime.single_instance import acquire_instance_lock
    from kiosk.runtime.speech import create_reader
    from kiosk.settings import data_dir, metrics_dir, resources_dir
    from kiosk.stats import UsageStats
    from kiosk.ui.kiosk_app import KioskApp, log_problems

    logs = log_dir()
    configure_logging(logs)
    log = logging.getLogger("kiosk.app")
    app = qt_application()
    install_qt_message_handler()
    # The hook may run on a worker thread: queue the exit onto the UI thread.
    guard = CrashGuard(lambda code: QTimer.singleShot(0, app, lambda: app.exit(code)), logs)
    guard.install()
    try:
        lock = acquire_instance_lock(data_dir())
        if lock is None:
            log.error("another kiosk is already running on this machine; not starting")
            return 3
        # kiosk.yaml and the checklists are enough for the first screen; KioskApp.start
        # reads the drug pages in the background, checks the interface translations and
        # logs every problem then (so neither is done twice here).
        result = load_content(root, pages=False)
        if result.catalog is None:
            log_problems(result.problems)
            log.error("cannot start: %s has no usable kiosk.yaml", root)
            return 1
        prepare_fonts(app, resources_dir())
        stats = UsageStats(data_dir() / "usage.sqlite3")
        target = metrics_dir(metrics_cli, result.catalog.site.metrics_dir)
        reader = create_reader(os.environ.get("KIOSK_TTS_ENGINE") or None)
        kiosk = KioskApp(
            app, root, result, resources_dir(), stats=stats, metrics_dir=target, reader=reader
        )
        if windowed:
            kiosk.window.resize(1600, 900)
            kiosk.window.show()
        else:
            lock_window(kiosk.window, app, cursor_visible=result.catalog.site.cursor_visible)
        kiosk.start()
        log.info("kiosk started on %s", root)
        status = app.exec()
        kiosk.stop()
        lock.unlock()
        return status
    finally:
        guard.uninstall()
