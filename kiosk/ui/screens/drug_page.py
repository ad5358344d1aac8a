"""A drug page: summary, the 'get help right away' box, sections, sources and review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from kiosk.content.models import DrugPage, ReviewStatus
from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import ScrollPage, label, plain_text
from kiosk.ui.widgets.touch_button import TouchButton


def place_for_link(target: str) -> Place | None:
    """Where an internal link leads, or None for anything else (never a browser)."""
    scheme, _, ident = target.partition(":")
    if scheme == "drug" and ident:
        return Place(Screen.DRUG, ident)
    if scheme == "checklist" and ident:
        return Place(Screen.CHECKLIST, ident)
    return None


def urgent_box(ctx: ScreenContext, heading: str, items: list[str]) -> QFrame:
    """The unmistakable red-bordered box of emergency signs."""
    box = QFrame()
    box.setObjectName("UrgentBox")
    box.setAccessibleName(heading)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(28, 24, 28, 24)
    layout.setSpacing(10)
    layout.addWidget(label(heading, "h2"))
    for item in items:
        layout.addWidget(label(f"•  {item}"))
    action = label(ctx.text(ctx.catalog.site.emergency_action), "h2")
    layout.addWidget(action)
    return box


class DrugPageScreen(ScrollPage):
    """One medication page."""

    def __init__(self, ctx: ScreenContext, page: DrugPage) -> None:
        super().__init__(ctx.text(page.name), ctx.ui("page_desc"), ctx.scroll_pool)
        self.page = page
        self._ctx = ctx
        self.links: list[QLabel] = []
        body = self.body
        body.addWidget(label(ctx.text(page.name), "h1"))
        if page.other_names:
            body.addWidget(label(ctx.ui("also_called", names=", ".join(page.other_names)), "muted"))
        body.addWidget(label(ctx.text(page.summary), markdown=True))
        if page.urgent:
            body.addWidget(
                urgent_box(ctx, ctx.ui("get_help_now"), [ctx.text(u) for u in page.urgent])
            )
        self.checklist_button: TouchButton | None = None
        if page.checklist and page.checklist in ctx.catalog.checklists:
            self.checklist_button = TouchButton(ctx.ui("open_checklist"))
            self.checklist_button.setAccessibleDescription(ctx.ui("open_checklist_desc"))
            target = Place(Screen.CHECKLIST, page.checklist)
            self.checklist_button.clicked.connect(lambda: ctx.go(target))
            body.addWidget(self.checklist_button)
        for section in page.sections:
            body.addWidget(label(ctx.text(section.title), "h2"))
            text = label(ctx.text(section.body), markdown=True)
            text.setAccessibleName(ctx.text(section.title))
            text.setOpenExternalLinks(False)
            text.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            text.linkActivated.connect(lambda target: self._follow(ctx, target))
            self.links.append(text)
            body.addWidget(text)
        if page.sources:
            body.addWidget(label(ctx.ui("sources"), "h2"))
            for source in page.sources:
                body.addWidget(label(f"{source.title}\n{source.url}", "muted"))
        body.addWidget(label(self._review_line(ctx), "muted"))
        body.addWidget(label(ctx.text(ctx.catalog.site.disclaimer), "muted"))
        self.finish()

    def speech_text(self) -> str:
        """Everything on the page, in reading order, for Listen."""
        ctx, page = self._ctx, self.page
        parts = [ctx.text(page.name), plain_text(ctx.text(page.summary))]
        if page.urgent:
            parts.append(ctx.ui("get_help_now"))
            parts += [ctx.text(item) for item in page.urgent]
            parts.append(ctx.text(ctx.catalog.site.emergency_action))
        for section in page.sections:
            parts += [ctx.text(section.title), plain_text(ctx.text(section.body))]
        parts.append(ctx.text(ctx.catalog.site.disclaimer))
        return "\n".join(parts)

    def _review_line(self, ctx: ScreenContext) -> str:
        review = self.page.review
        if review is None or review.status is ReviewStatus.DRAFT:
            line = ctx.ui("not_reviewed")
        else:
            line = ctx.ui("reviewed", who=review.reviewed_by or "", when=str(review.reviewed_on))
        if review is not None and review.next_review:
            line += " " + ctx.ui("next_review", when=str(review.next_review))
        return line

    @staticmethod
    def _follow(ctx: ScreenContext, target: str) -> None:
        place = place_for_link(target)
        if place is not None:
            ctx.go(place)
