"""Discovery: which files are listed, and which may be read (links out, fresh saves)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kiosk.content.discovery import admit, yaml_files


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "drugs").mkdir(parents=True)
    (folder / "drugs" / "a.yaml").write_text("id: a\n", encoding="utf-8")
    return folder


def test_a_symlink_leaving_the_root_is_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: outside\n", encoding="utf-8")
    (root / "drugs" / "out.yaml").symlink_to(outside)
    admission = admit(root, "drugs/out.yaml")
    assert not admission.readable
    assert admission.refusal == "this file is a link to somewhere outside the content folder"


def test_a_folder_symlink_leaving_the_root_is_refused(root: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.yaml").write_text("id: b\n", encoding="utf-8")
    (root / "checklists").symlink_to(elsewhere)
    assert admit(root, "checklists/b.yaml").refusal is not None


def test_a_symlink_inside_the_root_is_read(root: Path) -> None:
    (root / "drugs" / "alias.yaml").symlink_to(root / "drugs" / "a.yaml")
    assert admit(root, "drugs/alias.yaml").readable
    assert admit(root, "drugs/a.yaml", real_root=root.resolve()).readable


def test_a_symlink_out_is_refused_even_when_the_root_is_a_link(root: Path, tmp_path: Path) -> None:
    link = tmp_path / "current"
    link.symlink_to(root)  # deploys swap a link to the content folder
    (root / "drugs" / "inside.yaml").symlink_to(root / "drugs" / "a.yaml")
    (root / "drugs" / "out.yaml").symlink_to(tmp_path / "x.yaml")
    assert admit(link, "drugs/inside.yaml").readable
    assert admit(link, "drugs/out.yaml").refusal is not None


def test_dangling_and_looping_links_cannot_be_read(root: Path) -> None:
    (root / "drugs" / "gone.yaml").symlink_to(root / "nowhere.yaml")
    (root / "drugs" / "loop.yaml").symlink_to(root / "drugs" / "loop.yaml")
    for name in ("gone.yaml", "loop.yaml"):
        refusal = admit(root, f"drugs/{name}", settle_s=1.0).refusal
        assert refusal is not None and refusal.startswith("cannot read the file: "), refusal


def test_a_file_saved_a_moment_ago_is_unsettled(root: Path) -> None:
    admission = admit(root, "drugs/a.yaml", settle_s=60)
    assert admission.unsettled and admission.refusal is None and not admission.readable
    old = time.time() - 120
    os.utime(root / "drugs" / "a.yaml", (old, old))
    assert admit(root, "drugs/a.yaml", settle_s=60).readable
    assert admit(root, "drugs/a.yaml").readable  # no settle time: never unsettled


def test_listing_sorts_yaml_skips_editor_files_and_warns_about_strays(root: Path) -> None:
    drugs = root / "drugs"
    for name in ("c.yml", ".hidden.yaml", "#a.yaml#", "a.yaml~", "b.swp", "x.tmp", "y.bak"):
        (drugs / name).write_text("x", encoding="utf-8")
    (drugs / "notes.txt").write_text("x", encoding="utf-8")
    (drugs / "sub").mkdir()
    found, strays = yaml_files(root, "drugs")
    assert found == ["drugs/a.yaml", "drugs/c.yml"]
    assert [(Path(p.path).name, p.message, p.is_error) for p in strays] == [
        ("notes.txt", "ignored: only .yaml files are read here", False),
        ("sub", "folders inside this folder are ignored", False),
    ]
    assert strays[0].path == str(root / "drugs" / "notes.txt")


def test_a_missing_folder_lists_nothing(root: Path) -> None:
    assert yaml_files(root, "checklists") == ([], [])
