"""The pipeline entry: load(root, LoadOptions) is what load_content runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kiosk.content.links import Link, LinkKind
from kiosk.content.loader import load, load_content
from kiosk.content.options import LoadOptions
from tests.unit.content.helpers import CHECKLIST, SITE, drug_yaml


def folder(tmp_path: Path) -> Path:
    (tmp_path / "drugs").mkdir()
    (tmp_path / "checklists").mkdir()
    (tmp_path / "kiosk.yaml").write_text(SITE, encoding="utf-8")
    (tmp_path / "drugs" / "x.yaml").write_text(drug_yaml("x", "Xan"), encoding="utf-8")
    (tmp_path / "drugs" / "a.yaml").write_text(drug_yaml("a", "Zed"), encoding="utf-8")
    (tmp_path / "checklists" / "withdrawal.yaml").write_text(CHECKLIST, encoding="utf-8")
    return tmp_path


def test_origins_are_keyed_by_link_and_pages_sorted_by_name(tmp_path: Path) -> None:
    result = load(folder(tmp_path), LoadOptions(today=dt.date(2026, 1, 1)))
    catalog = result.catalog
    assert catalog is not None and result.errors == ()
    assert list(catalog.drugs) == ["x", "a"]  # Xan before Zed
    assert dict(catalog.origins) == {
        Link(LinkKind.DRUG, "x"): "drugs/x.yaml",
        Link(LinkKind.DRUG, "a"): "drugs/a.yaml",
        Link(LinkKind.CHECKLIST, "withdrawal"): "checklists/withdrawal.yaml",
    }


def test_load_content_is_load_with_its_options(tmp_path: Path) -> None:
    root = folder(tmp_path)
    (root / "drugs" / "x.yaml").write_text(
        drug_yaml("x").replace("next_review: 2099-01-01", "next_review: 2026-06-01"),
        encoding="utf-8",
    )
    today = dt.date(2026, 11, 24)
    old = load_content(root, today=today, pages=False)
    new = load(root, LoadOptions(today=today, pages=False))
    assert [str(p) for p in old.problems] == [str(p) for p in new.problems]
    assert old.catalog is not None and not old.catalog.complete
    full = load(root, LoadOptions(today=today))
    assert any("the review was due on 2026-06-01" in p.message for p in full.problems)
