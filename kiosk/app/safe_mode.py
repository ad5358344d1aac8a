"""The safe screen's run: the call panel and emergency action until content is fixed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app.ready import on_first_frame
from kiosk.content import LoadResult
from kiosk.content.models import Coordinator
from kiosk.content.text import LocalText
from kiosk.runtime.start_log import StartLog
from kiosk.ui.theme import load_template, prepare_fonts

#: Exit status of a safe screen that hands back to a normal start (``EX_TEMPFAIL``).
EXIT_LEAVE_SAFE_MODE = 75
#: How often the safe screen looks for fixed content, and how long it waits before
#: trying a normal start again on its own.
SAFE_POLL_MS = 5_000
SAFE_QUIET_MS = 600_000
LAST_GOOD_SITE = "last-good-kiosk.yaml"


def safe_site(
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


def content_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when staff save a content file (names, sizes, times)."""
    stamp = []
    for path in sorted(root.rglob("*.y*ml")):
        try:
            info = path.stat()
        except OSError:
            continue
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def run_safe(
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
    from kiosk.settings import data_dir, i18n_dir, metrics_dir, resources_dir
    from kiosk.ui.safe_screen import SafeScreen
    from kiosk.ui.theme import DEFAULT, stylesheet
    from kiosk.ui.translations import Translations

    log = logging.getLogger("kiosk.app")
    prepare_fonts(app, resources_dir())
    action, coordinator, languages = safe_site(root, data_dir(), loaded)
    screen = SafeScreen(action, coordinator, languages, Translations(i18n_dir(), languages))
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

    seen = content_stamp(root)

    def look() -> None:
        nonlocal seen
        stamp = content_stamp(root)
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
        lambda seconds: on_first_frame(
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
