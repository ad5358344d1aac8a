"""kiosk.checklist.evaluate: outcome, advice level and message for the ticked items."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from kiosk.checklist import ChecklistResult, Outcome, evaluate
from kiosk.content.models import AdviceLevel, Checklist

URGENT_TEXT = {"en": "Tell the front desk now.", "es": "Avise en recepción ahora."}
SOME_TEXT = {"en": "Talk to staff today.", "es": "Hable hoy con el personal."}
NONE_TEXT = {"en": "Nothing ticked.", "es": "Nada marcado."}


def make_checklist(
    items: list[dict[str, Any]] | None = None,
    *,
    score_bands: list[dict[str, Any]] | None = None,
    **results: Any,
) -> Checklist:
    """A small checklist: itch, sweat (non-urgent) and fever, faint (urgent) by default."""
    data: dict[str, Any] = {
        "id": "withdrawal",
        "title": "Withdrawal check",
        "intro": "Not a diagnosis.",
        "items": items
        or [
            {"id": "itch", "text": "I itch"},
            {"id": "fever", "text": "I have a high fever", "urgent": True},
            {"id": "sweat", "text": "I sweat"},
            {"id": "faint", "text": "I feel faint", "urgent": True},
        ],
        "results": {"urgent": URGENT_TEXT, "some": SOME_TEXT, "none": NONE_TEXT, **results},
    }
    if score_bands is not None:
        data["score_bands"] = score_bands
    return Checklist.model_validate(data)


def ids(items: tuple[Any, ...]) -> list[str]:
    return [item.id for item in items]


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return make_checklist()


# -- outcomes and levels --------------------------------------------------------------------


def test_nothing_ticked(checklist: Checklist) -> None:
    result = evaluate(checklist, [])
    assert result.outcome is Outcome.NONE
    assert result.level is AdviceLevel.NON_URGENT  # the default of results.none_level
    assert result.message == checklist.results.none
    assert result.message.get("es") == "Nada marcado."
    assert result.ticked == () and result.urgent_ticked == ()
    assert result.score is None and result.band is None


def test_some_non_urgent_ticks(checklist: Checklist) -> None:
    result = evaluate(checklist, {"itch", "sweat"})
    assert result.outcome is Outcome.SOME
    assert result.level is AdviceLevel.URGENT  # the default of results.some_level
    assert result.message.get("en") == "Talk to staff today."
    assert ids(result.ticked) == ["itch", "sweat"]
    assert result.urgent_ticked == ()


@pytest.mark.parametrize("ticked", [{"fever"}, {"faint"}, {"itch", "fever"}, {"fever", "faint"}])
def test_any_urgent_tick_means_immediate_action(checklist: Checklist, ticked: set[str]) -> None:
    result = evaluate(checklist, ticked)
    assert result.outcome is Outcome.URGENT
    assert result.level is AdviceLevel.IMMEDIATE
    assert result.message.get("en") == "Tell the front desk now."
    assert set(ids(result.urgent_ticked)) == ticked & {"fever", "faint"}
    assert set(ids(result.ticked)) == ticked


def test_every_item_ticked_is_urgent(checklist: Checklist) -> None:
    result = evaluate(checklist, [item.id for item in checklist.items])
    assert result.outcome is Outcome.URGENT
    assert ids(result.urgent_ticked) == ["fever", "faint"]
    assert ids(result.ticked) == ["itch", "fever", "sweat", "faint"]


@pytest.mark.parametrize("level", list(AdviceLevel))
def test_the_content_chooses_the_levels_of_some_and_none(level: AdviceLevel) -> None:
    checklist = make_checklist(some_level=level.value, none_level=level.value)
    assert evaluate(checklist, {"itch"}).level is level
    assert evaluate(checklist, set()).level is level


def test_urgent_stays_immediate_whatever_the_content_says_for_some() -> None:
    checklist = make_checklist(some_level="non-urgent", none_level="non-urgent")
    assert evaluate(checklist, {"itch", "faint"}).level is AdviceLevel.IMMEDIATE


def test_the_messages_come_from_the_content() -> None:
    checklist = make_checklist(
        urgent={"en": "Go now."}, some={"en": "Soon."}, none={"en": "Fine for now."}
    )
    assert str(evaluate(checklist, {"fever"}).message) == "Go now."
    assert str(evaluate(checklist, {"itch"}).message) == "Soon."
    assert str(evaluate(checklist, ()).message) == "Fine for now."


# -- what counts as ticked ------------------------------------------------------------------


def test_ticked_items_keep_the_checklist_order(checklist: Checklist) -> None:
    result = evaluate(checklist, ["faint", "sweat", "itch", "fever"])
    assert ids(result.ticked) == ["itch", "fever", "sweat", "faint"]
    assert ids(result.urgent_ticked) == ["fever", "faint"]


def test_unknown_and_repeated_ids_are_ignored(checklist: Checklist) -> None:
    assert evaluate(checklist, ["gone", "removed-by-reload"]).outcome is Outcome.NONE
    result = evaluate(checklist, ["itch", "itch", "nope"])
    assert result.outcome is Outcome.SOME
    assert ids(result.ticked) == ["itch"]


def test_any_iterable_of_ids_works_once(checklist: Checklist) -> None:
    result = evaluate(checklist, (item for item in ["sweat", "fever"]))
    assert result.outcome is Outcome.URGENT
    assert ids(result.ticked) == ["fever", "sweat"]


def test_the_ticked_items_are_the_content_models(checklist: Checklist) -> None:
    result = evaluate(checklist, {"fever"})
    assert result.ticked[0] is checklist.items[1]
    assert result.ticked[0].text.get("en") == "I have a high fever"


def test_the_result_is_immutable(checklist: Checklist) -> None:
    result = evaluate(checklist, {"itch"})
    assert isinstance(result, ChecklistResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.outcome = Outcome.NONE  # type: ignore[misc]


# -- content-defined score bands ------------------------------------------------------------

BANDS = [
    {"min": 0, "max": 2, "message": "low"},
    {"min": 3, "max": 5, "message": "middle"},
    {"min": 8, "max": 20, "message": "high"},  # 6-7 fall in no band
]


@pytest.fixture(scope="module")
def scored() -> Checklist:
    return make_checklist(
        [
            {"id": "itch", "text": "I itch", "points": 1},
            {"id": "sweat", "text": "I sweat", "points": 2},
            {"id": "shake", "text": "I shake", "points": 4},
            {"id": "fever", "text": "High fever", "points": 0, "urgent": True},
        ],
        score_bands=BANDS,
    )


@pytest.mark.parametrize(
    ("ticked", "score", "band"),
    [
        (set(), 0, "low"),  # the lowest bound counts
        ({"itch"}, 1, "low"),
        ({"itch", "sweat"}, 3, "middle"),  # both bounds are inclusive
        ({"sweat"}, 2, "low"),
        ({"itch", "shake"}, 5, "middle"),
        ({"sweat", "shake"}, 6, None),  # between bands: no band, no invented message
        ({"itch", "sweat", "shake"}, 7, None),
    ],
)
def test_the_score_picks_a_band_only_from_the_content(
    scored: Checklist, ticked: set[str], score: int, band: str | None
) -> None:
    result = evaluate(scored, ticked)
    assert result.score == score
    assert (str(result.band.message) if result.band else None) == band


def test_a_score_does_not_change_the_outcome(scored: Checklist) -> None:
    assert evaluate(scored, set()).outcome is Outcome.NONE
    assert evaluate(scored, {"shake"}).outcome is Outcome.SOME
    urgent = evaluate(scored, {"fever"})
    assert urgent.outcome is Outcome.URGENT
    assert urgent.level is AdviceLevel.IMMEDIATE
    assert urgent.score == 0
    assert urgent.band is not None and str(urgent.band.message) == "low"


def test_no_bands_means_no_score(checklist: Checklist) -> None:
    for ticked in (set(), {"itch"}, {"fever"}):
        result = evaluate(checklist, ticked)
        assert result.score is None and result.band is None
