"""When an untouched kiosk warns 'Are you still there?' and when it resets (pure timing rules)."""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable

#: Speech holds the idle clock for at most this long after the last touch (a whole drug
#: page takes 7 to 9 minutes to read aloud).
MAX_BUSY_S = 15 * 60


class IdlePhase(enum.Enum):
    """Where the idle countdown stands."""

    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


class IdleClock:
    """Tracks the last touch and says when to warn and when to reset.

    The warning starts after ``warn_after_s``; the reset follows ``countdown_s`` later
    (WCAG 2.2.1 asks for at least 20 s to answer).
    """

    def __init__(
        self, warn_after_s: float, countdown_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.warn_after_s = warn_after_s
        self.countdown_s = countdown_s
        self.set_timings(warn_after_s, countdown_s)
        self._clock = clock
        self._last = self._touched = clock()
        self._ticked: float | None = None

    def set_timings(self, warn_after_s: float, countdown_s: float) -> None:
        """New timings (from reloaded content); the time already idle still counts."""
        if countdown_s < 20:
            raise ValueError("the countdown must give at least 20 seconds (WCAG 2.2.1)")
        self.warn_after_s = warn_after_s
        self.countdown_s = countdown_s

    def touch(self) -> None:
        """A visitor did something: start counting again."""
        self._last = self._touched = self._clock()
        self._ticked = None  # (time before this touch is never credited)

    def tick(self, *, busy: bool) -> None:
        """Called on every check: time the kiosk spends busy does not count as idle.

        Busy is speech playing: a visitor listening to a page, or to the warning itself,
        has not gone away, and the countdown waits until the voice has finished. Only the
        time between two checks counts, never more than now, and at most MAX_BUSY_S after
        the last touch: a voice that seems to speak for ever (a stuck speech service) must
        not keep one visitor's page up for the next.
        """
        now = self._clock()
        held = now - self._touched < MAX_BUSY_S
        if busy and held and self._ticked is not None:
            self._last = min(now, self._last + now - self._ticked)
        self._ticked = now

    def idle_for(self) -> float:
        """Seconds since the last touch."""
        return self._clock() - self._last

    def phase(self) -> IdlePhase:
        """The current phase."""
        idle = self.idle_for()
        if idle < self.warn_after_s:
            return IdlePhase.ACTIVE
        if idle < self.warn_after_s + self.countdown_s:
            return IdlePhase.WARNING
        return IdlePhase.EXPIRED

    def seconds_left(self) -> int:
        """Whole seconds until the reset (shown in the countdown)."""
        remaining = self.warn_after_s + self.countdown_s - self.idle_for()
        return max(0, math.ceil(remaining))
