"""`kiosk run`: the start-up that wires content, window and runtime services together."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app.qt_app import qt_application
from kiosk.app.ready import on_first_frame
from kiosk.app.safe_mode import LAST_GOOD_SITE, run_safe
from kiosk.content import LoadResult
from kiosk.runtime.start_log import StartLog
from kiosk.ui.theme import prepare_fonts


def run_kiosk(root: Path, *, windowed: bool, metrics_cli: Path | None) -> int:
    """Start the kiosk and run until staff exit or a crash; returns the exit status.

    The first frame is what counts: it is drawn before anything slow (the drug pages, the
    speech engine) starts, and then systemd hears READY=1 and the watchdog pings begin.
    A crash loop (see start_log) or a kiosk.yaml that cannot be used ends on the safe screen.
    """
    import logging

    from kiosk.content import load_content
    from kiosk.runtime.crash import CrashGuard
    from kiosk.runtime.log_setup import configure_logging, install_qt_message_handler, log_dir
    from kiosk.runtime.single_instance import acquire_instance_lock
    from kiosk.runtime.start_log import StartLog
    from kiosk.settings import data_dir

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
        starts = StartLog(data_dir())
        count = starts.record_start()
        if starts.in_crash_loop(count):
            log.error(
                "crash loop: %d starts within %.0f minutes without a quiet run; showing the "
                "safe screen (call panel and emergency action only)",
                count,
                starts.window_s / 60,
            )
            status = run_safe(app, root, starts, windowed=windowed, metrics_cli=metrics_cli)
        else:
            # kiosk.yaml and the checklists are enough for the first screen; KioskController.start
            # reads the drug pages in the background, checks the interface translations and
            # logs every problem then (so neither is done twice here).
            first = load_content(root, pages=False)
            if first.catalog is None:
                from kiosk.app.controller import log_problems

                log_problems(first.problems)
                log.error("%s has no usable kiosk.yaml; showing the safe screen", root)
                status = run_safe(
                    app, root, starts, windowed=windowed, metrics_cli=metrics_cli, loaded=first
                )
            else:
                status = _run_normal(
                    app, root, first, starts, windowed=windowed, metrics_cli=metrics_cli
                )
        lock.unlock()
        return status
    finally:
        guard.uninstall()


def _keep_last_good_site(root: Path, data: Path) -> None:
    """Copy the kiosk.yaml that just loaded, for a safe screen when it no longer does."""
    import contextlib
    import os

    with contextlib.suppress(OSError):
        data.mkdir(parents=True, exist_ok=True)
        temporary = data / f".{LAST_GOOD_SITE}.tmp"
        temporary.write_bytes((root / "kiosk.yaml").read_bytes())
        os.replace(temporary, data / LAST_GOOD_SITE)


def _run_normal(
    app: QApplication,
    root: Path,
    first: LoadResult,
    starts: StartLog,
    *,
    windowed: bool,
    metrics_cli: Path | None,
) -> int:
    """The kiosk as visitors know it."""
    import logging
    import os

    from kiosk.app.controller import KioskController
    from kiosk.operations import load_operations, settings_path
    from kiosk.runtime.first_frame import FirstFrame
    from kiosk.runtime.lockdown import lock_window
    from kiosk.runtime.sd_notify import Watchdog
    from kiosk.runtime.speech import engine_factory
    from kiosk.runtime.speech_process import SpeechProcess
    from kiosk.runtime.speech_worker import worker_command
    from kiosk.settings import data_dir, metrics_dir, resources_dir
    from kiosk.stats import UsageStats

    log = logging.getLogger("kiosk.app")
    assert first.catalog is not None
    operations, problems = load_operations(settings_path())
    for problem in problems:
        log.warning("%s", problem)
    _keep_last_good_site(root, data_dir())
    prepare_fonts(app, resources_dir())
    stats = UsageStats(data_dir() / "usage.sqlite3")
    target = metrics_dir(metrics_cli, operations.metrics_dir)
    # Only asks whether an engine exists (plugin metadata); the child makes it.
    factory = engine_factory(os.environ.get("KIOSK_TTS_ENGINE") or None)
    speech = (
        SpeechProcess(worker_command(), languages=first.catalog.site.languages, parent=app)
        if factory is not None
        else None
    )
    kiosk = KioskController(
        app,
        root,
        first,
        resources_dir(),
        stats=stats,
        metrics_dir=target,
        reader=speech,
        recent_starts=lambda: len(starts.starts()),
        operations=operations,
    )
    watchdog = Watchdog(app)
    quiet = QTimer(app)
    quiet.setSingleShot(True)
    quiet.timeout.connect(starts.clear)
    frame = FirstFrame(kiosk.window)
    steps: list[Callable[[], None]] = [
        watchdog.start,
        lambda: quiet.start(round(starts.quiet_s * 1000)),
    ]
    if speech is not None:
        steps.append(speech.start)
    frame.shown.connect(lambda seconds: on_first_frame(seconds, steps))
    if windowed:
        kiosk.window.resize(1600, 900)
        kiosk.window.show()
    else:
        lock_window(kiosk.window, app, cursor_visible=operations.cursor_visible)
    kiosk.start()
    log.info("kiosk started on %s", root)
    status = app.exec()
    watchdog.stop()
    if speech is not None:
        speech.shutdown()
    kiosk.stop()
    return status
