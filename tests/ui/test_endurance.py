"""Months unattended: nothing the kiosk does over and over may leak or wear anything down.

A kiosk builds a new screen for every tap and a new session for every visitor, and its
attract screen moves ten times a second. Each of those is repeated here a few hundred
times and what must stay constant is checked: references held by the interpreter's
singletons (None, True), Python memory, widgets.
"""

from __future__ import annotations

import gc
import sys
import tracemalloc

import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLayout, QLayoutItem, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session import ATTRACT, Place, Screen, Session
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.screens.attract import AttractScreen
from tests.ui.conftest import WindowFactory


def settle() -> None:
    """Delete what deleteLater() queued and collect garbage."""
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_attract_screen_can_drift_for_months(qtbot: QtBot, make_window: WindowFactory) -> None:
    """The attract screen's 100 ms drift timer must not wear the interpreter down.

    With PySide6 6.12.0 on CPython 3.11 (see test_binding_refcounts.py) each tick lost three
    references to None and an untouched kiosk aborted after about 13 minutes.
    """
    window = make_window()
    window.replace_session(Session(window.catalog.site.default_language, start=ATTRACT))
    attract = window.current
    assert isinstance(attract, AttractScreen)
    for _ in range(20):
        attract.drift()
    before = sys.getrefcount(None)
    for _ in range(600):  # one minute of the screen left alone
        attract.drift()
    lost = before - sys.getrefcount(None)
    assert lost < 60, (
        f"a minute on the attract screen lost {lost} references to None; a kiosk process "
        f"starts with ~25,000, so it aborts after about {25_000 // max(1, lost)} minutes"
    )


def test_idle_reset_keeps_its_reference_to_true(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Replacing the session (every idle reset) must not drop references to True."""
    window = make_window()
    language = window.catalog.site.default_language
    for _ in range(3):
        window.replace_session(Session(language, start=ATTRACT))
    settle()
    before = sys.getrefcount(True)
    for _ in range(40):
        window.replace_session(Session(language, start=ATTRACT))
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle()
    lost = before - sys.getrefcount(True)
    assert lost < 10, f"40 resets lost {lost} references to True"


def test_building_screens_does_not_grow_python_memory(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """A screen shown and thrown away leaves nothing behind in Python's heap.

    Each scroll area asks ``QScroller.grabGesture`` for kinetic scrolling; Qt answers with
    a new gesture-type number every time, and PySide6 builds a new Python enum class for
    each unknown number and keeps it for ever (about 2.6 KiB a screen).
    """
    window = make_window()
    drug = next(iter(window.catalog.drugs))
    places = [Place(Screen.DRUG, drug), Place(Screen.DRUG_LIST), Place(Screen.CALL)]
    for place in places * 40:  # fill Qt's and PySide's caches first
        window.go(place)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for place in places * 60:
            window.go(place)
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    per_screen = grown / (len(places) * 60)
    assert per_screen < 2048, f"Python memory grew by {per_screen:.0f} bytes per screen shown"


def test_widgets_do_not_pile_up_over_visits(qtbot: QtBot, make_window: WindowFactory) -> None:
    """After many visitors the window holds the same widgets as after a few."""
    window: KioskWindow = make_window()
    catalog = window.catalog
    language = catalog.site.default_language
    drug = next(iter(catalog.drugs))
    checklist = next(iter(catalog.checklists))

    def visit() -> None:
        window.replace_session(Session(language, start=ATTRACT))
        for place in (
            Place(Screen.HOME),
            Place(Screen.DRUG_LIST),
            Place(Screen.DRUG, drug),
            Place(Screen.CHECKLIST, checklist),
            Place(Screen.RESULT, checklist),
            Place(Screen.CALL),
        ):
            window.go(place)
        window.next_language()
        window.replace_session(Session(language, start=ATTRACT))
        settle()

    for _ in range(3):
        visit()
    widgets = len(window.findChildren(QWidget))
    for _ in range(20):
        visit()
    assert len(window.findChildren(QWidget)) == widgets


def _layout_items(layout: QLayout) -> list[QLayoutItem]:
    """Every item of ``layout``, nested layouts included."""
    items: list[QLayoutItem] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        items.append(item)
        inner = item.layout()
        if inner is not None:
            items += _layout_items(inner)
    return items


def test_the_call_panel_frees_the_layout_items_it_replaces(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Every reset and language change rebuilds the call panel; nothing old may stay behind.

    ``CallPanel._clear`` takes items out of its layouts with ``takeAt`` and deletes their
    widgets, but not the QLayoutItems themselves, which ``takeAt`` hands to the caller:
    about 0.75 KiB of Qt memory lost per visitor (seen in ``make bench``'s endurance run).
    """
    window = make_window()
    layout = window.call_panel.layout()
    assert layout is not None
    old = _layout_items(layout)
    window.replace_session(Session(window.catalog.site.default_language, start=ATTRACT))
    settle()
    kept = {id(item) for item in _layout_items(layout)}
    replaced = [item for item in old if id(item) not in kept]
    assert replaced, "the call panel was not rebuilt"
    alive = [item for item in replaced if shiboken6.isValid(item)]
    assert not alive, f"{len(alive)} of {len(replaced)} replaced layout items were never deleted"


def test_rendered_markdown_cache_stays_bounded(qapp: QApplication) -> None:
    from kiosk.ui.screens.common import MARKDOWN_CACHE_SIZE, markdown_html

    markdown_html.cache_clear()
    first = markdown_html("Page 0 says **this**.")
    for number in range(1, MARKDOWN_CACHE_SIZE + 50):  # a big folder: every text different
        markdown_html(f"Page {number} says **this**.")
    assert markdown_html.cache_info().currsize == MARKDOWN_CACHE_SIZE
    assert "<b>" in first or "font-weight" in first  # and the HTML is what a label shows
