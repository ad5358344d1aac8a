"""Which anonymous daily counts a shown screen adds: one per visit, page views, results, calls."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.checklist import Outcome
from kiosk.session import Place, Screen
from kiosk.stats import Metric


@dataclass(frozen=True)
class Shown:
    """A screen the visitor was shown, as the statistics see it (no answers, no search)."""

    place: Place
    #: A result screen's outcome (whether an urgent item was ticked); None elsewhere.
    outcome: Outcome | None = None


@dataclass(frozen=True)
class Count:
    """Add one to ``metric`` (for content id ``key``, where the metric is kept per id)."""

    metric: Metric
    key: str = ""


def counts_for(shown: Shown, *, visit_counted: bool) -> tuple[Count, ...]:
    """The counts one shown screen adds.

    A visit counts once, when it first reaches Home (the attract screen is not a visit); a
    drug page is a page view; a result is a completed checklist, and an urgent one too when
    an urgent item was ticked; the call card counts each time it opens. Redraws (a language
    or text-size change) are not shown screens, so the caller does not ask about them.
    """
    place = shown.place
    screen = place.screen
    if screen is Screen.HOME:
        return () if visit_counted else (Count(Metric.SESSION),)
    if screen is Screen.DRUG:
        return (Count(Metric.PAGE_VIEW, place.key),)
    if screen is Screen.CALL:
        return (Count(Metric.CALL_CARD),)
    if screen is Screen.RESULT and shown.outcome is not None:
        counts = [Count(Metric.CHECKLIST_COMPLETED, place.key)]
        if shown.outcome is Outcome.URGENT:
            counts.append(Count(Metric.URGENT_RESULT, place.key))
        return tuple(counts)
    return ()
