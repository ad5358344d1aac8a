"""Parsing: one admitted file to a validated model, through the parse cache, YAML and pydantic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from kiosk.content.discovery import READABLE, Admission, cannot_read
from kiosk.content.errors import problems_from_validation
from kiosk.content.parse_cache import ParseCache
from kiosk.content.problems import Problem, error
from kiosk.content.yaml_source import SourceError, YamlDocument, parse_source, read_source

M = TypeVar("M", bound=BaseModel)

#: Turns a file's data into what its model reads, with a problem per change (see
#: kiosk.content.rules.moved_settings): data, file label, document → data, problems.
Prepare = Callable[[dict[str, object], str, YamlDocument], tuple[dict[str, object], list[Problem]]]


@dataclass
class Parsed(Generic[M]):
    """One file's model (None when it failed), its YAML document and its problems."""

    relative: str
    label: str
    model: M | None
    doc: YamlDocument | None
    problems: list[Problem] = field(default_factory=list)
    #: Not read: written a moment ago (see Admission.unsettled).
    unsettled: bool = False


def failed(
    relative: str,
    label: str,
    message: str,
    line: int = 0,
    col: int = 0,
    doc: YamlDocument | None = None,
) -> Parsed[M]:
    """A file that gave no model, with the error that says why."""
    return Parsed(relative, label, None, doc, [error(label, line, col, message)])


def parse_file(
    root: Path,
    relative: str,
    model: type[M],
    admission: Admission = READABLE,
    *,
    cache: ParseCache | None = None,
    prepare: Prepare | None = None,
) -> Parsed[M]:
    """Read, parse and validate ``root/relative`` as ``model``; never raises.

    ``admission`` says whether discovery let the file be read. A file whose bytes are in
    ``cache`` is not parsed again. ``prepare`` adjusts the data before validation.
    """
    label = str(root / relative)
    if admission.refusal is not None:
        return failed(relative, label, admission.refusal)
    if admission.unsettled:
        # Perhaps only half written: keep the last good version (or leave a new file
        # out) and look again shortly.
        return Parsed(relative, label, None, None, unsettled=True)
    try:
        raw = read_source(root / relative)
        if cache is not None:
            hit = cache.get(relative, raw)
            if hit is not None and isinstance(hit[0], model):
                return Parsed(relative, label, hit[0], hit[1])
        doc = parse_source(raw)
    except SourceError as exc:
        return failed(relative, label, exc.message, exc.line, exc.col)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        return failed(relative, label, cannot_read(exc))
    if not isinstance(doc.data, dict):
        return failed(
            relative, label, "the file must be a mapping of keys to values (key: value)", 1, 1, doc
        )
    data, changed = prepare(doc.data, label, doc) if prepare is not None else (doc.data, [])
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        problems = problems_from_validation(exc, model, doc, label)
        return Parsed(relative, label, None, doc, changed + problems)
    except (RecursionError, ValueError, TypeError) as exc:
        return failed(relative, label, f"cannot use this file: {exc}", 1, 1, doc)
    if cache is not None and not changed:
        cache.put(relative, raw, parsed, doc)
    return Parsed(relative, label, parsed, doc, changed)
