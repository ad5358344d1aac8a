"""Clinic notices: shown on attract and home on their dates, gone after, checked by kiosk check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.content import load_content
from kiosk.session import ATTRACT, HOME, Place, Screen, Session
from kiosk.settings import resources_dir
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.theme import load_template
from tests.conftest import SITE

NOTICES = """\
notices:
  - text: {en: Free naloxone kits at the front desk., es: Kits de naloxona gratis en recepción.}
  - text: {en: Closed on Thursday 26 November., es: Cerrado el jueves 26 de noviembre.}
    starts: 2026-11-20
    ends: 2026-11-26
"""


class Calendar:
    """A fake clock for the window: today is whatever the test says."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


def window_on(qtbot: QtBot, root: Path, calendar: Calendar, start: Place = HOME) -> KioskWindow:
    catalog = load_content(root).catalog
    assert catalog is not None
    session = Session.for_site(catalog.site, start)
    window = KioskWindow(catalog, session, load_template(resources_dir()), today=calendar)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def shown_notices(window: KioskWindow) -> list[str]:
    screen = window.current
    if isinstance(screen, HomeScreen):
        return [label.text() for label in screen.notices if label.isVisible()]
    assert isinstance(screen, AttractScreen)
    return [line.text for line in screen.view.notices]


def test_a_dated_notice_appears_and_goes_on_its_dates_without_a_reload(
    qtbot: QtBot, content_dir: Path
) -> None:
    (content_dir / "kiosk.yaml").write_text(SITE + NOTICES, encoding="utf-8")
    calendar = Calendar(dt.date(2026, 11, 19))
    window = window_on(qtbot, content_dir, calendar)
    assert shown_notices(window) == ["Free naloxone kits at the front desk."]
    calendar.day = dt.date(2026, 11, 20)  # midnight: the closing notice goes up
    window.check_day()
    assert shown_notices(window) == [
        "Free naloxone kits at the front desk.",
        "Closed on Thursday 26 November.",
    ]
    assert "Closed on Thursday 26 November." in window.current.speech_text()  # type: ignore[union-attr]
    calendar.day = dt.date(2026, 11, 26)  # its last day: still up
    window.check_day()
    assert len(shown_notices(window)) == 2
    calendar.day = dt.date(2026, 11, 27)
    window.check_day()
    assert shown_notices(window) == ["Free naloxone kits at the front desk."]


def test_the_attract_screen_shows_todays_notices_and_home_in_spanish(
    qtbot: QtBot, content_dir: Path
) -> None:
    (content_dir / "kiosk.yaml").write_text(SITE + NOTICES, encoding="utf-8")
    calendar = Calendar(dt.date(2026, 11, 25))
    window = window_on(qtbot, content_dir, calendar, ATTRACT)
    assert shown_notices(window) == [
        "Free naloxone kits at the front desk.",
        "Closed on Thursday 26 November.",
    ]
    window.go(HOME)
    window.next_language()
    assert "Cerrado el jueves 26 de noviembre." in shown_notices(window)
    calendar.day = dt.date(2026, 12, 1)  # a new day while on a drug list: no redraw needed
    window.go(Place(Screen.DRUG_LIST))
    window.check_day()
    window.go(HOME)
    assert "Cerrado el jueves 26 de noviembre." not in shown_notices(window)


def test_kiosk_check_warns_about_a_notice_that_has_ended_and_refuses_one_ending_first(
    content_dir: Path, capsys: object
) -> None:
    (content_dir / "kiosk.yaml").write_text(SITE + NOTICES, encoding="utf-8")
    assert main(["check", "--content", str(content_dir)]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    site_yaml = content_dir / "kiosk.yaml"
    line = SITE.count("\n") + 5  # the 'ends:' line of the second notice
    assert f"{site_yaml}:{line}:" in out and "notice 2 ended on 2026-11-26" in out
    backwards = NOTICES.replace("starts: 2026-11-20", "starts: 2026-11-30")
    site_yaml.write_text(SITE + backwards, encoding="utf-8")
    assert main(["check", "--content", str(content_dir)]) == 1
    assert "ends date is before its starts date" in capsys.readouterr().out  # type: ignore[attr-defined]
