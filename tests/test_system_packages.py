"""The one list of Debian packages: parsing, lookups, and what make and the kiosk do with it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk import system_packages
from kiosk.runtime import preflight
from tests.conftest import REPO


def test_the_shipped_list_parses_and_has_every_role() -> None:
    packages = system_packages.load()
    roles = {package.role for package in packages}
    assert roles == set(system_packages.ROLES)
    names = [package.name for package in packages]
    assert len(names) == len(set(names)), "a package is listed twice"
    # What a bare Debian 12 lacks for QtCore, QtTextToSpeech and the X11 plugin (ldd).
    for needed in ("libglib2.0-0", "libpulse0", "libspeechd2", "libxcb-cursor0"):
        assert needed in system_packages.names(packages, ["run"])
    assert "speech-dispatcher" in system_packages.names(packages, ["speech"])


def test_a_bad_line_is_named_with_its_number() -> None:
    with pytest.raises(system_packages.PackageListError, match=r"list.txt:3: expected"):
        system_packages.parse(
            "# comment\nlibfoo1 run libfoo.so.1\nlibbar1 sometimes -\n", "list.txt"
        )


def test_libraries_map_to_their_package() -> None:
    assert system_packages.package_for_library("libpulse.so.0") == "libpulse0"
    assert system_packages.package_for_library("libgthread-2.0.so.0") == "libglib2.0-0"
    assert system_packages.package_for_library("libnothing.so.9") is None


def test_an_import_error_names_the_debian_package() -> None:
    error = ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")
    hint = system_packages.missing_library_hint(error)
    assert "libpulse.so.0" in hint and "libpulse0" in hint
    other = ImportError("No module named 'PySide6.QtTextToSpeech'")
    assert system_packages.missing_library_hint(other) == str(other)


@pytest.fixture
def fake_dpkg(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """dpkg says every package is installed except those in state['missing']; apt is recorded."""
    state: dict[str, object] = {"missing": set(), "apt": [], "apt_works": True}

    def installed(names: list[str]) -> set[str]:
        return set(names) - state["missing"]  # type: ignore[operator]

    def apt_install(names: list[str]) -> bool:
        state["apt"].append(list(names))  # type: ignore[attr-defined]
        if state["apt_works"]:
            state["missing"] = set()
        return bool(state["apt_works"])

    monkeypatch.setattr(system_packages, "installed", installed)
    monkeypatch.setattr(system_packages, "apt_install", apt_install)
    monkeypatch.setattr(system_packages.shutil, "which", lambda name: f"/usr/bin/{name}")
    return state


def test_ensure_installs_what_is_missing_as_root(fake_dpkg: dict[str, object]) -> None:
    fake_dpkg["missing"] = {"libpulse0", "binutils"}
    assert system_packages.ensure(["run"], is_root=True) == 0
    assert fake_dpkg["apt"] == [["libpulse0"]]


def test_ensure_without_root_prints_the_one_sudo_line(
    fake_dpkg: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    fake_dpkg["missing"] = {"libpulse0", "libglib2.0-0"}
    assert system_packages.ensure(["run", "build"], is_root=False) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install libglib2.0-0 libpulse0" in err
    assert fake_dpkg["apt"] == []


def test_missing_speech_only_warns(
    fake_dpkg: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    fake_dpkg["missing"] = {"speech-dispatcher"}
    fake_dpkg["apt_works"] = False
    assert system_packages.ensure(["run", "speech"], is_root=True) == 0
    assert "read aloud is off" in capsys.readouterr().out
    fake_dpkg["missing"] = {"speech-dispatcher"}
    assert system_packages.ensure(["speech"], is_root=False) == 0


def test_a_failed_install_of_a_required_package_fails(fake_dpkg: dict[str, object]) -> None:
    fake_dpkg["missing"] = {"libgl1"}
    fake_dpkg["apt_works"] = False
    assert system_packages.ensure(["run"], is_root=True) == 1


def test_the_command_runs_with_the_system_python_before_any_venv() -> None:
    """Make calls it with python3, where only the standard library is there."""
    result = subprocess.run(
        [sys.executable, "-S", "-m", "kiosk.system_packages", "list", "build"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == system_packages.names(system_packages.load(), ["build"])


def test_no_display_hint_is_a_command_that_works_as_typed() -> None:
    problem = preflight.display_problem({})
    assert problem is not None
    command = problem.split("run: ", 1)[1].split(" (in the project folder")[0]
    assert command == f"{sys.executable} -m kiosk render --out preview/"
    assert "make render" in problem


def test_missing_x11_libraries_are_named_by_package() -> None:
    problem = preflight.display_problem(
        {"DISPLAY": ":0"}, loads=lambda soname: soname != "libxcb-icccm.so.4"
    )
    assert problem is not None
    assert problem.endswith("sudo apt-get install libxcb-icccm4")
    assert preflight.display_problem({"DISPLAY": ":0"}, loads=lambda soname: True) is None
