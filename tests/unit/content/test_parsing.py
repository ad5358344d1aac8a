"""Parsing one file: refusals, unsettled files, bad shapes, validation, the cache, prepare."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content.discovery import UNSETTLED, Admission
from kiosk.content.models import DrugPage, Site
from kiosk.content.parse_cache import ParseCache
from kiosk.content.parsing import parse_file
from kiosk.content.rules.moved_settings import without_moved_settings
from tests.unit.content.helpers import SITE, drug_yaml


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "drugs").mkdir()
    (tmp_path / "drugs" / "x.yaml").write_text(drug_yaml("x"), encoding="utf-8")
    return tmp_path


def test_a_good_file_gives_its_model_and_document(root: Path) -> None:
    parsed = parse_file(root, "drugs/x.yaml", DrugPage)
    assert parsed.model is not None and parsed.model.id == "x"
    assert parsed.doc is not None and parsed.doc.locate(("id",)) == (1, 5)
    assert parsed.problems == [] and not parsed.unsettled
    assert parsed.label == str(root / "drugs" / "x.yaml")


def test_a_refused_file_is_not_read(root: Path) -> None:
    parsed = parse_file(root, "drugs/x.yaml", DrugPage, Admission(refusal="no"))
    assert parsed.model is None
    assert [(p.message, p.is_error) for p in parsed.problems] == [("no", True)]


def test_an_unsettled_file_is_not_read_and_not_a_problem(root: Path) -> None:
    parsed = parse_file(root, "drugs/x.yaml", DrugPage, UNSETTLED)
    assert parsed.model is None and parsed.doc is None and parsed.problems == []
    assert parsed.unsettled


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        ("- a\n- b\n", "the file must be a mapping of keys to values (key: value)", 1),
        ("id: [\n", "this is not valid YAML", 2),
        (drug_yaml("x").replace("summary:", "sumary:"), "unknown key 'sumary'", 4),
    ],
)
def test_a_bad_file_gives_one_positioned_error(
    root: Path, data: str, message: str, line: int
) -> None:
    (root / "drugs" / "x.yaml").write_text(data, encoding="utf-8")
    parsed = parse_file(root, "drugs/x.yaml", DrugPage)
    assert parsed.model is None
    (problem,) = [p for p in parsed.problems if message in p.message]
    assert problem.line == line


def test_a_missing_file_cannot_be_read(root: Path) -> None:
    parsed = parse_file(root, "drugs/gone.yaml", DrugPage)
    (problem,) = parsed.problems
    assert problem.message == "cannot read the file: No such file or directory"


def test_unchanged_bytes_come_from_the_cache(root: Path) -> None:
    cache = ParseCache()
    first = parse_file(root, "drugs/x.yaml", DrugPage, cache=cache)
    again = parse_file(root, "drugs/x.yaml", DrugPage, cache=cache)
    assert cache.hits == 1 and again.model is first.model and again.doc is first.doc


def test_prepare_changes_the_data_and_its_problems_keep_it_out_of_the_cache(
    tmp_path: Path,
) -> None:
    (tmp_path / "kiosk.yaml").write_text(SITE + 'metrics_dir: "/tmp"\n', encoding="utf-8")
    cache = ParseCache()
    parsed = parse_file(tmp_path, "kiosk.yaml", Site, cache=cache, prepare=without_moved_settings)
    assert parsed.model is not None  # metrics_dir is not a Site field: it was dropped
    assert [p.message.split("'")[1] for p in parsed.problems] == ["metrics_dir"]
    assert len(cache) == 0
    plain = parse_file(tmp_path, "kiosk.yaml", Site)
    assert plain.model is None and "unknown key 'metrics_dir'" in plain.problems[0].message
