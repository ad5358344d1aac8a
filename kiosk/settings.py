"""Where things are: the content folder and other run-time settings, with their precedence."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_CONTENT = "KIOSK_CONTENT"


def bundle_dir() -> Path:
    """The folder holding resources/ and content/: the source tree, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def default_content_dir() -> Path:
    """$KIOSK_CONTENT when set, else the bundled content/ folder."""
    env = os.environ.get(ENV_CONTENT)
    if env:
        return Path(env)
    return bundle_dir() / "content"


def resources_dir() -> Path:
    """The bundled resources/ folder (theme, fonts)."""
    return bundle_dir() / "resources"
