"""`kiosk check` and `kiosk schema` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.schema import SCHEMAS, schema_text
from tests.conftest import REPO, SHIPPED_CONTENT


def test_check_shipped_content_exits_zero() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--content", str(SHIPPED_CONTENT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 error(s)" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_broken_copy_exits_one_and_names_file_and_line(shipped_copy: Path) -> None:
    page = shipped_copy / "drugs" / "baclofen.yaml"
    lines = page.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[number] = lines[number].replace("summary:", "sumary:")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--content", str(shipped_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert (
        f"{page}:{number + 1}:1: error: unknown key 'sumary'; did you mean 'summary'?"
        in proc.stdout
    )


def test_strict_turns_warnings_into_failure(
    content_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content_dir / "drugs" / "notes.txt").write_text("x", encoding="utf-8")
    # --no-speech: the speech engine's voices are tested in test_cli_check_speech.py.
    assert main(["check", "--content", str(content_dir), "--no-speech"]) == 0
    assert main(["check", "--content", str(content_dir), "--strict", "--no-speech"]) == 1
    assert "warning: ignored: only .yaml files" in capsys.readouterr().out


def test_bad_flag_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--bogus"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "kiosk: unrecognized arguments: --bogus" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_shipped_schema_files_match_the_models(name: str) -> None:
    shipped = (SHIPPED_CONTENT / "schema" / name).read_text(encoding="utf-8")
    assert shipped == schema_text(name), "run: kiosk schema --write content/schema"
    assert json.loads(shipped)["additionalProperties"] is False


def test_every_content_yaml_references_its_schema() -> None:
    files = [SHIPPED_CONTENT / "kiosk.yaml", *SHIPPED_CONTENT.glob("*/*.yaml")]
    assert len(files) >= 3
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file() and target.parent == (SHIPPED_CONTENT / "schema").resolve(), path


def test_schema_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "checklist"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "items" in schema["properties"]


def test_import_contracts_hold() -> None:
    """The model never imports Qt and each layer imports only those below it (pyproject.toml)."""
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    contracts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]["contracts"]
    assert len(contracts) >= 3  # the model, the layers, and the layers inside ui
    assert f"Contracts: {len(contracts)} kept, 0 broken." in proc.stdout
