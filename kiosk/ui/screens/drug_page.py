"""A drug page: summary, the 'get help right away' box, sections, sources and review."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.content.models import AdviceLevel, DrugPage
from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.advice import LEVEL_KEYS, AdviceBox, draft_banner, is_draft, review_line
from kiosk.ui.screens.common import ScrollPage, label, plain_text
from kiosk.ui.screens.links import follow_links
from kiosk.ui.widgets.touch_button import TouchButton


def urgent_box(ctx: ScreenContext, items: list[str]) -> AdviceBox:
    """The immediate-action box of emergency signs: what to do first, then the signs."""
    return AdviceBox(
        ctx,
        AdviceLevel.IMMEDIATE,
        emergency_action=ctx.text(ctx.catalog.site.emergency_action),
        heading=ctx.ui("get_help_now"),
        parts=[label(f"•  {item}") for item in items],
    )


class DrugPageScreen(ScrollPage):
    """One medication page."""

    def __init__(self, ctx: ScreenContext, page: DrugPage) -> None:
        super().__init__(ctx.text(page.name), ctx.ui("page_desc"), ctx.scroll_pool)
        self.page = page
        self._ctx = ctx
        self.links: list[QLabel] = []
        body = self.body
        banner = draft_banner(ctx, page.review)
        if banner is not None:
            body.addWidget(banner)
        body.addWidget(label(ctx.text(page.name), "h1"))
        if page.other_names:
            body.addWidget(label(ctx.ui("also_called", names=", ".join(page.other_names)), "muted"))
        body.addWidget(label(ctx.text(page.summary), markdown=True))
        self.urgent_box: AdviceBox | None = None
        if page.urgent:
            self.urgent_box = urgent_box(ctx, [ctx.text(u) for u in page.urgent])
            body.addWidget(self.urgent_box)
        self.checklist_buttons: list[TouchButton] = []
        linked = [
            ctx.catalog.checklists[i] for i in page.checklist_ids if i in ctx.catalog.checklists
        ]
        for checklist in linked:
            # One checklist: "Check your symptoms"; several: each is named.
            button = TouchButton(
                ctx.ui("open_checklist"), ctx.text(checklist.title) if len(linked) > 1 else ""
            )
            button.setAccessibleDescription(ctx.ui("open_checklist_desc"))
            target = Place(Screen.CHECKLIST, checklist.id)
            button.clicked.connect(lambda _=False, target=target: ctx.go(target))
            body.addWidget(button)
            self.checklist_buttons.append(button)
        self.advice_boxes: list[AdviceBox] = []
        for section in page.sections:
            body.addWidget(label(ctx.text(section.title), "h2"))
            text = follow_links(label(ctx.text(section.body), markdown=True), ctx)
            text.setAccessibleName(ctx.text(section.title))
            self.links.append(text)
            body.addWidget(text)
            if section.advice is not None:
                note = follow_links(label(ctx.text(section.advice.text), markdown=True), ctx)
                box = AdviceBox(ctx, section.advice.level, parts=[note])
                self.advice_boxes.append(box)
                body.addWidget(box)
        if page.sources:
            body.addWidget(label(ctx.ui("sources"), "h2"))
            for source in page.sources:
                body.addWidget(label(f"{source.title}\n{source.url}", "muted"))
        body.addWidget(label(review_line(ctx, page.review), "muted"))
        body.addWidget(label(ctx.text(ctx.catalog.site.disclaimer), "muted"))
        self.finish()

    @property
    def checklist_button(self) -> TouchButton | None:
        """The first linked checklist's button (None when the page links none)."""
        return self.checklist_buttons[0] if self.checklist_buttons else None

    def speech_text(self) -> str:
        """Everything on the page, in reading order, for Listen."""
        ctx, page = self._ctx, self.page
        parts: list[str] = []
        if is_draft(page.review):
            parts.append(ctx.ui("draft_banner"))
        parts += [ctx.text(page.name), plain_text(ctx.text(page.summary))]
        if self.urgent_box is not None:
            parts += self.urgent_box.spoken_lines()
            parts += [ctx.text(item) for item in page.urgent]
        for section in page.sections:
            parts += [ctx.text(section.title), plain_text(ctx.text(section.body))]
            if section.advice is not None:
                parts += [
                    ctx.ui(LEVEL_KEYS[section.advice.level]),
                    plain_text(ctx.text(section.advice.text)),
                ]
        parts += [review_line(ctx, page.review), ctx.text(ctx.catalog.site.disclaimer)]
        return "\n".join(parts)
