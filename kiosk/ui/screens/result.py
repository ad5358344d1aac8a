"""The checklist result: an emergency instruction when an urgent item is ticked, else advice."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout

from kiosk.checklist import ChecklistResult, Outcome, evaluate
from kiosk.content.models import Checklist
from kiosk.session import Place, Screen
from kiosk.ui.context import ScreenContext
from kiosk.ui.screens.common import ScrollPage, label, plain_text, spoken_number
from kiosk.ui.widgets.touch_button import TouchButton


class ResultScreen(ScrollPage):
    """Shows what the ticked items mean, and puts the call button front and centre."""

    def __init__(self, ctx: ScreenContext, checklist: Checklist) -> None:
        result = evaluate(checklist, ctx.session.ticked(checklist.id))
        self.result: ChecklistResult = result
        urgent = result.outcome is Outcome.URGENT
        title = ctx.ui("urgent_title") if urgent else ctx.ui("result_title")
        super().__init__(title, ctx.ui("page_desc"), ctx.scroll_pool)
        box = QFrame()
        box.setObjectName("UrgentBox" if urgent else "ResultBox")
        box.setAccessibleName(title)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        inner.addWidget(label(title, "h1"))
        self.message = label(ctx.text(result.message), "h2", markdown=True)
        inner.addWidget(self.message)
        shown = result.urgent_ticked if urgent else result.ticked
        if shown:
            inner.addWidget(label(ctx.ui("you_ticked")))
            for item in shown:
                inner.addWidget(label(f"•  {ctx.text(item.text)}"))
        if result.band is not None:
            inner.addWidget(label(ctx.ui("score", score=str(result.score))))
            inner.addWidget(label(ctx.text(result.band.message), markdown=True))
        self.body.addWidget(box)
        self.call_button = TouchButton(ctx.ui("call_cta"), ctx.catalog.site.coordinator.phone)
        self.call_button.setMinimumHeight(120)
        self.call_button.setAccessibleDescription(ctx.ui("call_cta_desc"))
        self.call_button.clicked.connect(lambda: ctx.go(Place(Screen.CALL)))
        self.body.addWidget(self.call_button)
        self.body.addWidget(label(ctx.ui("not_diagnosis"), "muted"))
        self._speech = "\n".join(
            [title, plain_text(ctx.text(result.message))]
            + [ctx.text(item.text) for item in shown]
            + [ctx.ui("call_cta"), spoken_number(ctx.catalog.site.coordinator.phone)]
        )
        self.finish()

    def speech_text(self) -> str:
        """The result, for Listen."""
        return self._speech
