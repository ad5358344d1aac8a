"""Recent starts of the kiosk, kept in the data folder: how a crash loop is recognised.

Each start is recorded; a kiosk that then runs quietly for ``quiet_s`` clears the record.
So ``limit`` starts within ``window_s`` with no quiet run between them mean the kiosk keeps
dying (a crash, a hang killed by the watchdog, content that breaks it), whatever killed
it: the next start shows the safe screen instead of trying again. The file survives the
restarts because it is on disk; it holds only times, nothing about any visitor.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("kiosk.crash")

FILE_NAME = "recent-starts.json"
#: Five starts within ten minutes, none followed by five quiet minutes: a crash loop.
CRASH_LOOP_STARTS = 5
CRASH_LOOP_WINDOW_S = 600.0
QUIET_S = 300.0


class StartLog:
    """The times of recent starts, read and written atomically."""

    def __init__(
        self,
        folder: Path,
        *,
        limit: int = CRASH_LOOP_STARTS,
        window_s: float = CRASH_LOOP_WINDOW_S,
        quiet_s: float = QUIET_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = folder / FILE_NAME
        self.limit = limit
        self.window_s = window_s
        self.quiet_s = quiet_s
        self._clock = clock

    def starts(self) -> list[float]:
        """The recorded starts still inside the window (a missing or broken file: none)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        now = self._clock()
        if not isinstance(data, list):
            return []
        return [
            float(t)
            for t in data
            if isinstance(t, int | float) and now - self.window_s <= float(t) <= now
        ]

    def record_start(self) -> int:
        """Add this start; how many starts the window now holds (this one included)."""
        starts = [*self.starts(), self._clock()][-self.limit * 2 :]
        self._write(starts)
        return len(starts)

    def in_crash_loop(self, count: int) -> bool:
        """Whether ``count`` recent starts mean a crash loop."""
        return count >= self.limit

    def clear(self) -> None:
        """The kiosk ran quietly (or staff fixed what broke it): forget the recent starts."""
        self._write([])

    def _write(self, starts: list[float]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=".recent-starts.")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(starts, handle)
            os.replace(name, self.path)
        except OSError as error:
            log.warning("cannot record the kiosk's starts in %s: %s", self.path, error)
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(name)
