"""Reference rules: checklist ids, images and Markdown links lead to something that exists."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

from kiosk.content.errors import did_you_mean
from kiosk.content.images import image_problem
from kiosk.content.links import Link, LinkKind, link_targets
from kiosk.content.models import Checklist, DrugPage
from kiosk.content.problems import Problem, error, warning
from kiosk.content.text import LocalText
from kiosk.content.yaml_source import KeyPath, YamlDocument

#: Texts with Markdown links, each with its key path in the file.
Texts = Iterable[tuple[KeyPath, LocalText]]


def link_problem(
    target: str,
    label: str,
    line: int,
    col: int,
    drugs: Collection[str],
    checklists: Collection[str],
) -> Problem | None:
    """An error for an internal link to nothing, a warning for any other link, else None."""
    link = Link.parse(target)
    kind = link.kind if link is not None else LinkKind.of(target)
    if kind is None:
        return warning(
            label,
            line,
            col,
            f"link '{target}' cannot be opened on the kiosk (only drug:<id> and "
            "checklist:<id> links work); its text is shown without a link",
        )
    ident = link.id if link is not None else ""  # drug: or checklist: and no id after it
    known = drugs if kind is LinkKind.DRUG else checklists
    if ident in known:
        return None
    return error(
        label,
        line,
        col,
        f"link to {kind.noun} '{ident}' that does not exist{did_you_mean(ident, list(known))}",
    )


def markdown_link_problems(
    texts: Texts,
    doc: YamlDocument,
    label: str,
    drugs: Collection[str],
    checklists: Collection[str],
) -> list[Problem]:
    """link_problem for every link in these texts, in every language, at the text's line."""
    problems: list[Problem] = []
    for path, text in texts:
        line, col = doc.locate(path)
        for body in text.all_texts():
            for target in link_targets(body):
                problem = link_problem(target, label, line, col, drugs, checklists)
                if problem is not None:
                    problems.append(problem)
    return problems


def checklist_reference_problems(
    page: DrugPage, doc: YamlDocument, label: str, checklists: Collection[str]
) -> list[Problem]:
    """An error for each checklist a drug page names that does not exist."""
    problems: list[Problem] = []
    listed = isinstance(page.checklist, tuple)
    for index, checklist_id in enumerate(page.checklist_ids):
        if checklist_id not in checklists:
            line, col = doc.locate(("checklist", index) if listed else ("checklist",))
            problems.append(
                error(
                    label,
                    line,
                    col,
                    f"checklist '{checklist_id}' does not exist"
                    f"{did_you_mean(checklist_id, list(checklists))}",
                )
            )
    return problems


def image_problems(page: DrugPage, doc: YamlDocument, label: str, root: Path) -> list[Problem]:
    """An error when a drug page's image is not a usable image inside the content folder."""
    if not page.image:
        return []
    why = image_problem(root, page.image)
    return [error(label, *doc.locate(("image",)), why)] if why else []


def drug_page_texts(page: DrugPage) -> list[tuple[KeyPath, LocalText]]:
    """The texts of a drug page that may hold links: section bodies and advice."""
    texts: list[tuple[KeyPath, LocalText]] = []
    for index, section in enumerate(page.sections):
        texts.append((("sections", index, "body"), section.body))
        if section.advice is not None:
            texts.append((("sections", index, "advice", "text"), section.advice.text))
    return texts


def drug_page_problems(
    page: DrugPage,
    doc: YamlDocument,
    label: str,
    root: Path,
    drugs: Collection[str],
    checklists: Collection[str],
) -> list[Problem]:
    """Everything a drug page refers to: its checklists, its image and its links."""
    return [
        *checklist_reference_problems(page, doc, label, checklists),
        *image_problems(page, doc, label, root),
        *markdown_link_problems(drug_page_texts(page), doc, label, drugs, checklists),
    ]


def checklist_texts(checklist: Checklist) -> list[tuple[KeyPath, LocalText]]:
    """The texts of a checklist that may hold links: the introduction and the results."""
    texts: list[tuple[KeyPath, LocalText]] = [(("intro",), checklist.intro)]
    texts += [
        (("results", name), getattr(checklist.results, name)) for name in ("urgent", "some", "none")
    ]
    return texts


def checklist_link_problems(
    checklist: Checklist,
    doc: YamlDocument,
    label: str,
    drugs: Collection[str],
    checklists: Collection[str],
) -> list[Problem]:
    """The links in a checklist's texts; all warnings, since nothing is left out for them.

    A checklist left out for a broken link would break, in turn, every page that links it.
    """
    problems: list[Problem] = []
    for problem in markdown_link_problems(
        checklist_texts(checklist), doc, label, drugs, checklists
    ):
        if problem.is_error:
            problem = warning(
                problem.path,
                problem.line,
                problem.col,
                f"{problem.message}; touching it does nothing",
            )
        problems.append(problem)
    return problems
