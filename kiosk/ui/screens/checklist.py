"""A symptom checklist: one big toggle row per item, then 'See what this means'."""

from __future__ import annotations

from kiosk.content.models import Checklist
from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.advice import draft_banner, is_draft, review_line
from kiosk.ui.screens.common import ScrollPage, label, plain_text
from kiosk.ui.screens.links import follow_links
from kiosk.ui.widgets.touch_button import TouchButton


class ChecklistScreen(ScrollPage):
    """Ticks live in the session (memory only)."""

    def __init__(self, ctx: ScreenContext, checklist: Checklist) -> None:
        super().__init__(ctx.text(checklist.title), ctx.ui("page_desc"), ctx.scroll_pool)
        self.checklist = checklist
        banner = draft_banner(ctx, checklist.review)
        if banner is not None:
            self.body.addWidget(banner)
        self.body.addWidget(label(ctx.text(checklist.title), "h1"))
        self.intro = follow_links(label(ctx.text(checklist.intro), markdown=True), ctx)
        self.body.addWidget(self.intro)
        self.body.addWidget(label(ctx.ui("tick_all"), "h2"))
        ticked = ctx.session.ticked(checklist.id)
        self.rows: dict[str, TouchButton] = {}
        for item in checklist.items:
            row = TouchButton(ctx.text(item.text), kind="check", checkable=True, center=False)
            row.setChecked(item.id in ticked)
            row.setAccessibleDescription(ctx.ui("row_desc"))
            row.toggled.connect(lambda on, item_id=item.id: self._toggle(ctx, item_id, on))
            self.body.addWidget(row)
            self.rows[item.id] = row
        self.result_button = TouchButton(ctx.ui("see_result"))
        self.result_button.setMinimumHeight(96)
        self.result_button.setAccessibleDescription(ctx.ui("see_result_desc"))
        self.result_button.clicked.connect(lambda: ctx.go(Place(Screen.RESULT, checklist.id)))
        self.body.addWidget(self.result_button)
        self.start_over = TouchButton(ctx.ui("start_over"), kind="quiet")
        self.start_over.clicked.connect(self._clear_all)
        self.start_over.setAccessibleDescription(ctx.ui("start_over_desc"))
        self._ctx = ctx
        self.body.addWidget(self.start_over)
        self.review = label(review_line(ctx, checklist.review), "muted")
        self.body.addWidget(self.review)
        self.finish()

    def speech_text(self) -> str:
        """Title, introduction and every item with whether it is ticked."""
        ctx = self._ctx
        ticked = ctx.session.ticked(self.checklist.id)
        parts = [ctx.ui("draft_banner")] if is_draft(self.checklist.review) else []
        parts += [
            ctx.text(self.checklist.title),
            plain_text(ctx.text(self.checklist.intro)),
            ctx.ui("tick_all"),
        ]
        for item in self.checklist.items:
            state = ctx.ui("checked") if item.id in ticked else ctx.ui("not_checked")
            parts.append(f"{ctx.text(item.text)} ({state})")
        parts.append(self.review.text())
        return "\n".join(parts)

    def _toggle(self, ctx: ScreenContext, item_id: str, on: bool) -> None:
        if (item_id in ctx.session.ticked(self.checklist.id)) != on:
            ctx.session.toggle(self.checklist.id, item_id)

    def _clear_all(self) -> None:
        self._ctx.session.clear_answers(self.checklist.id)
        for row in self.rows.values():
            row.setChecked(False)
        self.scroll_area.verticalScrollBar().setValue(0)
