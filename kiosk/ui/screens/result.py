"""The checklist result: its advice level, and on immediate action the emergency action first."""

from __future__ import annotations

from kiosk.checklist import ChecklistResult, evaluate
from kiosk.content.models import AdviceLevel, Checklist
from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.advice import AdviceBox, is_draft, review_line
from kiosk.ui.screens.common import ScrollPage, label, plain_text, spoken_number
from kiosk.ui.screens.links import follow_links
from kiosk.ui.widgets.touch_button import TouchButton


class ResultScreen(ScrollPage):
    """What the ticked items mean.

    On an immediate-action result the emergency action (e.g. "Tell the front desk now, or
    call 911") is the first and largest thing on the screen and the first thing Listen says;
    the intake coordinator is offered below it, smaller, and the call card it opens keeps the
    emergency action at its top.
    """

    def __init__(self, ctx: ScreenContext, checklist: Checklist) -> None:
        result = evaluate(checklist, ctx.session.ticked(checklist.id))
        self.result: ChecklistResult = result
        immediate = result.level is AdviceLevel.IMMEDIATE
        #: The window hides its call panel: this screen offers the coordinator itself.
        self.replaces_call_panel = immediate
        title = ctx.ui("urgent_title") if immediate else ctx.ui("result_title")
        super().__init__(title, ctx.ui("page_desc"), ctx.scroll_pool)
        action = checklist.emergency_action or ctx.catalog.site.emergency_action
        self.message = follow_links(label(ctx.text(result.message), markdown=True), ctx)
        shown = result.urgent_ticked if immediate else result.ticked
        parts = [self.message]
        ticked_lines = []
        if shown:
            parts.append(label(ctx.ui("you_ticked"), "h3"))
            ticked_lines = [ctx.text(item.text) for item in shown]
            parts += [label(f"•  {line}") for line in ticked_lines]
        score_lines = []
        if result.band is not None:
            score_lines = [ctx.ui("score", score=str(result.score))]
            parts.append(label(score_lines[0]))
            parts.append(label(ctx.text(result.band.message), markdown=True))
            score_lines.append(plain_text(ctx.text(result.band.message)))
        self.box = AdviceBox(
            ctx,
            result.level,
            emergency_action=ctx.text(action) if immediate else None,
            heading=title,
            parts=parts,
        )
        draft = is_draft(checklist.review)
        if draft and not immediate:
            self.body.addWidget(label(ctx.ui("draft_banner"), "draft"))
        self.body.addWidget(self.box)
        phone = ctx.catalog.site.coordinator.phone
        if immediate:
            self.call_button = TouchButton(ctx.ui("call_cta_also"), phone, kind="quiet")
            target = Place(Screen.CALL, checklist.id)
        else:
            self.call_button = TouchButton(ctx.ui("call_cta"), phone)
            self.call_button.setMinimumHeight(120)
            target = Place(Screen.CALL)
        self.call_button.setAccessibleDescription(ctx.ui("call_cta_desc"))
        self.call_button.clicked.connect(lambda: ctx.go(target))
        self.body.addWidget(self.call_button)
        self.body.addWidget(label(ctx.ui("not_diagnosis"), "muted"))
        if draft and immediate:
            # Below the action: on an emergency nothing comes before what to do.
            self.body.addWidget(label(ctx.ui("draft_banner"), "muted"))
        self.review = label(review_line(ctx, checklist.review), "muted")
        self.body.addWidget(self.review)
        self._speech = "\n".join(
            self.box.spoken_lines()
            + [plain_text(ctx.text(result.message))]
            + ([ctx.ui("you_ticked"), *ticked_lines] if shown else [])
            + score_lines
            + [self.call_button.text(), spoken_number(phone)]
            + [ctx.ui("not_diagnosis"), self.review.text()]
        )
        self.finish()

    def speech_text(self) -> str:
        """The result, for Listen: on immediate action, the emergency action first."""
        return self._speech
