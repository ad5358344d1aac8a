"""The last-good fallback: which previous page belongs to a file, and its one warning."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from kiosk.content.catalog import Catalog
from kiosk.content.last_good import LastGood, kept_last_good
from kiosk.content.links import Link, LinkKind
from kiosk.content.models import Checklist, DrugPage, Site
from tests.unit.content.helpers import CHECKLIST, SITE, drug_yaml, parsed


def catalog() -> Catalog:
    page, _ = parsed(drug_yaml("x"), DrugPage)
    checklist, _ = parsed(CHECKLIST, Checklist)
    site, _ = parsed(SITE, Site)
    return Catalog(
        root=Path("content"),
        site=site,
        drugs=MappingProxyType({"x": page}),
        checklists=MappingProxyType({"withdrawal": checklist}),
        origins=MappingProxyType(
            {
                Link(LinkKind.DRUG, "x"): "drugs/renamed.yaml",
                Link(LinkKind.CHECKLIST, "withdrawal"): "checklists/withdrawal.yaml",
            }
        ),
    )


def test_the_page_comes_from_the_file_it_was_loaded_from() -> None:
    previous = catalog()
    last_good = LastGood(previous)
    assert last_good.page(LinkKind.DRUG, "drugs/renamed.yaml", DrugPage) is previous.drugs["x"]
    assert last_good.page(LinkKind.DRUG, "drugs/x.yaml", DrugPage) is None  # not its file
    checklist = last_good.page(LinkKind.CHECKLIST, "checklists/withdrawal.yaml", Checklist)
    assert checklist is previous.checklists["withdrawal"]
    # The kind must match too: a drug file never falls back to a checklist.
    assert last_good.page(LinkKind.DRUG, "checklists/withdrawal.yaml", DrugPage) is None
    assert last_good.site is previous.site


def test_nothing_to_fall_back_to_on_a_first_load() -> None:
    last_good = LastGood(None)
    assert last_good.site is None
    assert last_good.page(LinkKind.DRUG, "drugs/x.yaml", DrugPage) is None


def test_the_one_last_good_message() -> None:
    problem = kept_last_good("drugs/x.yaml")
    assert (
        str(problem) == "drugs/x.yaml:0:0: warning: the kiosk keeps showing the last good version"
    )
