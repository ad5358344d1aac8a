"""The event-driven YAML reader: same data as PyYAML's safe loader, with positions."""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import yaml_source
from kiosk.content.yaml_source import SourceError, parse_yaml

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.text(max_size=40),
    st.sampled_from(["yes", "No", "~", "null", "0x1f", "1e3", ".inf", "2020-01-02", "-", ""]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(string.ascii_letters + "_ -", min_size=1, max_size=12), children),
    ),
    max_leaves=30,
)


def expected(text: str) -> Any:
    """What PyYAML's own safe loader makes of ``text`` (dates as dates, like the kiosk)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {k if isinstance(k, str) else str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dt.datetime):
            return value.date()
        return value

    return plain(yaml.safe_load(text))


@pytest.mark.parametrize("loader", LOADERS, ids=lambda c: c.__name__)
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.dictionaries(st.text(min_size=1, max_size=10), values, min_size=1), flow=st.booleans()
)
def test_same_data_as_pyyaml_for_any_document(
    monkeypatch: pytest.MonkeyPatch, loader: type[yaml.SafeLoader], value: Any, flow: bool
) -> None:
    monkeypatch.setattr(yaml_source, "_SafeLoader", loader)
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=flow)
    assert parse_yaml(text).data == expected(text)


@pytest.mark.parametrize("loader", LOADERS, ids=lambda c: c.__name__)
def test_plain_quoted_and_block_scalars_keep_their_types(
    monkeypatch: pytest.MonkeyPatch, loader: type[yaml.SafeLoader]
) -> None:
    monkeypatch.setattr(yaml_source, "_SafeLoader", loader)
    text = (
        "count: 3\n"
        "quoted: '3'\n"
        "flag: yes\n"
        "when: 2026-01-02\n"
        "none: ~\n"
        "empty:\n"
        "words: Baclofen relaxes muscles\n"
        "block: |\n"
        "  12\n"
        "list: [1, two, 3.5, true]\n"
    )
    doc = parse_yaml(text)
    assert doc.data == {
        "count": 3,
        "quoted": "3",
        "flag": True,
        "when": dt.date(2026, 1, 2),
        "none": None,
        "empty": None,
        "words": "Baclofen relaxes muscles",
        "block": "12\n",
        "list": [1, "two", 3.5, True],
    }
    assert doc.locate(("list", 2)) == (10, 16)
    assert doc.locate_key(("block",)) == (8, 1)
    assert doc.locate(("block",)) == (8, 8)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\n---\nb: 2\n", "a content file holds one document", 2),
        ("a: *nowhere\n", "refers to an anchor (&) that is not defined", 1),
        ("a: 1\n*x : 2\n", "not valid YAML", 2),
        ("? [a, b]\n: 1\n", "a key must be a plain word", 1),
        ("a: !!set {x}\n", "the YAML tag '!!set' is not allowed", 1),
        ("!!python/name:os.system a: 1\n", "the YAML tag '!!python/name:os.system'", 1),
        ("# only a comment\n", "the file is empty", 1),
    ],
)
def test_unusable_yaml_is_named_with_its_line(text: str, message: str, line: int) -> None:
    with pytest.raises(SourceError) as caught:
        parse_yaml(text)
    assert message in caught.value.message
    assert caught.value.line == line
