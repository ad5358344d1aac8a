"""One visitor's session: language, text size, answers, search and place. Replaced on reset."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.content.models import Site, Theme

#: History entries kept; older ones are dropped (Back still always reaches Home).
MAX_HISTORY = 40


class Screen(enum.Enum):
    """The screens a visitor can be on."""

    ATTRACT = "attract"
    HOME = "home"
    DRUG_LIST = "drug-list"
    DRUG = "drug"
    CHECKLIST_LIST = "checklist-list"
    CHECKLIST = "checklist"
    RESULT = "result"
    CALL = "call"


class TextSize(enum.IntEnum):
    """The three text-size steps."""

    NORMAL = 0
    LARGE = 1
    LARGEST = 2

    def next(self) -> TextSize:
        """The following step, wrapping round to normal."""
        return TextSize((self + 1) % len(TextSize))


@dataclass(frozen=True)
class Place:
    """Where the visitor is: a screen and, for drug pages and checklists, an id."""

    screen: Screen
    key: str = ""


HOME = Place(Screen.HOME)
ATTRACT = Place(Screen.ATTRACT)


class Session:
    """Everything one visitor has chosen or entered; lives only in memory."""

    def __init__(self, language: str, start: Place = HOME, *, high_contrast: bool = False) -> None:
        self.default_language = language
        self.language = language
        self.text_size = TextSize.NORMAL
        self.high_contrast = high_contrast
        #: Audio mode: a first touch says what a control is, a second one uses it.
        self.audio = False
        self.search_text = ""
        self._answers: dict[str, set[str]] = {}
        self._history: list[Place] = [start]
        #: Where each place on the way back was scrolled to (Back returns there).
        self.scroll: dict[Place, int] = {}

    @classmethod
    def for_site(cls, site: Site, start: Place = HOME) -> Session:
        """A new visitor's session: the kiosk's first language and its chosen theme."""
        return cls(site.default_language, start, high_contrast=site.theme is Theme.HIGH_CONTRAST)

    # -- preferences --------------------------------------------------------------------

    def following_language(self, languages: Sequence[str]) -> str:
        """The language after the visitor's in ``languages`` (the first when theirs is not)."""
        if self.language not in languages:
            return languages[0]
        return languages[(languages.index(self.language) + 1) % len(languages)]

    def next_language(self, languages: Sequence[str]) -> str:
        """Switch to the following language; returns it."""
        self.language = self.following_language(languages)
        return self.language

    # -- place --------------------------------------------------------------------------

    @property
    def place(self) -> Place:
        """The current place."""
        return self._history[-1]

    @property
    def can_go_back(self) -> bool:
        """True when Back leads somewhere other than here."""
        return len(self._history) > 1

    def go(self, place: Place) -> Place:
        """Move to ``place`` (Home clears the history)."""
        if place == HOME:
            self._history = [HOME]
        elif place != self.place:
            self._history.append(place)
            if len(self._history) > MAX_HISTORY:
                self._history = [HOME, *self._history[-(MAX_HISTORY - 1) :]]
        return self.place

    def back(self) -> Place:
        """Step back one place; Home is the floor."""
        if len(self._history) > 1:
            self._history.pop()
        return self.place

    def forget_places(self, keep: set[Place]) -> None:
        """Drop history entries not in ``keep`` (pages removed by a content reload)."""
        kept: list[Place] = []
        for place in self._history:
            # (a place twice in a row would make Back stay where it is)
            if (place.screen is Screen.HOME or place in keep) and (not kept or kept[-1] != place):
                kept.append(place)
        self._history = kept or [HOME]

    # -- answers ------------------------------------------------------------------------

    def toggle(self, checklist_id: str, item_id: str) -> bool:
        """Tick or untick an item; returns whether it is now ticked."""
        ticked = self._answers.setdefault(checklist_id, set())
        if item_id in ticked:
            ticked.discard(item_id)
            return False
        ticked.add(item_id)
        return True

    def ticked(self, checklist_id: str) -> frozenset[str]:
        """The ticked item ids of one checklist."""
        return frozenset(self._answers.get(checklist_id, ()))

    def clear_answers(self, checklist_id: str) -> None:
        """Untick everything in one checklist ('Start over')."""
        self._answers.pop(checklist_id, None)
