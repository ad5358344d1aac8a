"""Settings precedence: command line over environment over kiosk.yaml over defaults."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import settings
from kiosk.settings import (
    APP_NAME,
    ENV_CONTENT,
    ENV_DATA,
    ENV_LOG_DIR,
    ENV_METRICS,
    SETTINGS,
    bundle_dir,
    content_dir,
    data_dir,
    default_content_dir,
    first_path,
    log_dir,
    metrics_dir,
)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_kiosk_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without any KIOSK_* variable from the developer's shell."""
    for setting in SETTINGS:
        monkeypatch.delenv(setting.env, raising=False)


def test_content_folder_defaults_to_the_bundled_sample() -> None:
    assert content_dir() == REPO / "content"
    assert default_content_dir() == REPO / "content"
    assert (content_dir() / "kiosk.yaml").is_file()


def test_environment_beats_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_CONTENT, str(tmp_path))
    assert content_dir() == tmp_path
    assert default_content_dir() == tmp_path


def test_command_line_beats_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_CONTENT, str(tmp_path / "from-env"))
    assert content_dir(tmp_path / "from-cli") == tmp_path / "from-cli"


def test_an_empty_variable_counts_as_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_CONTENT, "")
    assert content_dir() == REPO / "content"


def test_tilde_is_the_home_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(ENV_CONTENT, "~/content")
    assert content_dir() == tmp_path / "content"
    assert metrics_dir(None, "~/metrics") == tmp_path / "metrics"


@pytest.mark.parametrize(
    ("cli", "env", "from_yaml", "expected"),
    [
        ("/cli", "/env", "/yaml", "/cli"),
        (None, "/env", "/yaml", "/env"),
        (None, None, "/yaml", "/yaml"),
        (None, "", "/yaml", "/yaml"),
        (None, None, None, None),
        (None, None, "", None),
    ],
)
def test_metrics_folder_precedence(
    monkeypatch: pytest.MonkeyPatch,
    cli: str | None,
    env: str | None,
    from_yaml: str | None,
    expected: str | None,
) -> None:
    if env is not None:
        monkeypatch.setenv(ENV_METRICS, env)
    found = metrics_dir(Path(cli) if cli else None, from_yaml)
    assert found == (Path(expected) if expected else None)


def test_first_path_reads_a_given_environment() -> None:
    environ = {ENV_DATA: "/srv/kiosk"}
    assert first_path(None, ENV_DATA, environ=environ) == Path("/srv/kiosk")
    assert first_path(None, ENV_LOG_DIR, "/yaml", environ=environ) == Path("/yaml")
    assert first_path(Path("/cli"), ENV_DATA, environ=environ) == Path("/cli")


@pytest.mark.parametrize(("finder", "env"), [(data_dir, ENV_DATA), (log_dir, ENV_LOG_DIR)])
def test_data_and_log_folders(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, finder: Callable[[], Path], env: str
) -> None:
    assert APP_NAME in finder().parts
    monkeypatch.setenv(env, str(tmp_path))
    assert finder() == tmp_path


def test_a_frozen_build_finds_content_and_resources_in_its_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert bundle_dir() == tmp_path
    assert content_dir() == tmp_path / "content"
    assert settings.resources_dir() == tmp_path / "resources"


def test_readme_documents_every_setting() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("| setting |", 1)[1].split("\n\n", 1)[0]
    for setting in SETTINGS:
        row = next(line for line in table.splitlines() if f"`{setting.env}`" in line)
        for source in (setting.flag, setting.yaml_key):
            if source:
                assert f"`{source}`" in row, (setting.name, source)
