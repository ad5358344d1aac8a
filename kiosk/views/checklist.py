"""A checklist's view model: its introduction, one row per item, and where to go next."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.models import Checklist
from kiosk.session import Place, Screen
from kiosk.views.parts import Action, Text, draft_banner, review_line, spoken_lines
from kiosk.views.words import Words


@dataclass(frozen=True)
class ItemRow:
    """One item: its words, whether the visitor ticked it, and whether it is an emergency sign."""

    item_id: str
    text: str
    ticked: bool
    urgent: bool
    description: str
    state: str  # "ticked" / "not ticked" in the visitor's words

    def spoken(self) -> str:
        """The item and whether it is ticked."""
        return f"{self.text} ({self.state})"


@dataclass(frozen=True)
class ChecklistView:
    """What a checklist shows and says (the ticks as they are now)."""

    title: str
    description: str
    draft: Text | None
    heading: Text
    intro: Text
    tick_all: Text
    rows: tuple[ItemRow, ...]
    see_result: Action
    start_over: Action
    undo_start_over: Action
    #: Shown under an urgent item once it is ticked: it leads to what to do.
    urgent_sign: Action
    review: Text

    def spoken(self) -> list[str]:
        """Title, introduction, every item with its state, then the buttons and review."""
        lines = spoken_lines(self.draft, self.heading, self.intro, self.tick_all)
        for row in self.rows:
            lines.append(row.spoken())
            if row.urgent and row.ticked:
                lines += self.urgent_sign.spoken()
        return lines + spoken_lines(self.see_result, self.start_over, self.review)


def checklist_view(checklist: Checklist, ticked: frozenset[str], words: Words) -> ChecklistView:
    """``checklist`` in the visitor's words, with ``ticked`` items ticked."""
    title = words.text(checklist.title)
    return ChecklistView(
        title=title,
        description=words.ui("page_desc"),
        draft=draft_banner(words, checklist.review),
        heading=Text(title, "h1"),
        intro=Text(words.text(checklist.intro), markdown=True),
        tick_all=Text(words.ui("tick_all"), "h2"),
        rows=tuple(
            ItemRow(
                item.id,
                words.text(item.text),
                item.id in ticked,
                item.urgent,
                words.ui("row_desc"),
                words.ui("checked") if item.id in ticked else words.ui("not_checked"),
            )
            for item in checklist.items
        ),
        see_result=Action(
            words.ui("see_result"),
            description=words.ui("see_result_desc"),
            target=Place(Screen.RESULT, checklist.id),
        ),
        start_over=Action(words.ui("start_over"), description=words.ui("start_over_desc")),
        undo_start_over=Action(
            words.ui("undo_start_over"), description=words.ui("undo_start_over_desc")
        ),
        urgent_sign=Action(
            words.ui("urgent_sign"),
            description=words.ui("urgent_sign_desc"),
            target=Place(Screen.RESULT, checklist.id),
        ),
        review=Text(review_line(words, checklist.review), "muted"),
    )
