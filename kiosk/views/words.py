"""The words a view model is built with: interface strings and content texts in one language."""

from __future__ import annotations

from typing import Protocol

from kiosk.content.text import LocalText


class Words(Protocol):
    """Interface strings and content texts in the visitor's language (ScreenContext is one)."""

    @property
    def language(self) -> str:
        """The language the words are in."""
        ...

    def ui(self, key: str, **values: str) -> str:
        """An interface string, filled in."""
        ...

    def text(self, value: LocalText) -> str:
        """A content text (English when missing)."""
        ...
