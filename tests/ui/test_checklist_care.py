"""A checklist says at once when a ticked item is an emergency sign; Start over can be undone."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.session import Place, Screen
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.checklist import START_OVER_GAP_PX, ChecklistScreen
from kiosk.ui.screens.result import ResultScreen
from tests.ui.conftest import tap


def open_checklist(window: KioskWindow, checklist_id: str) -> ChecklistScreen:
    window.go(Place(Screen.CHECKLIST, checklist_id))
    screen = window.current
    assert isinstance(screen, ChecklistScreen)
    return screen


def test_ticking_an_urgent_item_shows_at_once_that_it_is_an_emergency_sign(
    qtbot: QtBot, window: KioskWindow
) -> None:
    checklist = open_checklist(window, "baclofen-tablets")
    items = window.catalog.checklists["baclofen-tablets"].items
    urgent = next(item.id for item in items if item.urgent)
    calm = next(item.id for item in items if not item.urgent)
    assert set(checklist.urgent_signs) == {item.id for item in items if item.urgent}
    sign = checklist.urgent_signs[urgent]
    assert not sign.isVisible()
    tap(qtbot, checklist.rows[calm])
    assert not any(s.isVisible() for s in checklist.urgent_signs.values())
    checklist.scroll_area.ensureWidgetVisible(checklist.rows[urgent])
    tap(qtbot, checklist.rows[urgent])
    assert sign.isVisible() and "emergency sign" in sign.text()
    assert "This is an emergency sign" in checklist.speech_text()
    checklist.scroll_area.ensureWidgetVisible(sign)
    tap(qtbot, sign)
    result = window.current
    assert isinstance(result, ResultScreen) and result.view.immediate


def test_start_over_is_apart_from_see_what_this_means_and_can_be_undone(
    qtbot: QtBot, window: KioskWindow
) -> None:
    checklist = open_checklist(window, "baclofen-tablets")
    first, second = list(checklist.rows)[:2]
    for item_id in (first, second):
        checklist.scroll_area.ensureWidgetVisible(checklist.rows[item_id])
        tap(qtbot, checklist.rows[item_id])
    below = checklist.start_over.geometry().top() - checklist.result_button.geometry().bottom()
    assert below >= START_OVER_GAP_PX
    checklist.scroll_area.ensureWidgetVisible(checklist.start_over)
    tap(qtbot, checklist.start_over)
    assert window.session.ticked("baclofen-tablets") == frozenset()
    assert not checklist.rows[first].isChecked()
    checklist.scroll_area.ensureWidgetVisible(checklist.undo)
    assert checklist.undo.isVisible()
    tap(qtbot, checklist.undo)
    assert window.session.ticked("baclofen-tablets") == {first, second}
    assert checklist.rows[first].isChecked() and not checklist.undo.isVisible()


def test_a_new_tick_after_start_over_means_the_old_answers_stay_gone(
    qtbot: QtBot, window: KioskWindow
) -> None:
    checklist = open_checklist(window, "baclofen-tablets")
    first, second = list(checklist.rows)[:2]
    checklist.scroll_area.ensureWidgetVisible(checklist.rows[first])
    tap(qtbot, checklist.rows[first])
    checklist.scroll_area.ensureWidgetVisible(checklist.start_over)
    tap(qtbot, checklist.start_over)
    checklist.scroll_area.ensureWidgetVisible(checklist.rows[second])
    tap(qtbot, checklist.rows[second])
    assert not checklist.undo.isVisible()
    assert window.session.ticked("baclofen-tablets") == {second}


def test_links_on_a_red_immediate_box_are_white_not_blue(window: KioskWindow) -> None:
    """Blue on the dark red box has a contrast of about 1:1; the link takes the box's white."""
    checklist = window.catalog.checklists["overdose"]
    window.go(Place(Screen.RESULT, checklist.id))  # nothing ticked: still immediate action
    result = window.current
    assert isinstance(result, ResultScreen) and result.view.immediate
    linked = [part for part in result.box.parts if "drug:naloxone" in part.text()]
    assert linked
    for part in linked:
        assert "#0000ff" not in part.text().lower()
        assert f"color:{window._context().theme.immediate_fg}" in part.text()
