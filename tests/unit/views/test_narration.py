"""Reading a screen part by part, and what a screen says on arrival in audio mode."""

from __future__ import annotations

from kiosk.views.narration import Narration, arrival, for_speech

DRAFT = "Draft: a clinician has not checked this yet."
HINT = "Touch Listen to hear this screen."


def test_invisible_break_characters_are_not_spoken() -> None:
    assert for_speech("Benzo\u00addiazepines at www.\u200bexample.org") == (
        "Benzodiazepines at www.example.org"
    )


def test_parts_move_forward_and_back_and_stop_past_the_end() -> None:
    narration = Narration.of(["One", "", "Two", "Three"])
    assert narration.parts == ("One", "Two", "Three")  # the empty line is not a part
    assert narration.current() == "One"
    assert narration.forward() == "Two"
    assert narration.forward() == "Three"
    assert narration.forward() is None  # past the end
    assert narration.forward() is None
    assert narration.backward() == "Three"
    assert narration.backward() == "Two"
    assert narration.backward() == "One"
    assert narration.backward() == "One"  # the first stays the first
    narration.forward()
    narration.restart()
    assert narration.current() == "One"


def test_an_empty_screen_has_no_current_part() -> None:
    narration = Narration.of([])
    assert narration.current() is None
    assert narration.forward() is None
    assert narration.backward() is None


def test_arrival_says_the_heading_and_summary_then_how_to_hear_more() -> None:
    lines = ["Medications", "Medicines found: 11.", "Alcohol", "Baclofen"]
    assert arrival(lines, DRAFT, HINT) == f"Medications\nMedicines found: 11.\n{HINT}"


def test_a_draft_says_so_after_its_heading() -> None:
    lines = [DRAFT, "Baclofen", "Also called: Lioresal", "Baclofen is a medicine ..."]
    assert arrival(lines, DRAFT, HINT).splitlines() == [
        "Baclofen",
        "Also called: Lioresal",
        DRAFT,
        HINT,
    ]


def test_an_immediate_result_says_the_emergency_action_first() -> None:
    lines = ["Tell the front desk or call 911 now.", "Immediate action required", "More"]
    assert arrival(lines, DRAFT, HINT).splitlines()[:2] == lines[:2]


def test_a_short_screen_needs_no_hint() -> None:
    assert arrival(["Symptom checklists", "Overdose"], DRAFT, HINT) == (
        "Symptom checklists\nOverdose"
    )
