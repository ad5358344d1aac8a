"""Internal links (drug:<id>, checklist:<id>): one typed Link, parsed from a Markdown target."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.content.text import MARKDOWN_LINK

_SPACE = re.compile(r"\s")


class LinkKind(enum.StrEnum):
    """What an internal link leads to; its value is the link's scheme."""

    DRUG = "drug"
    CHECKLIST = "checklist"

    @property
    def noun(self) -> str:
        """How messages name a page of this kind: 'drug page', 'checklist'."""
        return "drug page" if self is LinkKind.DRUG else "checklist"

    @classmethod
    def of(cls, target: str) -> LinkKind | None:
        """The kind a target's scheme (the part before any colon) names, id or not; else None.

        ``drug:``, ``drug`` and ``drug:x`` are all meant as drug links: the loader reports
        the first two as links to a page that does not exist, not as outside links.
        """
        try:
            return cls(target.partition(":")[0])
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Link:
    """A link to one drug page or checklist; also the key of that page (Catalog.origins)."""

    kind: LinkKind
    id: str

    @classmethod
    def parse(cls, target: str) -> Link | None:
        """The link a target such as ``drug:baclofen`` names; None for anything else.

        Anything else is another scheme (https:, mailto:), no scheme, nothing after the
        colon, or whitespace anywhere (MARKDOWN_LINK never yields any; Qt passes it on).
        """
        ident = target.partition(":")[2]
        if not ident or _SPACE.search(target):
            return None
        kind = LinkKind.of(target)
        return cls(kind, ident) if kind is not None else None

    @property
    def target(self) -> str:
        """The link as content writes it: ``drug:baclofen``."""
        return f"{self.kind.value}:{self.id}"

    def __str__(self) -> str:
        return self.target


def link_targets(markdown: str) -> Iterator[str]:
    """The target of every Markdown link in a text, internal or not, in order."""
    for match in MARKDOWN_LINK.finditer(markdown):
        yield match.group(2)


def internal_links(markdown: str) -> Iterator[Link]:
    """The internal links (drug:<id>, checklist:<id>) of a Markdown text, in order."""
    for target in link_targets(markdown):
        link = Link.parse(target)
        if link is not None:
            yield link
