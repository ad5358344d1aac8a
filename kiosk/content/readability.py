"""Plain-language check: warn when a drug page's English text reads above grade 8."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

import textstat

from kiosk.content.models import DrugPage
from kiosk.content.problems import Problem, warning
from kiosk.content.text import MARKDOWN_LINK
from kiosk.content.yaml_source import KeyPath

#: Highest Flesch–Kincaid grade accepted (MedlinePlus easy-to-read: about grade 6–7).
MAX_GRADE = 8.0
#: Shorter texts give unreliable grades, so they are not judged.
MIN_WORDS = 25

_MARKUP = re.compile(r"(\*\*|__|[*_`#>])")
_LIST = re.compile(r"^\s*([-*+]|\d+[.)])\s+", re.MULTILINE)


def plain(markdown: str) -> str:
    """Markdown reduced to sentences for grading.

    Links become their words, markup and list markers go, and list items end with a full
    stop so that each counts as a sentence.
    """
    text = MARKDOWN_LINK.sub(r"\1", markdown)
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if _LIST.match(line):
            stripped = _LIST.sub("", line).strip()
            if stripped and stripped[-1] not in ".!?:":
                stripped += "."
        lines.append(stripped)
    return _MARKUP.sub("", "\n".join(lines))


@functools.lru_cache(maxsize=8192)
def grade(text: str) -> float:
    """Flesch–Kincaid grade of a Markdown text."""
    return float(textstat.flesch_kincaid_grade(plain(text)))


def _english_texts(page: DrugPage) -> Iterator[tuple[KeyPath, str, str]]:
    yield ("summary",), "the summary", page.summary.get("en")
    for index, section in enumerate(page.sections):
        title = section.title.get("en")
        yield ("sections", index, "body"), f"section '{title}'", section.body.get("en")


def readability_problems(
    page: DrugPage, label: str, locate: Callable[[KeyPath], tuple[int, int]]
) -> list[Problem]:
    """A warning for every English text of the page above grade 8, naming the section."""
    problems = []
    for path, name, text in _english_texts(page):
        if textstat.lexicon_count(plain(text)) < MIN_WORDS:
            continue
        level = grade(text)
        if level > MAX_GRADE:
            line, col = locate(path)
            problems.append(
                warning(
                    label,
                    line,
                    col,
                    f"{name} reads at grade {level:.1f} (Flesch–Kincaid); aim for grade "
                    f"{MAX_GRADE:.0f} or below with shorter sentences and everyday words",
                )
            )
    return problems
