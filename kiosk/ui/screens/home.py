"""Home: the clinic's name and a few big tiles."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy

from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import ScrollPage, label
from kiosk.ui.widgets.touch_button import TouchButton


def checklist_place(ctx: ScreenContext) -> Place:
    """Straight to the only checklist, or to the list when there are several (or none)."""
    if len(ctx.catalog.checklists) == 1:
        return Place(Screen.CHECKLIST, next(iter(ctx.catalog.checklists)))
    return Place(Screen.CHECKLIST_LIST)


class HomeScreen(ScrollPage):
    """The start screen."""

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__(
            ctx.text(ctx.catalog.site.clinic_name), ctx.ui("page_desc"), ctx.scroll_pool
        )
        site = ctx.catalog.site
        self.body.addWidget(label(ctx.text(site.clinic_name), "clinic"))
        if site.welcome:
            self.body.addWidget(label(ctx.text(site.welcome)))
        self.tiles: dict[str, TouchButton] = {}
        for key, place in (
            ("medications", Place(Screen.DRUG_LIST)),
            ("checklist", checklist_place(ctx)),
            ("call", Place(Screen.CALL)),
        ):
            tile = TouchButton(ctx.ui(f"tile_{key}"), ctx.ui(f"tile_{key}_sub"), kind="tile")
            tile.setMinimumHeight(180)
            tile.setMaximumHeight(340)
            tile.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
            tile.clicked.connect(lambda _=False, p=place: ctx.go(p))
            self.body.addWidget(tile, 1)
            self.tiles[key] = tile
        self.body.addStretch(1)  # past the tiles' maximum height, space goes below them
