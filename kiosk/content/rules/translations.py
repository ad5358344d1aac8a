"""Content-translation rule: every text a page shows is written in every offered language."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from kiosk.content.problems import Problem, warning
from kiosk.content.text import LocalText
from kiosk.content.yaml_source import KeyPath, YamlDocument

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def iter_texts(model: BaseModel, path: KeyPath = ()) -> Iterator[tuple[KeyPath, LocalText]]:
    """Every LocalText inside a model, with its key path."""
    for name in type(model).model_fields:
        yield from _iter_value(getattr(model, name), (*path, name))


def _iter_value(value: object, path: KeyPath) -> Iterator[tuple[KeyPath, LocalText]]:
    if isinstance(value, LocalText):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from iter_texts(value, path)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _iter_value(item, (*path, index))


def translation_problems(
    model: BaseModel, doc: YamlDocument, label: str, languages: tuple[str, ...]
) -> list[Problem]:
    """A warning for each text missing an offered language, or one plain string among many."""
    problems: list[Problem] = []
    for path, value in iter_texts(model):
        given = value.languages()
        if given is None:
            if len(languages) > 1:
                problems.append(
                    warning(
                        label,
                        *doc.locate(path),
                        "this text is one plain string, so every language shows it as "
                        f"written; write it as {{{', '.join(f'{c}: …' for c in languages)}}}",
                    )
                )
            continue
        for language in languages:
            if language not in given:
                name = LANGUAGE_NAMES.get(language, language)
                problems.append(
                    warning(
                        label,
                        *doc.locate(path),
                        f"no {name} ('{language}') text here; English is shown instead",
                    )
                )
    return problems
