"""A drug page's view model: name, summary, the emergency box, sections, sources and review."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content import Catalog
from kiosk.content.models import AdviceLevel, DrugPage
from kiosk.session import Place, Screen
from kiosk.views.markdown import breakable
from kiosk.views.parts import (
    Action,
    AdviceView,
    Text,
    advice,
    draft_banner,
    review_line,
    spoken_lines,
)
from kiosk.views.words import Words


@dataclass(frozen=True)
class SectionView:
    """One section: its title, its text and an optional advice box after it."""

    title: Text
    body: Text
    advice: AdviceView | None

    def spoken(self) -> list[str]:
        """Title, text, advice."""
        return spoken_lines(self.title, self.body, self.advice)


@dataclass(frozen=True)
class DrugPageView:
    """What one medication page shows and says, top to bottom."""

    title: str
    description: str
    draft: Text | None
    heading: Text
    also_called: Text | None
    summary: Text
    urgent: AdviceView | None
    checklists: tuple[Action, ...]
    sections: tuple[SectionView, ...]
    sources_heading: Text | None
    sources: tuple[Text, ...]
    review: Text
    disclaimer: Text

    def spoken(self) -> list[str]:
        """Everything on the page, in reading order."""
        lines = spoken_lines(
            self.draft, self.heading, self.also_called, self.summary, self.urgent, *self.checklists
        )
        for section in self.sections:
            lines += section.spoken()
        return lines + spoken_lines(
            self.sources_heading, *self.sources, self.review, self.disclaimer
        )


def urgent_advice(catalog: Catalog, words: Words, items: list[str]) -> AdviceView:
    """The immediate-action box of emergency signs: what to do first, then the signs."""
    return advice(
        words,
        AdviceLevel.IMMEDIATE,
        emergency_action=words.text(catalog.site.emergency_action),
        heading=words.ui("get_help_now"),
        parts=tuple(Text(item, bullet=True) for item in items),
    )


def drug_page_view(catalog: Catalog, page: DrugPage, words: Words) -> DrugPageView:
    """``page`` in the visitor's words."""
    linked = [catalog.checklists[i] for i in page.checklist_ids if i in catalog.checklists]
    name = words.text(page.name)
    return DrugPageView(
        title=name,
        description=words.ui("page_desc"),
        draft=draft_banner(words, page.review),
        heading=Text(name, "h1"),
        also_called=(
            Text(words.ui("also_called", names=", ".join(page.other_names)), "muted")
            if page.other_names
            else None
        ),
        summary=Text(words.text(page.summary), markdown=True),
        urgent=(
            urgent_advice(catalog, words, [words.text(u) for u in page.urgent])
            if page.urgent
            else None
        ),
        # One checklist: "Check your symptoms"; several: each is named.
        checklists=tuple(
            Action(
                words.ui("open_checklist"),
                words.text(checklist.title) if len(linked) > 1 else "",
                words.ui("open_checklist_desc"),
                Place(Screen.CHECKLIST, checklist.id),
            )
            for checklist in linked
        ),
        sections=tuple(
            SectionView(
                Text(words.text(section.title), "h2"),
                Text(words.text(section.body), markdown=True, name=words.text(section.title)),
                advice(
                    words,
                    section.advice.level,
                    # an immediate-action box always says what to do first
                    emergency_action=words.text(catalog.site.emergency_action)
                    if section.advice.level is AdviceLevel.IMMEDIATE
                    else None,
                    parts=(Text(words.text(section.advice.text), markdown=True),),
                )
                if section.advice is not None
                else None,
            )
            for section in page.sections
        ),
        sources_heading=Text(words.ui("sources"), "h2") if page.sources else None,
        sources=tuple(
            Text(
                f"{s.title}\n{breakable(str(s.url))}",
                "muted",
                name=f"{s.title} {s.url}",
                said=s.title,
            )
            for s in page.sources
        ),
        review=Text(review_line(words, page.review), "muted"),
        disclaimer=Text(words.text(catalog.site.disclaimer), "muted"),
    )
