"""Text that may be one plain string or a per-language map such as {en: …, es: …}."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated

from pydantic import Field, RootModel, StringConstraints, field_validator

#: A language code: ``en``, ``es``, ``pt-BR``.
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Z]{2})?$"
LanguageCode = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
FALLBACK_LANGUAGE = "en"
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def _kind(value: object) -> str:
    """A staff-friendly name for the type of a YAML value."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an empty mapping" if not value else "a mapping"
    return type(value).__name__


class LocalText(RootModel[NonEmpty | dict[LanguageCode, NonEmpty]]):
    """Text in one or more languages; a plain string counts for every language."""

    model_config = {"frozen": True}

    @field_validator("root", mode="before")
    @classmethod
    def _one_clear_message(cls, value: object) -> object:
        """Check the shape first so a mistake gives one plain message, not a union dump."""
        if isinstance(value, str):
            if not value.strip():
                raise ValueError("this text is empty")
            return value
        if isinstance(value, dict) and value:
            for code, translation in value.items():
                if not isinstance(code, str) or not _LANGUAGE.match(code):
                    raise ValueError(f"'{code}' is not a language code; use codes like en or es")
                if not isinstance(translation, str):
                    raise ValueError(f"the '{code}' text must be text, not {_kind(translation)}")
                if not translation.strip():
                    raise ValueError(f"the '{code}' text is empty")
            return value
        raise ValueError(
            f"expected text, or a map of languages to text like {{en: ..., es: ...}}; "
            f"got {_kind(value)}"
        )

    def get(self, language: str) -> str:
        """The text in ``language``, falling back to English, then to any language."""
        value = self.root
        if isinstance(value, str):
            return value
        for code in (language, language.split("-")[0], FALLBACK_LANGUAGE):
            if code in value:
                return value[code]
        return next(iter(value.values()), "")

    def languages(self) -> frozenset[str] | None:
        """The languages given explicitly, or None for a plain string (any language)."""
        return None if isinstance(self.root, str) else frozenset(self.root)

    def all_texts(self) -> Iterator[str]:
        """Every translation of this text."""
        if isinstance(self.root, str):
            yield self.root
        else:
            yield from self.root.values()

    def __str__(self) -> str:
        return self.get(FALLBACK_LANGUAGE)


def text(value: str | dict[str, str]) -> LocalText:
    """Build a LocalText from a plain string or a language map (for code and tests)."""
    return LocalText.model_validate(value)


_SPACE = re.compile(r"\s+")

#: A Markdown link ``[words](target "title")``: group 1 is the words, group 2 the target.
#: The validator checks exactly the links the kiosk renders.
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def one_line(value: str) -> str:
    """Collapse whitespace so a text fits on one line of a message."""
    return _SPACE.sub(" ", value).strip()


Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="A short id made of lower-case letters, digits and dashes."),
]
