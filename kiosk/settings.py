"""Where things are: the content folder and other run-time settings, with their precedence."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ENV_CONTENT = "KIOSK_CONTENT"
ENV_DATA = "KIOSK_DATA_DIR"
ENV_LOG_DIR = "KIOSK_LOG_DIR"
ENV_METRICS = "KIOSK_METRICS_DIR"
ENV_TTS_ENGINE = "KIOSK_TTS_ENGINE"
APP_NAME = "clinic-kiosk"


@dataclass(frozen=True)
class Setting:
    """One run-time setting and the places it is read from, strongest first."""

    name: str
    flag: str | None
    env: str
    yaml_key: str | None
    default: str


#: Every setting read from outside the content: a command-line flag beats the environment,
#: which beats kiosk.yaml, which beats the default. README's "Settings" table lists them.
SETTINGS = (
    Setting("content folder", "--content", ENV_CONTENT, None, "the bundled content/"),
    Setting("metrics folder", "--metrics-dir", ENV_METRICS, "metrics_dir", "none (no metrics)"),
    Setting("data folder", None, ENV_DATA, None, "the user's data folder"),
    Setting("log folder", None, ENV_LOG_DIR, None, "the user's log folder"),
    Setting("speech engine", None, ENV_TTS_ENGINE, None, "the first real engine"),
)


def first_path(
    cli: Path | None,
    env: str,
    from_yaml: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> Path | None:
    """The first one given of: the command-line value, environment variable ``env``, kiosk.yaml.

    An empty environment variable or kiosk.yaml value counts as not given; a leading ``~``
    in either is the user's home. None when none is given (the caller's default applies).
    """
    if cli is not None:
        return cli
    value = (os.environ if environ is None else environ).get(env)
    if value:
        return Path(value).expanduser()
    if from_yaml:
        return Path(from_yaml).expanduser()
    return None


def bundle_dir() -> Path:
    """The folder holding resources/ and content/: the source tree, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def content_dir(cli: Path | None = None) -> Path:
    """The content folder: --content, else $KIOSK_CONTENT, else the bundled content/."""
    return first_path(cli, ENV_CONTENT) or bundle_dir() / "content"


def default_content_dir() -> Path:
    """The content folder when --content is not given: $KIOSK_CONTENT, else the bundled one."""
    return content_dir(None)


def resources_dir() -> Path:
    """The bundled resources/ folder (theme, fonts)."""
    return bundle_dir() / "resources"


def i18n_dir() -> Path:
    """The bundled interface translations (resources/i18n: .ts sources and compiled .qm)."""
    return resources_dir() / "i18n"


def data_dir() -> Path:
    """Where usage counts and the instance lock live: $KIOSK_DATA_DIR or the platform data dir."""
    env = first_path(None, ENV_DATA)
    if env is not None:
        return env
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where log files go: $KIOSK_LOG_DIR, else the platform's user log folder."""
    env = first_path(None, ENV_LOG_DIR)
    if env is not None:
        return env
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def metrics_dir(cli: Path | None, from_settings: str | None) -> Path | None:
    """The Prometheus textfile folder: --metrics-dir, else $KIOSK_METRICS_DIR, else IT's file."""
    return first_path(cli, ENV_METRICS, from_settings)
