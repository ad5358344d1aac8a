"""IT's settings, apart from the content: the staff PIN, the softphone, metrics, the cursor.

They live in a root-owned file (``/etc/kiosk/settings.yaml``; ``$KIOSK_SETTINGS`` names
another), not in the content folder: whoever can edit a drug page must not be able to start
a program (``call_command``), change the PIN or switch off lockdown settings. The file is
read-only for the kiosk account, and the PIN hash in it is not world-readable (mode 640).
A missing file means the defaults; a broken one is reported, and its valid keys still count.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.content.moved import SETTINGS_FILE_NAME
from kiosk.pin import HASH_PATTERN

ENV_SETTINGS = "KIOSK_SETTINGS"
DEFAULT_FILE = Path(SETTINGS_FILE_NAME)
FILE_MODE = 0o640


class Operations(BaseModel):
    """The settings in IT's file; every one optional."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    admin_pin_hash: str | None = Field(
        default=None,
        pattern=HASH_PATTERN,
        description="Staff PIN hash (kioskctl set-pin). Absent: no staff panel at all.",
    )
    call_command: tuple[str, ...] | None = Field(
        default=None,
        min_length=1,
        description="Program and arguments run by the call card's 'Call now' button; "
        "'{phone}' is replaced by the number. Absent: no such button.",
    )
    metrics_dir: str | None = Field(
        default=None, description="Folder for the Prometheus textfile-collector file."
    )
    cursor_visible: bool = Field(
        default=False, description="Show the mouse pointer (not on a touchscreen)."
    )


def settings_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where IT's settings are: $KIOSK_SETTINGS, else /etc/kiosk/settings.yaml."""
    env = os.environ if environ is None else environ
    named = env.get(ENV_SETTINGS)
    return Path(named).expanduser() if named else DEFAULT_FILE


def load_operations(path: Path) -> tuple[Operations, list[str]]:
    """The settings in ``path`` and a message for each problem (a missing file: defaults)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Operations(), []
    except (OSError, UnicodeDecodeError) as error:
        return Operations(), [f"{path}: cannot read it ({error}); using the defaults"]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return Operations(), [f"{path}: not valid YAML ({error}); using the defaults"]
    if data is None:
        return Operations(), []
    if not isinstance(data, dict):
        return Operations(), [f"{path}: expected 'key: value' lines; using the defaults"]
    problems: list[str] = []
    for key in [key for key in data if not isinstance(key, str)]:
        problems.append(f"{path}: {key}: not a setting name; that setting is ignored")
        del data[key]
    while True:
        try:
            return Operations.model_validate(data), problems
        except ValidationError as error:
            bad = set()
            for item in error.errors():
                key = str(item["loc"][0]) if item["loc"] else ""
                problems.append(f"{path}: {key}: {item['msg']}; that setting is ignored")
                bad.add(key)
            data = {key: value for key, value in data.items() if key not in bad}
            if not bad:
                return Operations(), problems


def _without_key(lines: list[str], key: str) -> list[str]:
    """``lines`` without the top-level ``key`` and any lines its value continues on."""
    kept: list[str] = []
    inside = False
    for line in lines:
        if line.startswith(f"{key}:"):
            inside = True
            continue
        if inside and line[:1] in (" ", "\t"):
            continue  # (a value folded onto the next, indented line)
        inside = False
        kept.append(line)
    return kept


def write_setting(path: Path, key: str, value: str | None) -> None:
    """Set (or, with None, remove) one top-level ``key`` in ``path``, keeping the rest.

    The file is replaced atomically with mode 640, so the PIN hash is never world-readable
    and a half-written file is never read.
    """
    if key not in Operations.model_fields:
        raise ValueError(f"unknown setting {key!r}")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    kept = _without_key(lines, key)
    if value is not None:
        dumped = yaml.safe_dump(value, default_style=chr(34), width=float("inf")).strip()
        kept.append(f"{key}: {dumped}")
    Operations.model_validate(yaml.safe_load("\n".join(kept)) or {})  # refuse a bad result
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(kept) + "\n")
        os.chmod(temporary, FILE_MODE)
        if path.exists():
            info = path.stat()
            with contextlib.suppress(PermissionError):  # only root may give it to root
                os.chown(temporary, info.st_uid, info.st_gid)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
