"""A symptom checklist: one big toggle row per item, then 'See what this means'."""

from __future__ import annotations

from kiosk.content.models import Checklist
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import ScrollPage, text_label
from kiosk.ui.screens.links import follow_links
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.views.checklist import ChecklistView, checklist_view

#: Space between "See what this means" and "Start over", so one is not touched for the other.
START_OVER_GAP_PX = 56


class ChecklistScreen(ScrollPage):
    """Ticks live in the session (memory only)."""

    def __init__(self, ctx: ScreenContext, checklist: Checklist) -> None:
        view = self._view_of(ctx, checklist)
        super().__init__(ctx, view.title, view.description)
        self.checklist = checklist
        self._ctx = ctx
        if view.draft is not None:
            self.body.addWidget(text_label(view.draft))
        self.body.addWidget(text_label(view.heading))
        self.intro = follow_links(text_label(view.intro), ctx)
        self.body.addWidget(self.intro)
        self.body.addWidget(text_label(view.tick_all))
        self.rows: dict[str, TouchButton] = {}
        #: Under each urgent item: shown once it is ticked, straight to what to do.
        self.urgent_signs: dict[str, TouchButton] = {}
        sign = view.urgent_sign
        for item in view.rows:
            row = TouchButton(item.text, kind="check", checkable=True, center=False)
            row.setChecked(item.ticked)
            row.setAccessibleDescription(item.description)
            row.toggled.connect(lambda on, item_id=item.item_id: self._toggle(item_id, on))
            self.body.addWidget(row)
            self.rows[item.item_id] = row
            if item.urgent:
                button = TouchButton(sign.label, kind="urgent", center=False)
                button.setAccessibleDescription(sign.description)
                button.clicked.connect(lambda: ctx.go_to(sign.target))
                button.setVisible(item.ticked)
                self.body.addWidget(button)
                self.urgent_signs[item.item_id] = button
        self.result_button = TouchButton(view.see_result.label)
        self.result_button.setMinimumHeight(96)
        self.result_button.setAccessibleDescription(view.see_result.description)
        target = view.see_result.target
        self.result_button.clicked.connect(lambda: ctx.go_to(target))
        self.body.addWidget(self.result_button)
        self.body.addSpacing(START_OVER_GAP_PX)  # well apart from "See what this means"
        self.start_over = TouchButton(view.start_over.label, kind="quiet")
        self.start_over.clicked.connect(self._clear_all)
        self.start_over.setAccessibleDescription(view.start_over.description)
        self.body.addWidget(self.start_over)
        #: The ticks Start over cleared, until the visitor ticks something again.
        self._cleared: frozenset[str] = frozenset()
        self.undo = TouchButton(view.undo_start_over.label, kind="quiet")
        self.undo.setAccessibleDescription(view.undo_start_over.description)
        self.undo.clicked.connect(self._undo_clear)
        self.undo.hide()
        self.body.addWidget(self.undo)
        self.review = text_label(view.review)
        self.body.addWidget(self.review)
        self.finish()

    @staticmethod
    def _view_of(ctx: ScreenContext, checklist: Checklist) -> ChecklistView:
        return checklist_view(checklist, ctx.session.ticked(checklist.id), ctx)

    @property
    def view(self) -> ChecklistView:
        """The checklist with the visitor's ticks as they are now."""
        return self._view_of(self._ctx, self.checklist)

    def spoken_lines(self) -> list[str]:
        """Title, introduction and every item with whether it is ticked."""
        return self.view.spoken()

    def _toggle(self, item_id: str, on: bool) -> None:
        session = self._ctx.session
        if (item_id in session.ticked(self.checklist.id)) != on:
            session.toggle(self.checklist.id, item_id)
            if on:  # a new answer: the old ones are not coming back
                self._show_undo(frozenset())
        sign = self.urgent_signs.get(item_id)
        if sign is not None:
            sign.setVisible(on)

    def _clear_all(self) -> None:
        cleared = self._ctx.session.ticked(self.checklist.id)
        for row in self.rows.values():
            row.setChecked(False)
        self._ctx.session.clear_answers(self.checklist.id)
        self._show_undo(cleared)
        self.scroll_area.verticalScrollBar().setValue(0)

    def _undo_clear(self) -> None:
        cleared = self._cleared
        self._show_undo(frozenset())
        for item_id in cleared:
            if item_id in self.rows:
                self.rows[item_id].setChecked(True)

    def _show_undo(self, cleared: frozenset[str]) -> None:
        self._cleared = cleared
        self.undo.setVisible(bool(cleared))
