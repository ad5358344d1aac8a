"""Crash safety: log every unexpected exception and exit non-zero so the service restarts the kiosk.

Policy:

* Never show a dialog: nobody at a waiting-room kiosk can act on one.
* An unexpected exception on the UI thread (``sys.excepthook``, which PySide6 also calls for
  exceptions escaping slots and event handlers) or on any other thread (``threading.excepthook``)
  is logged with its traceback at CRITICAL on ``kiosk.crash``, and the application is asked to
  exit with status 70 (``EX_SOFTWARE``). systemd (``Restart=always``) then brings back a clean
  kiosk within seconds (RestartSec=1; the first frame follows in about half a second).
* Returning to the start screen instead is NOT attempted: the state after an arbitrary
  exception cannot be proven sane, and a fresh process can.
* The exit is requested once, however many exceptions follow the first one.
* Ctrl+C (``KeyboardInterrupt``) is not a crash: it is logged at INFO and exits with 130.
* ``faulthandler`` writes a Python traceback of every thread to ``faulthandler.log`` in the log
  folder when the process dies in native code (a segfault or abort inside Qt).

Nothing is installed at import time: the application builds a :class:`CrashGuard` and calls
:meth:`CrashGuard.install` after logging is configured.
"""

from __future__ import annotations

import datetime
import faulthandler
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

log = logging.getLogger("kiosk.crash")

#: Exit status after an unexpected exception (``EX_SOFTWARE`` from sysexits.h).
EXIT_SOFTWARE = 70
#: Exit status after Ctrl+C, as a shell reports a process ended by SIGINT.
EXIT_INTERRUPTED = 130
FAULTHANDLER_FILE_NAME = "faulthandler.log"

SysExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]
ThreadExceptHook = Callable[[threading.ExceptHookArgs], Any]


class CrashGuard:
    """Exception hooks and faulthandler that turn any crash into a logged, non-zero exit."""

    def __init__(self, exit_app: Callable[[int], None], log_directory: Path) -> None:
        """Ask for exits through ``exit_app`` and keep faulthandler's file in ``log_directory``.

        ``exit_app`` may be called from a worker thread, so it must be safe to call from one
        (for example, queue ``QCoreApplication.exit`` onto the UI thread).
        """
        self._exit_app = exit_app
        self._log_directory = log_directory
        self._lock = threading.Lock()
        self._exit_requested = False
        self._installed = False
        self._previous_sys_hook: SysExceptHook = sys.excepthook
        self._previous_thread_hook: ThreadExceptHook = threading.excepthook
        self._faulthandler_was_enabled = False
        self._fault_file: TextIO | None = None

    @property
    def installed(self) -> bool:
        """True between :meth:`install` and :meth:`uninstall`."""
        return self._installed

    @property
    def fault_file_path(self) -> Path:
        """Where faulthandler writes tracebacks when the process dies in native code."""
        return self._log_directory / FAULTHANDLER_FILE_NAME

    def install(self) -> None:
        """Set ``sys.excepthook``, ``threading.excepthook`` and faulthandler; again does nothing."""
        if self._installed:
            return
        self._previous_sys_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        self._faulthandler_was_enabled = faulthandler.is_enabled()
        self._enable_faulthandler()
        self._installed = True

    def uninstall(self) -> None:
        """Put back the previous hooks and faulthandler state, and close faulthandler's file."""
        if not self._installed:
            return
        sys.excepthook = self._previous_sys_hook
        threading.excepthook = self._previous_thread_hook
        faulthandler.disable()
        if self._faulthandler_was_enabled and sys.__stderr__ is not None:
            # faulthandler cannot say which file it wrote to before; stderr is the usual one.
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
        if self._fault_file is not None:
            self._fault_file.close()
            self._fault_file = None
        self._installed = False

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """The ``sys.excepthook``: log the exception and ask the application to exit."""
        self._report(exc_type, exc, tb, where="")

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """The ``threading.excepthook``: like :meth:`handle`; SystemExit in a thread is ignored."""
        if issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "unknown"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, where=f" in thread {name}")

    def _report(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
        where: str,
    ) -> None:
        """Log one exception and request the exit, unless an exit was requested already."""
        if issubclass(exc_type, KeyboardInterrupt):
            log.info("interrupted%s; exiting", where)
            self._request_exit(EXIT_INTERRUPTED)
            return
        log.critical(
            "unexpected error%s; exiting so the service restarts the kiosk",
            where,
            # A thread's exc_value may be None; logging formats that tuple fine.
            exc_info=(exc_type, exc, tb),  # type: ignore[arg-type]
        )
        self._request_exit(EXIT_SOFTWARE)

    def _request_exit(self, status: int) -> None:
        """Call ``exit_app(status)`` the first time only."""
        with self._lock:
            if self._exit_requested:
                return
            self._exit_requested = True
        self._exit_app(status)

    def _enable_faulthandler(self) -> None:
        """Send faulthandler's output to the log folder, or to stderr when that fails."""
        from kiosk.runtime.log_setup import rotate_if_large

        try:
            self._log_directory.mkdir(parents=True, exist_ok=True)
            rotate_if_large(self.fault_file_path)
            fault_file = self.fault_file_path.open("a", encoding="utf-8")
        except OSError as error:
            log.warning(
                "cannot open %s (%s); faulthandler writes to stderr", self.fault_file_path, error
            )
            if sys.__stderr__ is not None:
                faulthandler.enable(file=sys.__stderr__, all_threads=True)
            return
        started = datetime.datetime.now().isoformat(timespec="seconds")
        fault_file.write(f"--- kiosk process {os.getpid()} started {started} ---\n")
        fault_file.flush()
        self._fault_file = fault_file
        faulthandler.enable(file=fault_file, all_threads=True)
