"""The list screens' view models: the medication list (with search) and the checklist list."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content import Catalog
from kiosk.search import DrugIndex, normalize
from kiosk.session import Place, Screen
from kiosk.views.parts import Action, Text, spoken_lines
from kiosk.views.words import Words


@dataclass(frozen=True)
class ChecklistListView:
    """One big row per checklist; says so plainly when there are none."""

    title: str
    description: str
    heading: Text
    rows: dict[str, Action]
    empty: Text | None

    def spoken(self) -> list[str]:
        """The heading and each checklist's name."""
        return spoken_lines(self.heading, *self.rows.values(), self.empty)


def checklist_list_view(catalog: Catalog, words: Words) -> ChecklistListView:
    """Every checklist, in the visitor's words."""
    return ChecklistListView(
        title=words.ui("checklists"),
        description=words.ui("page_desc"),
        heading=Text(words.ui("checklists"), "h1"),
        rows={
            key: Action(
                words.text(checklist.title),
                description=words.ui("open_checklist_desc"),
                target=Place(Screen.CHECKLIST, key),
            )
            for key, checklist in catalog.checklists.items()
        },
        empty=None if catalog.checklists else Text(words.ui("no_checklists"), "h2"),
    )


@dataclass(frozen=True)
class DrugRow:
    """One row of the medication list."""

    drug_id: str
    name: str
    other_names: str
    #: What a screen reader says for the row.
    spoken: str


@dataclass(frozen=True)
class DrugListView:
    """The medication list for one search: its rows, or why there are none."""

    title: str
    heading: Text
    search_hint: str
    #: The button that shows the A–Z strip instead of the keyboard.
    show_letters: Action
    letters: tuple[str, ...]
    rows: tuple[DrugRow, ...]
    empty: Text | None
    #: What audio mode says after each key: how many rows, and the first names.
    found: str = ""

    def spoken(self) -> list[str]:
        """The heading, the A–Z button, then each row, or why there are none."""
        rows = [row.spoken for row in self.rows]
        return spoken_lines(self.heading, self.show_letters) + rows + spoken_lines(self.empty)


def drug_row(catalog: Catalog, drug_id: str, words: Words) -> DrugRow:
    """One medication's row in the visitor's words."""
    page = catalog.drugs[drug_id]
    name = words.text(page.name)
    others = ", ".join(page.other_names)
    said = f"{name}. {words.ui('also_called', names=others)}" if others else name
    return DrugRow(page.id, name, others, said)


def initials(catalog: Catalog, words: Words) -> tuple[str, ...]:
    """The first letters of the medication names, A–Z, for the jump strip."""
    firsts = {normalize(words.text(p.name))[:1].upper() for p in catalog.drugs.values()}
    return tuple(sorted(ch for ch in firsts if ch))


def empty_message(catalog: Catalog, query: str, words: Words) -> str:
    """Why a search shows no rows: no match, the pages still loading, or none at all."""
    if catalog.drugs:
        return words.ui("no_matches", query=query.strip())
    if not catalog.complete:  # the first moments after a start
        return words.ui("loading_pages")
    return words.ui("no_pages")


def drug_list_view(catalog: Catalog, index: DrugIndex, query: str, words: Words) -> DrugListView:
    """The medication list for ``query`` in the visitor's words."""
    ids = index.search(query)
    rows = tuple(drug_row(catalog, i, words) for i in ids)
    empty = None if ids else Text(empty_message(catalog, query, words), "h2")
    return DrugListView(
        title=words.ui("medications"),
        heading=Text(words.ui("medications"), "h1"),
        search_hint=words.ui("search_hint"),
        show_letters=Action(words.ui("show_az"), description=words.ui("show_az_desc")),
        letters=initials(catalog, words),
        rows=rows,
        empty=empty,
        found=found_words(rows, empty, words),
    )


#: Audio mode names at most this many rows after a key (the visitor can go on to the list).
NAMES_SAID = 5


def found_words(rows: tuple[DrugRow, ...], empty: Text | None, words: Words) -> str:
    """How many medicines a search found and the first few names, or why there are none."""
    if empty is not None:
        return empty.text
    names = ", ".join(row.name for row in rows[:NAMES_SAID])
    return words.ui("audio_results", count=str(len(rows)), names=names)
