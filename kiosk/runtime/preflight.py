"""Checks before Qt starts: is there a display, and are the system libraries Qt needs there?"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shlex
import socket
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk import system_packages

#: The libraries of Qt's X11 platform plugin: missing ones make Qt abort with a hint about
#: xcb-cursor whatever the real cause. Taken from the package list by soname.
XCB_LIBRARY = re.compile(r"xcb|xkbcommon-x11")


def render_command(argv0: str | None = None) -> str:
    """A `kiosk render` command line that works as typed, from however this kiosk was started."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    if getattr(sys, "frozen", False):
        program = shlex.quote(sys.executable)
    elif os.path.basename(argv0) == "kiosk" and os.path.isfile(argv0):
        program = shlex.quote(os.path.abspath(argv0))
    else:
        program = f"{shlex.quote(sys.executable)} -m kiosk"
    return f"{program} render --out preview/"


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_xcb_packages(loads: Callable[[str], bool] = _loads) -> list[str]:
    """The Debian packages whose X11-plugin libraries cannot be loaded, in list order."""
    missing = []
    for package in system_packages.load():
        if package.role != "run":
            continue
        if any(XCB_LIBRARY.search(lib) and not loads(lib) for lib in package.libraries):
            missing.append(package.name)
    return missing


#: Exit status when the display cannot be reached (``EX_UNAVAILABLE``): the service retries.
EXIT_NO_DISPLAY = 69
#: Longest wait before that exit; each failure in a row doubles the wait up to here.
MAX_BACKOFF_S = 16.0
_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(\.\d+)?$")


def display_unreachable(display: str, timeout_s: float = 2.0) -> str | None:
    """Why X display ``display`` (e.g. ``:0``) cannot be reached, or None when it answers."""
    found = _DISPLAY.match(display)
    if not found:
        return f"DISPLAY={display!r} is not a display name like :0"
    host, number = found.group("host"), int(found.group("number"))
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        for address in (path, "\0" + path):  # the file, then Linux's abstract socket
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                sock.settimeout(timeout_s)
                with contextlib.suppress(OSError):
                    sock.connect(address)
                    return None
        return f"no X server answers at {path}"
    try:
        with socket.create_connection((host, 6000 + number), timeout=timeout_s):
            return None
    except OSError as error:
        return f"no X server answers at {host}:{6000 + number} ({error.strerror or error})"


def backoff_s(folder: Path, *, failed: bool) -> float:
    """Record one more display failure in a row (or clear them); how long to wait now."""
    counter = folder / "display-failures"
    if not failed:
        with contextlib.suppress(OSError):
            counter.unlink()
        return 0.0
    try:
        count = int(counter.read_text(encoding="utf-8").strip() or 0)
    except (OSError, ValueError):
        count = 0
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        counter.write_text(str(count + 1), encoding="utf-8")
    return min(2.0**count, MAX_BACKOFF_S)


def display_problem(
    environ: Mapping[str, str] | None = None, loads: Callable[[str], bool] = _loads
) -> str | None:
    """One clear line when a window cannot be shown, else None."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform or not sys.platform.startswith("linux"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "kiosk: no display found (DISPLAY and WAYLAND_DISPLAY are unset). "
            f"To draw the screens to PNG files without one, run: {render_command()}"
            " (in the project folder: make render)"
        )
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        missing = missing_xcb_packages(loads)
        if missing:
            return (
                "kiosk: Qt needs system libraries that are missing; install them with: "
                f"sudo apt-get install {' '.join(missing)}"
            )
    return None
