"""The running kiosk: lockdown, idle reset, staff PIN, hot reload, stats and metrics."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.controller import KioskController
from kiosk.content import load_content
from kiosk.operations import Operations
from kiosk.pin import hash_pin
from kiosk.runtime.lockdown import Lockdown
from kiosk.session import ATTRACT, HOME, Place, Screen, TextSize
from kiosk.settings import resources_dir
from kiosk.stats import Metric, UsageStats
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.checklist import ChecklistScreen
from kiosk.ui.screens.drug_list import DrugListScreen
from kiosk.ui.screens.drug_page import DrugPageScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.result import ResultScreen
from tests.conftest import drug_yaml
from tests.ui.conftest import FakeClock, tap


class Running:
    """A started KioskController plus its fake clock and folders."""

    def __init__(self, kiosk: KioskController, clock: FakeClock, root: Path, metrics: Path) -> None:
        self.kiosk = kiosk
        self.clock = clock
        self.root = root
        self.metrics = metrics


PIN = "246813"


def with_pin(pin: str) -> Operations:
    """IT's settings with a staff PIN (few hash rounds, for speed)."""
    return Operations(admin_pin_hash=hash_pin(pin, iterations=1000))


def build_kiosk(
    root: Path,
    stats_file: Path,
    clock: FakeClock | None = None,
    metrics_dir: Path | None = None,
    pages: bool = True,
    operations: Operations | None = None,
) -> KioskController:
    """A KioskController on ``root`` with a fake clock (not yet shown or started).

    With ``pages=False`` it starts as `kiosk run` does: on kiosk.yaml and the checklists.
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    stats = UsageStats(stats_file, today=lambda: dt.date(2026, 11, 24))
    return KioskController(
        app,
        root,
        load_content(root, pages=pages),
        resources_dir(),
        stats=stats,
        metrics_dir=metrics_dir,
        clock=clock or FakeClock(),
        operations=operations,
    )


def dispose(kiosk: KioskController) -> None:
    """Stop a KioskController and delete it on the UI thread now."""
    kiosk.stop()
    kiosk.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def running(
    qtbot: QtBot,
    fonts_loaded: None,
    content_dir: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> Iterator[Running]:
    operations = with_pin(PIN) if getattr(request, "param", None) == "pin" else None
    clock = FakeClock()
    kiosk = build_kiosk(
        content_dir, tmp_path / "usage.sqlite3", clock, tmp_path / "metrics", operations=operations
    )
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    kiosk.start()
    yield Running(kiosk, clock, content_dir, tmp_path / "metrics")
    dispose(kiosk)


def start_visit(qtbot: QtBot, running: Running) -> None:
    attract = running.kiosk.window.current
    assert isinstance(attract, AttractScreen)
    tap(qtbot, attract)
    assert isinstance(running.kiosk.window.current, HomeScreen)


# -- attract and idle -------------------------------------------------------------------


def test_starts_on_attract_with_the_number_and_touch_starts(qtbot: QtBot, running: Running) -> None:
    window = running.kiosk.window
    attract = window.current
    assert isinstance(attract, AttractScreen)
    assert attract.phone.text() == "352-771-2700"
    assert not window.top_bar.isVisible() and not window.call_panel.isVisible()
    before = attract.card.pos()
    for _ in range(40):
        attract.drift()
    assert attract.card.pos() != before  # it moves (no burn-in)
    start_visit(qtbot, running)
    assert window.call_panel.isVisible()


def test_warn_extend_warn_reset(qtbot: QtBot, running: Running) -> None:
    kiosk, clock = running.kiosk, running.clock
    start_visit(qtbot, running)
    overlay = kiosk.idle_overlay
    clock.advance(89)
    kiosk.idle.check()
    assert not overlay.isVisible()
    clock.advance(2)
    kiosk.idle.check()
    assert overlay.isVisible()
    assert overlay.title.text() == "Are you still there?"
    assert "start over in 29 seconds" in overlay.countdown.text()
    clock.advance(10)
    kiosk.idle.check()
    assert "in 19 seconds" in overlay.countdown.text()
    tap(qtbot, overlay.button)  # "I'm still here"
    assert not overlay.isVisible()
    assert isinstance(kiosk.window.current, HomeScreen)
    clock.advance(95)
    kiosk.idle.check()
    assert overlay.isVisible()
    clock.advance(30)
    kiosk.idle.check()
    assert not overlay.isVisible()
    assert isinstance(kiosk.window.current, AttractScreen)


def test_countdown_is_in_the_visitors_language(qtbot: QtBot, running: Running) -> None:
    start_visit(qtbot, running)
    tap(qtbot, running.kiosk.window.top_bar.language)
    running.clock.advance(100)
    running.kiosk.idle.check()
    assert running.kiosk.idle_overlay.title.text() == "¿Sigue ahí?"
    assert running.kiosk.idle_overlay.button.text() == "Sigo aquí"


def test_reset_forgets_everything_about_the_visitor(qtbot: QtBot, running: Running) -> None:
    kiosk = running.kiosk
    window = kiosk.window
    start_visit(qtbot, running)
    tap(qtbot, window.top_bar.language)
    tap(qtbot, window.top_bar.text_size)
    window.go(Place(Screen.CHECKLIST, "withdrawal"))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    tap(qtbot, checklist.rows["fever"])
    window.go(Place(Screen.DRUG_LIST))
    listing = window.current
    assert isinstance(listing, DrugListScreen)
    for key in "BAC":
        tap(qtbot, listing.keyboard.keys[key])
    window.go(Place(Screen.DRUG, "baclofen"))
    page = window.current
    assert isinstance(page, DrugPageScreen)
    page.scroll_area.verticalScrollBar().setValue(200)
    old = window.session
    old_ref = weakref.ref(old)
    assert old.language == "es" and old.text_size is TextSize.LARGE
    assert old.search_text == "bac" and old.ticked("withdrawal") == {"fever"}

    running.clock.advance(200)
    kiosk.idle.check()  # warning
    kiosk.idle.check()  # expired → reset

    new = window.session
    assert new is not old
    assert new.place == ATTRACT and not new.can_go_back
    assert new.language == "en" and new.text_size is TextSize.NORMAL
    assert new.search_text == "" and new.ticked("withdrawal") == frozenset()
    assert new.scroll == {} and not new.high_contrast
    assert isinstance(window.current, AttractScreen)
    del old, checklist, listing, page
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert old_ref() is None, gc.get_referrers(old_ref())
    # What the visitor typed shows nowhere any more.
    tap(qtbot, window.current)
    window.go(Place(Screen.DRUG_LIST))
    fresh = window.current
    assert isinstance(fresh, DrugListScreen) and fresh.search.text() == ""


def test_reset_closes_staff_panel_and_pin_pad(qtbot: QtBot, running: Running) -> None:
    kiosk = running.kiosk
    start_visit(qtbot, running)
    kiosk.pin_pad.open_pad()
    kiosk.pin_pad.type_digit("1")
    running.clock.advance(200)
    kiosk.idle.check()
    kiosk.idle.check()
    assert not kiosk.pin_pad.isVisible() and not kiosk.staff.isVisible()


# -- lockdown ---------------------------------------------------------------------------


class KeySpy(QObject):
    """Records key presses that reach a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        modifier_keys = (Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Shift, Qt.Key.Key_Meta)
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() not in modifier_keys
        ):
            self.keys.append(event.key())
        return False


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_blocked_keys_do_nothing(
    qtbot: QtBot, running: Running, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    app = QApplication.instance()
    assert app is not None
    lockdown = Lockdown()
    app.installEventFilter(lockdown)
    window = running.kiosk.window
    spy = KeySpy()
    window.installEventFilter(spy)
    try:
        start_visit(qtbot, running)
        window.go(Place(Screen.DRUG_LIST))
        qtbot.keyClick(window, key, modifiers)
        qtbot.keyClick(window, Qt.Key.Key_Tab)
        assert spy.keys == [Qt.Key.Key_Tab]  # the harmless key got through; the other did not
        assert isinstance(window.current, DrugListScreen) and window.isVisible()
    finally:
        app.removeEventFilter(lockdown)


def test_close_events_are_ignored(running: Running) -> None:
    window = running.kiosk.window
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert window.isVisible()
    assert window.close() is False


def test_context_menu_and_text_selection_are_swallowed(qtbot: QtBot, running: Running) -> None:
    lockdown = Lockdown()
    window = running.kiosk.window
    start_visit(qtbot, running)
    window.go(Place(Screen.DRUG_LIST))
    listing = window.current
    assert isinstance(listing, DrugListScreen)
    listing.search.setText("baclofen")
    context = QEvent(QEvent.Type.ContextMenu)
    assert lockdown.eventFilter(listing.search, context) is True
    qtbot.mouseDClick(listing.search, Qt.MouseButton.LeftButton)
    assert listing.search.selectedText() in ("", "baclofen")  # without the filter …
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(lockdown)
    try:
        listing.search.deselect()
        qtbot.mouseDClick(listing.search, Qt.MouseButton.LeftButton)
        assert listing.search.selectedText() == ""
    finally:
        app.removeEventFilter(lockdown)


# -- staff panel ------------------------------------------------------------------------


def enter_pin(qtbot: QtBot, running: Running, pin: str) -> None:
    pad = running.kiosk.pin_pad
    for digit in pin:
        tap(qtbot, pad.keys[digit])
    tap(qtbot, pad.keys["OK"])


@pytest.mark.parametrize("running", ["pin"], indirect=True)
def test_long_press_in_corner_opens_pin_pad_and_right_pin_opens_panel(
    qtbot: QtBot, running: Running
) -> None:
    window = running.kiosk.window
    start_visit(qtbot, running)
    corner = QPoint(20, 20)
    target = window.childAt(corner) or window
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))
    qtbot.waitUntil(running.kiosk.pin_pad.isVisible, timeout=4000)
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, corner))
    enter_pin(qtbot, running, PIN)
    staff = running.kiosk.staff
    assert staff.isVisible() and not running.kiosk.pin_pad.isVisible()
    assert "Content folder:" in staff.info.text()
    assert "not yet clinically reviewed" in staff.problems.toPlainText()
    assert staff.exit_button.isEnabled()
    tap(qtbot, staff.close_button)
    assert not staff.isVisible()


def test_a_short_press_in_the_corner_does_nothing(qtbot: QtBot, running: Running) -> None:
    start_visit(qtbot, running)
    window = running.kiosk.window
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    qtbot.wait(100)
    assert not running.kiosk.pin_pad.isVisible()


@pytest.mark.parametrize("running", ["pin"], indirect=True)
def test_wrong_pins_lock_the_pad_for_five_minutes(qtbot: QtBot, running: Running) -> None:
    pad = running.kiosk.pin_pad
    start_visit(qtbot, running)
    pad.open_pad()
    enter_pin(qtbot, running, "111111")
    assert pad.message.text() == "Wrong PIN. 4 tries left."
    for _ in range(4):
        enter_pin(qtbot, running, "111111")
    assert "locked for 5 more minutes" in pad.message.text()
    enter_pin(qtbot, running, PIN)  # even the right PIN is refused while locked
    assert not running.kiosk.staff.isVisible()
    assert "locked for" in pad.message.text()
    running.clock.advance(301)
    enter_pin(qtbot, running, PIN)
    assert running.kiosk.staff.isVisible()


@pytest.mark.allow_log_warnings  # no staff PIN, which is logged
def test_without_a_pin_the_corner_does_nothing(
    qtbot: QtBot, running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = running.kiosk
    start_visit(qtbot, running)
    said = [r.getMessage() for r in caplog.get_records("setup")]
    assert any(
        "no staff PIN is set (kioskctl set-pin): the staff corner does nothing" in m for m in said
    )
    kiosk.corner.held.emit()  # the 3-second hold in the corner
    assert not kiosk.pin_pad.isVisible() and not kiosk.staff.isVisible()
    kiosk.exit_kiosk()
    assert kiosk.window.isVisible()


def test_staff_preview_shows_the_chosen_page(qtbot: QtBot, running: Running) -> None:
    kiosk = running.kiosk
    start_visit(qtbot, running)
    kiosk.open_staff_panel()
    tap(qtbot, kiosk.staff.preview_button)
    assert kiosk.staff.chooser.isVisible()
    buttons = {
        b.text(): b for b in kiosk.staff.chooser.findChildren(type(kiosk.staff.close_button))
    }
    tap(qtbot, buttons["Baclofen"])
    assert not kiosk.staff.isVisible()
    assert isinstance(kiosk.window.current, DrugPageScreen)


# -- hot reload -------------------------------------------------------------------------


def reload_and_wait(qtbot: QtBot, running: Running) -> None:
    with qtbot.waitSignal(running.kiosk.watcher.reloaded, timeout=8000):
        pass


def test_valid_edit_shows_at_once_on_home(qtbot: QtBot, running: Running) -> None:
    start_visit(qtbot, running)
    page = running.root / "drugs" / "baclofen.yaml"
    with qtbot.waitSignal(running.kiosk.watcher.reloaded, timeout=8000):
        page.write_text(drug_yaml(name="Baclofen Tablets"), encoding="utf-8")
    assert running.kiosk.catalog.drugs["baclofen"].name.get("en") == "Baclofen Tablets"
    assert running.kiosk.window.catalog is running.kiosk.catalog


def test_invalid_edit_keeps_last_good_and_reports(qtbot: QtBot, running: Running) -> None:
    start_visit(qtbot, running)
    page = running.root / "drugs" / "baclofen.yaml"
    with qtbot.waitSignal(running.kiosk.watcher.reloaded, timeout=8000):
        page.write_text(drug_yaml().replace("summary:", "sumary:"), encoding="utf-8")
    assert running.kiosk.catalog.drugs["baclofen"].summary.get("en") == "A medicine."
    assert any("did you mean 'summary'" in p.message for p in running.kiosk.problems)
    running.kiosk.open_staff_panel()
    assert "did you mean 'summary'" in running.kiosk.staff.problems.toPlainText()


def test_atomic_rename_save_is_seen_every_time(qtbot: QtBot, running: Running) -> None:
    start_visit(qtbot, running)
    page = running.root / "drugs" / "baclofen.yaml"
    for number in (1, 2):
        temp = page.with_name(".baclofen.yaml.tmp")
        temp.write_text(drug_yaml(name=f"Baclofen v{number}"), encoding="utf-8")
        with qtbot.waitSignal(running.kiosk.watcher.reloaded, timeout=8000):
            os.replace(temp, page)
        assert running.kiosk.catalog.drugs["baclofen"].name.get("en") == f"Baclofen v{number}"


def test_new_bad_file_left_out_and_deleted_file_removed(qtbot: QtBot, running: Running) -> None:
    start_visit(qtbot, running)
    drugs = running.root / "drugs"
    with qtbot.waitSignal(running.kiosk.watcher.reloaded, timeout=8000):
        (drugs / "new.yaml").write_text("id: new\nname: [\n", encoding="utf-8")
    assert "new" not in running.kiosk.catalog.drugs
    assert any(p.path.endswith("new.yaml") for p in running.kiosk.problems)
    with qtbot.waitSignal(running.kiosk.watcher.reloaded, timeout=8000):
        (drugs / "baclofen.yaml").unlink()
    assert dict(running.kiosk.catalog.drugs) == {}


def test_change_while_reading_waits_for_the_reset(qtbot: QtBot, running: Running) -> None:
    kiosk = running.kiosk
    start_visit(qtbot, running)
    kiosk.window.go(Place(Screen.DRUG, "baclofen"))
    page = running.root / "drugs" / "baclofen.yaml"
    with qtbot.waitSignal(kiosk.watcher.reloaded, timeout=8000):
        page.write_text(drug_yaml(name="Renamed"), encoding="utf-8")
    shown = kiosk.window.current
    assert isinstance(shown, DrugPageScreen) and shown.page.name.get("en") == "Baclofen"
    assert kiosk.pending is not None
    kiosk.reset()
    assert kiosk.pending is None
    assert kiosk.window.catalog.drugs["baclofen"].name.get("en") == "Renamed"


@pytest.mark.allow_log_warnings  # the folder has no staff PIN, which is logged
def test_symlink_swap_of_the_whole_folder(
    qtbot: QtBot, fonts_loaded: None, content_dir: Path, tmp_path: Path
) -> None:
    releases = tmp_path / "releases"
    shutil.copytree(content_dir, releases / "v1")
    shutil.copytree(content_dir, releases / "v2")
    (releases / "v2" / "drugs" / "baclofen.yaml").write_text(
        drug_yaml(name="From v2"), encoding="utf-8"
    )
    live = tmp_path / "live"
    live.symlink_to(releases / "v1")
    kiosk = build_kiosk(live, tmp_path / "s.sqlite3")
    qtbot.addWidget(kiosk.window)
    kiosk.window.show()
    kiosk.start()
    try:
        staging = tmp_path / "live.new"
        staging.symlink_to(releases / "v2")
        with qtbot.waitSignal(kiosk.watcher.reloaded, timeout=10000):
            os.replace(staging, live)  # how rsync and git deploys switch releases
        assert kiosk.catalog.drugs["baclofen"].name.get("en") == "From v2"
    finally:
        dispose(kiosk)


# -- stats and metrics ------------------------------------------------------------------


def test_counts_are_anonymous_daily_totals(qtbot: QtBot, running: Running) -> None:
    kiosk = running.kiosk
    start_visit(qtbot, running)
    window = kiosk.window
    window.go(Place(Screen.DRUG_LIST))
    listing = window.current
    assert isinstance(listing, DrugListScreen)
    for key in "SECRETNAME":
        tap(qtbot, listing.keyboard.keys[key])
    window.go(Place(Screen.DRUG, "baclofen"))
    tap(qtbot, window.top_bar.language)  # a redraw is not a second view
    window.go(Place(Screen.CHECKLIST, "withdrawal"))
    checklist = window.current
    assert isinstance(checklist, ChecklistScreen)
    tap(qtbot, checklist.rows["fever"])
    window.go(Place(Screen.RESULT, "withdrawal"))
    result = window.current
    assert isinstance(result, ResultScreen)
    tap(qtbot, result.call_button)  # an emergency result offers the coordinator itself
    totals = kiosk.stats.totals()
    assert totals == {
        (Metric.SESSION.value, ""): 1,
        (Metric.PAGE_VIEW.value, "baclofen"): 1,
        (Metric.CHECKLIST_COMPLETED.value, "withdrawal"): 1,
        (Metric.URGENT_RESULT.value, "withdrawal"): 1,
        (Metric.CALL_CARD.value, ""): 1,
    }
    assert {row.day for row in kiosk.stats.rows()} == {"2026-11-24"}
    database = (running.metrics.parent / "usage.sqlite3").read_bytes()
    assert b"secretname" not in database.lower() and b"fever" not in database


def test_metrics_file_is_written_and_parses(qtbot: QtBot, running: Running) -> None:
    start_visit(qtbot, running)
    running.kiosk.window.go(Place(Screen.DRUG, "baclofen"))
    running.kiosk.write_metrics()
    text = (running.metrics / "kiosk.prom").read_text(encoding="utf-8")
    values: dict[str, float] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            values[name] = float(value)
    assert values["kiosk_up"] == 1
    assert values["kiosk_sessions_total"] == 1
    assert values['kiosk_page_views_total{page="baclofen"}'] == 1
    assert values["kiosk_content_problems"] == len(running.kiosk.problems)
    assert values["kiosk_last_reload_timestamp_seconds"] > 1_700_000_000


@pytest.mark.allow_log_warnings  # no staff PIN, and the draft reviews, are logged
def test_start_shows_first_then_reads_the_drug_pages_in_the_background(
    qtbot: QtBot,
    fonts_loaded: None,
    content_dir: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    kiosk = build_kiosk(content_dir, tmp_path / "usage.sqlite3", pages=False)
    try:
        qtbot.addWidget(kiosk.window)
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        assert not kiosk.catalog.complete and not kiosk.catalog.drugs
        tap(qtbot, kiosk.window.current)  # attract → home
        home = kiosk.window.current
        assert isinstance(home, HomeScreen)
        tap(qtbot, home.tiles["medications"])
        listing = kiosk.window.current
        assert isinstance(listing, DrugListScreen)
        assert listing.empty.isVisible()
        assert "loading" in listing.empty.text()
        kiosk.start()  # as `kiosk run` does once the window is up
        qtbot.waitUntil(lambda: kiosk.catalog.complete, timeout=5000)
        # The pages appear where the visitor is, without waiting for a reset.
        listing = kiosk.window.current
        assert isinstance(listing, DrugListScreen)
        assert not listing.empty.isVisible()
        assert listing.model.ids() == ["baclofen"]
        # Every problem of the whole folder is logged once, when it has been read.
        logged = [r.getMessage() for r in caplog.records if "not yet clinically" in r.getMessage()]
        assert sorted(Path(m.split(":")[0]).name for m in logged) == [
            "baclofen.yaml",
            "withdrawal.yaml",
        ]
    finally:
        dispose(kiosk)


def test_home_after_reset_is_reached_by_touching_attract(qtbot: QtBot, running: Running) -> None:
    running.kiosk.reset()
    assert running.kiosk.window.session.place == ATTRACT
    tap(qtbot, running.kiosk.window.current)
    assert running.kiosk.window.session.place == HOME


@pytest.mark.parametrize("running", ["pin"], indirect=True)
def test_pin_can_be_typed_on_a_keyboard(qtbot: QtBot, running: Running) -> None:
    start_visit(qtbot, running)
    pad = running.kiosk.pin_pad
    pad.open_pad()
    qtbot.keyClicks(pad, "246819")
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pad, "3")
    assert pad.display.text() == "••••••"
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert running.kiosk.staff.isVisible()


@pytest.mark.allow_log_warnings  # no staff PIN in this folder
def test_site_theme_sets_each_visitors_starting_colours(
    qtbot: QtBot, fonts_loaded: None, content_dir: Path, tmp_path: Path
) -> None:
    site = content_dir / "kiosk.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "theme: high-contrast\n", encoding="utf-8")
    kiosk = build_kiosk(content_dir, tmp_path / "s.sqlite3")
    qtbot.addWidget(kiosk.window)
    assert kiosk.window.session.high_contrast
    kiosk.window.toggle_contrast()
    kiosk.reset()
    assert kiosk.window.session.high_contrast  # back to the clinic's choice for the next visitor
    dispose(kiosk)


@pytest.mark.allow_log_warnings  # starts without a staff PIN
def test_a_pin_written_into_the_content_is_ignored(qtbot: QtBot, running: Running) -> None:
    """Whoever edits content cannot give themselves (or a visitor) the staff panel."""
    kiosk = running.kiosk
    site = running.root / "kiosk.yaml"
    with qtbot.waitSignal(kiosk.watcher.reloaded, timeout=8000):
        site.write_text(
            site.read_text(encoding="utf-8")
            + f'admin_pin_hash: "{hash_pin("135791", iterations=1000)}"\n',
            encoding="utf-8",
        )
    assert not kiosk.pin_gate.is_set
    assert any("'admin_pin_hash' is not read from kiosk.yaml" in p.message for p in kiosk.problems)
    kiosk.corner.held.emit()
    assert not kiosk.pin_pad.isVisible()


@pytest.mark.parametrize("running", ["pin"], indirect=True)
def test_staff_exit_stops_with_the_status_the_service_does_not_restart(
    qtbot: QtBot, running: Running
) -> None:
    codes: list[int] = []

    class App:
        def exit(self, code: int) -> None:
            codes.append(code)

    kiosk = running.kiosk
    real_app = kiosk.app
    kiosk.app = App()  # type: ignore[assignment]
    try:
        kiosk.open_staff_panel()
        tap(qtbot, kiosk.staff.exit_button)
    finally:
        kiosk.app = real_app
    assert codes == [10]
    assert not kiosk.window.isVisible()
