"""Checks before Qt starts: is there a display, and are the system libraries Qt needs there?"""

from __future__ import annotations

import ctypes
import os
import re
import shlex
import sys
from collections.abc import Callable, Mapping

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
