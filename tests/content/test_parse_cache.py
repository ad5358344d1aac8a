"""Reloads parse only the files whose bytes changed, and never serve a stale page."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.content import load_content
from kiosk.content.parse_cache import ParseCache
from tests.conftest import Writer, drug_yaml


def test_unchanged_files_are_not_parsed_again(content_dir: Path, write: Writer) -> None:
    cache = ParseCache()
    first = load_content(content_dir, cache=cache).catalog
    assert first is not None and cache.hits == 0 and len(cache) == 3
    write("drugs/zeta.yaml", drug_yaml("zeta", "Zeta"))
    second = load_content(content_dir, previous=first, cache=cache).catalog
    assert second is not None
    assert cache.hits == 3  # kiosk.yaml, the checklist and baclofen came from the cache
    assert second.drugs["baclofen"] is first.drugs["baclofen"]
    assert second.drugs["zeta"].name.get("en") == "Zeta"


def test_same_size_same_time_edit_is_still_seen(content_dir: Path, write: Writer) -> None:
    cache = ParseCache()
    load_content(content_dir, cache=cache)
    path = content_dir / "drugs" / "baclofen.yaml"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("name: {en: Baclofen", "name: {en: Baclofex")
    assert len(edited) == len(text) and edited != text
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as if in the same tick
    catalog = load_content(content_dir, cache=cache).catalog
    assert catalog is not None
    assert catalog.drugs["baclofen"].name.get("en") == "Baclofex"


def test_broken_edit_falls_back_and_deleted_files_are_forgotten(
    content_dir: Path, write: Writer
) -> None:
    cache = ParseCache()
    first = load_content(content_dir, cache=cache).catalog
    write("drugs/baclofen.yaml", drug_yaml().replace("summary:", "sumary:"))
    result = load_content(content_dir, previous=first, cache=cache)
    assert result.catalog is not None and first is not None
    assert result.catalog.drugs["baclofen"] is first.drugs["baclofen"]  # the last good page
    assert any("sumary" in p.message for p in result.errors)
    (content_dir / "drugs" / "baclofen.yaml").unlink()
    gone = load_content(content_dir, previous=result.catalog, cache=cache).catalog
    assert gone is not None and "baclofen" not in gone.drugs
    assert len(cache) == 2
