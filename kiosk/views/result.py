"""A checklist result's view model: its level first; on immediate action, the emergency action."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.checklist import ChecklistResult
from kiosk.content import Catalog
from kiosk.content.models import AdviceLevel, Checklist
from kiosk.session import Place, Screen
from kiosk.views.markdown import spoken_number
from kiosk.views.parts import (
    Action,
    AdviceView,
    Text,
    advice,
    is_draft,
    review_line,
    spoken_lines,
)
from kiosk.views.words import Words


@dataclass(frozen=True)
class ResultView:
    """What a result shows and says.

    On immediate action the emergency action comes first (largest, and first said), the
    coordinator is offered smaller below it, and the draft notice waits below the action.
    """

    title: str
    description: str
    level: AdviceLevel
    box: AdviceView
    #: The draft notice: above the box, or (on immediate action) below the call button.
    draft: Text | None
    draft_first: bool
    call: Action
    not_diagnosis: Text
    review: Text

    @property
    def immediate(self) -> bool:
        """Whether this result means: act now."""
        return self.level is AdviceLevel.IMMEDIATE

    def spoken(self) -> list[str]:
        """The box (its level first, after any emergency action), then the rest."""
        return spoken_lines(self.box, self.draft, self.call, self.not_diagnosis, self.review)


def result_view(
    catalog: Catalog, checklist: Checklist, result: ChecklistResult, words: Words
) -> ResultView:
    """What ``result`` of ``checklist`` means, in the visitor's words."""
    immediate = result.level is AdviceLevel.IMMEDIATE
    title = words.ui("urgent_title") if immediate else words.ui("result_title")
    action = checklist.emergency_action or catalog.site.emergency_action
    parts = [Text(words.text(result.message), markdown=True)]
    shown = result.urgent_ticked if immediate else result.ticked
    if shown:
        parts.append(Text(words.ui("you_ticked"), "h3"))
        parts += [Text(words.text(item.text), bullet=True) for item in shown]
    if result.band is not None:
        parts.append(Text(words.ui("score", score=str(result.score))))
        parts.append(Text(words.text(result.band.message), markdown=True))
    draft = is_draft(checklist.review)
    phone = catalog.site.coordinator.phone
    return ResultView(
        title=title,
        description=words.ui("page_desc"),
        level=result.level,
        box=advice(
            words,
            result.level,
            emergency_action=words.text(action) if immediate else None,
            heading=title,
            parts=tuple(parts),
        ),
        draft=Text(words.ui("draft_banner"), "draft" if not immediate else "muted")
        if draft
        else None,
        draft_first=not immediate,
        call=Action(
            words.ui("call_cta_also") if immediate else words.ui("call_cta"),
            phone,
            words.ui("call_cta_desc"),
            Place(Screen.CALL, checklist.id) if immediate else Place(Screen.CALL),
            spoken_caption=spoken_number(phone),
        ),
        not_diagnosis=Text(words.ui("not_diagnosis"), "muted"),
        review=Text(review_line(words, checklist.review), "muted"),
    )
