"""Idle watcher (Qt glue): any touch, click or key restarts the idle clock."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from kiosk.idle import IdleClock, IdlePhase

log = logging.getLogger("kiosk.idle")

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """Install on the QApplication; ``check()`` runs every half second (tests call it)."""

    warning = Signal(int)  # seconds left; emitted on every check while warning
    resumed = Signal()  # the visitor touched during the warning
    expired = Signal()  # reset the session now

    def __init__(
        self,
        clock: IdleClock,
        parent: QObject | None = None,
        *,
        busy: Callable[[], bool] = lambda: False,
    ) -> None:
        """``busy()`` is True while idle time should not count (speech is playing)."""
        super().__init__(parent)
        self.clock = clock
        self._busy = busy
        self._enabled = True
        self._warning = False
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Begin checking."""
        self.clock.touch()
        self.timer.start()

    def stop(self) -> None:
        """Stop checking (on exit)."""
        self.timer.stop()

    def set_timings(self, warn_after_s: float, countdown_s: float) -> None:
        """Warn after ``warn_after_s`` idle seconds and reset ``countdown_s`` later."""
        self.clock.set_timings(warn_after_s, countdown_s)

    def set_enabled(self, enabled: bool) -> None:
        """Pause while nothing needs resetting (the attract screen)."""
        self._enabled = enabled
        self.clock.touch()
        if not enabled:
            self._warning = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count activity; never swallow anything."""
        if event.type() in ACTIVITY_EVENTS:
            self.activity()
        return False

    def activity(self) -> None:
        """The visitor is here."""
        self.clock.touch()
        if self._warning:
            self._warning = False
            self.resumed.emit()

    def check(self) -> None:
        """Compare the idle time with the thresholds and signal."""
        if not self._enabled:
            return
        self.clock.tick(busy=self._busy())
        phase = self.clock.phase()
        if phase is IdlePhase.WARNING:
            self._warning = True
            self.warning.emit(self.clock.seconds_left())
        elif phase is IdlePhase.EXPIRED:
            self._warning = False
            log.info("idle timeout: resetting the session")
            self.clock.touch()
            self.expired.emit()
