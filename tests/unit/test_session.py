"""kiosk.session: one visitor's place, history, answers and preferences, and a clean reset."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.session import ATTRACT, HOME, MAX_HISTORY, Place, Screen, Session, TextSize

DRUG_LIST = Place(Screen.DRUG_LIST)
BACLOFEN = Place(Screen.DRUG, "baclofen")
TIZANIDINE = Place(Screen.DRUG, "tizanidine")
CHECKLIST = Place(Screen.CHECKLIST, "withdrawal")
RESULT = Place(Screen.RESULT, "withdrawal")
CALL = Place(Screen.CALL)


def back_all(session: Session, limit: int = 10 * MAX_HISTORY) -> list[Place]:
    """Press Back until it stops changing anything; the places passed through."""
    seen: list[Place] = []
    for _ in range(limit):
        if not session.can_go_back:
            return seen
        seen.append(session.back())
    raise AssertionError("Back never reached the start")


# -- places ---------------------------------------------------------------------------------


def test_places_compare_by_screen_and_key() -> None:
    assert Place(Screen.HOME) == HOME
    assert Place(Screen.DRUG, "baclofen") == BACLOFEN
    assert BACLOFEN != TIZANIDINE
    assert Place(Screen.DRUG) != BACLOFEN
    assert len({BACLOFEN, Place(Screen.DRUG, "baclofen"), TIZANIDINE}) == 2  # hashable
    with pytest.raises(dataclasses.FrozenInstanceError):
        BACLOFEN.key = "other"  # type: ignore[misc]


# -- go and back ----------------------------------------------------------------------------


def test_a_new_session_starts_at_home_with_nowhere_to_go_back_to() -> None:
    session = Session("en")
    assert session.place == HOME
    assert not session.can_go_back
    assert session.back() == HOME


def test_go_returns_the_new_place_and_back_retraces_the_steps() -> None:
    session = Session("en")
    assert session.go(DRUG_LIST) == DRUG_LIST
    assert session.go(BACLOFEN) == BACLOFEN
    assert session.go(CHECKLIST) == CHECKLIST
    assert session.go(RESULT) == RESULT
    assert session.can_go_back
    assert back_all(session) == [CHECKLIST, BACLOFEN, DRUG_LIST, HOME]
    assert session.place == HOME


def test_going_where_you_are_adds_no_step() -> None:
    session = Session("en")
    session.go(BACLOFEN)
    session.go(BACLOFEN)
    session.go(BACLOFEN)
    assert back_all(session) == [HOME]


def test_a_page_may_be_visited_again_later() -> None:
    session = Session("en")
    for place in (BACLOFEN, TIZANIDINE, BACLOFEN):
        session.go(place)
    assert back_all(session) == [TIZANIDINE, BACLOFEN, HOME]


def test_home_clears_the_history() -> None:
    session = Session("en")
    session.go(DRUG_LIST)
    session.go(BACLOFEN)
    assert session.go(HOME) == HOME
    assert not session.can_go_back
    session.go(CALL)
    assert back_all(session) == [HOME]  # nothing from before Home comes back


def test_home_from_home_is_still_home() -> None:
    session = Session("en")
    assert session.go(HOME) == HOME
    assert not session.can_go_back


def test_back_from_home_stays_home() -> None:
    session = Session("en")
    session.go(CALL)
    session.back()
    for _ in range(5):
        assert session.back() == HOME


def test_the_attract_screen_start_is_left_by_going_home() -> None:
    session = Session("en", start=ATTRACT)
    assert session.place == ATTRACT
    assert not session.can_go_back
    assert session.back() == ATTRACT
    session.go(HOME)
    session.go(BACLOFEN)
    assert back_all(session) == [HOME]  # the attract screen is not part of the history


# -- the history limit ----------------------------------------------------------------------


def test_history_keeps_the_latest_places_and_back_still_reaches_home() -> None:
    session = Session("en")
    visited = [Place(Screen.DRUG, f"drug-{n}") for n in range(3 * MAX_HISTORY)]
    for place in visited:
        session.go(place)
    assert session.place == visited[-1]
    passed = back_all(session)
    # Home plus the last MAX_HISTORY - 1 places are kept.
    assert passed == [*reversed(visited[-(MAX_HISTORY - 1) : -1]), HOME]
    assert len(passed) == MAX_HISTORY - 1


def test_the_oldest_place_goes_only_when_the_limit_is_passed() -> None:
    visited = [Place(Screen.DRUG, f"drug-{n}") for n in range(MAX_HISTORY)]
    full = Session("en")
    for place in visited[:-1]:  # Home and MAX_HISTORY - 1 places: exactly the limit
        full.go(place)
    assert back_all(full) == [*reversed(visited[:-2]), HOME]
    over = Session("en")
    for place in visited:  # one more: the oldest place is dropped, Home stays
        over.go(place)
    assert back_all(over) == [*reversed(visited[1:-1]), HOME]


def test_a_trimmed_history_started_on_attract_goes_back_to_home() -> None:
    session = Session("en", start=ATTRACT)
    for n in range(MAX_HISTORY + 5):
        session.go(Place(Screen.DRUG, f"drug-{n}"))
    assert back_all(session)[-1] == HOME


# -- forgetting removed pages ---------------------------------------------------------------


def test_forget_places_drops_pages_a_reload_removed() -> None:
    session = Session("en")
    for place in (DRUG_LIST, BACLOFEN, TIZANIDINE):
        session.go(place)
    session.forget_places({DRUG_LIST, BACLOFEN})
    assert session.place == BACLOFEN
    assert back_all(session) == [DRUG_LIST, HOME]


def test_forget_places_always_keeps_home() -> None:
    session = Session("en")
    session.go(BACLOFEN)
    session.forget_places(set())
    assert session.place == HOME
    assert not session.can_go_back


def test_forget_places_with_nothing_left_lands_on_home() -> None:
    session = Session("en", start=ATTRACT)
    session.forget_places(set())
    assert session.place == HOME


def test_forget_places_never_leaves_a_back_step_to_the_same_page() -> None:
    session = Session("en")
    for place in (BACLOFEN, TIZANIDINE, BACLOFEN):
        session.go(place)
    session.forget_places({BACLOFEN})
    assert session.place == BACLOFEN
    if session.can_go_back:
        assert session.back() != BACLOFEN


# -- checklist answers ----------------------------------------------------------------------


def test_ticks_toggle_per_item_and_per_checklist() -> None:
    session = Session("en")
    assert session.ticked("withdrawal") == frozenset()
    assert session.toggle("withdrawal", "itch") is True
    assert session.toggle("withdrawal", "fever") is True
    assert session.toggle("other", "itch") is True
    assert session.ticked("withdrawal") == {"itch", "fever"}
    assert session.toggle("withdrawal", "itch") is False
    assert session.ticked("withdrawal") == {"fever"}
    assert session.ticked("other") == {"itch"}


def test_ticked_is_a_snapshot_not_a_live_view() -> None:
    session = Session("en")
    session.toggle("withdrawal", "itch")
    before = session.ticked("withdrawal")
    session.toggle("withdrawal", "fever")
    assert before == {"itch"}
    assert isinstance(before, frozenset)


def test_start_over_clears_one_checklist_only() -> None:
    session = Session("en")
    session.toggle("withdrawal", "itch")
    session.toggle("other", "fever")
    session.clear_answers("withdrawal")
    session.clear_answers("never-opened")  # no error
    assert session.ticked("withdrawal") == frozenset()
    assert session.ticked("other") == {"fever"}
    assert session.toggle("withdrawal", "itch") is True  # ticks again from scratch


# -- language and text size -----------------------------------------------------------------


def test_the_language_starts_as_the_default_and_may_change() -> None:
    session = Session("es")
    assert session.language == session.default_language == "es"
    session.language = "en"
    assert session.language == "en"
    assert session.default_language == "es"


def test_text_size_cycles_through_three_steps() -> None:
    assert [int(size) for size in TextSize] == [0, 1, 2]
    assert TextSize.NORMAL.next() is TextSize.LARGE
    assert TextSize.LARGE.next() is TextSize.LARGEST
    assert TextSize.LARGEST.next() is TextSize.NORMAL  # wraps round


def test_a_session_cycles_its_text_size_back_to_normal() -> None:
    session = Session("en")
    assert session.text_size is TextSize.NORMAL
    seen = []
    for _ in range(4):
        session.text_size = session.text_size.next()
        seen.append(session.text_size)
    assert seen == [TextSize.LARGE, TextSize.LARGEST, TextSize.NORMAL, TextSize.LARGE]


def test_high_contrast_is_chosen_by_the_caller() -> None:
    assert Session("en").high_contrast is False
    assert Session("en", high_contrast=True).high_contrast is True


# -- reset: a new visitor gets a new session ------------------------------------------------


def used_session() -> Session:
    session = Session("en", start=ATTRACT)
    session.go(HOME)
    session.go(BACLOFEN)
    session.go(CHECKLIST)
    session.toggle("withdrawal", "itch")
    session.language = "es"
    session.text_size = TextSize.LARGEST
    session.high_contrast = True
    session.search_text = "bacl"
    session.scroll[BACLOFEN] = 420
    return session


def test_a_fresh_session_holds_nothing_of_the_last_visitor() -> None:
    old = used_session()
    new = Session(old.default_language, start=ATTRACT)
    assert new.place == ATTRACT and not new.can_go_back
    assert new.language == "en"
    assert new.text_size is TextSize.NORMAL
    assert new.high_contrast is False
    assert new.search_text == ""
    assert new.scroll == {}
    assert new.ticked("withdrawal") == frozenset()


def test_sessions_share_no_mutable_state() -> None:
    old = used_session()
    new = Session("en")
    new.toggle("withdrawal", "fever")
    new.scroll[TIZANIDINE] = 5
    new.go(CALL)
    assert old.ticked("withdrawal") == {"itch"}
    assert old.scroll == {BACLOFEN: 420}
    assert old.place == CHECKLIST
    assert Session("en").scroll == {}
    assert Session("en").ticked("withdrawal") == frozenset()
