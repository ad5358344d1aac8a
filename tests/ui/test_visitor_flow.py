"""A visitor's whole journey, driven by taps on real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.content import load_content
from kiosk.session import HOME, Place, Screen
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.call_card import CallCardScreen
from kiosk.ui.screens.checklist import ChecklistScreen
from kiosk.ui.screens.drug_list import DrugListScreen
from kiosk.ui.screens.drug_page import DrugPageScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.result import ResultScreen
from tests.ui.conftest import WindowFactory, tap


def shown_texts(window: KioskWindow) -> str:
    """Every visible label's text on the current screen, joined."""
    assert window.current is not None
    return "\n".join(
        label.text() for label in window.current.findChildren(QLabel) if label.isVisible()
    )


def test_home_to_urgent_result_to_call_card_and_home(qtbot: QtBot, window: KioskWindow) -> None:
    home = window.current
    assert isinstance(home, HomeScreen)
    assert "Recovery Clinic" in shown_texts(window)

    tap(qtbot, home.tiles["medications"])
    listing = window.current
    assert isinstance(listing, DrugListScreen)

    for letter in "BACL":
        tap(qtbot, listing.keyboard.keys[letter])
    assert listing.search.text() == "bacl"
    assert listing.model.ids() == ["baclofen"]
    row = listing.view.visualRect(listing.model.index(0))
    tap(qtbot, listing.view.viewport(), row.center())
    qtbot.waitUntil(lambda: isinstance(window.current, DrugPageScreen))

    page = window.current
    assert isinstance(page, DrugPageScreen)
    texts = shown_texts(window)
    assert "Baclofen" in texts
    assert "Get help right away if you have any of these:" in texts
    assert "A high fever" in texts
    assert "Tell the front desk now, or call 911." in texts
    assert "This page has not yet been reviewed by a clinician." in texts
    assert page.checklist_button is not None
    tap(qtbot, page.checklist_button)

    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    fever = checklist.rows["high-fever"]
    checklist.scroll_area.ensureWidgetVisible(fever)
    tap(qtbot, fever)
    assert fever.isChecked()
    assert window.session.ticked("baclofen-pump") == {"high-fever"}
    checklist.scroll_area.ensureWidgetVisible(checklist.result_button)
    tap(qtbot, checklist.result_button)

    result = window.current
    assert isinstance(result, ResultScreen)
    texts = shown_texts(window)
    assert "This may be an emergency" in texts
    assert "Tell the front desk now, or call 911. Say that you have a baclofen pump." in texts
    assert "I have a high fever." in texts
    tap(qtbot, result.call_button)

    card = window.current
    assert isinstance(card, CallCardScreen)
    assert card.phone.text() == "352-771-2700"
    assert card.qr.payload == "tel:+13527712700"
    assert not window.call_panel.isVisible()  # the card replaces the panel
    tap(qtbot, window.top_bar.home)
    assert isinstance(window.current, HomeScreen)
    assert window.session.place == HOME
    assert window.call_panel.isVisible()
    assert not window.top_bar.back.isVisible()


def test_back_retraces_steps(qtbot: QtBot, window: KioskWindow) -> None:
    window.go(Place(Screen.DRUG_LIST))
    window.go(Place(Screen.DRUG, "baclofen"))
    tap(qtbot, window.top_bar.back)
    assert isinstance(window.current, DrugListScreen)
    tap(qtbot, window.top_bar.back)
    assert isinstance(window.current, HomeScreen)


def test_no_urgent_item_gives_the_calm_result(qtbot: QtBot, window: KioskWindow) -> None:
    window.go(Place(Screen.CHECKLIST, "baclofen-tablets"))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    weaker = checklist.rows["works-less-well"]
    checklist.scroll_area.ensureWidgetVisible(weaker)
    tap(qtbot, weaker)
    checklist.scroll_area.ensureWidgetVisible(checklist.result_button)
    tap(qtbot, checklist.result_button)
    texts = shown_texts(window)
    assert "This may be an emergency" not in texts
    assert "What this means" in texts
    assert "Urgent advice" in texts
    assert "Baclofen seems to work less well for me than before." in texts


def test_answers_survive_going_back_and_start_over_clears(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.go(Place(Screen.CHECKLIST, "baclofen-pump"))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    tap(qtbot, checklist.rows["itching"])
    window.go(Place(Screen.CALL))
    window.back()
    again = window.current
    assert isinstance(again, ChecklistScreen)
    assert again.rows["itching"].isChecked()
    again.scroll_area.ensureWidgetVisible(again.start_over)
    tap(qtbot, again.start_over)
    assert not again.rows["itching"].isChecked()
    assert window.session.ticked("baclofen-pump") == frozenset()


def test_search_forgives_misspelling_and_says_when_nothing_matches(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.go(Place(Screen.DRUG_LIST))
    listing = window.current
    assert isinstance(listing, DrugListScreen)
    for letter in "BACLOPHEN":
        tap(qtbot, listing.keyboard.keys[letter])
    assert listing.model.ids() == ["baclofen"]
    tap(qtbot, listing.keyboard.keys["clear"])
    for letter in "XQZ":
        tap(qtbot, listing.keyboard.keys[letter])
    assert listing.empty.isVisible() and not listing.view.isVisible()
    assert "No medicine matches “xqz”" in listing.empty.text()
    tap(qtbot, listing.keyboard.keys["delete"])
    assert listing.search.text() == "xq"


def test_a_to_z_strip_jumps_to_letter(qtbot: QtBot, window: KioskWindow) -> None:
    window.go(Place(Screen.DRUG_LIST))
    listing = window.current
    assert isinstance(listing, DrugListScreen)
    assert listing.keyboard.isVisible() and not listing.strip.isVisible()
    tap(qtbot, listing.switch)  # the A–Z strip instead of the keyboard (never both)
    assert listing.strip.isVisible() and not listing.keyboard.isVisible()
    assert listing.switch.text() == "Keyboard"
    names = [window.catalog.drugs[i].name.get("en") for i in listing.model.ids()]
    assert list(listing.letters) == sorted({name[0].upper() for name in names})
    listing.search.setText("x")
    tap(qtbot, listing.letters["M"])
    assert listing.search.text() == ""
    row = listing.view.currentIndex().row()
    assert names[row] == "Methadone" and all(not n.startswith("M") for n in names[:row])


def test_language_switch_keeps_the_place(qtbot: QtBot, window: KioskWindow) -> None:
    window.go(Place(Screen.DRUG, "baclofen"))
    assert window.top_bar.language.text() == "Español"
    tap(qtbot, window.top_bar.language)
    assert window.session.language == "es"
    assert window.session.place == Place(Screen.DRUG, "baclofen")
    texts = shown_texts(window)
    assert "Baclofeno" in texts
    assert "Pida ayuda de inmediato" in texts
    assert window.top_bar.language.text() == "English"
    assert window.top_bar.home.text() == "Inicio"
    assert "Hable con un coordinador de admisión" in window.call_panel.accessibleName()


def test_text_size_grows_the_text(qtbot: QtBot, window: KioskWindow) -> None:
    window.go(Place(Screen.DRUG, "baclofen"))
    page = window.current
    assert isinstance(page, DrugPageScreen)
    before = page.links[0].fontInfo().pixelSize()
    tap(qtbot, window.top_bar.text_size)
    tap(qtbot, window.top_bar.text_size)
    page = window.current
    assert isinstance(page, DrugPageScreen)
    assert page.links[0].fontInfo().pixelSize() > before * 1.4
    assert window.top_bar.text_size.text() == "Text size: Largest"
    tap(qtbot, window.top_bar.text_size)
    assert window.top_bar.text_size.text() == "Text size: Normal"


def test_call_panel_opens_the_call_card(qtbot: QtBot, window: KioskWindow) -> None:
    window.go(Place(Screen.DRUG, "baclofen"))
    assert "352-771-2700" in window.call_panel.accessibleName()
    tap(qtbot, window.call_panel)
    assert isinstance(window.current, CallCardScreen)
    assert window.current.call_button is None  # no call_command configured


def test_a_call_command_in_the_content_starts_nothing(
    make_window: WindowFactory, content_dir: Path, tmp_path: Path
) -> None:
    """Whoever edits content cannot make the kiosk start a program."""
    marker = tmp_path / "called"
    site = content_dir / "kiosk.yaml"
    site.write_text(
        site.read_text(encoding="utf-8").replace(
            'phone: "352-771-2700"',
            f'phone: "352-771-2700"\n  call_command: [touch, "{marker}"]',
        ),
        encoding="utf-8",
    )
    result = load_content(content_dir)
    assert result.errors == ()
    (moved,) = [p for p in result.warnings if "coordinator.call_command" in p.message]
    assert "/etc/kiosk/settings.yaml" in moved.message and moved.line == 6
    window = make_window(content_dir)
    window.go(Place(Screen.CALL))
    card = window.current
    assert isinstance(card, CallCardScreen) and card.call_button is None
    assert not marker.exists()


def test_call_now_runs_the_configured_program(
    qtbot: QtBot, make_window: WindowFactory, content_dir: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "called"
    window = make_window(content_dir, call_command=("touch", str(marker)))
    window.go(Place(Screen.CALL))
    card = window.current
    assert isinstance(card, CallCardScreen) and card.call_button is not None
    tap(qtbot, card.call_button)
    assert card.status.text() == "Calling…"
    qtbot.waitUntil(marker.exists)


@pytest.mark.allow_log_warnings
def test_call_now_that_cannot_start_says_so(
    qtbot: QtBot, make_window: WindowFactory, content_dir: Path
) -> None:
    window = make_window(content_dir, call_command=("/nonexistent/softphone", "{phone}"))
    window.go(Place(Screen.CALL))
    card = window.current
    assert isinstance(card, CallCardScreen) and card.call_button is not None
    tap(qtbot, card.call_button)
    assert card.status.text() == "The phone could not start. Please dial the number above."


def test_internal_link_opens_the_checklist_and_external_links_are_plain_text(
    window: KioskWindow,
) -> None:
    window.go(Place(Screen.DRUG, "baclofen"))
    page = window.current
    assert isinstance(page, DrugPageScreen)
    linked = [label for label in page.links if "checklist:" in label.text()]
    assert linked, "the shipped page links to its checklist"
    assert all("http" not in label.text().split("href=")[-1][:6] for label in page.links)
    linked[0].linkActivated.emit("checklist:baclofen-pump")
    assert isinstance(window.current, ChecklistScreen)
    window.back()
    page = window.current
    assert isinstance(page, DrugPageScreen)
    page.links[0].linkActivated.emit("https://example.com")
    page.links[0].linkActivated.emit("file:///etc/passwd")
    assert isinstance(window.current, DrugPageScreen)


def test_a_page_that_is_gone_falls_back_to_home(window: KioskWindow) -> None:
    window.go(Place(Screen.DRUG, "no-such-page"))
    assert isinstance(window.current, HomeScreen)
    assert window.session.place == HOME


def test_portrait_puts_the_call_panel_below(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(width=1080, height=1920)
    qtbot.waitUntil(lambda: window.call_panel.geometry().top() > 0)
    panel = window.call_panel.geometry()
    assert panel.top() > window.stack.mapTo(window, QPoint(0, 0)).y()
    assert panel.width() == window.width()


def test_swipe_that_starts_on_a_row_scrolls_instead_of_ticking(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.go(Place(Screen.CHECKLIST, "baclofen-pump"))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    row = checklist.rows["itching"]
    viewport = checklist.scroll_area.viewport()
    start = row.mapTo(viewport, row.rect().center())
    bar = checklist.scroll_area.verticalScrollBar()
    assert bar.value() == 0
    qtbot.mousePress(
        viewport.childAt(start) or viewport, Qt.MouseButton.LeftButton, pos=row.rect().center()
    )
    for step in range(1, 16):
        qtbot.mouseMove(row, QPoint(row.rect().center().x(), row.rect().center().y() - step * 25))
        qtbot.wait(10)
    qtbot.mouseRelease(
        row,
        Qt.MouseButton.LeftButton,
        pos=QPoint(row.rect().center().x(), row.rect().center().y() - 375),
    )
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert not row.isChecked()


def test_medication_list_is_kept_between_visits_but_not_between_visitors(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.go(Place(Screen.DRUG_LIST))
    first = window.current
    assert isinstance(first, DrugListScreen)
    tap(qtbot, first.keyboard.keys["B"])
    window.go(Place(Screen.DRUG, "baclofen"))
    window.back()
    assert window.current is first and first.isVisible()
    assert first.search.text() == "b"
    window.replace_session(type(window.session)("en"))
    window.go(Place(Screen.DRUG_LIST))
    fresh = window.current
    assert isinstance(fresh, DrugListScreen) and fresh is not first
    assert fresh.search.text() == ""


def test_screens_recycle_their_scroll_areas(window: KioskWindow) -> None:
    """Qt never frees a widget's flick-gesture recognizer, so scroll areas are reused."""
    from PySide6.QtWidgets import QScrollArea

    seen: set[int] = set()
    for _ in range(20):
        for place in (
            Place(Screen.DRUG, "baclofen"),
            Place(Screen.CHECKLIST, "baclofen-pump"),
            Place(Screen.CALL),
            HOME,
        ):
            window.go(place)
            area = getattr(window.current, "scroll_area", None)
            assert isinstance(area, QScrollArea) and area.isVisible()
            seen.add(id(area))
    assert len(seen) <= 3
