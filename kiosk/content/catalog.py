"""The loaded content: an immutable catalog of site settings, drug pages and checklists."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kiosk.content.links import Link
from kiosk.content.models import Checklist, DrugPage, Site
from kiosk.content.problems import Problem


@dataclass(frozen=True)
class Catalog:
    """Everything the kiosk shows, validated; replaced as a whole on reload."""

    root: Path
    site: Site
    drugs: Mapping[str, DrugPage] = field(default_factory=lambda: MappingProxyType({}))
    checklists: Mapping[str, Checklist] = field(default_factory=lambda: MappingProxyType({}))
    #: Content-relative file each drug page or checklist came from, by its Link
    #: (``Link(LinkKind.DRUG, "baclofen")`` → ``"drugs/baclofen.yaml"``).
    origins: Mapping[Link, str] = field(default_factory=lambda: MappingProxyType({}))
    #: False when some pages were not read: only kiosk.yaml and the checklists at the
    #: first moment of a start (the first screen does not wait for every drug page), or
    #: files still being saved (see LoadResult.unsettled).
    complete: bool = True

    def drug(self, drug_id: str) -> DrugPage | None:
        """The drug page with this id, if any."""
        return self.drugs.get(drug_id)

    def checklist(self, checklist_id: str) -> Checklist | None:
        """The checklist with this id, if any."""
        return self.checklists.get(checklist_id)

    def image_path(self, relative: str) -> Path:
        """Absolute path of an image named in content (already validated)."""
        return self.root / relative


@dataclass(frozen=True)
class LoadResult:
    """A catalog (None if even the site settings never loaded) and every problem found."""

    catalog: Catalog | None
    problems: tuple[Problem, ...]
    #: Files changed too recently to trust (maybe half-written); load again shortly.
    unsettled: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Only the errors."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """Only the warnings."""
        return tuple(p for p in self.problems if not p.is_error)
