"""Id rules: no two files share an id, and a file's id matches its file name."""

from __future__ import annotations

from pathlib import PurePosixPath

from kiosk.content.problems import Problem, error, warning
from kiosk.content.yaml_source import YamlDocument


def duplicate_id_problem(
    label: str, doc: YamlDocument | None, model_id: str, first: str
) -> Problem:
    """The error for a file whose id the file ``first`` (content-relative) already uses."""
    line, col = doc.locate(("id",)) if doc is not None else (0, 0)
    return error(label, line, col, f"duplicate id '{model_id}': {first} already uses it")


def file_name_problems(
    relative: str, label: str, model_id: str, doc: YamlDocument | None
) -> list[Problem]:
    """A warning when a file's id differs from its name (drugs/x.yaml should say id: x)."""
    stem = PurePosixPath(relative).stem
    if stem == model_id or doc is None:
        return []
    return [
        warning(
            label,
            *doc.locate(("id",)),
            f"id '{model_id}' differs from the file name "
            f"'{stem}'; keeping them equal avoids confusion",
        )
    ]
