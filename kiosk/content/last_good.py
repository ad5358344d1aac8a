"""Last-good fallback: the previous catalog's version of a file that fails to load now."""

from __future__ import annotations

from typing import TypeVar

from kiosk.content.catalog import Catalog
from kiosk.content.links import LinkKind
from kiosk.content.models import Checklist, DrugPage, Site
from kiosk.content.problems import Problem, warning

P = TypeVar("P", DrugPage, Checklist)


def kept_last_good(label: str) -> Problem:
    """The warning for a file whose last good version the kiosk keeps showing."""
    return warning(label, 0, 0, "the kiosk keeps showing the last good version")


class LastGood:
    """What the previous catalog (if any) loaded from each file."""

    def __init__(self, previous: Catalog | None) -> None:
        self.previous = previous

    @property
    def site(self) -> Site | None:
        """The previous site settings."""
        return self.previous.site if self.previous is not None else None

    def page(self, kind: LinkKind, relative: str, model: type[P]) -> P | None:
        """The drug page or checklist the previous catalog loaded from ``relative``."""
        if self.previous is None:
            return None
        pool = self.previous.drugs if kind is LinkKind.DRUG else self.previous.checklists
        for link, origin in self.previous.origins.items():
            if origin == relative and link.kind is kind:
                found = pool.get(link.id)
                if isinstance(found, model):
                    return found
        return None
