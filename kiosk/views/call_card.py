"""The call card's view model: the number very large, its QR code, reassurance, other help."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content import Catalog
from kiosk.content.models import AdviceLevel, HelpLine
from kiosk.content.text import LocalText
from kiosk.views.markdown import spoken_number
from kiosk.views.parts import Action, AdviceView, Text, advice, spoken_lines
from kiosk.views.words import Words


@dataclass(frozen=True)
class Phone:
    """A phone number as shown (large) and as said (digit by digit)."""

    number: str
    #: Who answers it (the screen reader says "<who>: <number>").
    who: str

    def spoken(self) -> list[str]:
        """The number, digit by digit."""
        return [spoken_number(self.number)]


@dataclass(frozen=True)
class QrView:
    """A QR code: what it encodes, its caption and what a screen reader calls it."""

    payload: str
    caption: Text
    name: str

    def spoken(self) -> list[str]:
        """Its caption."""
        return [self.caption.spoken()]


@dataclass(frozen=True)
class HelpLineView:
    """One public help line: what it is for, its number and its QR code."""

    name: Text
    phone: Phone
    how: Text | None
    purpose: Text
    qr: QrView | None

    def spoken(self) -> list[str]:
        """Name, number, how to reach it, what it is for, the QR caption."""
        return spoken_lines(self.name, self.phone, self.how, self.purpose, self.qr)


@dataclass(frozen=True)
class CallCardView:
    """What the call card shows and says."""

    title: str
    description: str
    emergency: AdviceView | None
    heading: Text
    phone: Phone
    words: tuple[Text, ...]
    qr: QrView
    call_now: Action
    other_help: Text | None
    other_help_note: Text | None
    help_lines: tuple[HelpLineView, ...]

    def spoken(self, *, can_call: bool = False) -> list[str]:
        """The emergency action first (if any), then the number and the rest."""
        lines = spoken_lines(self.emergency, self.heading, self.phone, *self.words, self.qr)
        if can_call:
            lines += self.call_now.spoken()
        lines += spoken_lines(self.other_help, self.other_help_note)
        for line in self.help_lines:
            lines += line.spoken()
        return lines


def _help_line(words: Words, line: HelpLine) -> HelpLineView:
    name = words.text(line.name)
    return HelpLineView(
        name=Text(name, "h2"),
        phone=Phone(line.phone, name),
        how=Text(words.text(line.how)) if line.how is not None else None,
        purpose=Text(words.text(line.purpose), markdown=True),
        qr=QrView(
            line.qr_target,
            Text(words.ui("scan_to_call"), "muted"),
            words.ui("scan_to_call_line", name=name),
        )
        if line.qr_target
        else None,
    )


def call_card_view(
    catalog: Catalog, words: Words, emergency_action: LocalText | None = None
) -> CallCardView:
    """The call card in the visitor's words; ``emergency_action`` tops it after an emergency."""
    site = catalog.site
    coordinator = site.coordinator
    heading = words.text(coordinator.heading)
    danger = words.text(site.emergency_action)
    return CallCardView(
        title=heading,
        description=words.ui("page_desc"),
        emergency=advice(
            words, AdviceLevel.IMMEDIATE, emergency_action=words.text(emergency_action)
        )
        if emergency_action is not None
        else None,
        heading=Text(heading, "h1"),
        phone=Phone(coordinator.phone, heading),
        words=tuple(
            Text(words.text(t), "h2", markdown=True)
            for t in (coordinator.hours, coordinator.confidentiality, coordinator.promise)
            if t is not None
        ),
        qr=QrView(
            coordinator.qr_payload(), Text(words.ui("scan_to_call")), words.ui("scan_to_call")
        ),
        call_now=Action(words.ui("call_now"), description=words.ui("call_now_desc")),
        other_help=Text(words.ui("other_help"), "h1") if site.help_lines else None,
        other_help_note=Text(words.ui("other_help_note", action=danger), "h2")
        if site.help_lines
        else None,
        help_lines=tuple(_help_line(words, line) for line in site.help_lines),
    )
