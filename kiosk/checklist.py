"""What a set of ticked checklist items means: urgent, some, none, or a content-defined band.

An urgent item ticked always means immediate action; the levels of the other two results
are the content's choice (``results.some_level``, ``results.none_level``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.content.models import AdviceLevel, Checklist, ChecklistItem, ScoreBand
from kiosk.content.text import LocalText


class Outcome(enum.Enum):
    """The three kinds of result; URGENT wins over everything else."""

    URGENT = "urgent"
    SOME = "some"
    NONE = "none"


@dataclass(frozen=True)
class ChecklistResult:
    """The result screen's model."""

    outcome: Outcome
    level: AdviceLevel
    message: LocalText
    ticked: tuple[ChecklistItem, ...]
    urgent_ticked: tuple[ChecklistItem, ...]
    score: int | None = None
    band: ScoreBand | None = None


def evaluate(checklist: Checklist, ticked_ids: Iterable[str]) -> ChecklistResult:
    """Judge the ticked items; only the content's own bands are used for scores."""
    wanted = set(ticked_ids)
    ticked = tuple(item for item in checklist.items if item.id in wanted)
    urgent = tuple(item for item in ticked if item.urgent)
    score: int | None = None
    band: ScoreBand | None = None
    if checklist.score_bands:
        score = sum(item.points or 0 for item in ticked)
        band = next((b for b in checklist.score_bands if b.min <= score <= b.max), None)
    results = checklist.results
    if urgent:
        return ChecklistResult(
            Outcome.URGENT, AdviceLevel.IMMEDIATE, results.urgent, ticked, urgent, score, band
        )
    if ticked:
        return ChecklistResult(
            Outcome.SOME, results.some_level, results.some, ticked, urgent, score, band
        )
    return ChecklistResult(
        Outcome.NONE, results.none_level, results.none, ticked, urgent, score, band
    )
