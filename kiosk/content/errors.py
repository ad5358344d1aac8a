"""Turn pydantic validation errors into plain, positioned problems with 'did you mean' hints."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.content.problems import Problem, error
from kiosk.content.yaml_source import KeyPath, YamlDocument

_FRIENDLY = {
    "string_type": "expected text; put it in quotes",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "date_type": "expected a date like 2027-05-31",
    "date_from_datetime_parsing": "expected a date like 2027-05-31",
    "date_parsing": "expected a date like 2027-05-31",
    "list_type": "expected a list (lines starting with '- ')",
    "tuple_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a mapping of keys to values",
    "model_type": "expected a mapping of keys to values",
    "model_attributes_type": "expected a mapping of keys to values",
}


def _describe(path: KeyPath) -> str:
    """Render a key path like sections[2].title for messages."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _data_path(data: Any, loc: tuple[str | int, ...]) -> KeyPath:
    """Keep only the parts of pydantic's location that exist in the data (drops type tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if (isinstance(node, dict) and part in node) or in_list:
            path.append(part)
            node = node[part]
        elif (
            isinstance(node, dict)
            and isinstance(part, str)
            and not part.startswith(
                ("function-", "tagged-union", "[", "str", "dict[", "tuple[", "list[")
            )
        ):
            # A missing or unknown key: keep it as the last part.
            path.append(part)
            break
    return tuple(path)


def _model_classes(annotation: Any) -> list[type[BaseModel]]:
    """BaseModel subclasses inside an annotation (through Optional, tuple, list …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found.extend(_model_classes(arg))
    return found


def allowed_keys(model: type[BaseModel], parent: KeyPath) -> list[str]:
    """The keys a mapping at ``parent`` may hold, according to the model."""
    current: list[type[BaseModel]] = [model]
    for part in parent:
        if isinstance(part, int):
            continue
        following: list[type[BaseModel]] = []
        for cls in current:
            field = cls.model_fields.get(part)
            if field is not None:
                following.extend(_model_classes(field.annotation))
        current = following
    return sorted({name for cls in current for name in cls.model_fields})


def did_you_mean(word: str, choices: list[str]) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''."""
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def problems_from_validation(
    exc: ValidationError, model: type[BaseModel], doc: YamlDocument, path: str
) -> list[Problem]:
    """One problem per validation error, each at the line of the offending key or value."""
    problems: list[Problem] = []
    seen: set[tuple[KeyPath, str]] = set()
    for err in exc.errors(include_url=False):
        where = _data_path(doc.data, tuple(err["loc"]))
        kind = err["type"]
        if kind == "extra_forbidden":
            key = str(where[-1]) if where else "?"
            choices = allowed_keys(model, where[:-1])
            message = f"unknown key '{key}'{did_you_mean(key, choices)}"
            if not did_you_mean(key, choices) and choices:
                message += f" (allowed here: {', '.join(choices)})"
            line, col = doc.locate_key(where)
        elif kind == "missing":
            key = str(where[-1]) if where else "?"
            parent = _describe(where[:-1])
            message = f"missing required key '{key}'" + (f" in {parent}" if parent else "")
            line, col = doc.locate(where[:-1])
        else:
            text = _FRIENDLY.get(kind) or str(err["msg"]).removeprefix("Value error, ")
            if kind in {"too_short"} and "tuple" in str(err["msg"]).lower():
                text = "this list needs at least one entry"
            elif kind == "string_pattern_mismatch":
                text = _pattern_hint(where, str(err.get("input")))
            elif kind == "enum":
                text = str(err["msg"]).replace("Input should be", "expected")
            label = _describe(where)
            message = f"{label}: {text}" if label else text
            line, col = doc.locate(where)
        if (where, message) not in seen:
            seen.add((where, message))
            problems.append(error(path, line, col, message))
    return problems


def _pattern_hint(where: KeyPath, value: str) -> str:
    """Explain the format a patterned field expects."""
    last = next((p for p in reversed(where) if isinstance(p, str)), "")
    if last in {"id", "checklist"}:
        return f"'{value}' is not a valid id; use lower-case letters, digits and dashes"
    if last == "phone":
        return f"'{value}' is not a phone number; write it like 352-771-2700"
    if last == "qr_target":
        return f"'{value}' must start with tel:, sms: or https://"
    if last == "admin_pin_hash":
        return "this is not a PIN hash; make one with 'kiosk hash-pin'"
    if last == "languages" or isinstance(where[-1], int):
        return f"'{value}' is not a language code; use codes like en or es"
    return f"'{value}' is not in the expected format"
