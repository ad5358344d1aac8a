"""The kiosk controller: the window, idle reset, hot reload, the staff panel and statistics."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.content import Catalog, LoadResult, Problem
from kiosk.idle import IdleClock
from kiosk.metrics import snapshot_from, write_textfile
from kiosk.operations import Operations
from kiosk.pin import PinGate
from kiosk.runtime.content_watcher import ContentWatcher
from kiosk.runtime.corner_press import CornerPress
from kiosk.runtime.idle_watcher import IdleWatcher
from kiosk.runtime.speech import Speech
from kiosk.session import ATTRACT, HOME, Place, Screen, Session
from kiosk.stats import Metric, UsageStats
from kiosk.ui.idle_overlay import IdleOverlay
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.pin_pad import PinPad
from kiosk.ui.staff_panel import StaffPanel, StaffStatus
from kiosk.ui.theme import load_template
from kiosk.visit_stats import Shown, counts_for

log = logging.getLogger("kiosk.app")
METRICS_INTERVAL_MS = 60_000
#: Exit status after staff chose "Exit kiosk": the service stays stopped (systemd
#: RestartPreventExitStatus=10), unlike a crash (70), which it restarts.
EXIT_STAFF = 10


def log_problems(problems: tuple[Problem, ...]) -> None:
    """Log each content problem at its level (error or warning)."""
    for problem in problems:
        (log.error if problem.is_error else log.warning)("%s", problem)


class KioskController(QObject):
    """Owns the window and every runtime service; one per process, passed explicitly."""

    def __init__(
        self,
        app: QApplication,
        root: Path,
        first: LoadResult,
        resources: Path,
        *,
        stats: UsageStats,
        metrics_dir: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        reader: Speech | None = None,
        recent_starts: Callable[[], int] = lambda: 0,
        operations: Operations | None = None,
    ) -> None:
        super().__init__()
        if first.catalog is None:
            raise ValueError("the kiosk needs a catalog to start")
        self.app = app
        self.root = root
        self.catalog: Catalog = first.catalog
        self.problems: tuple[Problem, ...] = first.problems
        self.pending: Catalog | None = None
        #: Started on part of the content (see start): new content shows at once until
        #: every page has been read.
        self._starting = not self.catalog.complete
        self.stats = stats
        self.metrics_dir = metrics_dir
        self.started = time.time()
        self._clock = clock
        self._recent_starts = recent_starts
        self.operations = operations or Operations()
        site = self.catalog.site
        self.window = KioskWindow(
            self.catalog,
            self.new_session(),
            load_template(resources),
            reader,
            call_command=self.operations.call_command,
        )
        self.window.place_shown.connect(self._place_shown)

        self.idle = IdleWatcher(
            IdleClock(site.idle.warn_after_s, site.idle.countdown_s, clock),
            self,
            busy=lambda: reader is not None and reader.speaking,
        )
        self.idle_overlay = IdleOverlay(self.window)
        self.idle.warning.connect(self._warn)
        self.idle.resumed.connect(self.idle_overlay.hide)
        self.idle.expired.connect(self.reset)
        self.idle_overlay.button.clicked.connect(self.idle.activity)

        self.watcher = ContentWatcher(root, self.catalog, i18n_dir=resources / "i18n", parent=self)
        self.watcher.reloaded.connect(self.content_reloaded)

        self.pin_gate = PinGate(self.operations.admin_pin_hash, clock=clock)
        if not self.pin_gate.is_set:
            log.warning(
                "no staff PIN is set (kioskctl set-pin): the staff corner does nothing; "
                "kioskctl status and this log say what the staff panel would"
            )
        self.pin_pad = PinPad(self.window, self.pin_gate)
        self.staff = StaffPanel(self.window, self.status, speech=lambda: reader)
        # Audio mode never says what staff touch (a PIN's digits least of all).
        self.window.audio.exclude(self.pin_pad)
        self.window.audio.exclude(self.staff)
        self.pin_pad.accepted.connect(self.open_staff_panel)
        self.staff.reload_requested.connect(self.watcher.reload_now)
        self.staff.preview_requested.connect(self._preview)
        self.staff.exit_requested.connect(self.exit_kiosk)
        self.corner = CornerPress(self.window)
        self.corner.held.connect(self.open_pin_pad)
        self.staff.closed.connect(self._update_idle)
        self.pin_pad.closed.connect(self._update_idle)

        self.metrics_timer = QTimer(self)
        self.metrics_timer.setInterval(METRICS_INTERVAL_MS)
        self.metrics_timer.timeout.connect(self.write_metrics)

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Install the filters and timers; call once the window is shown."""
        self.app.installEventFilter(self.idle)
        self.app.installEventFilter(self.corner)
        self.idle.start()
        self.idle.set_enabled(False)  # the attract screen has nothing to reset
        self.watcher.start()
        if not self.catalog.complete:
            # Started on kiosk.yaml and the checklists alone: read the drug pages now,
            # off the UI thread, once the event loop runs and the first screen is painted.
            QTimer.singleShot(0, self, self.watcher.reload_now)
        if self.metrics_dir is not None:
            self.write_metrics()
            self.metrics_timer.start()

    def stop(self) -> None:
        """Remove filters and timers and close the stats (on exit)."""
        self.app.removeEventFilter(self.idle)
        self.app.removeEventFilter(self.corner)
        self.idle.stop()
        self.watcher.stop()
        self.metrics_timer.stop()
        if self.metrics_dir is not None:
            self.write_metrics(up=False)
        self.stats.close()

    def new_session(self) -> Session:
        """A fresh visitor session, starting on the attract screen (not yet a counted visit)."""
        self.visit_counted = False
        return Session.for_site(self.catalog.site, ATTRACT)

    # -- idle ---------------------------------------------------------------------------

    def _warn(self, seconds: int) -> None:
        first = not self.idle_overlay.isVisible()
        self.idle_overlay.show_countdown(
            seconds, self.window.session.language, self.window.translations
        )
        if first and self.window.audio.active:
            self.window.audio.say(self.idle_overlay.spoken())

    def reset(self) -> None:
        """Forget the visitor: close overlays, apply waiting content, replace the session."""
        self.idle_overlay.hide()
        self.pin_pad.cancel()
        self.staff.hide()
        if self.pending is not None:
            self.apply(self.pending)
        self.window.replace_session(self.new_session())
        self.idle.set_enabled(False)

    # -- content ------------------------------------------------------------------------

    def content_reloaded(self, result: LoadResult) -> None:
        """New content: show it now on home/attract, else when the visitor is done.

        The first whole load after a start (see ``start``) is shown at once, wherever the
        visitor is: it only adds the drug pages.
        """
        self.problems = result.problems
        starting = self._starting
        if starting and result.catalog is not None and result.catalog.complete:
            self._starting = False
            log_problems(result.problems)
        if self.staff.isVisible():
            self.staff.refresh()
        if result.catalog is None or result.catalog == self.catalog:
            return
        if starting or self.window.session.place.screen in (Screen.HOME, Screen.ATTRACT):
            self.apply(result.catalog)
        else:
            self.pending = result.catalog

    def apply(self, catalog: Catalog) -> None:
        """Show ``catalog`` now, with its PIN and idle timings."""
        self.catalog, self.pending = catalog, None
        site = catalog.site
        self.idle.set_timings(site.idle.warn_after_s, site.idle.countdown_s)
        self.window.set_catalog(catalog)

    # -- staff --------------------------------------------------------------------------

    def status(self) -> StaffStatus:
        """What the staff panel shows."""
        return StaffStatus(
            version=__version__,
            uptime_s=time.time() - self.started,
            content_root=self.root,
            last_reload=self.watcher.last_reload,
            problems=self.problems,
            catalog=self.catalog,
            pending_reload=self.pending is not None,
            can_exit=self.pin_gate.is_set,
        )

    def open_pin_pad(self) -> None:
        """The hidden gesture: the PIN pad, which idle closes again if it is left open.

        With no PIN set it does nothing at all: no visitor can reach the staff panel.
        """
        if not self.pin_gate.is_set:
            log.info("staff corner held, but no staff PIN is set (kioskctl set-pin)")
            return
        self.idle.set_enabled(True)
        self.pin_pad.open_pad()

    def open_staff_panel(self) -> None:
        """Show the staff panel (idle still applies: a forgotten panel closes itself)."""
        self.idle.set_enabled(True)
        self.staff.open_panel()

    def _preview(self, place: Place) -> None:
        self.window.go(place)

    def exit_kiosk(self) -> None:
        """Staff chose Exit (only offered when a PIN is set)."""
        if not self.pin_gate.is_set:
            return
        log.info("staff exit")
        self.window.allow_close = True
        self.window.close()
        self.app.exit(EXIT_STAFF)

    # -- stats and metrics --------------------------------------------------------------

    def _update_idle(self) -> None:
        """Idle counts down unless the attract screen shows with no staff overlay open."""
        staff_open = self.pin_pad.isVisible() or self.staff.isVisible()
        attract = self.window.session.place.screen is Screen.ATTRACT
        if attract and not staff_open:
            self.idle_overlay.hide()  # nothing left to warn about
        self.idle.set_enabled(not attract or staff_open)

    def _place_shown(self, shown: Shown) -> None:
        self._update_idle()
        if shown.place == HOME and self.pending is not None:
            self.apply(self.pending)
        for count in counts_for(shown, visit_counted=self.visit_counted):
            if count.metric is Metric.SESSION:
                self.visit_counted = True
            self.stats.count(count.metric, count.key)

    def write_metrics(self, up: bool = True) -> None:
        """Write the Prometheus textfile (atomically)."""
        if self.metrics_dir is None:
            return
        snapshot = snapshot_from(
            self.stats,
            up=up,
            content_problems=len(self.problems),
            last_reload_timestamp=self.watcher.last_reload,
            recent_starts=self._recent_starts(),
        )
        try:
            write_textfile(self.metrics_dir, snapshot)
        except OSError as exc:
            log.error("cannot write metrics to %s: %s", self.metrics_dir, exc)
