"""kiosk.search: finding drug pages by any name, in any offered language, despite misspellings."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.content.models import DrugPage
from kiosk.search import DrugIndex, edit_distance, fold, normalize


def page(drug_id: str, name: str | dict[str, str], *other_names: str) -> DrugPage:
    data: dict[str, Any] = {
        "id": drug_id,
        "name": name,
        "other_names": list(other_names),
        "summary": "A medicine.",
        "sections": [{"title": "What is it?", "body": "A medicine."}],
    }
    return DrugPage.model_validate(data)


DRUGS = {
    "paracetamol": page(
        "paracetamol", {"en": "Acetaminophen", "es": "Paracetamol"}, "Tylenol®", "APAP"
    ),
    "baclofen": page("baclofen", {"en": "Baclofen", "es": "Baclofeno"}, "Lioresal"),
    "valproate": page("valproate", {"en": "Valproic acid", "es": "Ácido valproico"}, "Depakote"),
    "sertraline": page("sertraline", {"en": "Sertraline", "es": "Sertralina"}, "Zoloft"),
    "naltrexone": page("naltrexone", "Naltrexone", "Vivitrol"),
}


@pytest.fixture(scope="module")
def index() -> DrugIndex:
    return DrugIndex(DRUGS)


# -- names, other names, languages ----------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Baclofen", ["baclofen"]),
        ("bacl", ["baclofen"]),  # a prefix
        ("clofen", ["baclofen"]),  # part of the name
        ("Lioresal", ["baclofen"]),  # a brand name
        ("tylenol", ["paracetamol"]),  # '®' in the content does not get in the way
        ("apap", ["paracetamol"]),
        ("vivitrol", ["naltrexone"]),  # a plain-string name
    ],
)
def test_names_and_other_names(index: DrugIndex, query: str, expected: list[str]) -> None:
    assert index.search(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("paracetamol", ["paracetamol"]),  # only the Spanish name says so
        ("baclofeno", ["baclofen"]),
        ("sertralina", ["sertraline"]),
        ("ácido valproico", ["valproate"]),
        ("acido", ["valproate"]),
    ],
)
def test_every_language_s_name_finds_the_page(
    index: DrugIndex, query: str, expected: list[str]
) -> None:
    assert index.search(query) == expected


@pytest.mark.parametrize(
    "query",
    ["BACLOFEN", "baclofen", "BaClOfEn", "Baclofén", "báclofen", "  baclofen  ", "Bac-lo-fen"],
)
def test_case_accents_spaces_and_punctuation_do_not_matter(index: DrugIndex, query: str) -> None:
    assert index.search(query) == ["baclofen"]


def test_accents_in_the_content_do_not_matter_either(index: DrugIndex) -> None:
    assert index.search("ACIDO VALPROICO") == ["valproate"]
    assert index.search("Ácido Valpróico") == ["valproate"]


def test_words_may_be_run_together(index: DrugIndex) -> None:
    assert index.search("valproicacid") == ["valproate"]


# -- empty, no match, misspellings ----------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "-", "¿?", "®"])
def test_an_empty_query_lists_every_page_in_catalog_order(index: DrugIndex, query: str) -> None:
    assert index.search(query) == list(DRUGS)


@pytest.mark.parametrize("query", ["xyz", "aspirin", "zzzzzzzz", "12345"])
def test_no_match_is_an_empty_list(index: DrugIndex, query: str) -> None:
    assert index.search(query) == []


def test_an_empty_catalog_finds_nothing_but_does_not_fail() -> None:
    empty = DrugIndex({})
    assert empty.search("") == []
    assert empty.search("baclofen") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("baclophen", ["baclofen"]),  # ph sounds like f
        ("sertaline", ["sertraline"]),  # a letter left out
        ("soloft", ["sertraline"]),  # z written as s
        ("naltrexome", ["naltrexone"]),  # one letter wrong
        ("baxl", ["baclofen"]),  # four letters: one slip allowed
        ("baklxfx", ["baclofen"]),  # seven letters or more: two slips allowed
        ("baklxfxn", ["baclofen"]),
    ],
)
def test_misspellings_are_forgiven(index: DrugIndex, query: str, expected: list[str]) -> None:
    assert index.search(query) == expected


def test_short_queries_must_be_spelt_right(index: DrugIndex) -> None:
    assert index.search("bax") == []  # three letters: no slip allowed
    assert index.search("bac") == ["baclofen"]


def test_too_many_slips_find_nothing(index: DrugIndex) -> None:
    assert index.search("bxxl") == []  # four letters, two slips
    assert index.search("bxklxf") == []  # six letters, two slips
    assert index.search("bxxlxfxn") == []  # eight letters, three slips


# -- ranking --------------------------------------------------------------------------------


def test_prefix_before_part_before_sound_alike_before_slip() -> None:
    drugs = {
        "slip": page("slip", "Dorfan"),  # 'dorfen' is one slip away
        "sound": page("sound", "Dorphenol"),  # ph folds to f
        "part": page("part", "Endorfen"),  # contains the query
        "prefix": page("prefix", "Dorfenix"),  # starts with the query
    }
    assert DrugIndex(drugs).search("dorfen") == ["prefix", "part", "sound", "slip"]


def test_equal_matches_are_in_alphabetical_order_of_the_english_name() -> None:
    drugs = {
        "b": page("b", {"en": "Zeta-mab", "es": "Alfa-mab"}),
        "a": page("a", "Alpha-mab"),
        "c": page("c", "Beta-mab"),
    }
    # 'mab' is inside every name; the English name orders them, not the id or 'Alfa-mab'.
    assert DrugIndex(drugs).search("mab") == ["a", "c", "b"]


def test_the_best_of_a_page_s_names_counts(index: DrugIndex) -> None:
    assert index.search("a")[:2] == ["paracetamol", "valproate"]  # 'Acetaminophen', 'Ácido'


# -- the helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Baclofeno ", "baclofeno"),
        ("Ácido valproico", "acidovalproico"),
        ("Ñandú", "nandu"),
        ("Straße", "strasse"),
        ("ﬁlgrastim", "filgrastim"),  # a ligature
        ("5-HTP", "5htp"),
        ("Tylenol®", "tylenol"),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("baclophen", "baklofen"),
        ("baclofen", "baklofen"),
        ("quetiapine", "ketiapine"),
        ("zyprexa", "siprexa"),
        ("klonopin", "klonopin"),
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("", "abc", 3),
        ("baclofen", "baclofen", 0),
        ("baclofen", "bacolfen", 1),  # an adjacent swap is one edit
        ("kitten", "sitting", 3),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
