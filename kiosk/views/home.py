"""Home's view model: the clinic's name, its welcome and the three big tiles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kiosk.content import Catalog
from kiosk.session import Place, Screen
from kiosk.views.parts import Action, Text, spoken_lines
from kiosk.views.words import Words


def checklist_place(catalog: Catalog) -> Place:
    """Straight to the only checklist, or to the list when there are several (or none)."""
    if len(catalog.checklists) == 1:
        return Place(Screen.CHECKLIST, next(iter(catalog.checklists)))
    return Place(Screen.CHECKLIST_LIST)


@dataclass(frozen=True)
class HomeView:
    """What Home shows and says."""

    title: str
    description: str
    clinic: Text
    welcome: Text | None
    #: The clinic's notices up today.
    notices: tuple[Text, ...]
    #: Tile name (medications, checklist, call) → its action.
    tiles: dict[str, Action]

    def spoken(self) -> list[str]:
        """The clinic, its welcome, then each tile."""
        return spoken_lines(self.clinic, self.welcome, *self.notices, *self.tiles.values())


def notice_texts(catalog: Catalog, day: dt.date, words: Words) -> tuple[Text, ...]:
    """The notices up on ``day``, in the visitor's words."""
    return tuple(Text(words.text(n.text), "notice") for n in catalog.site.notices_on(day))


def home_view(catalog: Catalog, words: Words, day: dt.date) -> HomeView:
    """Home in the visitor's words, with the notices up on ``day``."""
    site = catalog.site
    name = words.text(site.clinic_name)
    places = {
        "medications": Place(Screen.DRUG_LIST),
        "checklist": checklist_place(catalog),
        "call": Place(Screen.CALL),
    }
    return HomeView(
        title=name,
        description=words.ui("page_desc"),
        clinic=Text(name, "clinic"),
        welcome=Text(words.text(site.welcome)) if site.welcome else None,
        notices=notice_texts(catalog, day, words),
        tiles={
            key: Action(words.ui(f"tile_{key}"), words.ui(f"tile_{key}_sub"), target=place)
            for key, place in places.items()
        },
    )
