"""A list of all checklists, for clinics with more than one."""

from __future__ import annotations

from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import ScrollPage, label
from kiosk.ui.widgets.touch_button import TouchButton


class ChecklistListScreen(ScrollPage):
    """One big row per checklist; says so plainly when there are none."""

    def __init__(self, ctx: ScreenContext) -> None:
        super().__init__(ctx.ui("checklists"), ctx.ui("page_desc"), ctx.scroll_pool)
        self.body.addWidget(label(ctx.ui("checklists"), "h1"))
        self.rows: dict[str, TouchButton] = {}
        for checklist_id, checklist in ctx.catalog.checklists.items():
            row = TouchButton(ctx.text(checklist.title), kind="tile", center=False)
            row.setAccessibleDescription(ctx.ui("open_checklist_desc"))
            place = Place(Screen.CHECKLIST, checklist_id)
            row.clicked.connect(lambda _=False, p=place: ctx.go(p))
            self.body.addWidget(row)
            self.rows[checklist_id] = row
        if not self.rows:
            self.body.addWidget(label(ctx.ui("no_checklists"), "h2"))
        self.finish()
