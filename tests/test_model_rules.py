"""Pure rules without Qt: search, checklist evaluation, session navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.checklist import Outcome, evaluate
from kiosk.content import load_content
from kiosk.content.models import Checklist
from kiosk.search import DrugIndex, edit_distance
from kiosk.session import HOME, MAX_HISTORY, Place, Screen, Session
from tests.conftest import Writer, drug_yaml


@pytest.fixture
def index(content_dir: Path, write: Writer) -> DrugIndex:
    write("drugs/tizanidine.yaml", drug_yaml("tizanidine", "Tizanidine", "Zanaflex"))
    write("drugs/gabapentin.yaml", drug_yaml("gabapentin", "Gabapentin", "Neurontin"))
    catalog = load_content(content_dir).catalog
    assert catalog is not None
    return DrugIndex(catalog.drugs)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bacl", ["baclofen"]),
        ("BACLOFEN", ["baclofen"]),
        ("baclophen", ["baclofen"]),
        ("baklofen", ["baclofen"]),
        ("bacolfen", ["baclofen"]),
        ("lioresal", ["baclofen"]),
        ("zanaflex", ["tizanidine"]),
        ("neurontin", ["gabapentin"]),
        ("gabapenten", ["gabapentin"]),
        ("xyz", []),
        ("", ["baclofen", "gabapentin", "tizanidine"]),
    ],
)
def test_search_matches_names_other_names_and_misspellings(
    index: DrugIndex, query: str, expected: list[str]
) -> None:
    assert index.search(query) == expected


def test_prefix_match_ranks_before_fuzzy(content_dir: Path, write: Writer) -> None:
    write("drugs/baclofan.yaml", drug_yaml("baclofan", "Baclofan", "Other"))
    catalog = load_content(content_dir).catalog
    assert catalog is not None
    assert DrugIndex(catalog.drugs).search("baclofen") == ["baclofen", "baclofan"]


@given(st.text(max_size=30), st.text(max_size=30))
def test_edit_distance_is_symmetric_and_bounded(a: str, b: str) -> None:
    distance = edit_distance(a, b)
    assert distance == edit_distance(b, a)
    assert abs(len(a) - len(b)) <= distance <= max(len(a), len(b))


@pytest.fixture
def checklist(content_dir: Path) -> Checklist:
    catalog = load_content(content_dir).catalog
    assert catalog is not None
    return catalog.checklists["withdrawal"]


def test_urgent_item_wins(checklist: Checklist) -> None:
    result = evaluate(checklist, {"itch", "fever"})
    assert result.outcome is Outcome.URGENT
    assert result.message.get("en") == "Tell the front desk now or call 911."
    assert [i.id for i in result.urgent_ticked] == ["fever"]
    assert result.score is None and result.band is None


def test_some_and_none(checklist: Checklist) -> None:
    assert evaluate(checklist, {"itch"}).outcome is Outcome.SOME
    assert evaluate(checklist, set()).outcome is Outcome.NONE
    assert evaluate(checklist, {"unknown-id"}).outcome is Outcome.NONE


def test_score_bands_only_from_content(checklist: Checklist) -> None:
    data = checklist.model_dump()
    data["items"][0]["points"] = 1
    data["items"][1]["points"] = 3
    data["score_bands"] = [
        {"min": 0, "max": 1, "message": "low"},
        {"min": 2, "max": 4, "message": "higher"},
    ]
    banded = Checklist.model_validate(data)
    result = evaluate(banded, {"fever"})
    assert result.score == 3
    assert result.band is not None and result.band.message.get("en") == "higher"


def test_session_navigation_never_dead_ends() -> None:
    session = Session("en")
    assert session.place == HOME and not session.can_go_back
    session.go(Place(Screen.DRUG_LIST))
    session.go(Place(Screen.DRUG, "baclofen"))
    assert session.back() == Place(Screen.DRUG_LIST)
    assert session.back() == HOME
    assert session.back() == HOME
    for number in range(MAX_HISTORY * 3):
        session.go(Place(Screen.DRUG, str(number)))
    assert session.place == Place(Screen.DRUG, str(MAX_HISTORY * 3 - 1))
    for _ in range(MAX_HISTORY * 2):
        session.back()
    assert session.place == HOME
    session.go(Place(Screen.CALL))
    assert session.go(HOME) == HOME and not session.can_go_back


def test_session_answers_toggle_and_clear() -> None:
    session = Session("es")
    assert session.toggle("c", "fever") is True
    assert session.ticked("c") == {"fever"}
    assert session.toggle("c", "fever") is False
    session.toggle("c", "itch")
    session.clear_answers("c")
    assert session.ticked("c") == frozenset()
