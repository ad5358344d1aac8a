"""Which screen shows each kind of place: one table of screen builders."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from kiosk.session import HOME, Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.screens.call_card import CallCardScreen
from kiosk.ui.screens.checklist import ChecklistScreen
from kiosk.ui.screens.checklist_list import ChecklistListScreen
from kiosk.ui.screens.drug_list import DrugListScreen
from kiosk.ui.screens.drug_page import DrugPageScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.kiosk_screen import KioskScreen
from kiosk.ui.screens.result import ResultScreen

#: Builds the screen for a place, or None when its page or checklist is not in the catalog.
ScreenBuilder = Callable[[ScreenContext, Place], KioskScreen | None]


def _attract(ctx: ScreenContext, place: Place) -> KioskScreen:
    screen = AttractScreen(ctx.catalog, ctx.translations, ctx.today())
    screen.touched.connect(lambda: ctx.go(HOME))
    if ctx.start_audio is not None:
        screen.audio_requested.connect(ctx.start_audio)
    return screen


def _call_card(ctx: ScreenContext, place: Place) -> KioskScreen:
    # From an immediate-action result (its checklist's id): keep its emergency action.
    source = ctx.catalog.checklists.get(place.key)
    action = None
    if source is not None:
        action = source.emergency_action or ctx.catalog.site.emergency_action
    return CallCardScreen(ctx, action)


def _drug(ctx: ScreenContext, place: Place) -> KioskScreen | None:
    page = ctx.catalog.drugs.get(place.key)
    return DrugPageScreen(ctx, page) if page is not None else None


def _checklist(ctx: ScreenContext, place: Place) -> KioskScreen | None:
    checklist = ctx.catalog.checklists.get(place.key)
    return ChecklistScreen(ctx, checklist) if checklist is not None else None


def _result(ctx: ScreenContext, place: Place) -> KioskScreen | None:
    checklist = ctx.catalog.checklists.get(place.key)
    return ResultScreen(ctx, checklist) if checklist is not None else None


SCREENS: Mapping[Screen, ScreenBuilder] = MappingProxyType(
    {
        Screen.ATTRACT: _attract,
        Screen.HOME: lambda ctx, place: HomeScreen(ctx),
        Screen.DRUG_LIST: lambda ctx, place: DrugListScreen(ctx),
        Screen.DRUG: _drug,
        Screen.CHECKLIST_LIST: lambda ctx, place: ChecklistListScreen(ctx),
        Screen.CHECKLIST: _checklist,
        Screen.RESULT: _result,
        Screen.CALL: _call_card,
    }
)


def build_screen(ctx: ScreenContext, place: Place) -> KioskScreen | None:
    """The screen for ``place`` (None when what it shows is gone)."""
    return SCREENS[place.screen](ctx, place)
