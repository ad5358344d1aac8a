"""Plain-language check: grade what visitors read, in English and Spanish, and warn when hard.

English is graded with the Flesch–Kincaid grade: MedlinePlus's easy-to-read advice is a
4th to 6th grade level, so above grade 6 is warned about. Spanish is graded with the
Szigriszt-Pazos perspicuity index read on the INFLESZ scale (Barrio-Cantalejo et al.,
"Validación de la Escala INFLESZ para evaluar la legibilidad de los textos dirigidos a
pacientes", An. Sist. Sanit. Navar. 2008;31(2):135-52), on which texts for patients should
reach at least 55 ("normal"); 40–55 is "somewhat difficult". Only `kiosk check` grades.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from textstat.textstat import textstatistics

from kiosk.content.models import Checklist, DrugPage
from kiosk.content.problems import Problem, warning
from kiosk.content.text import MARKDOWN_LINK, LocalText
from kiosk.content.yaml_source import KeyPath

#: Shorter texts give unreliable grades, so they are not judged one by one.
MIN_WORDS = 25

_MARKUP = re.compile(r"(\*\*|__|[*_`#>])")
_LIST = re.compile(r"^\s*([-*+]|\d+[.)])\s+", re.MULTILINE)


@dataclass(frozen=True)
class Scale:
    """One language's readability formula, its target and which way is easier."""

    name: str
    limit: float
    higher_is_easier: bool
    score: Callable[[str], float]

    def too_hard(self, value: float) -> bool:
        """Whether ``value`` misses the target."""
        return value < self.limit if self.higher_is_easier else value > self.limit

    def aim(self) -> str:
        """The target in words, e.g. 'grade 6 or below'."""
        if self.higher_is_easier:
            return f"{self.limit:.0f} or above"
        return f"grade {self.limit:.0f} or below"

    def describe(self, value: float) -> str:
        """A score with its scale, e.g. 'grade 4.8 (Flesch–Kincaid)'."""
        shown = f"{value:.0f}" if self.higher_is_easier else f"grade {value:.1f}"
        return f"{shown} ({self.name})"


@functools.cache
def _counter(language: str) -> textstatistics:
    counter = textstatistics()
    counter.set_lang(language)
    return counter


def _english(text: str) -> float:
    return float(_counter("en").flesch_kincaid_grade(text))


def _spanish(text: str) -> float:
    return float(_counter("es").szigriszt_pazos(text))


SCALES = {
    "en": Scale("Flesch–Kincaid", 6.0, False, _english),
    "es": Scale("Szigriszt-Pazos, INFLESZ", 55.0, True, _spanish),
}


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
def score(text: str, language: str) -> float:
    """The readability score of a Markdown text on ``language``'s scale."""
    return SCALES[language].score(plain(text))


def grade(text: str) -> float:
    """Flesch–Kincaid grade of an English Markdown text."""
    return score(text, "en")


def words(text: str) -> int:
    """How many words a Markdown text has."""
    return len(plain(text).split())


def visitor_texts(model: DrugPage | Checklist) -> Iterator[tuple[KeyPath, str, LocalText]]:
    """The texts visitors read on a page or checklist: key path, staff name, text."""
    if isinstance(model, DrugPage):
        yield ("summary",), "the summary", model.summary
        for index, section in enumerate(model.sections):
            title = section.title.get("en")
            yield ("sections", index, "body"), f"section '{title}'", section.body
            if section.advice is not None:
                path = ("sections", index, "advice", "text")
                yield path, f"the advice box of section '{title}'", section.advice.text
        return
    yield ("intro",), "the introduction", model.intro
    for field in ("urgent", "some", "none"):
        yield ("results", field), f"the '{field}' result", getattr(model.results, field)


def _items_text(checklist: Checklist, language: str) -> str:
    """A checklist's items as one text, a sentence each (each alone is too short to grade)."""
    return "\n".join(f"- {item.text.get(language)}" for item in checklist.items)


def readability_problems(
    model: DrugPage | Checklist,
    label: str,
    locate: Callable[[KeyPath], tuple[int, int]],
    languages: tuple[str, ...] = ("en",),
) -> list[Problem]:
    """A warning for every visitor text that misses its language's target, naming it."""
    problems = []
    for language in languages:
        scale = SCALES.get(language)
        if scale is None:
            continue
        texts = [(path, name, text.get(language)) for path, name, text in visitor_texts(model)]
        if isinstance(model, Checklist):
            texts.append((("items",), "the items", _items_text(model, language)))
        for path, name, text in texts:
            if words(text) < MIN_WORDS:
                continue
            value = score(text, language)
            if scale.too_hard(value):
                problems.append(
                    warning(
                        label,
                        *locate(path),
                        f"{name} ({language}) reads at {scale.describe(value)}; aim for "
                        f"{scale.aim()} with shorter sentences and everyday words",
                    )
                )
    return problems


def report(model: DrugPage | Checklist, languages: tuple[str, ...]) -> str:
    """The whole page's reading level in each gradable language, for `kiosk check` to print."""
    parts = []
    for language in languages:
        scale = SCALES.get(language)
        if scale is None:
            parts.append(f"{language}: no readability scale")
            continue
        texts = [text.get(language) for _, _, text in visitor_texts(model)]
        if isinstance(model, Checklist):
            texts.append(_items_text(model, language))
        value = score("\n\n".join(texts), language)
        verdict = "harder than" if scale.too_hard(value) else "meets"
        parts.append(f"{language} {scale.describe(value)}, {verdict} the aim of {scale.aim()}")
    return "; ".join(parts)
