"""visit_stats.counts_for: which anonymous counts a shown screen adds."""

from __future__ import annotations

from kiosk.checklist import Outcome
from kiosk.content.models import Site
from kiosk.session import ATTRACT, HOME, Place, Screen, Session
from kiosk.stats import Metric
from kiosk.visit_stats import Count, Shown, counts_for


def test_a_visit_counts_once_when_it_first_reaches_home() -> None:
    assert counts_for(Shown(HOME), visit_counted=False) == (Count(Metric.SESSION),)
    assert counts_for(Shown(HOME), visit_counted=True) == ()
    assert counts_for(Shown(ATTRACT), visit_counted=False) == ()


def test_pages_results_and_the_call_card_count_per_showing() -> None:
    page = Place(Screen.DRUG, "baclofen")
    assert counts_for(Shown(page), visit_counted=True) == (Count(Metric.PAGE_VIEW, "baclofen"),)
    assert counts_for(Shown(Place(Screen.CALL)), visit_counted=True) == (Count(Metric.CALL_CARD),)
    result = Place(Screen.RESULT, "pump")
    assert counts_for(Shown(result, Outcome.SOME), visit_counted=True) == (
        Count(Metric.CHECKLIST_COMPLETED, "pump"),
    )
    assert counts_for(Shown(result, Outcome.URGENT), visit_counted=True) == (
        Count(Metric.CHECKLIST_COMPLETED, "pump"),
        Count(Metric.URGENT_RESULT, "pump"),
    )
    # a result that could not be worked out (its checklist is gone) counts nothing
    assert counts_for(Shown(result), visit_counted=True) == ()


def test_lists_and_checklists_themselves_count_nothing() -> None:
    for screen in (Screen.DRUG_LIST, Screen.CHECKLIST_LIST, Screen.CHECKLIST):
        assert counts_for(Shown(Place(screen, "x")), visit_counted=False) == ()


def test_the_language_button_cycles_through_the_offered_languages() -> None:
    session = Session("en")
    assert session.following_language(("en", "es")) == "es"
    assert session.next_language(("en", "es")) == "es" and session.language == "es"
    assert session.next_language(("en", "es")) == "en"
    session.language = "fr"  # not offered (after a content change): the first one next
    assert session.following_language(("en", "es")) == "en"


def test_a_session_for_a_site_starts_in_its_language_and_theme() -> None:
    site = Site.model_validate(
        {
            "clinic_name": "Clinic",
            "languages": ["es", "en"],
            "theme": "high-contrast",
            "coordinator": {
                "heading": "Call",
                "phone": "+1 555 0100",
                "hours": "Always",
                "confidentiality": "Free",
            },
            "emergency_action": "Call 911",
            "disclaimer": "General information",
        }
    )
    session = Session.for_site(site, ATTRACT)
    assert session.language == "es" and session.high_contrast and session.place == ATTRACT
