"""README.md and CONTENT.md: two different documents, and every link in them leads somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCS = ("README.md", "CONTENT.md", "BENCHMARKS.md", "CHANGELOG.md", "CONTRIBUTING.md")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def headings(text: str) -> list[str]:
    """The Markdown headings of ``text`` (outside code blocks), without their #s."""
    return [
        match.group(2).strip()
        for match in re.finditer(r"^(#{1,6})\s+(.+)$", FENCE.sub("", text), re.MULTILINE)
    ]


def anchor(heading: str) -> str:
    """The #anchor GitHub gives a heading: lower case, punctuation dropped, spaces to dashes."""
    text = re.sub(r"[`*_]", "", heading.lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def links(text: str) -> list[str]:
    return LINK.findall(FENCE.sub("", text))


def test_readme_and_content_guide_are_different_documents() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    guide = (REPO / "CONTENT.md").read_text(encoding="utf-8")
    readme_heads, guide_heads = headings(readme), headings(guide)
    assert readme_heads[0] == "Clinic waiting-room kiosk"
    assert guide_heads[0] == "Writing content for the clinic kiosk"
    shared = set(readme_heads) & set(guide_heads)
    assert not shared, f"sections in both README.md and CONTENT.md: {sorted(shared)}"
    # The guide is for staff: it covers what README sends them there for.
    for needed in ("How to add a drug page, step by step", "Staff panel", "Interface translations"):
        assert needed in guide_heads


def broken_links(doc: Path) -> tuple[int, list[str]]:
    """How many relative links ``doc`` has, and those whose file or #anchor does not exist."""
    checked, broken = 0, []
    for target in links(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):  # https:, mailto:, drug:, checklist:
            continue
        checked += 1
        path, _, fragment = target.partition("#")
        file = doc.parent / path if path else doc
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif fragment and (
            file.suffix != ".md"
            or fragment not in {anchor(h) for h in headings(file.read_text(encoding="utf-8"))}
        ):
            broken.append(f"{target}: no such heading")
    return checked, broken


@pytest.mark.parametrize("doc", DOCS)
def test_every_relative_link_and_anchor_resolves(doc: str) -> None:
    checked, broken = broken_links(REPO / doc)
    assert broken == []
    if doc not in ("BENCHMARKS.md", "CHANGELOG.md"):
        assert checked > 0, f"{doc} has no relative links: is the link pattern right?"


def test_anchor_rules_match_githubs() -> None:
    assert anchor("Review record (drug pages and checklists)") == (
        "review-record-drug-pages-and-checklists"
    )
    assert anchor("`kiosk.yaml` fields") == "kioskyaml-fields"
    assert anchor("For IT") == "for-it"


def test_broken_files_and_anchors_are_caught(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other\n\n## A part\n", encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text(
        "# Doc\n\n[ok](other.md#a-part) [self](#doc) [gone](missing.md) "
        "[bad](other.md#no-part) [web](https://example.org)\n"
        "```\n[in code](ignored.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(doc) == (
        4,
        ["missing.md: no such file", "other.md#no-part: no such heading"],
    )


def test_the_guides_complete_example_passes_kiosk_check(tmp_path: Path) -> None:
    import shutil

    from kiosk.content import load_content

    guide = (REPO / "CONTENT.md").read_text(encoding="utf-8")
    section = guide[guide.index("## A complete short example") :]
    start = section.index("```yaml\n") + len("```yaml\n")
    example = section[start : section.index("\n```", start)]
    root = tmp_path / "content"
    shutil.copytree(REPO / "content", root)
    (root / "drugs" / "baclofen.yaml").write_text(example + "\n", encoding="utf-8")
    result = load_content(root)
    assert result.errors == ()
    assert result.catalog is not None
    page = result.catalog.drugs["baclofen"]
    assert page.sections[0].advice is not None and page.checklist_ids == (
        "baclofen-pump",
        "baclofen-tablets",
    )
