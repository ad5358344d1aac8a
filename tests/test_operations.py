"""IT's settings file: read apart from the content, written safely, PINs of 6 digits or more."""

from __future__ import annotations

import io
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.operations import Operations, load_operations, settings_path, write_setting
from kiosk.pin import hash_pin, pin_problem, verify_pin
from tests.conftest import REPO, SITE, Writer


def test_a_missing_file_means_the_defaults(tmp_path: Path) -> None:
    assert load_operations(tmp_path / "none.yaml") == (Operations(), [])


def test_a_broken_file_is_reported_and_its_good_keys_still_count(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("cursor_visible: true\nadmin_pin_hash: plain-text-pin\nfrobnicate: 1\n")
    settings, problems = load_operations(path)
    assert settings.cursor_visible is True and settings.admin_pin_hash is None
    assert len(problems) == 2
    assert any("admin_pin_hash" in p and "ignored" in p for p in problems)
    assert any("frobnicate" in p for p in problems)
    path.write_text("cursor_visible: [oops\n")
    settings, problems = load_operations(path)
    assert settings == Operations() and "not valid YAML" in problems[0]


def test_settings_path_follows_the_environment(tmp_path: Path) -> None:
    assert settings_path({}) == Path("/etc/kiosk/settings.yaml")
    assert settings_path({"KIOSK_SETTINGS": str(tmp_path / "s.yaml")}) == tmp_path / "s.yaml"


def test_write_setting_keeps_the_rest_and_is_not_world_readable(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text("# IT's notes\ncursor_visible: true\n", encoding="utf-8")
    encoded = hash_pin("246813", iterations=1000)
    write_setting(path, "admin_pin_hash", encoded)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    settings, problems = load_operations(path)
    assert problems == [] and settings.cursor_visible and settings.admin_pin_hash == encoded
    assert path.read_text(encoding="utf-8").startswith("# IT's notes\n")
    write_setting(path, "admin_pin_hash", None)
    assert load_operations(path)[0].admin_pin_hash is None
    with pytest.raises(ValueError):
        write_setting(path, "admin_pin_hash", "not a hash")  # refused, file unchanged
    assert load_operations(path)[0].cursor_visible


def test_a_pin_has_six_digits_at_least() -> None:
    assert pin_problem("12345") == "a PIN is 6 to 12 digits (0-9)"
    assert pin_problem("123456") is None
    with pytest.raises(ValueError):
        hash_pin("1234")


def test_set_pin_stores_the_hash_in_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "settings.yaml"
    monkeypatch.setattr(sys, "stdin", io.StringIO("987654\n"))
    assert main(["set-pin", "--stdin", "--settings", str(path)]) == 0
    stored = load_operations(path)[0].admin_pin_hash
    assert stored is not None and verify_pin("987654", stored)
    assert "987654" not in path.read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("1234\n"))
    assert main(["set-pin", "--stdin", "--settings", str(path)]) == 1
    assert "6 to 12 digits" in capsys.readouterr().err
    assert load_operations(path)[0].admin_pin_hash == stored  # nothing changed


@pytest.mark.parametrize("broken", ["cursor_visible: maybe\n", "metrics_dir: [unclosed\n"])
def test_set_pin_with_another_setting_broken_says_so_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], broken: str
) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(broken, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("987654\n"))
    assert main(["set-pin", "--stdin", "--settings", str(path)]) == 1
    error = capsys.readouterr().err
    assert "has a problem to fix first" in error and "Traceback" not in error
    assert path.read_text(encoding="utf-8") == broken


def test_kiosk_check_says_where_a_moved_setting_goes(content_dir: Path, write: Writer) -> None:
    write("kiosk.yaml", SITE + "cursor_visible: true\nmetrics_dir: /srv/metrics\n")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--content", str(content_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0  # a warning: the kiosk keeps working
    lines = [line for line in result.stdout.splitlines() if "is not read from kiosk.yaml" in line]
    assert len(lines) == 2
    assert lines[0].startswith(f"{content_dir / 'kiosk.yaml'}:10:17: warning: 'cursor_visible'")
    assert all("/etc/kiosk/settings.yaml" in line for line in lines)
