"""Build the Qt application and the kiosk window: the one place that wires things together."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kiosk.content import LoadResult
from kiosk.content.models import Coordinator
from kiosk.content.text import LocalText
from kiosk.runtime.start_log import StartLog
from kiosk.ui.main_window import load_template
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


#: Exit status of a safe screen that hands back to a normal start (``EX_TEMPFAIL``).
EXIT_LEAVE_SAFE_MODE = 75
#: How often the safe screen looks for fixed content, and how long it waits before
#: trying a normal start again on its own.
SAFE_POLL_MS = 5_000
SAFE_QUIET_MS = 600_000
LAST_GOOD_SITE = "last-good-kiosk.yaml"


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
            status = _run_safe(app, root, starts, windowed=windowed, metrics_cli=metrics_cli)
        else:
            # kiosk.yaml and the checklists are enough for the first screen; KioskApp.start
            # reads the drug pages in the background, checks the interface translations and
            # logs every problem then (so neither is done twice here).
            first = load_content(root, pages=False)
            if first.catalog is None:
                from kiosk.ui.kiosk_app import log_problems

                log_problems(first.problems)
                log.error("%s has no usable kiosk.yaml; showing the safe screen", root)
                status = _run_safe(
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


def _on_first_frame(seconds: float, then: list[Callable[[], None]]) -> None:
    """The visitor sees the kiosk: tell systemd, then start what may take its time."""
    import logging

    from kiosk.runtime.sd_notify import notify

    logging.getLogger("kiosk.app").info("first frame after %.2f s", seconds)
    notify("READY=1")
    for step in then:
        step()


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

    from kiosk.operations import load_operations, settings_path
    from kiosk.runtime.first_frame import FirstFrame
    from kiosk.runtime.lockdown import lock_window
    from kiosk.runtime.sd_notify import Watchdog
    from kiosk.runtime.speech import SpeechService, engine_factory
    from kiosk.settings import data_dir, metrics_dir, resources_dir
    from kiosk.stats import UsageStats
    from kiosk.ui.kiosk_app import KioskApp

    log = logging.getLogger("kiosk.app")
    assert first.catalog is not None
    operations, problems = load_operations(settings_path())
    for problem in problems:
        log.warning("%s", problem)
    _keep_last_good_site(root, data_dir())
    prepare_fonts(app, resources_dir())
    stats = UsageStats(data_dir() / "usage.sqlite3")
    target = metrics_dir(metrics_cli, operations.metrics_dir)
    factory = engine_factory(os.environ.get("KIOSK_TTS_ENGINE") or None)
    speech = SpeechService(factory, parent=app) if factory is not None else None
    kiosk = KioskApp(
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
    frame.shown.connect(lambda seconds: _on_first_frame(seconds, steps))
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


def _safe_site(
    root: Path, data: Path, loaded: LoadResult | None = None
) -> tuple[LocalText, Coordinator | None, tuple[str, ...]]:
    """The emergency action, coordinator and languages for the safe screen.

    From the content's kiosk.yaml (``loaded``, when start-up has just read it), else the
    last good copy, else the built-in words (with no number to call).
    """
    from kiosk.content import load_content
    from kiosk.ui.safe_screen import BUILT_IN_ACTION

    result = loaded if loaded is not None else load_content(root, pages=False)
    site = result.catalog.site if result.catalog is not None else None
    saved = data / LAST_GOOD_SITE
    if site is None and saved.is_file():
        import shutil
        import tempfile

        with tempfile.TemporaryDirectory(prefix="kiosk-safe-") as folder:
            shutil.copyfile(saved, Path(folder) / "kiosk.yaml")
            copy = load_content(Path(folder), pages=False)
            site = copy.catalog.site if copy.catalog is not None else None
    if site is None:
        return BUILT_IN_ACTION, None, ("en", "es")
    return site.emergency_action, site.coordinator, site.languages


def _content_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when staff save a content file (names, sizes, times)."""
    stamp = []
    for path in sorted(root.rglob("*.y*ml")):
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def _run_safe(
    app: QApplication,
    root: Path,
    starts: StartLog,
    *,
    windowed: bool,
    metrics_cli: Path | None,
    loaded: LoadResult | None = None,
) -> int:
    """The safe screen, until content is fixed, a quiet spell passes, or staff stop it."""
    import logging

    from kiosk.content import load_content
    from kiosk.metrics import MetricsSnapshot, write_textfile
    from kiosk.operations import load_operations, settings_path
    from kiosk.runtime.first_frame import FirstFrame
    from kiosk.runtime.lockdown import lock_window
    from kiosk.runtime.sd_notify import Watchdog
    from kiosk.session import TextSize
    from kiosk.settings import data_dir, metrics_dir, resources_dir
    from kiosk.ui.safe_screen import SafeScreen
    from kiosk.ui.theme import DEFAULT, stylesheet
    from kiosk.ui.translations import Translations

    log = logging.getLogger("kiosk.app")
    prepare_fonts(app, resources_dir())
    action, coordinator, languages = _safe_site(root, data_dir(), loaded)
    screen = SafeScreen(
        action, coordinator, languages, Translations(resources_dir() / "i18n", languages)
    )
    screen.setStyleSheet(stylesheet(load_template(resources_dir()), DEFAULT, TextSize.LARGE))
    target = metrics_dir(metrics_cli, load_operations(settings_path())[0].metrics_dir)

    def report(up: bool) -> None:
        if target is None:
            return
        snapshot = MetricsSnapshot(
            up=up,
            content_problems=0,
            sessions_total=0,
            page_views={},
            last_reload_timestamp=0.0,
            urgent_results_total=0,
            call_cards_total=0,
            safe_mode=True,
            recent_starts=len(starts.starts()),
        )
        try:
            write_textfile(target, snapshot)
        except OSError as error:
            log.error("cannot write metrics to %s: %s", target, error)

    def leave(why: str) -> None:
        log.info("leaving the safe screen: %s", why)
        starts.clear()
        app.exit(EXIT_LEAVE_SAFE_MODE)

    seen = _content_stamp(root)

    def look() -> None:
        nonlocal seen
        stamp = _content_stamp(root)
        if stamp == seen:
            return
        seen = stamp
        result = load_content(root)
        if result.catalog is not None and not result.errors:
            leave("the content loads without errors again")

    poll = QTimer(app)
    poll.timeout.connect(look)
    quiet = QTimer(app)
    quiet.setSingleShot(True)
    quiet.timeout.connect(lambda: leave("a quiet spell passed; trying a normal start"))
    watchdog = Watchdog(app)
    frame = FirstFrame(screen)
    frame.shown.connect(
        lambda seconds: _on_first_frame(
            seconds,
            [watchdog.start, lambda: poll.start(SAFE_POLL_MS), lambda: quiet.start(SAFE_QUIET_MS)],
        )
    )
    if windowed:
        screen.resize(1600, 900)
        screen.show()
    else:
        lock_window(screen, app, cursor_visible=False)
    report(True)
    status = app.exec()
    watchdog.stop()
    report(False)
    return status
