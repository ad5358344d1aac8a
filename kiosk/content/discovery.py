"""Discovery: which content files a load reads, and whether each may be read right now."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.links import LinkKind
from kiosk.content.problems import Problem, warning

SITE_FILE = "kiosk.yaml"
DRUG_DIR = "drugs"
CHECKLIST_DIR = "checklists"
#: The folder each kind of page is read from.
FOLDERS = {LinkKind.DRUG: DRUG_DIR, LinkKind.CHECKLIST: CHECKLIST_DIR}

_SKIPPED_PREFIXES = (".", "#")  # hidden files, Emacs autosaves
_SKIPPED_SUFFIXES = ("~", ".swp", ".tmp", ".bak")  # editor backups and temporary files
_YAML_SUFFIXES = frozenset({".yaml", ".yml"})


def cannot_read(exc: OSError | RuntimeError) -> str:
    """The message for a file the system would not let us look at or read."""
    why = getattr(exc, "strerror", None) or exc
    return f"cannot read the file: {why}"


def yaml_files(root: Path, folder: str) -> tuple[list[str], list[Problem]]:
    """The YAML files in ``root/folder`` (content-relative, sorted), and a warning per stray."""
    base = root / folder
    if not base.is_dir():
        return [], []
    found: list[str] = []
    strays: list[Problem] = []
    for entry in sorted(base.iterdir()):
        name = entry.name
        if name.startswith(_SKIPPED_PREFIXES) or name.endswith(_SKIPPED_SUFFIXES):
            continue
        relative = f"{folder}/{name}"
        if entry.suffix in _YAML_SUFFIXES:
            found.append(relative)
            continue
        why = (
            "folders inside this folder are ignored"
            if entry.is_dir()
            else "ignored: only .yaml files are read here"
        )
        strays.append(warning(str(root / relative), 0, 0, why))
    return found, strays


@dataclass(frozen=True, slots=True)
class Admission:
    """Whether one file may be read now: yes, not yet (still being saved), or never."""

    #: Why the file must not be read (an error message), or None.
    refusal: str | None = None
    #: Written a moment ago, perhaps only half so far: look again shortly.
    unsettled: bool = False

    @property
    def readable(self) -> bool:
        """True when the file may be read now."""
        return self.refusal is None and not self.unsettled


READABLE = Admission()
UNSETTLED = Admission(unsettled=True)


def admit(
    root: Path, relative: str, settle_s: float = 0.0, *, real_root: Path | None = None
) -> Admission:
    """Whether ``root/relative`` may be read now; check just before reading it.

    A file that is (or sits in a folder that is) a link to outside the content folder is
    refused. With ``settle_s``, a file modified less than that long ago is unsettled.
    ``real_root`` is ``root.resolve()``, passed in by a caller that checks many files.
    """
    path = root / relative
    try:
        # Only links can lead outside: resolving costs a system call per path part.
        linked = path.is_symlink() or path.parent.is_symlink()
        if linked:
            inside = real_root if real_root is not None else root.resolve()
            if not path.resolve().is_relative_to(inside):
                return Admission(
                    refusal="this file is a link to somewhere outside the content folder"
                )
        if settle_s and time.time() - path.stat().st_mtime < settle_s:
            return UNSETTLED
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        return Admission(refusal=cannot_read(exc))
    return READABLE
