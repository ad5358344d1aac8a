"""Link: parsing drug:/checklist: targets, and finding the internal links in Markdown."""

from __future__ import annotations

import pytest

from kiosk.content.links import Link, LinkKind, internal_links, link_targets


@pytest.mark.parametrize(
    ("target", "kind", "ident"),
    [
        ("drug:baclofen", LinkKind.DRUG, "baclofen"),
        ("checklist:withdrawal", LinkKind.CHECKLIST, "withdrawal"),
        ("drug:a-1", LinkKind.DRUG, "a-1"),
        ("drug:a:b", LinkKind.DRUG, "a:b"),  # only the first colon ends the scheme
    ],
)
def test_good_targets_parse(target: str, kind: LinkKind, ident: str) -> None:
    link = Link.parse(target)
    assert link == Link(kind, ident)
    assert link is not None and link.kind is kind and link.id == ident


@pytest.mark.parametrize(
    "target",
    [
        "https://nhs.uk",  # another scheme
        "mailto:a@b.org",
        "tel:988",
        "Drug:baclofen",  # schemes are lower case
        "drugs:baclofen",
        "baclofen",  # no scheme at all
        "",
        ":baclofen",
    ],
)
def test_other_targets_are_not_links(target: str) -> None:
    assert Link.parse(target) is None


@pytest.mark.parametrize("target", ["drug:", "checklist:", "drug", "checklist"])
def test_an_empty_id_is_not_a_link_but_keeps_its_kind(target: str) -> None:
    assert Link.parse(target) is None
    assert LinkKind.of(target) is LinkKind(target.rstrip(":"))


@pytest.mark.parametrize(
    "target", [" drug:baclofen", "drug:baclofen ", "drug: baclofen", "drug:bac lofen", "drug:x\n"]
)
def test_whitespace_anywhere_is_not_a_link(target: str) -> None:
    assert Link.parse(target) is None


def test_unknown_scheme_has_no_kind() -> None:
    assert LinkKind.of("https://nhs.uk") is None
    assert LinkKind.of("") is None


def test_target_and_str_round_trip() -> None:
    link = Link(LinkKind.CHECKLIST, "withdrawal")
    assert link.target == "checklist:withdrawal"
    assert str(link) == "checklist:withdrawal"
    assert Link.parse(link.target) == link


def test_links_are_frozen_hashable_keys() -> None:
    origins = {Link(LinkKind.DRUG, "x"): "drugs/x.yaml"}
    assert origins[Link(LinkKind.DRUG, "x")] == "drugs/x.yaml"
    assert Link(LinkKind.CHECKLIST, "x") not in origins  # the kind is part of the key
    with pytest.raises(AttributeError):
        Link(LinkKind.DRUG, "x").id = "y"  # type: ignore[misc]


def test_kind_nouns_name_the_page() -> None:
    assert LinkKind.DRUG.noun == "drug page"
    assert LinkKind.CHECKLIST.noun == "checklist"


def test_markdown_links_in_order_internal_only() -> None:
    body = (
        'See [the list](checklist:withdrawal "Signs"), [NHS](https://nhs.uk), '
        "[this page]( <drug:baclofen> ) and [nothing](drug:)."
    )
    assert list(link_targets(body)) == [
        "checklist:withdrawal",
        "https://nhs.uk",
        "drug:baclofen",
        "drug:",
    ]
    assert list(internal_links(body)) == [
        Link(LinkKind.CHECKLIST, "withdrawal"),
        Link(LinkKind.DRUG, "baclofen"),
    ]
    assert list(internal_links("No links at all, only [brackets] and (parentheses).")) == []
