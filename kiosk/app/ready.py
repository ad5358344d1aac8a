"""What happens once the visitor sees the kiosk: READY=1 to systemd, then the slow starts."""

from __future__ import annotations

import logging
from collections.abc import Callable

from kiosk.runtime.sd_notify import notify


def on_first_frame(seconds: float, then: list[Callable[[], None]]) -> None:
    """The visitor sees the kiosk: tell systemd, then start what may take its time."""
    logging.getLogger("kiosk.app").info("first frame after %.2f s", seconds)
    notify("READY=1")
    for step in then:
        step()
