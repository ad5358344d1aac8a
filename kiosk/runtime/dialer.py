"""Start the clinic's configured softphone or handset program for a 'Call now' button."""

from __future__ import annotations

import logging

from PySide6.QtCore import QProcess

log = logging.getLogger("kiosk.call")


def start_call(command: tuple[str, ...], phone: str) -> bool:
    """Start ``command`` detached (no shell) with '{phone}' replaced; True when it started."""
    program, *arguments = (part.replace("{phone}", phone) for part in command)
    started, _pid = QProcess.startDetached(program, arguments)
    if started:
        log.info("call command started")
    else:
        log.error("call command %s could not start", program)
    return bool(started)
