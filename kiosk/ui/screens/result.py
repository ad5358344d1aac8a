"""The checklist result: its advice level, and on immediate action the emergency action first."""

from __future__ import annotations

from kiosk.checklist import ChecklistResult, evaluate
from kiosk.content.models import Checklist
from kiosk.session import Place
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.advice import AdviceBox
from kiosk.ui.screens.common import ScrollPage, text_label
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.views.result import result_view
from kiosk.visit_stats import Shown


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
        view = result_view(ctx.catalog, checklist, result, ctx)
        self.view = view
        #: The window hides its call panel: this screen offers the coordinator itself.
        self.shows_call_panel = not view.immediate
        super().__init__(ctx, view.title, view.description)
        self.box = AdviceBox(ctx, view.box)
        self.message = self.box.parts[0]
        if view.draft is not None and view.draft_first:
            self.body.addWidget(text_label(view.draft))
        self.body.addWidget(self.box)
        call = view.call
        if view.immediate:
            self.call_button = TouchButton(call.label, call.caption, kind="quiet")
        else:
            self.call_button = TouchButton(call.label, call.caption)
            self.call_button.setMinimumHeight(120)
        self.call_button.setAccessibleDescription(call.description)
        target = call.target
        self.call_button.clicked.connect(lambda: ctx.go_to(target))
        self.body.addWidget(self.call_button)
        self.body.addWidget(text_label(view.not_diagnosis))
        if view.draft is not None and not view.draft_first:
            # Below the action: on an emergency nothing comes before what to do.
            self.body.addWidget(text_label(view.draft))
        self.review = text_label(view.review)
        self.body.addWidget(self.review)
        self.finish()

    def shown(self, place: Place) -> Shown:
        """A completed checklist, and whether an urgent item was ticked."""
        return Shown(place, self.result.outcome)

    def spoken_lines(self) -> list[str]:
        """The result: on immediate action, the emergency action first."""
        return self.view.spoken()
