"""A list of all checklists, for clinics with more than one."""

from __future__ import annotations

from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import ScrollPage, text_label
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.views.lists import checklist_list_view


class ChecklistListScreen(ScrollPage):
    """One big row per checklist; says so plainly when there are none."""

    def __init__(self, ctx: ScreenContext) -> None:
        view = checklist_list_view(ctx.catalog, ctx)
        self.view = view
        super().__init__(ctx, view.title, view.description)
        self.body.addWidget(text_label(view.heading))
        self.rows: dict[str, TouchButton] = {}
        for checklist_id, action in view.rows.items():
            row = TouchButton(action.label, kind="tile", center=False)
            row.setAccessibleDescription(action.description)
            row.clicked.connect(lambda _=False, p=action.target: ctx.go_to(p))
            self.body.addWidget(row)
            self.rows[checklist_id] = row
        if view.empty is not None:
            self.body.addWidget(text_label(view.empty))
        self.finish()

    def spoken_lines(self) -> list[str]:
        """The heading and every checklist."""
        return self.view.spoken()
