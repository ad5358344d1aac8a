"""Moved-settings rule: kiosk.yaml keys that IT's settings file took over are dropped, warned."""

from __future__ import annotations

from kiosk.content.moved import MOVED_FROM_CONTENT, SETTINGS_FILE_NAME
from kiosk.content.problems import Problem, warning
from kiosk.content.yaml_source import KeyPath, YamlDocument


def moved_setting_problem(path: KeyPath, key: str, label: str, doc: YamlDocument) -> Problem:
    """The warning for one moved setting still written in kiosk.yaml."""
    where = ".".join(str(part) for part in path)
    how = " with kioskctl set-pin" if key == "admin_pin_hash" else ""
    return warning(
        label,
        *doc.locate(path),
        f"'{where}' is not read from kiosk.yaml any more (whoever edits the content could "
        f"change it); IT sets '{key}' in {SETTINGS_FILE_NAME}{how}, so remove it here",
    )


def without_moved_settings(
    data: dict[str, object], label: str, doc: YamlDocument
) -> tuple[dict[str, object], list[Problem]]:
    """kiosk.yaml's data without the settings that moved to IT's file, and a warning each.

    They are not read from content any more (whoever edits content could start a program
    or change the PIN), but a kiosk.yaml that still has them keeps working.
    """
    problems: list[Problem] = []
    cleaned: dict[str, object] = dict(data)
    for path, key in MOVED_FROM_CONTENT.items():
        holder = cleaned
        *parents, name = path
        for part in parents:
            inner = holder.get(part)
            if not isinstance(inner, dict):
                break
            copy = dict(inner)  # never change the parsed document itself
            holder[part] = copy
            holder = copy
        else:
            if name not in holder:
                continue
            del holder[name]
            problems.append(moved_setting_problem(path, key, label, doc))
    return cleaned, problems
