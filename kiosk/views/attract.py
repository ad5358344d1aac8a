"""The attract screen's view model: the clinic, "Touch to start" in every language, the number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.content import Catalog
from kiosk.views.call_card import Phone
from kiosk.views.parts import Action, Text, spoken_lines


@dataclass(frozen=True)
class AttractView:
    """What the attract screen shows and says (in the kiosk's first language)."""

    name: str
    clinic: Text
    touch_to_start: tuple[Text, ...]
    heading: Text
    phone: Phone
    hours: Text
    #: The clinic's notices up today (in the kiosk's first language).
    notices: tuple[Text, ...]
    #: Audio mode, below the card (the same word in every language).
    audio: Action

    def spoken(self) -> list[str]:
        """Everything on the card, then the Audio button."""
        return spoken_lines(
            self.clinic,
            *self.touch_to_start,
            *self.notices,
            self.heading,
            self.phone,
            self.hours,
            self.audio,
        )


def attract_view(catalog: Catalog, ui: Callable[[str, str], str], day: dt.date) -> AttractView:
    """The attract card on ``day``; ``ui(key, language)`` gives an interface string."""
    site = catalog.site
    first = site.default_language
    coordinator = site.coordinator
    return AttractView(
        name=ui("touch_to_start", first),
        clinic=Text(site.clinic_name.get(first), "attract_title"),
        touch_to_start=tuple(
            Text(ui("touch_to_start", language), "attract_touch") for language in site.languages
        ),
        heading=Text(coordinator.heading.get(first), "h2"),
        phone=Phone(coordinator.phone, coordinator.heading.get(first)),
        hours=Text(coordinator.hours.get(first), "h2"),
        notices=tuple(Text(n.text.get(first), "notice") for n in site.notices_on(day)),
        audio=Action(ui("audio", first), description=ui("audio_desc", first)),
    )
