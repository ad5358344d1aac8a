"""The installer without PyInstaller: .iss generator, pruning rules, install.sh on a fake app."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import build_installer as bi
from kiosk import __version__
from kiosk.settings import ENV_CONTENT, ENV_DATA, ENV_LOG_DIR

REPO = Path(__file__).resolve().parent.parent
SITE_PACKAGES = Path(__import__("PySide6").__file__).resolve().parent.parent


# --- Windows: the Inno Setup script -----------------------------------------------------------


def iss_sections(text: str) -> dict[str, list[str]]:
    """An .iss file's lines by [Section], comments and blank lines left out."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def test_iss_setup_section_comes_from_the_release_metadata() -> None:
    release = bi.Release(version="1.2.3")
    setup = dict(
        line.split("=", 1) for line in iss_sections(bi.inno_setup_script(release))["Setup"]
    )
    assert setup["AppName"] == "Clinic Kiosk"
    assert setup["AppVersion"] == "1.2.3"
    assert setup["DefaultDirName"] == r"{autopf}\ClinicKiosk"
    assert setup["AppId"] == "{{" + release.app_id + "}"
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["OutputBaseFilename"] == "kiosk-1.2.3-windows-x64-setup"
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"


def test_iss_seeds_content_only_when_absent_and_uninstall_keeps_it() -> None:
    sections = iss_sections(bi.inno_setup_script(bi.Release(version="1.2.3")))
    seed = next(line for line in sections["Files"] if "content" in line)
    assert r'DestDir: "{commonappdata}\ClinicKiosk\content"' in seed
    assert "onlyifdoesntexist" in seed and "uninsneveruninstall" in seed
    assert "Check: ShouldSeedContent" in seed
    assert "function ShouldSeedContent" in "\n".join(sections["Code"])
    for folder in ("content", "data", "logs"):
        line = next(d for d in sections["Dirs"] if rf"ClinicKiosk\{folder}" in d)
        assert "uninsneveruninstall" in line
    app = sections["Files"][0]
    assert app.startswith(r'Source: "kiosk\*"; DestDir: "{app}"') and "recursesubdirs" in app


def test_iss_starts_the_watchdog_only_for_the_kiosk_account() -> None:
    sections = iss_sections(bi.inno_setup_script(bi.Release(version="1.2.3")))
    assert "Registry" not in sections  # no HKLM Run key: it would start for every user
    task = next(line for line in sections["Run"] if "/Create" in line)
    assert "/SC ONLOGON" in task and '/RU ""{code:KioskUser}""' in task
    assert "kiosk-watchdog.ps1" in task and "Tasks: autostart" in task
    assert any("/Delete" in line for line in sections["UninstallRun"])
    code = "\n".join(sections["Code"])
    assert "{param:KIOSKUSER|kiosk}" in code
    assert any(line.startswith('Name: "autostart"') for line in sections["Tasks"])
    watchdog = next(line for line in sections["Files"] if "watchdog" in line)
    source = re.search(r'Source: "([^"]+)"', watchdog)
    assert source is not None
    # Relative to the .iss in dist/.
    assert (REPO / "dist" / source.group(1).replace("\\", "/")).resolve().is_file()


def test_iss_lets_staff_edit_the_content_and_the_kiosk_only_read_it() -> None:
    sections = iss_sections(bi.inno_setup_script(bi.Release(version="1.2.3")))
    content = next(
        d for d in sections["Dirs"] if d.startswith(r'Name: "{commonappdata}\ClinicKiosk\content"')
    )
    assert "Permissions: users-readexec" in content
    assert any("localgroup KioskStaff /add" in line for line in sections["Run"])
    assert any("icacls.exe" in line and "KioskStaff:(OI)(CI)M" in line for line in sections["Run"])


def test_windows_watchdog_restarts_the_kiosk_with_its_folders() -> None:
    script = (REPO / "packaging" / "windows" / "kiosk-watchdog.ps1").read_text(encoding="utf-8")
    for env in (ENV_CONTENT, ENV_DATA, ENV_LOG_DIR):
        assert f"$env:{env} = " in script
    assert f"'{bi.Release(version='x').windows_dir}'" in script
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("#"))
    # Started without -Wait (which also waits for children), restarted 1 s after an exit,
    # killed by its own process id when its heartbeat goes silent; status 10 stays stopped.
    assert "Start-Process" in code and "-Wait" not in code and "Start-Sleep -Seconds 1" in code
    assert "$env:KIOSK_HEARTBEAT_FILE = $heartbeat" in code
    assert "Stop-Process -Id $run.Id" in code and "ExitCode -eq 10" in code
    assert "Get-Process" not in code and "Name" not in code.replace("ErrorAction", "")


def test_iss_file_is_written_to_dist_with_windows_line_endings(tmp_path: Path) -> None:
    release = bi.current_release()
    assert release.version == __version__
    path = bi.write_inno_setup_script(release, tmp_path)
    assert path.name == f"kiosk-{__version__}.iss"
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("utf-8")
    assert "${" not in text and "$$" not in text  # every placeholder filled, $$ unescaped


def test_iss_stops_the_watchdog_and_kiosk_before_upgrade_and_uninstall() -> None:
    code = "\n".join(iss_sections(bi.inno_setup_script(bi.Release(version="1"))).get("Code", []))
    stop = code.split("procedure StopKiosk();", 1)[1].split("end;", 1)[0]
    assert "kiosk-watchdog.ps1" in stop and "$_.ProcessId" in stop and "/IM kiosk.exe" in stop
    assert "$_.ProcessId -ne $PID" in stop  # never its own PowerShell
    assert (
        "function PrepareToInstall" in code and "StopKiosk();" in code.split("PrepareToInstall")[1]
    )
    assert "usUninstall then" in code


# --- pruning rules --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("es_MX.res", True),
        ("en_US_POSIX.res", True),
        ("root.res", True),
        ("res_index.res", True),
        ("pool.res", True),
        ("coll/es__TRADITIONAL.res", True),
        ("coll/ucadata.icu", True),
        ("brkitr/cjdict.dict", True),
        ("zone/tzdbNames.res", True),
        ("nfkc.nrm", True),
        ("supplementalData.res", True),
        ("de.res", False),
        ("fil.res", False),
        ("coll/de_.res", False),
        ("zone/zh_Hant_TW.res", False),
        ("ibm-1047_P100-1995.cnv", False),
        ("translit/root.res", False),
    ],
)
def test_slim_icu_keeps_the_kiosk_languages_and_shared_data(item: str, kept: bool) -> None:
    assert bi.keep_icu_item(item) is kept


def _file(path: Path, size: int = 10) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    return str(path)


def test_prune_keeps_what_the_kiosk_needs_and_drops_the_rest(tmp_path: Path) -> None:
    qt = SITE_PACKAGES / "PySide6"
    qt_lib = "PySide6/Qt/lib/"
    # QtCore needs libQt6Core, which needs ICU (whatever version this PySide6 ships).
    icu = sorted(p.name for p in (qt / "Qt" / "lib").glob("libicu[iu]*.so.*"))
    assert len(icu) == 2
    plugins = tmp_path / "site-packages" / "PySide6" / "Qt" / "plugins"
    binaries = [
        ("PySide6/QtCore.abi3.so", str(qt / "QtCore.abi3.so"), "EXTENSION"),
        *(
            (qt_lib + name, str(qt / "Qt" / "lib" / name), "BINARY")
            for name in ("libQt6Core.so.6", *icu)
        ),
        (qt_lib + "libQt6Quick.so.6", str(qt / "Qt" / "lib" / "libQt6Quick.so.6"), "BINARY"),
        ("libglib-2.0.so.0", _file(tmp_path / "usr" / "lib" / "libglib-2.0.so.0"), "BINARY"),
        *(
            (f"PySide6/Qt/plugins/{name}", _file(plugins / name), "BINARY")
            for name in (
                "platforms/libqxcb.so",
                "platforms/libqwayland.so",
                "platformthemes/libqgtk3.so",
                "texttospeech/libqtexttospeech_speechd.so",
            )
        ),
    ]
    translations = tmp_path / "site-packages" / "PySide6" / "Qt" / "translations"
    dictionaries = tmp_path / "site-packages" / "pyphen" / "dictionaries"
    datas = [
        ("PySide6/Qt/translations/qtbase_es.qm", _file(translations / "qtbase_es.qm"), "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", _file(translations / "qtbase_de.qm"), "DATA"),
        ("pyphen/dictionaries/hyph_es.dic", _file(dictionaries / "hyph_es.dic"), "DATA"),
        ("pyphen/dictionaries/hyph_de_DE.dic", _file(dictionaries / "hyph_de_DE.dic"), "DATA"),
        ("libQt6Core.so.6", qt_lib + "libQt6Core.so.6", "SYMLINK"),
        ("libQt6Quick.so.6", qt_lib + "libQt6Quick.so.6", "SYMLINK"),
        ("content/kiosk.yaml", str(REPO / "content" / "kiosk.yaml"), "DATA"),
    ]
    report = tmp_path / "pruned.json"

    kept_binaries, kept_datas = bi.prune(binaries, datas, str(report))

    assert sorted(dest for dest, _, _ in kept_binaries) == [
        qt_lib + "libQt6Core.so.6",
        *(qt_lib + name for name in icu),
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/QtCore.abi3.so",
    ]
    assert sorted(dest for dest, _, _ in kept_datas) == [
        "PySide6/Qt/translations/qtbase_es.qm",
        "content/kiosk.yaml",
        "libQt6Core.so.6",
        "pyphen/dictionaries/hyph_es.dic",
    ]
    reasons = {dest: reason for dest, _, reason in json.loads(report.read_text())}
    assert reasons[qt_lib + "libQt6Quick.so.6"] == bi.UNNEEDED_LIBRARY
    assert reasons["libglib-2.0.so.0"] == bi.OS_LIBRARY
    assert reasons["PySide6/Qt/plugins/platforms/libqwayland.so"] == bi.UNUSED_PLUGIN
    # Read aloud's engine plugin is kept only when the kiosk imports QtTextToSpeech.
    assert "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so" in reasons
    with_speech = [*binaries, ("PySide6/QtTextToSpeech.abi3.so", binaries[0][1], "EXTENSION")]
    kept_binaries, _ = bi.prune(with_speech, datas, str(report))
    assert "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so" in {
        dest for dest, _, _ in kept_binaries
    }


def test_import_check_fails_on_excluded_modules_the_kiosk_imports(tmp_path: Path) -> None:
    warn = tmp_path / "warn.txt"
    warn.write_text(
        "missing module named pydantic.BaseModel - imported by kiosk.content.models (top-level)\n"
        "excluded module named ssl - imported by urllib.request (optional)\n"
        "missing module named winreg - imported by platformdirs.windows (delayed, optional)\n",
        encoding="utf-8",
    )
    bi.check_imports(warn)
    warn.write_text(
        "excluded module named asyncio - imported by kiosk.runtime.x (delayed), foo (top-level)\n",
        encoding="utf-8",
    )
    with pytest.raises(bi.BuildError, match=r"asyncio, imported by kiosk\.runtime\.x"):
        bi.check_imports(warn)


def test_stderr_allowlist() -> None:
    stderr = (
        "This plugin does not support propagateSizeHints()\n"
        "QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-root'\n"
        "\n"
        "Traceback (most recent call last):\n"
    )
    assert bi.unexpected_stderr(stderr) == ["Traceback (most recent call last):"]


def test_disk_usage_counts_hard_links_once(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 100_000)
    os.link(tmp_path / "a", tmp_path / "b")
    (tmp_path / "c").symlink_to("a")
    single = (tmp_path / "a").stat().st_blocks * 512
    assert single <= bi.disk_usage(tmp_path) < 2 * single


# --- the Linux archive and install.sh on a fake app -------------------------------------------


def fake_app(folder: Path, version: str) -> Path:
    """A stand-in for dist/kiosk/: an executable and the bundled seed content."""
    app = folder / f"app-{version}"
    content = app / "_internal" / "content"
    (content / "drugs").mkdir(parents=True)
    (content / "kiosk.yaml").write_text("clinic_name: {en: Seed}\n", encoding="utf-8")
    (content / "drugs" / "seed.yaml").write_text("id: seed\n", encoding="utf-8")
    kiosk = app / "kiosk"
    kiosk.write_text(f'#!/bin/sh\necho "kiosk {version}"\n', encoding="utf-8")
    kiosk.chmod(0o755)
    return app


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """The archive's folder for version 0.0.1 around a fake app."""
    return bi.stage_release(fake_app(tmp_path, "0.0.1"), tmp_path / "stage", bi.Release("0.0.1"))


def install(release: Path, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(release / "install.sh"), "--root", str(root), *args],
        capture_output=True,
        text=True,
    )


def uninstall(script: Path, root: Path, *args: str) -> None:
    subprocess.run(["bash", str(script), "--root", str(root), "--no-system", *args], check=True)


def test_staged_release_holds_the_app_scripts_and_instructions(release: Path) -> None:
    assert release.name == "kiosk-0.0.1-linux-x86_64"
    assert (release / "VERSION").read_text() == "0.0.1\n"
    assert os.access(release / "app" / "kiosk", os.X_OK)
    for name in ("install.sh", "uninstall.sh", "kioskctl"):
        assert os.access(release / name, os.X_OK), name
    readme = (release / "README-INSTALL.txt").read_text(encoding="utf-8")
    assert "kiosk-0.0.1-linux-x86_64.tar.gz" in readme and not bi.PLACEHOLDER.search(readme)
    assert "autologin-user=kiosk" in readme and "AutomaticLogin=kiosk" in readme
    assert "autologin-session=clinic-kiosk" in readme  # the session with nothing else in it
    # It names every package install.sh installs, from the one list.
    from kiosk import system_packages

    listed = " ".join(readme.split())
    for name in system_packages.names(system_packages.load(), ["run", "speech"]):
        assert f" {name} " in f" {listed} ", name


def test_archive_unpacks_to_one_root_owned_folder_and_its_checksum_matches(
    release: Path, tmp_path: Path
) -> None:
    archive, checksum = bi.make_archive(release, tmp_path)
    assert archive.name == "kiosk-0.0.1-linux-x86_64.tar.gz"
    digest, name = checksum.read_text().split()
    assert name == archive.name
    assert digest == hashlib.sha256(archive.read_bytes()).hexdigest()
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
    assert {m.name.split("/")[0] for m in members} == {release.name}
    assert {(m.uid, m.gid, m.uname) for m in members} == {(0, 0, "root")}
    install_sh = next(m for m in members if m.name.endswith("/install.sh"))
    assert install_sh.mode & 0o111


def test_install_upgrade_uninstall_cycle(release: Path, tmp_path: Path) -> None:
    checks = bi.check_install_cycle(release, tmp_path / "root", "0.0.1", run_app=False)
    assert len(checks) == 3


def test_unit_restarts_the_kiosk_with_its_folders(release: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert install(release, root, "--no-system").returncode == 0
    unit = (root / bi.LINUX_UNIT).read_text(encoding="utf-8").splitlines()
    for line in bi.UNIT_LINES:
        assert line in unit
    service = unit[unit.index("[Service]") :]
    assert "Restart=always" in service and "RestartSec=1" in service and "WatchdogSec=10" in service
    assert "RestartPreventExitStatus=10" in service  # staff exit stays stopped
    link = root / bi.LINUX_UNIT_LINK
    assert link.is_symlink() and os.readlink(link) == "../kiosk.service"
    desktop = (root / bi.LINUX_AUTOSTART).read_text(encoding="utf-8")
    assert "systemctl --user start kiosk.service" in desktop


def test_kioskctl_knows_the_installed_paths(release: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert install(release, root, "--no-system").returncode == 0
    ctl = root / bi.LINUX_KIOSKCTL
    text = ctl.read_text(encoding="utf-8")
    assert "APP=/opt/kiosk/kiosk" in text and "CONTENT_DIR=/var/lib/kiosk/content" in text
    assert "systemctl --user -M" in text and "journalctl" in text
    shown = subprocess.run(["bash", str(ctl), "help"], capture_output=True, text=True)
    for command in ("status", "logs", "restart", "check", "stats", "hash-pin", "set-pin"):
        assert command in shown.stdout
    assert subprocess.run(["bash", str(ctl), "nonsense"], capture_output=True).returncode == 2


def test_content_is_seeded_once_and_staff_edits_survive(release: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert install(release, root, "--no-system").returncode == 0
    content = root / bi.LINUX_CONTENT_DIR
    assert (content / "drugs" / "seed.yaml").is_file()
    (content / "kiosk.yaml").write_text("clinic_name: {en: Ours}\n", encoding="utf-8")
    (content / "drugs" / "seed.yaml").unlink()  # staff removed the sample page
    result = install(release, root, "--no-system")
    assert result.returncode == 0 and "keeping the content" in result.stdout
    assert (content / "kiosk.yaml").read_text(encoding="utf-8") == "clinic_name: {en: Ours}\n"
    assert not (content / "drugs" / "seed.yaml").exists()


def test_a_content_symlink_is_left_alone(release: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    content = root / bi.LINUX_CONTENT_DIR
    content.parent.mkdir(parents=True)
    content.symlink_to(tmp_path / "synced-share-not-mounted-yet")
    assert install(release, root, "--no-system").returncode == 0
    assert content.is_symlink() and not content.exists()


def test_upgrade_from_an_older_version_keeps_content_and_stats(
    release: Path, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    assert install(release, root, "--no-system").returncode == 0
    stats = root / bi.LINUX_DATA_DIR / "usage.sqlite3"
    stats.write_bytes(b"counts")
    (root / bi.LINUX_CONTENT_DIR / "kiosk.yaml").write_text("edited\n", encoding="utf-8")
    newer = bi.stage_release(fake_app(tmp_path, "0.0.2"), tmp_path / "new", bi.Release("0.0.2"))

    result = install(newer, root, "--no-system")

    assert result.returncode == 0 and "0.0.1 -> 0.0.2" in result.stdout
    app = root / bi.LINUX_APP_DIR
    assert (app / "VERSION").read_text() == "0.0.2\n"
    assert subprocess.run([app / "kiosk"], capture_output=True, text=True).stdout == (
        "kiosk 0.0.2\n"
    )
    assert stats.read_bytes() == b"counts"
    assert (root / bi.LINUX_CONTENT_DIR / "kiosk.yaml").read_text() == "edited\n"
    assert sorted(p.name for p in app.parent.iterdir()) == ["kiosk"]


def test_uninstall_keeps_content_and_stats_unless_purged(release: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert install(release, root, "--no-system").returncode == 0
    uninstall(root / bi.LINUX_APP_DIR / "uninstall.sh", root)
    assert not (root / bi.LINUX_APP_DIR).exists()
    assert not (root / bi.LINUX_KIOSKCTL).exists()
    assert not (root / bi.LINUX_UNIT).exists()
    assert (root / bi.LINUX_CONTENT_DIR / "kiosk.yaml").is_file()
    assert (root / bi.LINUX_DATA_DIR).is_dir() and (root / bi.LINUX_ENV_FILE).is_file()
    uninstall(release / "uninstall.sh", root, "--purge")
    assert not (root / "var" / "lib" / "kiosk").exists()
    assert not (root / "etc" / "kiosk").exists()


def test_a_missing_system_library_stops_the_install_before_the_swap(
    release: Path, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    assert install(release, root, "--no-system").returncode == 0
    # A copy of a real extension module whose NEEDED library name no longer exists.
    import _sqlite3

    needed = bi.elf_needed(_sqlite3.__file__)[0]
    broken = (
        Path(_sqlite3.__file__)
        .read_bytes()
        .replace(needed.encode(), needed.replace("lib", "liX", 1).encode())
    )
    app = fake_app(tmp_path, "0.0.2")
    (app / "_internal" / "broken.so").write_bytes(broken)
    newer = bi.stage_release(app, tmp_path / "new", bi.Release("0.0.2"))

    result = install(newer, root, "--no-system")

    assert result.returncode != 0
    assert needed.replace("lib", "liX", 1) in result.stderr
    assert (root / bi.LINUX_APP_DIR / "VERSION").read_text() == "0.0.1\n"
    assert sorted(p.name for p in (root / bi.LINUX_APP_DIR).parent.iterdir()) == ["kiosk"]


def test_install_refuses_system_steps_inside_a_root_and_unknown_options(
    release: Path, tmp_path: Path
) -> None:
    inside = install(release, tmp_path / "root")
    assert inside.returncode != 0 and "--no-system" in inside.stderr
    unknown = install(release, tmp_path / "root", "--no-system", "--frobnicate")
    assert unknown.returncode == 2 and "unknown option" in unknown.stderr
    assert not (tmp_path / "root" / bi.LINUX_APP_DIR).exists()


SHELL_SCRIPTS = [
    "packaging/install.sh",
    "packaging/kiosk-setup.sh",
    "packaging/uninstall.sh",
    "packaging/kiosk-xsession",
    "packaging/kioskctl",
    "tests/system/kiosk_service.sh",
    ".ci/run",
]


def test_every_shell_script_is_checked() -> None:
    found = {
        str(path.relative_to(REPO))
        for path in [*REPO.glob("packaging/*"), *REPO.glob("tests/**/*.sh"), *REPO.glob(".ci/*")]
        if path.is_file()
        and path.read_bytes().startswith((b"#!/usr/bin/env bash", b"# shellcheck shell=bash"))
    }
    assert found == set(SHELL_SCRIPTS)


@pytest.mark.parametrize("script", SHELL_SCRIPTS)
def test_shell_scripts_parse(script: str) -> None:
    path = REPO / script
    subprocess.run(["bash", "-n", str(path)], check=True)
    # shellcheck comes with `make test` (role build in resources/system-packages.txt).
    assert shutil.which("shellcheck"), "shellcheck is missing: run make test"
    subprocess.run(["shellcheck", "-x", str(path)], check=True)


def test_build_script_runs_under_the_project_python() -> None:
    shown = subprocess.run(
        [sys.executable, str(REPO / "build_installer.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "--iss-only" in shown.stdout


def test_without_icu_tools_the_build_keeps_all_icu_data(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bi.shutil, "which", lambda _name: None)
    entries = [("PySide6/Qt/lib/libicudata.so.73", str(tmp_path / "libicudata.so.73"), "BINARY")]
    report = tmp_path / "pruned.json"
    report.write_text("[]", encoding="utf-8")
    assert bi.swap_icu_data(entries, str(tmp_path / "icu"), str(report)) == entries
    assert "keeping all ICU data" in capsys.readouterr().err
    assert json.loads(report.read_text()) == []


def test_the_debian_package_carries_the_shared_setup_and_the_package_list(tmp_path: Path) -> None:
    from kiosk import system_packages
    from kiosk_build.deb import build_deb

    app = tmp_path / "app"
    shutil.copytree(REPO / "content", app / "_internal" / "content")
    (app / "kiosk").write_text("#!/bin/sh\n", encoding="utf-8")
    (app / "kiosk").chmod(0o755)
    deb = build_deb(app, REPO / "packaging", tmp_path / "work", tmp_path / "dist", "9.9.9")
    assert deb.name == "clinic-kiosk_9.9.9_amd64.deb"
    assert any(line.startswith("package:") for line in bi.check_deb(deb))
    control = tmp_path / "control"
    subprocess.run(["dpkg-deb", "--control", str(deb), str(control)], check=True)
    fields = (control / "control").read_text(encoding="utf-8")
    for name in system_packages.names(system_packages.load(), ["speech"]):
        assert name in fields.split("Recommends:")[1].splitlines()[0]
    for script in ("postinst", "prerm", "postrm"):
        text = (control / script).read_text(encoding="utf-8")
        assert "purge_state()" in text and "secure_dir()" in text  # the one set-up, inline
        subprocess.run(["shellcheck", "-s", "bash", str(control / script)], check=True)
    unit = tmp_path / "unit"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unit)], check=True)
    service = (unit / "usr/lib/systemd/user/kiosk.service").read_text(encoding="utf-8")
    assert "ConditionUser=kiosk" in service and "@" not in service.split("[Unit]")[1]
    ctl = (unit / "usr/bin/kioskctl").read_text(encoding="utf-8")
    assert "SETTINGS_FILE=/etc/kiosk/settings.yaml" in ctl and not bi.PLACEHOLDER.search(ctl)


def test_an_interrupted_install_is_repaired_by_the_next(release: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert install(release, root, "--no-system").returncode == 0
    app = root / bi.LINUX_APP_DIR
    # Interrupted between the two moves: the old app moved aside, the new one not in place.
    app.rename(app.with_name("kiosk.old"))
    (app.with_name("kiosk.new")).mkdir()
    again = install(release, root, "--no-system")
    assert again.returncode == 0, again.stderr
    assert "repairing an interrupted install" in again.stdout
    assert (app / "kiosk").is_file()
    assert not app.with_name("kiosk.old").exists() and not app.with_name("kiosk.new").exists()


def test_a_link_where_the_data_folder_belongs_is_replaced_not_followed(
    release: Path, tmp_path: Path
) -> None:
    root = tmp_path / "root"
    assert install(release, root, "--no-system").returncode == 0
    victim = tmp_path / "victim"
    victim.mkdir(mode=0o700)
    data = root / bi.LINUX_DATA_DIR
    shutil.rmtree(data)
    data.symlink_to(victim)
    again = install(release, root, "--no-system")
    assert again.returncode == 0, again.stderr
    assert "was a link" in again.stdout
    assert data.is_dir() and not data.is_symlink()
    assert victim.stat().st_mode & 0o777 == 0o700  # not chmod-ed through the link
