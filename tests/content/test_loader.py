"""Loading a folder: the catalog, immutability, and last-good fallback on reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from kiosk.content import load_content
from kiosk.content.text import text
from kiosk.content.yaml_source import YamlDocument
from tests.conftest import Writer, drug_yaml


def test_valid_folder_loads_without_problems(content_dir: Path) -> None:
    result = load_content(content_dir)
    assert result.errors == ()
    catalog = result.catalog
    assert catalog is not None
    page = catalog.drugs["baclofen"]
    assert page.name.get("es") == "Baclofen"
    assert page.urgent[0].get("es") == "Fiebre alta"
    assert catalog.checklists["withdrawal"].items[1].urgent is True
    assert catalog.site.coordinator.qr_payload() == "tel:+13527712700"


def test_catalog_is_immutable(content_dir: Path) -> None:
    catalog = load_content(content_dir).catalog
    assert catalog is not None
    with pytest.raises(ValidationError):
        catalog.drugs["baclofen"].id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        catalog.drugs["x"] = catalog.drugs["baclofen"]  # type: ignore[index]


def test_drugs_are_sorted_by_name(content_dir: Path, write: Writer) -> None:
    write("drugs/zeta.yaml", drug_yaml("zeta", "Alpha"))
    catalog = load_content(content_dir).catalog
    assert catalog is not None
    assert list(catalog.drugs) == ["zeta", "baclofen"]


def test_broken_edit_keeps_last_good_version(content_dir: Path, write: Writer) -> None:
    first = load_content(content_dir).catalog
    write("drugs/baclofen.yaml", drug_yaml().replace("summary:", "sumary:"))
    result = load_content(content_dir, previous=first)
    assert result.catalog is not None and first is not None
    assert result.catalog.drugs["baclofen"] is first.drugs["baclofen"]
    assert any("did you mean 'summary'" in p.message for p in result.errors)
    assert any("last good version" in p.message for p in result.warnings)


def test_broken_link_edit_keeps_last_good_version(content_dir: Path, write: Writer) -> None:
    first = load_content(content_dir).catalog
    write("drugs/baclofen.yaml", drug_yaml().replace("checklist: withdrawal", "checklist: gone"))
    result = load_content(content_dir, previous=first)
    assert result.catalog is not None and first is not None
    assert result.catalog.drugs["baclofen"].checklist == "withdrawal"


def test_new_bad_file_is_left_out_and_deleted_file_disappears(
    content_dir: Path, write: Writer
) -> None:
    first = load_content(content_dir).catalog
    write("drugs/new.yaml", "id: new\n")
    (content_dir / "drugs" / "baclofen.yaml").unlink()
    result = load_content(content_dir, previous=first)
    assert result.catalog is not None
    assert dict(result.catalog.drugs) == {}
    assert any(p.path.endswith("new.yaml") for p in result.errors)


def test_broken_site_keeps_last_good_site(content_dir: Path) -> None:
    first = load_content(content_dir).catalog
    (content_dir / "kiosk.yaml").write_text("clinic_name: [\n", encoding="utf-8")
    result = load_content(content_dir, previous=first)
    assert result.catalog is not None and first is not None
    assert result.catalog.site is first.site


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("Same everywhere", "es", "Same everywhere"),
        ({"en": "Hello", "es": "Hola"}, "es", "Hola"),
        ({"en": "Hello", "es": "Hola"}, "fr", "Hello"),
        ({"en": "Hello", "es": "Hola"}, "es-MX", "Hola"),
        ({"es": "Hola"}, "en", "Hola"),
    ],
)
def test_local_text_falls_back_to_english_then_any(
    value: str | dict[str, str], language: str, expected: str
) -> None:
    assert text(value).get(language) == expected


def test_first_screen_load_reads_only_site_and_checklists(content_dir: Path, write: Writer) -> None:
    write("drugs/broken.yaml", "id: [\n")
    partial = load_content(content_dir, pages=False)
    assert partial.catalog is not None
    assert not partial.catalog.complete
    assert dict(partial.catalog.drugs) == {}
    assert list(partial.catalog.checklists) == ["withdrawal"]
    assert not [p for p in partial.problems if "drugs" in p.path]  # drug files never read
    whole = load_content(content_dir, previous=partial.catalog)
    assert whole.catalog is not None and whole.catalog.complete
    assert list(whole.catalog.drugs) == ["baclofen"]


def test_a_file_still_being_saved_leaves_the_catalog_incomplete(content_dir: Path) -> None:
    result = load_content(content_dir, settle_s=60)  # every file was written just now
    assert result.unsettled
    assert result.catalog is None or not result.catalog.complete


def test_load_leaves_garbage_collection_alone(
    content_dir: Path, write: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Collection is process-wide: only a caller that owns the process pauses it."""
    import gc

    from kiosk.content import parsing
    from kiosk.content.yaml_source import parse_source

    seen: list[bool] = []

    def watched(raw: bytes) -> YamlDocument:
        seen.append(gc.isenabled())
        return parse_source(raw)

    monkeypatch.setattr(parsing, "parse_source", watched)
    assert gc.isenabled()
    load_content(content_dir)
    assert seen and all(seen)  # never paused during the load
    write("drugs/bad.yaml", "id: [\n")  # a failing file too
    gc.disable()
    try:
        assert load_content(content_dir).errors
        assert not gc.isenabled()
    finally:
        gc.enable()
