"""`kiosk render` writes a PNG for every page, offscreen, and fails on content errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import main
from tests.conftest import SHIPPED_CONTENT


def test_render_every_shipped_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "png"
    assert main(["render", "--content", str(SHIPPED_CONTENT), "--out", str(out)]) == 0
    names = {p.name for p in out.glob("*.png")}
    expected = {
        "home.png",
        "medications.png",
        "call.png",
        "baclofen.png",
        "checklists.png",
        "baclofen-pump.png",
        "baclofen-pump-urgent.png",
        "baclofen-pump-result-urgent.png",
        "baclofen-pump-result-none.png",
        "baclofen-tablets.png",
        "baclofen-tablets-result-some.png",
        "baclofen-tablets-result-urgent.png",
    }
    assert expected <= names
    image = QImage(str(out / "home.png"))
    assert (image.width(), image.height()) == (1920, 1080)
    assert image.pixelColor(5, 1075) != image.pixelColor(1900, 1075)  # page vs. call panel


def test_render_one_page_in_spanish_portrait(tmp_path: Path) -> None:
    out = tmp_path / "es"
    code = main(
        [
            "render",
            "--content",
            str(SHIPPED_CONTENT),
            "--out",
            str(out),
            "--page",
            "baclofen",
            "--lang",
            "es",
            "--size",
            "1080x1920",
        ]
    )
    assert code == 0
    assert {p.name for p in out.glob("*.png")} == {"baclofen.png", "baclofen-full.png"}
    assert QImage(str(out / "baclofen.png")).height() == 1920


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--page", "nope"], "unknown page id(s): nope"),
        (["--lang", "fr"], "language 'fr' is not offered"),
    ],
)
def test_render_bad_arguments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = main(["render", "--content", str(SHIPPED_CONTENT), "--out", str(tmp_path), *args])
    assert code == 2
    assert message in capsys.readouterr().err


def test_render_bad_size_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["render", "--out", "x", "--size", "big"])
    assert exc.value.code == 2
    assert "'big' is not a size like 1920x1080" in capsys.readouterr().err


def test_render_exits_one_when_content_has_errors(
    content_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_dir / "drugs" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    code = main(
        [
            "render",
            "--content",
            str(content_dir),
            "--out",
            str(tmp_path / "o"),
            "--page",
            "medications",
        ]
    )
    assert code == 1
    assert "broken.yaml:2:1: error" in capsys.readouterr().err
    assert (tmp_path / "o" / "medications.png").exists()


def test_render_of_home_reads_no_drug_pages(
    content_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Home and the call card need only kiosk.yaml and the checklists, so a folder of
    # a thousand pages renders them as fast as a folder of one.
    (content_dir / "drugs" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    (content_dir / "checklists" / "bad.yaml").write_text("id: [\n", encoding="utf-8")
    out = tmp_path / "o"
    code = main(["render", "--content", str(content_dir), "--out", str(out), "--page", "home"])
    err = capsys.readouterr().err
    assert code == 1  # the checklist it does read is broken
    assert "bad.yaml:2:1: error" in err
    assert "broken.yaml" not in err
    assert (out / "home.png").exists()


def test_self_test_draws_every_screen(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("self-test ok: kiosk ")
    from kiosk.content import load_content
    from kiosk.ui.render import page_places

    catalog = load_content(SHIPPED_CONTENT).catalog
    assert catalog is not None
    drawn = re.search(r"(\d+) screen\(s\) drawn", out)
    assert drawn is not None  # every screen, and the whole length of the long ones
    assert int(drawn.group(1)) >= len(list(page_places(catalog)))


def test_self_test_fails_on_content_errors(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_dir / "drugs" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    assert main(["--self-test", "--content", str(content_dir)]) == 1
    assert "self-test failed" in capsys.readouterr().err
