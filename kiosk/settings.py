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


ENV_DATA = "KIOSK_DATA_DIR"
ENV_METRICS = "KIOSK_METRICS_DIR"
APP_NAME = "clinic-kiosk"


def data_dir() -> Path:
    """Where usage counts and the instance lock live: $KIOSK_DATA_DIR or the platform data dir."""
    env = os.environ.get(ENV_DATA)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def metrics_dir(cli: Path | None, from_content: str | None) -> Path | None:
    """The Prometheus textfile folder: --metrics-dir, else $KIOSK_METRICS_DIR, else kiosk.yaml."""
    if cli is not None:
        return cli
    env = os.environ.get(ENV_METRICS)
    if env:
        return Path(env)
    return Path(from_content) if from_content else None
