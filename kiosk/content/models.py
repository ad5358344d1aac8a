"""Typed, immutable models of the content folder: site settings, drug pages, checklists."""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from kiosk.content.text import LanguageCode, LocalText, Slug


class _Model(BaseModel):
    """Base for content models: frozen, strict about unknown keys."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )


Phone = Annotated[
    str,
    Field(
        pattern=r"^\+?[0-9][0-9 ().-]{5,24}$",
        description="Phone number as visitors should dial it, e.g. 352-771-2700.",
    ),
]


QrTarget = Annotated[
    str,
    Field(
        pattern=r"^(tel:\+?[0-9]+|sms:\+?[0-9]+|https://\S+)$",
        description="What a QR code opens on a visitor's phone: tel:, sms: or https://.",
    ),
]


class Coordinator(_Model):
    """The always-visible call-an-intake-coordinator panel."""

    heading: LocalText = Field(description="Panel heading, e.g. 'Talk to an intake coordinator'.")
    phone: Phone
    hours: LocalText = Field(description="When someone answers, e.g. 'Open 24/7'.")
    confidentiality: LocalText = Field(description="e.g. 'Free and confidential.'")
    promise: LocalText | None = Field(
        default=None, description="Extra reassurance on the call card, e.g. 'No pressure.'"
    )
    qr_target: QrTarget | None = Field(
        default=None,
        description="What the QR code opens on a visitor's phone; default tel:<phone>.",
    )

    def dial_digits(self) -> str:
        """The number as digits only, with a leading + when given."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return ("+" if self.phone.startswith("+") else "") + digits

    def qr_payload(self) -> str:
        """What the QR code encodes."""
        if self.qr_target:
            return self.qr_target
        digits = self.dial_digits()
        if not digits.startswith("+") and len(digits) == 10:
            digits = "+1" + digits  # a North-American number without country code
        return f"tel:{digits}"


class AdviceLevel(enum.StrEnum):
    """How urgent a piece of advice is, as NHS.UK's care cards grade it; content chooses."""

    NON_URGENT = "non-urgent"
    URGENT = "urgent"
    IMMEDIATE = "immediate"


class Advice(_Model):
    """A box of advice at one level: a section's note or a checklist result."""

    level: AdviceLevel
    text: LocalText = Field(description="Markdown: what to do, in plain words.")


HelpPhone = Annotated[
    str,
    Field(
        pattern=r"^\+?[0-9][0-9 ().-]{1,24}$",
        description="The number as visitors dial it: 988, 1-800-662-4357.",
    ),
]


class HelpLine(_Model):
    """A public, free help line shown on the call card beside the clinic's own line."""

    name: LocalText = Field(description="e.g. '988 Suicide & Crisis Lifeline'.")
    phone: HelpPhone
    purpose: LocalText = Field(description="What it is for, in one or two short sentences.")
    how: LocalText | None = Field(default=None, description="e.g. 'Call or text 988'.")
    qr_target: QrTarget | None = Field(
        default=None, description="What its QR code opens on a visitor's phone; absent: none."
    )


class Idle(_Model):
    """How long a visitor may leave the kiosk untouched before it resets."""

    warn_after_s: int = Field(
        default=90, ge=20, le=3600, description="Seconds without a touch before the warning."
    )
    countdown_s: int = Field(
        default=30,
        ge=20,
        le=600,
        description="Seconds the 'Are you still there?' countdown runs (WCAG 2.2.1: at least 20).",
    )


class Theme(enum.StrEnum):
    """Built-in colour themes."""

    DEFAULT = "default"
    HIGH_CONTRAST = "high-contrast"


class Notice(_Model):
    """A clinic notice on the attract and home screens, shown from ``starts`` to ``ends``."""

    text: LocalText = Field(description="One or two short sentences, e.g. opening hours.")
    starts: dt.date | None = Field(default=None, description="First day shown (YYYY-MM-DD).")
    ends: dt.date | None = Field(default=None, description="Last day shown (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Notice:
        if self.starts and self.ends and self.ends < self.starts:
            raise ValueError("a notice's ends date is before its starts date")
        return self

    def shows_on(self, day: dt.date) -> bool:
        """Whether the notice is up on ``day`` (both dates are included)."""
        return (self.starts is None or self.starts <= day) and (
            self.ends is None or day <= self.ends
        )


class Site(_Model):
    """Settings for the whole kiosk, from content/kiosk.yaml."""

    clinic_name: LocalText
    languages: tuple[LanguageCode, ...] = Field(
        default=("en",), min_length=1, description="Languages offered; the first is the default."
    )
    coordinator: Coordinator
    disclaimer: LocalText = Field(description="Medical disclaimer shown on every drug page.")
    emergency_action: LocalText = Field(
        description="What to do in an emergency, shown first on every immediate-action box "
        "and result, e.g. 'Tell the front desk now, or call 911.'"
    )
    help_lines: tuple[HelpLine, ...] = Field(
        default=(), description="Public help lines shown on the call card (never instead of 911)."
    )
    welcome: LocalText | None = Field(default=None, description="Line under the clinic name.")
    notices: tuple[Notice, ...] = Field(
        default=(), description="Clinic notices on the attract and home screens, by date."
    )
    idle: Idle = Idle()
    theme: Theme = Theme.DEFAULT

    @property
    def default_language(self) -> str:
        """The language a new visitor sees."""
        return self.languages[0]

    def notices_on(self, day: dt.date) -> tuple[Notice, ...]:
        """The notices up on ``day``, in their order in kiosk.yaml."""
        return tuple(notice for notice in self.notices if notice.shows_on(day))


class Section(_Model):
    """One titled section of a drug page; the body is Markdown."""

    title: LocalText
    body: LocalText = Field(description="Markdown: paragraphs, **bold**, lists, [links](drug:id).")
    advice: Advice | None = Field(default=None, description="A box shown after the body.")


class Source(_Model):
    """A published source the page's facts come from."""

    title: str = Field(min_length=1)
    url: HttpUrl


class ReviewStatus(enum.StrEnum):
    """Whether a clinician has checked the page."""

    DRAFT = "draft"
    REVIEWED = "reviewed"


class Review(_Model):
    """Clinical review record, shown at the bottom of the page."""

    status: ReviewStatus = ReviewStatus.DRAFT
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None
    next_review: dt.date | None = None

    @model_validator(mode="after")
    def _reviewed_needs_who_and_when(self) -> Review:
        if self.status is ReviewStatus.REVIEWED and not (self.reviewed_by and self.reviewed_on):
            raise ValueError("a page marked 'reviewed' needs reviewed_by and reviewed_on")
        if self.reviewed_on and self.next_review and self.next_review < self.reviewed_on:
            raise ValueError("next_review is before reviewed_on")
        return self


class DrugPage(_Model):
    """One medication page, from content/drugs/<id>.yaml."""

    id: Slug
    name: LocalText
    other_names: tuple[str, ...] = Field(default=(), description="Brand and other names.")
    summary: LocalText
    image: str | None = Field(default=None, description="Path under content/images/.")
    sections: tuple[Section, ...] = Field(min_length=1)
    urgent: tuple[LocalText, ...] = Field(
        default=(), description="Signs that mean: get help right away."
    )
    checklist: Slug | tuple[Slug, ...] | None = Field(
        default=None, description="Id of the linked checklist, or a list of ids."
    )
    sources: tuple[Source, ...] = Field(default=())
    review: Review | None = None

    @property
    def checklist_ids(self) -> tuple[str, ...]:
        """The linked checklists' ids, in order."""
        if self.checklist is None:
            return ()
        return (self.checklist,) if isinstance(self.checklist, str) else self.checklist


class ChecklistItem(_Model):
    """One symptom a visitor can tick."""

    id: Slug
    text: LocalText
    urgent: bool = Field(default=False, description="Ticking this shows the emergency message.")
    points: int | None = Field(
        default=None, ge=0, le=100, description="Only for content-defined score bands."
    )


class ChecklistResults(_Model):
    """What the result screen says."""

    urgent: LocalText = Field(
        description="Shown, as immediate action and under the emergency action, when any "
        "urgent item is ticked."
    )
    some: LocalText = Field(description="Shown when some non-urgent items are ticked.")
    some_level: AdviceLevel = Field(
        default=AdviceLevel.URGENT, description="The advice level of 'some'."
    )
    none: LocalText = Field(description="Shown when nothing is ticked.")
    none_level: AdviceLevel = Field(
        default=AdviceLevel.NON_URGENT, description="The advice level of 'none'."
    )


class ScoreBand(_Model):
    """A score range defined by the content (the app invents none)."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)
    message: LocalText

    @model_validator(mode="after")
    def _ordered(self) -> ScoreBand:
        if self.max < self.min:
            raise ValueError("max is smaller than min")
        return self


class Checklist(_Model):
    """A symptom checklist, from content/checklists/<id>.yaml."""

    id: Slug
    title: LocalText
    intro: LocalText = Field(description="What the checklist is (and that it is not a diagnosis).")
    emergency_action: LocalText | None = Field(
        default=None,
        description="What to do first on this checklist's immediate-action result; "
        "default: kiosk.yaml's emergency_action.",
    )
    items: tuple[ChecklistItem, ...] = Field(min_length=1)
    results: ChecklistResults
    score_bands: tuple[ScoreBand, ...] = Field(default=())
    sources: tuple[Source, ...] = Field(default=())
    review: Review | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Checklist:
        ids = [item.id for item in self.items]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"item ids must be unique; repeated: {', '.join(duplicates)}")
        if self.score_bands and any(item.points is None for item in self.items):
            raise ValueError("score_bands need 'points' on every item")
        if not self.score_bands and any(item.points is not None for item in self.items):
            raise ValueError("items have 'points' but there are no score_bands to use them")
        bands = sorted(self.score_bands, key=lambda band: band.min)
        for lower, upper in itertools.pairwise(bands):
            if upper.min <= lower.max:
                raise ValueError(
                    f"score bands {lower.min}-{lower.max} and {upper.min}-{upper.max} overlap"
                )
        return self
