"""Logging for the kiosk: per-area loggers, a rotating file in the log dir, Qt messages routed in.

This module is Qt glue (it installs Qt's message handler), so it lives in ``kiosk.runtime``.
Nothing happens at import time: the application calls :func:`configure_logging` and
:func:`install_qt_message_handler` once at start-up.

Handlers hang off the ``kiosk`` logger, never the root logger, so third-party libraries keep
their own logging. Each area of the kiosk logs through its own child logger, made with
``logging.getLogger("kiosk.<area>")``:

==================  ===========================================================
``kiosk.content``   loading and validating the content folder
``kiosk.reload``    watching the content folder and reloading it
``kiosk.idle``      inactivity: warning, then return to the start screen
``kiosk.ui``        windows, screens and widgets
``kiosk.stats``     anonymous usage counts
``kiosk.call``      starting the softphone for "Call now"
``kiosk.lock``      the single-instance lock file
``kiosk.lockdown``  keys and gestures swallowed so visitors cannot leave the kiosk
``kiosk.qt``        Qt's own messages (see :func:`install_qt_message_handler`)
``kiosk.crash``     unexpected exceptions (see :mod:`kiosk.runtime.crash`)
==================  ===========================================================
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from kiosk import settings

LOG_FILE_NAME = "kiosk.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5


def rotate_if_large(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUP_COUNT) -> bool:
    """Rotate ``path`` like the main log (``.1`` … ``.N``) when it has reached ``max_bytes``.

    For files that other code appends to directly (faulthandler's), checked at each start.
    """
    try:
        if path.stat().st_size < max_bytes:
            return False
    except OSError:
        return False
    for index in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{index}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{index + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))
    return True


#: Names given to the handlers this module adds, so a second call can find and replace them.
FILE_HANDLER_NAME = "kiosk.file"
STDERR_HANDLER_NAME = "kiosk.stderr"

#: Qt message types and the logging level each one is logged at.
QT_LEVELS: dict[QtMsgType, int] = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

#: Qt messages known to be harmless; logged at DEBUG instead of their own level.
HARMLESS_QT_MESSAGES = frozenset(
    {
        # The offscreen platform says this for every top-level window.
        "This plugin does not support propagateSizeHints()",
    }
)
#: Qt categories whose warnings describe the machine, not a fault: logged as INFO.
MACHINE_QT_CATEGORIES = frozenset(
    {
        # Read aloud on a PC without PipeWire: Qt Multimedia says so at every start, then
        # uses PulseAudio or ALSA.
        "qt.multimedia.symbolsresolver",
    }
)

#: What ``qInstallMessageHandler`` takes and returns; None stands for Qt's default handler.
QtMessageHandler = Callable[[QtMsgType, QMessageLogContext, str], Any] | None

# Qt's message handler is process-global, so what it was before ours is kept here to put it
# back: None while ours is not installed, else a 1-tuple (holding None for Qt's default).
_previous_qt_handler: tuple[QtMessageHandler] | None = None


def log_dir() -> Path:
    """$KIOSK_LOG_DIR when set, else the platform's user log folder (see kiosk.settings)."""
    return settings.log_dir()


def configure_logging(
    directory: Path, level: int = logging.INFO, *, to_stderr: bool = True
) -> Path:
    """Log the ``kiosk`` loggers to a rotating file in ``directory`` (and stderr); the file's path.

    Calling it again replaces the handlers it added before instead of adding more. When the
    folder cannot be created or written, logging goes to stderr only, one warning says so,
    and the returned path (which then does not exist) is where the file would have been.
    """
    logger = logging.getLogger("kiosk")
    logger.setLevel(level)
    _remove_own_handlers(logger)
    path = directory / LOG_FILE_NAME
    try:
        file_handler = _file_handler(path)
    except OSError as error:
        logger.addHandler(_stderr_handler())
        logger.warning(
            "log folder %s is not writable (%s); logging to stderr only", directory, error
        )
        return path
    logger.addHandler(file_handler)
    if to_stderr:
        logger.addHandler(_stderr_handler())
    return path


def _file_handler(path: Path) -> logging.Handler:
    """A rotating, UTF-8 file handler for ``path``, creating its folder; OSError when it can't."""
    # Imported here: logging.handlers brings socket, pickle and queue (about 2 MiB), which
    # `kiosk render` and `kiosk check` never need.
    import logging.handlers

    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    handler.set_name(FILE_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    return handler


def _stderr_handler() -> logging.Handler:
    """A handler writing formatted records to stderr."""
    handler = logging.StreamHandler()
    handler.set_name(STDERR_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    return handler


def _remove_own_handlers(logger: logging.Logger) -> None:
    """Detach and close the handlers an earlier :func:`configure_logging` added."""
    for handler in list(logger.handlers):
        if handler.get_name() in (FILE_HANDLER_NAME, STDERR_HANDLER_NAME):
            logger.removeHandler(handler)
            handler.close()


def install_qt_message_handler() -> None:
    """Route Qt's messages to the ``kiosk.qt`` logger; a second call changes nothing."""
    global _previous_qt_handler
    if _previous_qt_handler is not None:
        return
    _previous_qt_handler = (qInstallMessageHandler(route_qt_message),)


def uninstall_qt_message_handler() -> None:
    """Put back the Qt message handler that was in place before ours was installed."""
    global _previous_qt_handler
    if _previous_qt_handler is None:
        return
    qInstallMessageHandler(_previous_qt_handler[0])
    _previous_qt_handler = None


def route_qt_message(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Log one Qt message on ``kiosk.qt`` at its level, prefixed with its category."""
    logger = logging.getLogger("kiosk.qt")
    level = QT_LEVELS.get(msg_type, logging.WARNING)
    category = context.category
    if message in HARMLESS_QT_MESSAGES:
        level = logging.DEBUG
    elif category in MACHINE_QT_CATEGORIES:
        level = min(level, logging.INFO)
    if not logger.isEnabledFor(level):
        return
    text = f"{category}: {message}" if category and category != "default" else message
    record = logger.makeRecord(
        logger.name, level, context.file or "(qt)", context.line, text, (), None, context.function
    )
    logger.handle(record)
