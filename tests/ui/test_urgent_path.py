"""The urgent path: on an immediate-action result, what to do comes first, everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.checklist import evaluate
from kiosk.content import load_content
from kiosk.content.models import AdviceLevel
from kiosk.session import Place, Screen, TextSize
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.advice import AdviceBox
from kiosk.ui.screens.call_card import CallCardScreen
from kiosk.ui.screens.checklist import ChecklistScreen
from kiosk.ui.screens.drug_page import DrugPageScreen
from kiosk.ui.screens.result import ResultScreen
from kiosk.ui.widgets.touch_button import TouchButton
from tests.conftest import SHIPPED_CONTENT, SITE, Writer
from tests.ui.conftest import WindowFactory, tap

HELP_LINES = """\
help_lines:
  - name: {en: 988 Suicide & Crisis Lifeline, es: 988 Línea de Prevención del Suicidio y Crisis}
    phone: "988"
    how: {en: Call or text 988, es: Llame o envíe un mensaje de texto al 988}
    purpose: {en: Free help in a crisis., es: Ayuda gratuita en una crisis.}
    qr_target: "tel:988"
  - name: {en: Poison Help, es: Ayuda por envenenamiento}
    phone: "1-800-222-1222"
    purpose: {en: Your local poison center., es: Su centro de toxicología.}
"""
ACTION = {"en": "Tell the front desk now or call 911.", "es": "Avise en recepción o llame al 911."}


@pytest.fixture
def help_content(content_dir: Path, write: Writer) -> Path:
    """The test content with two help lines in kiosk.yaml."""
    write("kiosk.yaml", SITE + HELP_LINES)
    return content_dir


def visible_top(widget: QWidget, window: KioskWindow) -> int:
    """Where ``widget`` starts, in window coordinates."""
    return widget.mapTo(window, QPoint(0, 0)).y()


def tick_and_see_result(qtbot: QtBot, window: KioskWindow, item: str) -> ResultScreen:
    window.go(Place(Screen.CHECKLIST, "withdrawal"))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    row = checklist.rows[item]
    checklist.scroll_area.ensureWidgetVisible(row)
    tap(qtbot, row)
    checklist.scroll_area.ensureWidgetVisible(checklist.result_button)
    tap(qtbot, checklist.result_button)
    result = window.current
    assert isinstance(result, ResultScreen)
    return result


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", list(TextSize))
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1024, 768)])
def test_immediate_result_shows_the_emergency_action_first_and_largest(
    qtbot: QtBot,
    make_window: WindowFactory,
    help_content: Path,
    language: str,
    text_size: TextSize,
    size: tuple[int, int],
) -> None:
    window = make_window(help_content, *size, language=language)
    for _ in range(text_size):
        window.next_text_size()
    assert window.session.text_size is text_size
    result = tick_and_see_result(qtbot, window, "fever")
    qtbot.wait(60)  # let posted layout requests settle, as they do before the next frame
    assert result.box.level is AdviceLevel.IMMEDIATE
    action = result.box.emergency
    assert action is not None and action.isVisible()
    assert action.text() == ACTION[language]
    # Visible without scrolling: inside the scroll area's viewport as the screen opens.
    viewport = result.scroll_area.viewport()
    top = action.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + action.height() <= viewport.height()
    # Nothing a visitor can touch comes before it, and nothing else on the screen is larger.
    buttons = [b for b in result.findChildren(TouchButton) if b.isVisible()]
    assert buttons and all(visible_top(b, window) > visible_top(action, window) for b in buttons)
    biggest = max(label.font().pixelSize() for label in result.findChildren(QLabel))
    assert action.font().pixelSize() == biggest
    call = result.call_button
    assert call.title_label.font().pixelSize() < action.font().pixelSize()
    assert visible_top(call, window) > visible_top(result.box, window) + result.box.height() - 1
    # The always-visible call panel steps aside: the coordinator is offered below instead.
    assert not window.call_panel.isVisible()
    # Listen: the emergency action is the first thing said.
    assert result.speech_text().splitlines()[0] == ACTION[language]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1024, 768), (1080, 1920)])
def test_the_shipped_pump_emergency_fits_without_scrolling_at_the_largest_text(
    qtbot: QtBot, make_window: WindowFactory, language: str, size: tuple[int, int]
) -> None:
    window = make_window(SHIPPED_CONTENT, *size, language=language)
    window.next_text_size()
    window.next_text_size()
    assert window.session.text_size is TextSize.LARGEST
    window.session.toggle("baclofen-pump", "itching")
    window.go(Place(Screen.RESULT, "baclofen-pump"))
    qtbot.wait(60)  # let posted layout requests settle, as they do before the next frame
    result = window.current
    assert isinstance(result, ResultScreen)
    action = result.box.emergency
    assert action is not None and "911" in action.text()
    viewport = result.scroll_area.viewport()
    top = action.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + action.height() <= viewport.height()


def test_the_call_card_reached_from_an_emergency_keeps_the_action_on_top(
    qtbot: QtBot, make_window: WindowFactory, help_content: Path
) -> None:
    window = make_window(help_content)
    result = tick_and_see_result(qtbot, window, "fever")
    tap(qtbot, result.call_button)
    card = window.current
    assert isinstance(card, CallCardScreen)
    box = card.emergency_box
    assert box is not None and box.isVisible() and box.emergency is not None
    assert box.emergency.text() == ACTION["en"]
    assert visible_top(box, window) < visible_top(card.phone, window)
    assert card.speech_text().splitlines()[0] == ACTION["en"]
    # The same card from the call panel is the plain one.
    window.go(Place(Screen.CALL))
    plain = window.current
    assert isinstance(plain, CallCardScreen) and plain.emergency_box is None


@pytest.mark.parametrize(
    ("language", "names", "note"),
    [
        ("en", ["988 Suicide & Crisis Lifeline", "Poison Help"], "If someone is in danger now"),
        (
            "es",
            ["988 Línea de Prevención del Suicidio y Crisis", "Ayuda por envenenamiento"],
            "Si alguien está en peligro ahora",
        ),
    ],
)
def test_the_call_card_lists_the_help_lines_beside_911(
    make_window: WindowFactory, help_content: Path, language: str, names: list[str], note: str
) -> None:
    window = make_window(help_content, language=language)
    window.go(Place(Screen.CALL))
    card = window.current
    assert isinstance(card, CallCardScreen)
    assert [w.accessibleName() for w in card.help_lines] == names
    shown = [label.text() for label in card.findChildren(QLabel) if label.isVisible()]
    assert "988" in shown and "1-800-222-1222" in shown
    assert any(text.startswith(note) and ACTION[language] in text for text in shown)
    qr_codes = [getattr(w, "payload", None) for w in card.findChildren(QLabel)]
    assert "tel:988" in qr_codes
    spoken = card.speech_text()
    assert names[0] in spoken and "9 8 8" in spoken


def test_non_urgent_results_take_the_level_the_content_gives(
    qtbot: QtBot, make_window: WindowFactory, content_dir: Path
) -> None:
    window = make_window(content_dir)
    some = tick_and_see_result(qtbot, window, "itch")
    assert some.box.level is AdviceLevel.URGENT and some.box.emergency is None
    assert some.box.property("level") == "urgent"
    assert window.call_panel.isVisible()
    assert some.speech_text().splitlines()[0] == "Urgent advice"
    window.session.clear_answers("withdrawal")
    window.go(Place(Screen.RESULT, "withdrawal"))
    none = window.current
    assert isinstance(none, ResultScreen)
    assert none.box.level is AdviceLevel.NON_URGENT


def test_a_checklist_can_name_its_own_emergency_action(
    qtbot: QtBot, make_window: WindowFactory, content_dir: Path, write: Writer
) -> None:
    path = content_dir / "checklists" / "withdrawal.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "items:", "emergency_action: {en: Call 911 now., es: Llame al 911 ahora.}\nitems:"
    )
    write("checklists/withdrawal.yaml", text)
    window = make_window(content_dir)
    result = tick_and_see_result(qtbot, window, "fever")
    assert result.box.emergency is not None
    assert result.box.emergency.text() == "Call 911 now."
    tap(qtbot, result.call_button)
    card = window.current
    assert isinstance(card, CallCardScreen) and card.emergency_box is not None
    assert card.emergency_box.emergency is not None
    assert card.emergency_box.emergency.text() == "Call 911 now."


def test_drafts_say_so_at_the_top_of_checklists_results_and_pages(
    qtbot: QtBot, make_window: WindowFactory, content_dir: Path
) -> None:
    window = make_window(content_dir)
    draft = "Draft: a clinician has not checked this yet."
    for place in (Place(Screen.CHECKLIST, "withdrawal"), Place(Screen.DRUG, "baclofen")):
        window.go(place)
        screen = window.current
        assert screen is not None
        labels = [label for label in screen.findChildren(QLabel) if label.isVisible()]
        first = min(labels, key=lambda label: visible_top(label, window))
        assert first.text() == draft, place
        texts = [label.text() for label in labels]
        assert any(t.startswith("This page has not yet been reviewed") for t in texts)
    result = tick_and_see_result(qtbot, window, "itch")
    texts = [label.text() for label in result.findChildren(QLabel) if label.isVisible()]
    assert draft in texts and result.review.isVisible()


def test_drug_page_emergency_box_is_immediate_action_with_the_action_first(
    make_window: WindowFactory, content_dir: Path
) -> None:
    window = make_window(content_dir)
    window.go(Place(Screen.DRUG, "baclofen"))
    page = window.current
    assert isinstance(page, DrugPageScreen) and page.urgent_box is not None
    box = page.urgent_box
    assert box.level is AdviceLevel.IMMEDIATE and box.emergency is not None
    assert box.emergency.text() == ACTION["en"]
    assert box.heading is not None
    assert visible_top(box.emergency, window) < visible_top(box.heading, window)


@pytest.mark.parametrize(
    "item", ["itching", "spasticity-returning", "lightheaded", "low-blood-pressure", "tingling"]
)
def test_a_pump_users_early_sign_is_immediate_action(item: str) -> None:
    catalog = load_content(SHIPPED_CONTENT).catalog
    assert catalog is not None
    pump = catalog.checklists["baclofen-pump"]
    assert item in {i.id for i in pump.items}, sorted(i.id for i in pump.items)
    assert evaluate(pump, [item]).level is AdviceLevel.IMMEDIATE


def test_every_shipped_advice_box_draws_with_its_level(make_window: WindowFactory) -> None:
    window = make_window(SHIPPED_CONTENT)
    window.go(Place(Screen.DRUG, "baclofen"))
    page = window.current
    assert isinstance(page, DrugPageScreen)
    levels = {box.level for box in page.findChildren(AdviceBox)}
    assert AdviceLevel.IMMEDIATE in levels and AdviceLevel.URGENT in levels


def test_links_in_checklist_intros_and_results_open_their_checklist(
    make_window: WindowFactory,
) -> None:
    window = make_window(SHIPPED_CONTENT)
    window.session.toggle("baclofen-tablets", "works-less-well")
    window.go(Place(Screen.RESULT, "baclofen-tablets"))
    result = window.current
    assert isinstance(result, ResultScreen)
    assert "checklist:baclofen-pump" in result.message.text()
    result.message.linkActivated.emit("checklist:baclofen-pump")
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen) and checklist.checklist.id == "baclofen-pump"
    assert "checklist:baclofen-tablets" in checklist.intro.text()
    checklist.intro.linkActivated.emit("https://example.com")  # never a browser
    assert window.current is checklist
    checklist.intro.linkActivated.emit("checklist:baclofen-tablets")
    other = window.current
    assert isinstance(other, ChecklistScreen) and other.checklist.id == "baclofen-tablets"


def test_a_broken_link_in_a_checklist_is_warned_about_and_does_nothing(
    make_window: WindowFactory, content_dir: Path, write: Writer
) -> None:
    path = content_dir / "checklists" / "withdrawal.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "intro: {en: Not a diagnosis., es: No es un diagnóstico.}",
        "intro: {en: 'Not a diagnosis. [More](checklist:nope)', es: 'No es un diagnóstico.'}",
    )
    write("checklists/withdrawal.yaml", text)
    result = load_content(content_dir)
    assert result.errors == ()
    (problem,) = [p for p in result.warnings if "nope" in p.message]
    assert problem.path.endswith("withdrawal.yaml") and problem.line == 3
    assert "does nothing" in problem.message
    window = make_window(content_dir)
    window.go(Place(Screen.CHECKLIST, "withdrawal"))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    checklist.intro.linkActivated.emit("checklist:nope")
    assert window.current is checklist
