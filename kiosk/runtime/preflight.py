"""Checks before Qt starts: is there a display, and are the system libraries Qt needs there?"""

from __future__ import annotations

import ctypes.util
import os
import sys

#: Libraries Qt's xcb platform plugin loads; missing ones make Qt abort with a cryptic message.
XCB_LIBRARIES = {
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """One clear line when a window cannot be shown, else None."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform or not sys.platform.startswith("linux"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "kiosk: no display found (DISPLAY and WAYLAND_DISPLAY are unset). "
            "To preview screens without one, run: kiosk render --out preview/"
        )
    if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        missing = [
            pkg for lib, pkg in XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None
        ]
        if missing:
            return (
                "kiosk: Qt needs system libraries that are missing; install them with: "
                f"sudo apt-get install {' '.join(missing)}"
            )
    return None
