"""The shipped starter library: found by every name, linked to the overdose page, all drafts."""

from __future__ import annotations

import pytest

from kiosk.content import Catalog, load_content
from kiosk.content.links import LinkKind, internal_links
from kiosk.content.models import ReviewStatus
from kiosk.search import DrugIndex
from tests.conftest import SHIPPED_CONTENT

#: Pages about opioids, sedatives and stimulants: each must lead to what to do in an overdose.
OVERDOSE_RISK = (
    "opioids",
    "benzodiazepines",
    "alcohol",
    "gabapentin",
    "stimulants",
    "buprenorphine",
    "methadone",
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = load_content(SHIPPED_CONTENT)
    assert result.catalog is not None and not result.errors, [str(p) for p in result.errors]
    return result.catalog


def test_the_library_has_the_pages_a_recovery_clinic_needs(catalog: Catalog) -> None:
    assert {"naloxone", *OVERDOSE_RISK, "naltrexone", "kratom", "baclofen"} <= set(catalog.drugs)
    assert {"overdose", "alcohol-withdrawal", "benzodiazepine-withdrawal"} <= set(
        catalog.checklists
    )


def test_search_finds_every_page_by_its_name_and_each_of_its_other_names(
    catalog: Catalog,
) -> None:
    index = DrugIndex(catalog.drugs)
    for page in catalog.drugs.values():
        for name in (page.name.get("en"), page.name.get("es"), *page.other_names):
            assert page.id in index.search(name), f"{name!r} does not find {page.id}"


@pytest.mark.parametrize("page_id", OVERDOSE_RISK)
def test_every_opioid_sedative_and_stimulant_page_links_the_overdose_page(
    catalog: Catalog, page_id: str
) -> None:
    page = catalog.drugs[page_id]
    for language in catalog.site.languages:
        bodies = [page.summary.get(language)]
        for section in page.sections:
            bodies.append(section.body.get(language))
            if section.advice is not None:
                bodies.append(section.advice.text.get(language))
        links = {link for body in bodies for link in internal_links(body)}
        assert any(link.kind is LinkKind.DRUG and link.id == "naloxone" for link in links), (
            f"{page_id} ({language}) does not link drug:naloxone"
        )


def test_every_sign_on_the_overdose_checklist_means_act_now(catalog: Catalog) -> None:
    overdose = catalog.checklists["overdose"]
    assert overdose.items and all(item.urgent for item in overdose.items)
    assert overdose.emergency_action is not None
    assert "911" in overdose.emergency_action.get("en")


def test_no_checklist_in_the_library_has_a_score(catalog: Catalog) -> None:
    for checklist in catalog.checklists.values():  # no invented scores or thresholds
        assert not checklist.score_bands, checklist.id
        assert all(item.points is None for item in checklist.items), checklist.id


def test_every_page_and_checklist_is_a_draft_with_its_sources(catalog: Catalog) -> None:
    for page in catalog.drugs.values():
        assert page.review is not None and page.review.status is ReviewStatus.DRAFT, page.id
        assert page.sources, f"{page.id} has no sources"
    for checklist in catalog.checklists.values():
        assert checklist.review is not None and checklist.review.status is ReviewStatus.DRAFT
