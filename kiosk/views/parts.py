"""The parts screens are made of: texts, actions and advice boxes, each knowing what it says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from kiosk.content.models import AdviceLevel, Review, ReviewStatus
from kiosk.session import Place
from kiosk.views.markdown import spoken_markdown
from kiosk.views.words import Words

#: The words that name each advice level.
LEVEL_KEYS = {
    AdviceLevel.NON_URGENT: "level_non_urgent",
    AdviceLevel.URGENT: "level_urgent",
    AdviceLevel.IMMEDIATE: "level_immediate",
}
BULLET = "•  "


@dataclass(frozen=True)
class Text:
    """One text as shown: its words, its style role (h1, h2, muted …), plain or Markdown."""

    text: str
    role: str = ""
    markdown: bool = False
    bullet: bool = False
    #: What a screen reader calls it, when that is not its words (e.g. a section's title).
    name: str = ""
    #: What a voice says instead of its words (e.g. a source's title, not its web address).
    said: str = ""

    @property
    def shown(self) -> str:
        """The words on screen (a bullet item starts with its bullet)."""
        return BULLET + self.text if self.bullet else self.text

    def spoken(self) -> str:
        """What a voice says for it."""
        if self.said:
            return self.said
        return spoken_markdown(self.text) if self.markdown else self.text


@dataclass(frozen=True)
class Action:
    """A button: its label, an optional second line, what it is for, and where it leads."""

    label: str
    caption: str = ""
    description: str = ""
    target: Place | None = None
    #: Said instead of the caption (e.g. a phone number digit by digit).
    spoken_caption: str = ""

    def spoken(self) -> list[str]:
        """The label, then the caption."""
        caption = self.spoken_caption or self.caption
        return [self.label, caption] if caption else [self.label]


@dataclass(frozen=True)
class AdviceView:
    """An advice box: its level's words, on immediate action the emergency action first."""

    level: AdviceLevel
    level_words: str
    emergency_action: str | None = None
    heading: str | None = None
    parts: tuple[Text, ...] = field(default=())

    @property
    def name(self) -> str:
        """What a screen reader calls the box."""
        return " ".join(t for t in (self.level_words, self.emergency_action, self.heading) if t)

    def spoken(self) -> list[str]:
        """The emergency action first, then the level, the heading and what the box holds."""
        lines = [self.emergency_action] if self.emergency_action else []
        lines.append(self.level_words)
        if self.heading:
            lines.append(self.heading)
        return lines + [part.spoken() for part in self.parts]


def advice(
    words: Words,
    level: AdviceLevel,
    *,
    emergency_action: str | None = None,
    heading: str | None = None,
    parts: tuple[Text, ...] = (),
) -> AdviceView:
    """An advice box at ``level`` in the visitor's words."""
    return AdviceView(level, words.ui(LEVEL_KEYS[level]), emergency_action, heading, parts)


def is_draft(review: Review | None) -> bool:
    """Whether no clinician has signed this page off (no record counts as a draft)."""
    return review is None or review.status is not ReviewStatus.REVIEWED


def review_line(words: Words, review: Review | None) -> str:
    """The review record in the visitor's words, for the foot of a page."""
    if review is None or review.status is ReviewStatus.DRAFT:
        line = words.ui("not_reviewed")
    else:
        line = words.ui("reviewed", who=review.reviewed_by or "", when=str(review.reviewed_on))
    if review is not None and review.next_review:
        line += " " + words.ui("next_review", when=str(review.next_review))
    return line


def draft_banner(words: Words, review: Review | None) -> Text | None:
    """The calm notice at the top of a draft page, checklist or result; None once reviewed."""
    return Text(words.ui("draft_banner"), "draft") if is_draft(review) else None


class Speaks(Protocol):
    """A part that says one or more lines (an action, an advice box, a phone number …)."""

    def spoken(self) -> list[str]:
        """Its lines, in reading order."""
        ...


def spoken_lines(*parts: Text | Speaks | None) -> list[str]:
    """What a run of parts says, in order (None parts say nothing)."""
    lines: list[str] = []
    for part in parts:
        if isinstance(part, Text):
            lines.append(part.spoken())
        elif part is not None:
            lines += part.spoken()
    return lines
