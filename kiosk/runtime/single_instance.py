"""One kiosk per machine (Qt glue): a QLockFile that a crashed run cannot leave stuck."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile

log = logging.getLogger("kiosk.lock")


def acquire_instance_lock(directory: Path) -> QLockFile | None:
    """The held lock, or None when another live kiosk holds it.

    QLockFile records the owner's PID; a lock left by a process that no longer runs
    (a crash, a power cut) is stale and is taken over at once.
    """
    directory.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(directory / "kiosk.lock"))
    lock.setStaleLockTime(0)  # staleness is decided by the owner PID, not by age
    if lock.tryLock(100):
        return lock
    if lock.removeStaleLockFile() and lock.tryLock(100):
        log.warning("took over a stale lock left by a previous run")
        return lock
    return None
