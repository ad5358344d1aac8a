"""Logging setup, Qt message routing and the crash guard, on real files, hooks and threads."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import re
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
import pytest
from PySide6.QtCore import QMessageLogger, qCritical, qDebug, qInfo, qWarning
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.runtime.crash import EXIT_INTERRUPTED, EXIT_SOFTWARE, CrashGuard
from kiosk.runtime.log_setup import (
    FILE_HANDLER_NAME,
    STDERR_HANDLER_NAME,
    configure_logging,
    install_qt_message_handler,
    log_dir,
    uninstall_qt_message_handler,
)

CRASH_MESSAGE = "unexpected error; exiting so the service restarts the kiosk"
LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (\w+) ([\w.]+): (.*)$")
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


@pytest.fixture(autouse=True)
def kiosk_logger() -> Iterator[logging.Logger]:
    """The ``kiosk`` logger, with the handlers and level a test adds taken away afterwards."""
    logger = logging.getLogger("kiosk")
    handlers, level = list(logger.handlers), logger.level
    yield logger
    for handler in list(logger.handlers):
        if handler not in handlers:
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)


@pytest.fixture
def faulthandler_off() -> Iterator[None]:
    """Faulthandler disabled during the test (pytest enables it), re-enabled on stderr after."""
    was_enabled = faulthandler.is_enabled()
    faulthandler.disable()
    yield
    if was_enabled and sys.__stderr__ is not None:
        faulthandler.enable(file=sys.__stderr__)


@pytest.fixture
def exits() -> list[int]:
    """The statuses a crash guard asked to exit with."""
    return []


@pytest.fixture
def make_guard(tmp_path: Path, exits: list[int]) -> Iterator[Callable[[], CrashGuard]]:
    """Build and install crash guards writing to tmp_path/logs; all uninstalled afterwards."""
    guards: list[CrashGuard] = []

    def make() -> CrashGuard:
        guard = CrashGuard(exits.append, tmp_path / "logs")
        guard.install()
        guards.append(guard)
        return guard

    yield make
    for guard in reversed(guards):
        guard.uninstall()


def raised(exception: BaseException) -> ExcInfo:
    """The (type, value, traceback) of ``exception`` after really raising it."""
    try:
        raise exception
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def records_of(caplog: pytest.LogCaptureFixture, name: str) -> list[logging.LogRecord]:
    """The records the test logged on logger ``name``."""
    return [r for r in caplog.get_records("call") if r.name == name]


# --- log_dir and configure_logging ---------------------------------------------------------


def test_log_dir_prefers_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path / "here"))
    assert log_dir() == tmp_path / "here"
    monkeypatch.delenv("KIOSK_LOG_DIR")
    assert log_dir() == Path(platformdirs.user_log_dir("clinic-kiosk", appauthor=False))


def test_records_from_an_area_logger_land_in_the_file_with_the_format(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs", to_stderr=False)
    assert path == tmp_path / "logs" / "kiosk.log"

    logging.getLogger("kiosk.content").info("loaded %d drug pages", 3)
    logging.getLogger("kiosk.content").debug("not at INFO")

    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    match = LINE.match(lines[0])
    assert match is not None, lines[0]
    assert match.groups() == ("INFO", "kiosk.content", "loaded 3 drug pages")


def test_the_file_rotates_at_2_mib_keeping_5(tmp_path: Path, kiosk_logger: logging.Logger) -> None:
    configure_logging(tmp_path, level=logging.DEBUG, to_stderr=False)
    [handler] = kiosk_logger.handlers
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert (handler.maxBytes, handler.backupCount) == (2 * 1024 * 1024, 5)
    assert kiosk_logger.level == logging.DEBUG
    assert handler not in logging.getLogger().handlers


def test_calling_twice_keeps_one_file_handler_and_one_stderr_handler(
    tmp_path: Path, kiosk_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(tmp_path)
    path = configure_logging(tmp_path)
    names = sorted(h.get_name() or "" for h in kiosk_logger.handlers)
    assert names == sorted([FILE_HANDLER_NAME, STDERR_HANDLER_NAME])

    logging.getLogger("kiosk.reload").info("reloaded")
    assert path.read_text(encoding="utf-8").count("reloaded") == 1
    assert capsys.readouterr().err.count("INFO kiosk.reload: reloaded") == 1


@pytest.mark.allow_log_warnings
def test_an_unwritable_folder_falls_back_to_stderr_with_one_warning(
    tmp_path: Path,
    kiosk_logger: logging.Logger,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")

    path = configure_logging(blocker / "logs", to_stderr=False)

    assert not path.exists()
    assert [h.get_name() for h in kiosk_logger.handlers] == [STDERR_HANDLER_NAME]
    warnings = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert "not writable" in warnings[0].getMessage()
    logging.getLogger("kiosk.ui").info("still logged")
    err = capsys.readouterr().err
    assert "not writable" in err
    assert "INFO kiosk.ui: still logged" in err


# --- CrashGuard ------------------------------------------------------------------------------


def crash_on_the_main_thread(first: BaseException, second: BaseException) -> list[str]:
    """Raise both through sys.excepthook; the crash messages expected."""
    for exc in (first, second):
        sys.excepthook(*raised(exc))
    return [CRASH_MESSAGE] * 2


def crash_in_threads(first: BaseException, second: BaseException) -> list[str]:
    """Raise each in its own thread (threading.excepthook); the crash messages expected."""
    for name, exc in (("worker-1", first), ("worker-2", second)):

        def fail(exc: BaseException = exc) -> None:
            raise exc

        thread = threading.Thread(target=fail, name=name)
        thread.start()
        thread.join()
    return [
        f"unexpected error in thread {name}; exiting so the service restarts the kiosk"
        for name in ("worker-1", "worker-2")
    ]


@pytest.mark.allow_log_warnings
@pytest.mark.parametrize("crash", [crash_on_the_main_thread, crash_in_threads])
def test_an_unexpected_exception_is_logged_critical_and_exits_70_once(
    tmp_path: Path,
    make_guard: Callable[[], CrashGuard],
    exits: list[int],
    caplog: pytest.LogCaptureFixture,
    crash: Callable[[BaseException, BaseException], list[str]],
) -> None:
    log_file = configure_logging(tmp_path / "logs", to_stderr=False)
    make_guard()

    expected = crash(ValueError("boom"), OSError("disk gone"))

    assert exits == [EXIT_SOFTWARE]
    crashes = records_of(caplog, "kiosk.crash")
    assert [(r.levelno, r.getMessage()) for r in crashes] == [
        (logging.CRITICAL, message) for message in expected
    ]
    text = log_file.read_text(encoding="utf-8")
    assert f"CRITICAL kiosk.crash: {expected[0]}" in text
    assert "Traceback (most recent call last):" in text
    assert "ValueError: boom" in text
    assert "OSError: disk gone" in text


def test_system_exit_in_a_thread_is_not_a_crash(
    make_guard: Callable[[], CrashGuard], exits: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    make_guard()
    thread = threading.Thread(target=sys.exit, args=(3,))
    thread.start()
    thread.join()
    assert exits == []
    assert records_of(caplog, "kiosk.crash") == []


def test_keyboard_interrupt_exits_130_without_a_critical_record(
    make_guard: Callable[[], CrashGuard], exits: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    make_guard()
    sys.excepthook(*raised(KeyboardInterrupt()))
    assert exits == [EXIT_INTERRUPTED]
    [record] = records_of(caplog, "kiosk.crash")
    assert record.levelno == logging.INFO
    assert record.exc_info is None


def test_uninstall_restores_the_hooks_and_faulthandler(
    tmp_path: Path, faulthandler_off: None, exits: list[int]
) -> None:
    original_sys_hook, original_thread_hook = sys.excepthook, threading.excepthook
    guard = CrashGuard(exits.append, tmp_path / "logs")
    assert sys.excepthook is original_sys_hook, "nothing happens before install()"

    guard.install()
    guard.install()
    try:
        assert sys.excepthook == guard.handle
        assert threading.excepthook is not original_thread_hook
        assert faulthandler.is_enabled()
        fault_log = tmp_path / "logs" / "faulthandler.log"
        assert fault_log.is_file()
        assert guard.fault_file_path == fault_log
        assert "started" in fault_log.read_text(encoding="utf-8")
    finally:
        guard.uninstall()

    assert sys.excepthook is original_sys_hook
    assert threading.excepthook is original_thread_hook
    assert not faulthandler.is_enabled()
    assert not guard.installed
    assert exits == []


def test_uninstall_puts_back_a_faulthandler_that_was_enabled(
    tmp_path: Path, faulthandler_off: None, exits: list[int]
) -> None:
    assert sys.__stderr__ is not None
    faulthandler.enable(file=sys.__stderr__)
    guard = CrashGuard(exits.append, tmp_path)
    guard.install()
    guard.uninstall()
    assert faulthandler.is_enabled()


def test_faulthandler_log_is_appended_to_across_runs(tmp_path: Path, exits: list[int]) -> None:
    for _run in range(2):
        guard = CrashGuard(exits.append, tmp_path)
        guard.install()
        guard.uninstall()
    assert (tmp_path / "faulthandler.log").read_text(encoding="utf-8").count("started") == 2


# --- Qt messages -----------------------------------------------------------------------------


@pytest.mark.allow_log_warnings
def test_qt_messages_land_on_kiosk_qt_at_their_level(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.qt")
    install_qt_message_handler()
    try:
        qDebug("a debug line")
        qInfo("an info line")
        qWarning("a warning line")
        qCritical("a critical line")
        # PySide6's stubs say bytes, but only str works at run time.
        categorised = QMessageLogger("qxcbwindow.cpp", 42, "show", "qt.qpa.window")  # type: ignore[call-overload]
        categorised.warning("from a category")
        # About the machine, not a fault (no PipeWire for read-aloud): information only.
        machine = QMessageLogger("qlibrary.cpp", 7, "load", "qt.multimedia.symbolsresolver")  # type: ignore[call-overload]
        machine.warning("Couldn't load pipewire-0.3 library")
    finally:
        uninstall_qt_message_handler()

    got = [(r.levelno, r.getMessage()) for r in records_of(caplog, "kiosk.qt")]
    assert got == [
        (logging.DEBUG, "a debug line"),
        (logging.INFO, "an info line"),
        (logging.WARNING, "a warning line"),
        (logging.ERROR, "a critical line"),
        (logging.WARNING, "qt.qpa.window: from a category"),
        (logging.INFO, "qt.multimedia.symbolsresolver: Couldn't load pipewire-0.3 library"),
    ]
    located = records_of(caplog, "kiosk.qt")[-2]
    assert (located.pathname, located.lineno, located.funcName) == ("qxcbwindow.cpp", 42, "show")


def test_the_offscreen_size_hints_message_is_only_debug(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk.qt")
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    install_qt_message_handler()
    try:
        window.setMinimumSize(200, 100)  # the offscreen platform answers with the message
        qWarning("This plugin does not support propagateSizeHints()")
    finally:
        uninstall_qt_message_handler()

    records = records_of(caplog, "kiosk.qt")
    assert [r.getMessage() for r in records] == [
        "This plugin does not support propagateSizeHints()"
    ] * 2
    assert {r.levelno for r in records} == {logging.DEBUG}


@pytest.mark.qt_log_ignore("kiosk-test: back to pytest-qt")
def test_uninstall_gives_qt_messages_back_to_the_previous_handler(
    qtlog: Any, caplog: pytest.LogCaptureFixture
) -> None:
    install_qt_message_handler()
    install_qt_message_handler()  # a second install must not make ours the "previous" one
    try:
        qInfo("kiosk-test: routed to logging")
    finally:
        uninstall_qt_message_handler()
    qWarning("kiosk-test: back to pytest-qt")

    captured = [record.message for record in qtlog.records]
    assert captured == ["kiosk-test: back to pytest-qt"]
    assert [r.getMessage() for r in records_of(caplog, "kiosk.qt")] == [
        "kiosk-test: routed to logging"
    ]
