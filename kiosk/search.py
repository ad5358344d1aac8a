"""Find drug pages by name or other name, forgiving common misspellings such as 'baclophen'."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.content.models import DrugPage

#: Spelling variants folded together before comparing (sound-alike letter groups).
_FOLDS = (("ph", "f"), ("ck", "k"), ("qu", "k"), ("c", "k"), ("y", "i"), ("z", "s"))


def normalize(value: str) -> str:
    """Lower-case letters and digits only, accents removed: 'Baclofeno ' -> 'baclofeno'."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def fold(value: str) -> str:
    """Fold sound-alike spellings: 'baclophen' and 'baclofen' both give 'baklofen'."""
    for before, after in _FOLDS:
        value = value.replace(before, after)
    return value


def edit_distance(a: str, b: str) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count as one edit)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _allowed_edits(length: int) -> int:
    return 0 if length < 4 else 1 if length < 7 else 2


@dataclass(frozen=True)
class _Entry:
    drug_id: str
    sort_name: str
    names: tuple[str, ...]  # normalized
    folded: tuple[str, ...]


class DrugIndex:
    """Search index over the drug pages of one catalog (built once per catalog)."""

    def __init__(self, drugs: Mapping[str, DrugPage]) -> None:
        entries = []
        for drug_id, page in drugs.items():
            names = {normalize(n) for n in page.name.all_texts()}
            names.update(normalize(n) for n in page.other_names)
            names.discard("")
            ordered = tuple(sorted(names))
            entries.append(
                _Entry(drug_id, normalize(str(page.name)), ordered, tuple(fold(n) for n in ordered))
            )
        self._entries = tuple(entries)

    def search(self, query: str) -> list[str]:
        """Drug ids matching ``query``, best first; an empty query matches every page."""
        wanted = normalize(query)
        if not wanted:
            return [entry.drug_id for entry in self._entries]
        folded = fold(wanted)
        scored: list[tuple[int, str, str]] = []
        for entry in self._entries:
            score = self._score(wanted, folded, entry)
            if score is not None:
                scored.append((score, entry.sort_name, entry.drug_id))
        return [drug_id for _, _, drug_id in sorted(scored)]

    @staticmethod
    def _score(wanted: str, folded: str, entry: _Entry) -> int | None:
        best: int | None = None
        for name, folded_name in zip(entry.names, entry.folded, strict=True):
            if name.startswith(wanted):
                score = 0
            elif wanted in name:
                score = 1
            elif folded_name.startswith(folded) or folded in folded_name:
                score = 2
            else:
                limit = _allowed_edits(len(folded))
                if not limit:
                    continue
                distance = min(
                    edit_distance(folded, folded_name[: len(folded)]),
                    edit_distance(folded, folded_name),
                )
                if distance > limit:
                    continue
                score = 2 + distance
            best = score if best is None else min(best, score)
        return best
