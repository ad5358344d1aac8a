"""Build the standalone kiosk: a lean PyInstaller onedir, the Linux archive and the .iss script."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template

from kiosk import system_packages
from kiosk_build.deb import build_deb

ROOT = Path(__file__).resolve().parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_NAME = "kiosk"

#: Targets from the issue (as `du -sh` counts: MiB); the build fails above them.
MAX_ONEDIR_MIB = 110
MAX_ARCHIVE_MIB = 45
#: Frozen start over source start; reported, not enforced (timing noise on shared CI).
MAX_START_RATIO = 1.1
MIB = 1024 * 1024


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: Python modules the kiosk never uses. PyInstaller follows optional imports of the libraries
#: (pydantic's mypy plugin, a pytest plugin, asyncio in the stdlib …); these keep them out.
EXCLUDED_MODULES = (
    # Qt bindings the kiosk does not import (it uses QtCore, QtGui, QtWidgets, QtTextToSpeech).
    *(
        f"PySide6.{name}"
        for name in _words(
            "QtNetwork QtDBus QtMultimedia QtMultimediaWidgets QtOpenGL QtOpenGLWidgets QtQml "
            "QtQuick QtQuickWidgets QtQuickControls2 QtSvg QtSvgWidgets QtPdf QtPdfWidgets "
            "QtPrintSupport QtSql QtTest QtXml QtConcurrent QtHelp QtUiTools QtDesigner "
            "QtWebEngineCore QtWebEngineWidgets QtWebChannel QtWebSockets QtCharts QtGraphs "
            "QtDataVisualization Qt3DCore QtBluetooth QtPositioning QtLocation QtSerialPort "
            "QtSensors QtStateMachine QtScxml QtRemoteObjects QtNfc QtHttpServer QtSpatialAudio"
        )
    ),
    # Standard library parts nothing in the kiosk needs.
    *_words(
        "tkinter _tkinter turtle turtledemo idlelib lib2to3 pydoc pydoc_data doctest unittest "
        "pdb ensurepip venv distutils test xmlrpc curses _curses readline asyncio concurrent "
        "multiprocessing http.server wsgiref ftplib smtplib imaplib poplib nntplib telnetlib "
        "mailbox cgi cgitb ssl _ssl"
    ),
    # Developer tools that live in the same virtual environment.
    *_words(
        "mypy mypyc hypothesis _hypothesis_ftz_detector _hypothesis_globals "
        "_hypothesis_pytestplugin pytest _pytest pytestqt pluggy iniconfig ruff importlinter "
        "grimp ast_serialize pygments rich markdown_it IPython nltk joblib tqdm click numpy"
    ),
)

#: Qt plugins kept, by plugin folder; every other plugin and plugin folder is left out.
#: PNG is built into QtGui; Wayland sessions run the kiosk through XWayland (xcb).
QT_PLUGINS: Mapping[str, tuple[str, ...]] = {
    "platforms": ("libqxcb.so", "libqoffscreen.so"),
    "imageformats": ("libqgif.so", "libqico.so", "libqjpeg.so", "libqwebp.so"),
    "platforminputcontexts": ("libcomposeplatforminputcontextplugin.so",),
    # Read aloud (kept only when the kiosk imports QtTextToSpeech); the mock engine is for tests.
    "texttospeech": ("libqtexttospeech_speechd.so",),
}
#: Why prune() leaves out a library; only the last two are gone for good (the target's OS
#: provides the first, and a slim copy replaces ICU's data).
OS_LIBRARY = "library the target's OS provides"
ICU_DATA = "ICU locale data of other languages"
UNUSED_PLUGIN = "Qt plugin not used"
UNNEEDED_LIBRARY = "library nothing kept needs"
#: The kiosk's languages: Qt translations, hyphenation and ICU locale data of others go.
LANGUAGES = ("en", "es")
#: Qt translations kept.
QT_TRANSLATIONS = tuple(f"{base}_{lang}.qm" for base in ("qt", "qtbase") for lang in LANGUAGES)
#: Hyphenation dictionaries kept (textstat counts syllables with pyphen).
PYPHEN_DICTIONARY = re.compile(rf"pyphen/dictionaries/hyph_({'|'.join(LANGUAGES)})[_.]")
#: An ICU data item named for a locale (``es_MX.res``, ``coll/de_.res``), and its language.
ICU_LOCALE_ITEM = re.compile(r"^(?:\w+/)?([a-z]{2,3})(?:_[^/]*)?\.res$")

#: Lines the frozen self-test may print on stderr without failing the build.
HARMLESS_STDERR = (
    # The offscreen platform says this for every top-level window.
    re.compile(r"This plugin does not support propagateSizeHints\(\)"),
    # Running as root or without a login session (CI containers).
    re.compile(r"QStandardPaths: (XDG_RUNTIME_DIR not set|runtime directory .* is not owned)"),
)

#: What install.sh writes (inside --root), checked after installing the archive.
LINUX_APP_DIR = "opt/kiosk"
LINUX_CONTENT_DIR = "var/lib/kiosk/content"
LINUX_DATA_DIR = "var/lib/kiosk/data"
LINUX_LOG_DIR = "var/log/kiosk"
LINUX_ENV_FILE = "etc/kiosk/kiosk.env"
LINUX_SETTINGS_FILE = "etc/kiosk/settings.yaml"
LINUX_UNIT = "etc/systemd/user/kiosk.service"
LINUX_UNIT_LINK = "etc/systemd/user/graphical-session.target.wants/kiosk.service"
LINUX_AUTOSTART = "etc/xdg/autostart/kiosk-session.desktop"
LINUX_KIOSKCTL = "usr/local/bin/kioskctl"
UNIT_LINES = (
    "ConditionUser=kiosk",
    "Restart=always",
    "RestartSec=1",
    "Type=notify",
    "WatchdogSec=10",
    "StartLimitIntervalSec=0",
    "Environment=KIOSK_CONTENT=/var/lib/kiosk/content",
    "Environment=KIOSK_DATA_DIR=/var/lib/kiosk/data",
    "Environment=KIOSK_LOG_DIR=/var/log/kiosk",
    "EnvironmentFile=-/etc/kiosk/kiosk.env",
    "ExecStart=/opt/kiosk/kiosk run",
    "WantedBy=graphical-session.target",
)
#: Files of packaging/ that go into the archive next to the app, and their modes.
RELEASE_FILES = {
    "install.sh": 0o755,
    "kiosk-setup.sh": 0o644,
    "uninstall.sh": 0o755,
    "kioskctl": 0o755,
    "kiosk.service": 0o644,
    "kiosk.env": 0o644,
    "settings.yaml": 0o644,
    "kiosk-session.desktop": 0o644,
    "clinic-kiosk.desktop": 0o644,
    "kiosk-xsession": 0o755,
}

Entry = tuple[str, str, str]
#: A placeholder install.sh fills in (@APP_DIR@ …).
PLACEHOLDER = re.compile(r"@[A-Z_]+@")


class BuildError(Exception):
    """A step of the build failed; the message says which and why."""


@dataclass(frozen=True)
class Release:
    """What every artifact says about itself, on Linux and Windows alike."""

    version: str
    display_name: str = "Clinic Kiosk"
    publisher: str = "Clinic IT"
    #: Inno Setup AppId: fixed forever, so that a new version upgrades the old one.
    app_id: str = "6F0C1B7E-5D2A-4E8B-9C3F-2A7D4B1E8C05"
    windows_dir: str = "ClinicKiosk"

    @property
    def archive_stem(self) -> str:
        """The Linux archive's name without .tar.gz, also its top folder."""
        return f"{APP_NAME}-{self.version}-linux-x86_64"

    @property
    def iss_name(self) -> str:
        """The generated Inno Setup script's file name."""
        return f"{APP_NAME}-{self.version}.iss"


def current_release() -> Release:
    """The release described by the source tree (the version is kiosk.__version__)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from kiosk import __version__

    return Release(version=__version__)


# --- Windows -------------------------------------------------------------------------------


def inno_setup_script(release: Release) -> str:
    """The Inno Setup script for ``release``, from packaging/windows/kiosk.iss.in."""
    template = Template((PACKAGING / "windows" / "kiosk.iss.in").read_text(encoding="utf-8"))
    return template.substitute(
        version=release.version,
        display_name=release.display_name,
        publisher=release.publisher,
        app_id=release.app_id,
        dir_name=release.windows_dir,
        exe=f"{APP_NAME}.exe",
        app_source=APP_NAME,
        watchdog="kiosk-watchdog.ps1",
        watchdog_source=r"..\packaging\windows\kiosk-watchdog.ps1",
    )


def write_inno_setup_script(release: Release, dist: Path) -> Path:
    """Write dist/kiosk-<version>.iss (Windows line endings, as Inno Setup expects)."""
    dist.mkdir(parents=True, exist_ok=True)
    path = dist / release.iss_name
    path.write_bytes(inno_setup_script(release).replace("\n", "\r\n").encode("utf-8"))
    return path


# --- PyInstaller: what goes in ---------------------------------------------------------------


def bundle_datas() -> list[tuple[str, str]]:
    """Data folders for Analysis(datas=…): the kiosk's resources, seed content, textstat's words."""
    datas = [(str(ROOT / "resources"), "resources"), (str(ROOT / "content"), "content")]
    try:
        import textstat  # noqa: F401  (only to know whether it is installed)
    except ImportError:
        return datas
    from PyInstaller.utils.hooks import collect_data_files  # type: ignore[import-untyped]

    return datas + list(collect_data_files("textstat"))


def _is_elf(path: str) -> bool:
    with open(path, "rb") as handle:
        return handle.read(4) == b"\x7fELF"


def elf_needed(path: str) -> list[str]:
    """The shared libraries an ELF file names as NEEDED (empty for non-ELF files)."""
    if not _is_elf(path):
        return []
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def _plugin_kept(dest: str, with_speech: bool) -> bool:
    parts = dest.split("/")
    folder, name = parts[-2], parts[-1]
    if folder == "texttospeech" and not with_speech:
        return False
    return name in QT_PLUGINS.get(folder, ())


def _is_plugin(dest: str) -> bool:
    return dest.startswith("PySide6/Qt/plugins/")


def _from_python(entry: Entry) -> bool:
    """Whether a binary came with Python or a wheel (else it is one of the OS's libraries)."""
    dest, src, _ = entry
    return Path(dest).name.startswith("libpython") or any(
        part in ("site-packages", "dist-packages") for part in Path(src).parts
    )


def prune(
    binaries: Sequence[Entry], datas: Sequence[Entry], report: str
) -> tuple[list[Entry], list[Entry]]:
    """Drop unused Qt plugins, the OS's libraries, libraries nothing kept needs, translations.

    Called from the generated spec with Analysis' binaries and datas. The OS's libraries
    (those that came neither with Python nor with a wheel) are left to the target, whose
    copies match its glibc, configuration and daemons; install.sh checks with ldd that they
    are all there. Of the rest, a library is kept only when an extension module or a kept
    plugin needs it (following NEEDED entries), so a dropped plugin takes its dependency tree
    (Quick, Wayland, EGL, …) with it. What was dropped, with sizes and reasons, goes to the
    JSON file ``report``.
    """
    with_speech = any(dest.startswith("PySide6/QtTextToSpeech") for dest, _, _ in binaries)
    dropped: list[tuple[str, int, str]] = []
    candidates: list[Entry] = []
    for entry in binaries:
        dest, src, _ = entry
        if _is_plugin(dest) and not _plugin_kept(dest, with_speech):
            dropped.append((dest, os.path.getsize(src), UNUSED_PLUGIN))
        else:
            candidates.append(entry)

    bundled = []
    for entry in candidates:
        if entry[2] == "BINARY" and not _from_python(entry):
            dropped.append((entry[0], os.path.getsize(entry[1]), OS_LIBRARY))
        else:
            bundled.append(entry)
    candidates = bundled

    by_name = {Path(entry[0]).name: entry for entry in candidates}
    roots = [
        entry
        for entry in candidates
        if entry[2] == "EXTENSION" or _is_plugin(entry[0]) or entry[0].startswith("libpython")
    ]
    reached = {entry[0] for entry in roots}
    queue = list(roots)
    while queue:
        for name in elf_needed(queue.pop()[1]):
            found = by_name.get(name)
            if found is not None and found[0] not in reached:
                reached.add(found[0])
                queue.append(found)
    kept_binaries = []
    for entry in candidates:
        if entry[0] in reached:
            kept_binaries.append(entry)
        else:
            dropped.append((entry[0], os.path.getsize(entry[1]), UNNEEDED_LIBRARY))

    kept_dests = {entry[0] for entry in kept_binaries}
    kept_datas = []
    for entry in datas:
        dest, src, kind = entry
        reason = None
        if kind == "SYMLINK" and src not in kept_dests:
            reason = "link to a dropped library"
        elif dest.startswith("PySide6/Qt/translations/") and Path(dest).name not in QT_TRANSLATIONS:
            reason = "Qt translation of another language"
        elif dest.startswith("pyphen/dictionaries/") and not PYPHEN_DICTIONARY.match(dest):
            reason = "hyphenation dictionary of another language"
        if reason is None:
            kept_datas.append(entry)
        else:
            dropped.append((dest, 0 if kind == "SYMLINK" else os.path.getsize(src), reason))
    Path(report).write_text(json.dumps(sorted(dropped), indent=1), encoding="utf-8")
    return kept_binaries, kept_datas


def keep_icu_item(item: str) -> bool:
    """Whether ICU data item ``item`` (as `icupkg -l` names it) stays in the slim ICU data.

    Locale data of other languages goes, as do legacy-charset converters (the kiosk reads
    UTF-8 only) and transliteration rules; everything shared (root, pools, collation base,
    break rules, normalization, time zones) stays.
    """
    folder, _, name = item.rpartition("/")
    if name.endswith(".cnv") or folder == "translit":
        return False
    match = ICU_LOCALE_ITEM.match(item)
    if match and not name.startswith(("res_index.", "root.", "pool.")):
        return match.group(1) in LANGUAGES
    return True


def _tool_output(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _elf_offset(library: Path, address: int) -> int:
    """The file offset of virtual ``address`` in ``library`` (from its section headers)."""
    for match in re.finditer(
        r"\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)",
        _tool_output("readelf", "-S", "-W", str(library)),
    ):
        start, offset, size = (int(group, 16) for group in match.groups())
        if start <= address < start + size and start:
            return address - start + offset
    raise ValueError(f"{address:#x} is in no section of {library}")


def slim_icu_data(library: Path, work: Path) -> Path | None:
    """A copy of ICU's data library with only LANGUAGES' locale data; None without the tools.

    ICU's data is one symbol (``icudt73_dat``) in ``libicudata.so.73``: it is cut out, thinned
    with ICU's own `icupkg` (which refuses to drop an item that a kept one needs), and linked
    back into a library of the same name and soname. Needs icupkg (Debian: icu-devtools),
    binutils and a C compiler.
    """
    if not all(shutil.which(tool) for tool in ("icupkg", "nm", "readelf", "cc")):
        return None
    found = re.search(
        r"^([0-9a-f]+) ([0-9a-f]+) R (icudt(\d+)_dat)$",
        _tool_output("nm", "-D", "-S", str(library)),
        re.MULTILINE,
    )
    soname = re.search(r"soname: \[([^\]]+)\]", _tool_output("readelf", "-d", str(library)))
    if not found or not soname:
        return None
    address, size, symbol, version = found.groups()
    start = _elf_offset(library, int(address, 16))
    package = f"icudt{version}l"  # icupkg names items after the file, so keep its name
    for folder in ("full", "slim"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    full, slim = work / "full" / f"{package}.dat", work / "slim" / f"{package}.dat"
    full.write_bytes(library.read_bytes()[start : start + int(size, 16)])
    items = _tool_output("icupkg", "-l", str(full)).split()
    drop = work / "drop.txt"
    drop.write_text("".join(f"{item}\n" for item in items if not keep_icu_item(item)))
    slim.unlink(missing_ok=True)
    _tool_output("icupkg", "-r", str(drop), str(full), str(slim))
    source = work / "icudata.S"
    source.write_text(
        f"    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n"
        f'    .balign 16\n{symbol}:\n    .incbin "{slim}"\n'
        f"    .size {symbol}, . - {symbol}\n"
        '    .section .note.GNU-stack,"",@progbits\n',
        encoding="utf-8",
    )
    out = work / library.name
    _tool_output(
        "cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname.group(1)}", "-o", str(out), str(source)
    )
    return out


def swap_icu_data(binaries: Sequence[Entry], work: str, report: str) -> list[Entry]:
    """Binaries with ICU's data library replaced by slim_icu_data()'s (noted in ``report``)."""
    result = []
    for dest, src, kind in binaries:
        if re.fullmatch(r"libicudata\.so\.\d+", Path(dest).name):
            why = "slimming it needs icupkg (icu-devtools), binutils and cc"
            try:
                slim = slim_icu_data(Path(src), Path(work))
            except (subprocess.CalledProcessError, ValueError, OSError) as error:
                slim, why = None, str(error)
            if slim is None:
                print(f"build_installer: keeping all ICU data: {why}", file=sys.stderr)
            else:
                saved = os.path.getsize(src) - slim.stat().st_size
                dropped = json.loads(Path(report).read_text(encoding="utf-8"))
                dropped.append([dest, saved, ICU_DATA])
                Path(report).write_text(json.dumps(dropped, indent=1), encoding="utf-8")
                src = str(slim)
        result.append((dest, src, kind))
    return result


SPEC = """\
# Generated by build_installer.py on every build; change build_installer.py instead.
import sys

sys.path.insert(0, {root!r})
import build_installer as bi

a = Analysis(
    [{entry!r}],
    pathex=[{root!r}],
    datas=bi.bundle_datas(),
    excludes=list(bi.EXCLUDED_MODULES),
    noarchive=False,
)
a.binaries, a.datas = bi.prune(a.binaries, a.datas, {report!r})
a.binaries = bi.swap_icu_data(a.binaries, {icu_work!r}, {report!r})
pyz = PYZ(a.pure)
exe = EXE(
    pyz, a.scripts, [], exclude_binaries=True, name={name!r}, console=True, strip=True, upx=False
)
coll = COLLECT(exe, a.binaries, a.datas, strip=True, upx=False, name={name!r})
"""


def run_pyinstaller(build: Path, dist: Path) -> Path:
    """Build dist/kiosk/ (onedir) from a generated spec; the folder's path."""
    import PyInstaller.__main__  # type: ignore[import-untyped]

    build.mkdir(parents=True, exist_ok=True)
    spec = build / f"{APP_NAME}.spec"
    spec.write_text(
        SPEC.format(
            root=str(ROOT),
            entry=str(ROOT / "kiosk" / "__main__.py"),
            report=str(build / "pruned.json"),
            icu_work=str(build / "icu"),
            name=APP_NAME,
        ),
        encoding="utf-8",
    )
    PyInstaller.__main__.run(
        [
            str(spec),
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={build / 'work'}",
        ]
    )
    return dist / APP_NAME


# --- checks on the built bundle --------------------------------------------------------------


def disk_usage(path: Path) -> int:
    """Bytes on disk like `du -s` (allocated blocks, hard links once, symlinks not followed)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for item in [path, *path.rglob("*")]:
        info = item.lstat()
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        total += info.st_blocks * 512
    return total


def report_pruned(report: Path) -> list[str]:
    """Lines summing up what prune() left out, by reason, biggest first."""
    dropped = json.loads(report.read_text(encoding="utf-8"))
    totals: dict[str, tuple[int, int]] = {}
    for _dest, size, reason in dropped:
        count, total = totals.get(reason, (0, 0))
        totals[reason] = (count + 1, total + size)
    lines = [
        f"  pruned {count:3d} × {reason}: {total / MIB:.1f} MiB"
        for reason, (count, total) in sorted(totals.items(), key=lambda kv: -kv[1][1])
    ]
    biggest = sorted(dropped, key=lambda row: -row[1])[:8]
    lines += [f"    e.g. {dest} ({size / MIB:.1f} MiB)" for dest, size, _ in biggest]
    return lines


def check_imports(warn_file: Path) -> None:
    """Fail when kiosk code imports a module that was excluded, or a package not installed."""
    problems = []
    pattern = re.compile(r"^(excluded|missing) module named (\S+) - imported by (.*)$")
    importer = re.compile(r"(\S+) \(([^)]*)\)")
    for line in warn_file.read_text(encoding="utf-8").splitlines():
        match = pattern.match(line)
        if not match:
            continue
        kind, module, importers = match.groups()
        if kind == "missing" and "." in module:
            continue  # `from pydantic import BaseModel` shows up as a missing pydantic.BaseModel
        ours = [
            name
            for name, how in importer.findall(importers)
            if (name == "kiosk" or name.startswith("kiosk.")) and "optional" not in how
        ]
        if ours:
            problems.append(f"{kind} module {module}, imported by {', '.join(ours)}")
    if problems:
        raise BuildError("the bundle lacks modules the kiosk imports:\n  " + "\n  ".join(problems))


def check_layout(app: Path, pruned: Iterable[str]) -> None:
    """The bundle has its resources and seed content, and no kept binary needs a pruned one."""
    internal = app / "_internal"
    for needed in ("resources/theme.qss", "content/kiosk.yaml"):
        if not (internal / needed).is_file():
            raise BuildError(f"the bundle has no {needed}")
    gone = set(pruned)
    broken = []
    for item in internal.rglob("*.so*"):
        if item.is_file() and not item.is_symlink():
            lost = gone.intersection(elf_needed(str(item)))
            if lost:
                broken.append(f"{item.relative_to(app)} needs {', '.join(sorted(lost))}")
    if broken:
        raise BuildError("pruned libraries are still needed:\n  " + "\n  ".join(broken))


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for running the kiosk in checks: no KIOSK_* settings, offscreen Qt."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("KIOSK_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def unexpected_stderr(stderr: str) -> list[str]:
    """Lines of stderr not on the HARMLESS_STDERR allowlist."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(pattern.search(line) for pattern in HARMLESS_STDERR)
    ]


def smoke_test(exe: Path, version: str) -> str:
    """Run the frozen kiosk's --version and --self-test; their output, or BuildError."""
    shown = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True, env=clean_env(), timeout=60
    )
    if shown.returncode != 0 or shown.stdout.strip() != f"kiosk {version}":
        raise BuildError(f"--version said {shown.stdout.strip()!r} {shown.stderr.strip()!r}")
    done = subprocess.run(
        [str(exe), "--self-test"], capture_output=True, text=True, env=clean_env(), timeout=300
    )
    noise = unexpected_stderr(done.stderr)
    if done.returncode != 0 or noise or "self-test ok" not in done.stdout:
        raise BuildError(
            f"frozen self-test failed (exit {done.returncode}):\n{done.stdout}{done.stderr}"
        )
    return done.stdout.strip()


def time_command(command: Sequence[str]) -> float:
    """Seconds one run of ``command`` takes (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=clean_env(), cwd=ROOT)
    return time.perf_counter() - start


def measure_start(exe: Path, runs: int = 3) -> tuple[float, float]:
    """Median seconds of `kiosk --self-test`, frozen and from source, runs alternating."""
    frozen_cmd = [str(exe), "--self-test"]
    source_cmd = [sys.executable, "-m", "kiosk", "--self-test"]
    time_command(frozen_cmd)  # warm the page cache for both
    time_command(source_cmd)
    frozen, source = [], []
    for _ in range(runs):
        frozen.append(time_command(frozen_cmd))
        source.append(time_command(source_cmd))
    return statistics.median(frozen), statistics.median(source)


# --- the Linux archive -----------------------------------------------------------------------


def required_glibc(app: Path) -> str | None:
    """The newest glibc symbol version any binary in ``app`` needs, e.g. "2.35" (None: none)."""
    versions: set[str] = set()
    for item in app.rglob("*"):
        if item.is_file() and not item.is_symlink() and _is_elf(str(item)):
            listing = _tool_output("readelf", "-V", "-W", str(item))
            versions.update(re.findall(r"Name: GLIBC_([0-9.]+)", listing))
    if not versions:
        return None
    return max(versions, key=lambda version: tuple(int(part) for part in version.split(".")))


def stage_release(app: Path, out: Path, release: Release) -> Path:
    """Lay out the archive's folder: app/ (the onedir), install.sh, uninstall.sh, …; its path."""
    top = out / release.archive_stem
    if top.exists():
        shutil.rmtree(top)
    top.mkdir(parents=True)
    shutil.copytree(app, top / "app", symlinks=True)
    for name, mode in RELEASE_FILES.items():
        shutil.copyfile(PACKAGING / name, top / name)
        (top / name).chmod(mode)
    readme = (PACKAGING / "README-INSTALL.txt").read_text(encoding="utf-8")
    glibc = required_glibc(app)
    readme = readme.replace("@GLIBC@", f"glibc {glibc}" if glibc else "a current glibc")
    packages = system_packages.load()
    for role in ("run", "speech"):
        listed = textwrap.fill(
            " ".join(system_packages.names(packages, [role])), 86, break_on_hyphens=False
        )
        readme = readme.replace(f"@{role.upper()}_PACKAGES@", listed.replace("\n", "\n    "))
    (top / "README-INSTALL.txt").write_text(
        readme.replace("@VERSION@", release.version), encoding="utf-8"
    )
    (top / "VERSION").write_text(release.version + "\n", encoding="utf-8")
    return top


def _as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def make_archive(top: Path, dist: Path) -> tuple[Path, Path]:
    """dist/<top>.tar.gz and its .sha256 (in `sha256sum -c` format)."""
    archive = dist / f"{top.name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(top, arcname=top.name, filter=_as_root)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    checksum = archive.with_name(archive.name + ".sha256")
    checksum.write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return archive, checksum


def _run_script(script: Path, root: Path, *args: str) -> str:
    done = subprocess.run(
        ["bash", str(script), "--root", str(root), "--no-system", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise BuildError(f"{script.name} failed (exit {done.returncode}):\n{done.stderr}")
    return done.stdout


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise BuildError(f"install check: {message}")


def check_install_cycle(top: Path, root: Path, version: str, *, run_app: bool) -> list[str]:
    """Install ``top`` into ``root`` twice, upgrade-style, then uninstall; what was checked.

    Uses install.sh/uninstall.sh with --root and --no-system. With ``run_app``, the installed
    kiosk also runs its self-test on the installed content.
    """
    checked = []
    _run_script(top / "install.sh", root)
    app = root / LINUX_APP_DIR
    _expect(os.access(app / APP_NAME, os.X_OK), "no executable /opt/kiosk/kiosk")
    _expect((app / "VERSION").read_text().strip() == version, "wrong /opt/kiosk/VERSION")
    _expect(os.access(app / "uninstall.sh", os.X_OK), "no /opt/kiosk/uninstall.sh")
    content = root / LINUX_CONTENT_DIR
    _expect((content / "kiosk.yaml").is_file(), "content not seeded")
    for folder in (LINUX_DATA_DIR, LINUX_LOG_DIR):
        _expect((root / folder).is_dir(), f"no /{folder}")
    unit = (root / LINUX_UNIT).read_text(encoding="utf-8")
    missing = [line for line in UNIT_LINES if line not in unit.splitlines()]
    _expect(not missing, f"kiosk.service lacks {missing}")
    _expect((root / LINUX_UNIT_LINK).resolve() == (root / LINUX_UNIT).resolve(), "not enabled")
    _expect((root / LINUX_AUTOSTART).is_file(), "no autostart entry")
    ctl = root / LINUX_KIOSKCTL
    _expect(os.access(ctl, os.X_OK), "no executable kioskctl")
    settings = root / LINUX_SETTINGS_FILE
    _expect(settings.is_file(), f"no /{LINUX_SETTINGS_FILE}")
    _expect(settings.stat().st_mode & 0o777 == 0o640, "settings.yaml is not mode 640")
    for written in (
        ctl,
        root / LINUX_UNIT,
        root / LINUX_ENV_FILE,
        root / LINUX_AUTOSTART,
        settings,
    ):
        left = PLACEHOLDER.findall(written.read_text(encoding="utf-8"))
        _expect(not left, f"{written.name} still has {left}")
    usage = subprocess.run(["bash", str(ctl), "help"], capture_output=True, text=True)
    _expect(usage.returncode == 0 and "status" in usage.stdout, "kioskctl help failed")
    checked.append("install: app, content, data, logs, unit, autostart, kioskctl")

    if run_app:
        test = subprocess.run(
            [str(app / APP_NAME), "--self-test", "--content", str(content)],
            capture_output=True,
            text=True,
            env=clean_env(),
            timeout=300,
        )
        _expect(test.returncode == 0, f"installed self-test failed: {test.stderr}")
        checked.append("installed app: " + test.stdout.strip())

    site = content / "kiosk.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "\n# edited by staff\n", encoding="utf-8")
    stats = root / LINUX_DATA_DIR / "usage.sqlite3"
    stats.write_bytes(b"stats kept")
    env_file = root / LINUX_ENV_FILE
    env_file.write_text("KIOSK_METRICS_DIR=/srv/metrics\n", encoding="utf-8")
    settings.write_text('admin_pin_hash: "kept"\n', encoding="utf-8")
    _run_script(top / "install.sh", root)
    _expect(settings.read_text(encoding="utf-8") == 'admin_pin_hash: "kept"\n', "settings replaced")
    _expect(site.read_text(encoding="utf-8").endswith("# edited by staff\n"), "content replaced")
    _expect(stats.read_bytes() == b"stats kept", "stats replaced")
    _expect(env_file.read_text(encoding="utf-8").startswith("KIOSK_METRICS"), "env replaced")
    leftovers = [p.name for p in app.parent.iterdir() if p.name.startswith(f"{app.name}.")]
    _expect(not leftovers, f"upgrade left {leftovers}")
    checked.append("second install: app replaced, content, stats, kiosk.env, settings kept")

    _run_script(app / "uninstall.sh", root)
    _expect(not app.exists(), "uninstall left /opt/kiosk")
    _expect(not (root / LINUX_UNIT).exists(), "uninstall left kiosk.service")
    _expect(not (root / LINUX_UNIT_LINK).is_symlink(), "uninstall left the unit enabled")
    _expect(not ctl.exists(), "uninstall left kioskctl")
    _expect(site.is_file() and stats.is_file(), "uninstall removed content or stats")
    _run_script(top / "uninstall.sh", root, "--purge")
    _expect(not (root / "var/lib/kiosk").exists(), "--purge left /var/lib/kiosk")
    checked.append("uninstall: app, unit and kioskctl gone, content and stats kept; --purge")
    return checked


# --- main ------------------------------------------------------------------------------------


def _mib(size: int) -> str:
    return f"{size / MIB:.1f} MiB"


def check_deb(deb: Path) -> list[str]:
    """The package has its scripts, its files and the one package list's Depends."""
    info = _tool_output("dpkg-deb", "--info", str(deb))
    listing = _tool_output("dpkg-deb", "--contents", str(deb))
    for script in ("postinst", "prerm", "postrm", "conffiles"):
        _expect(f" {script}" in info, f"the package has no {script}")
    for path in ("./opt/kiosk/kiosk", "./usr/lib/systemd/user/kiosk.service", "./usr/bin/kioskctl"):
        _expect(path in listing, f"the package lacks {path}")
    depends = re.search(r"^ Depends: (.+)$", info, re.MULTILINE)
    _expect(depends is not None, "the package has no Depends")
    assert depends is not None
    wanted = system_packages.names(system_packages.load(), ["run"])
    missing = [name for name in wanted if name not in depends.group(1)]
    _expect(not missing, f"Depends lacks {missing}")
    checked = ["package: maintainer scripts, files, Depends from resources/system-packages.txt"]
    lintian = shutil.which("lintian")
    if lintian is None:
        checked.append("lintian is not installed here (the systemd test runs it)")
    else:
        shown = subprocess.run(
            [lintian, "--no-tag-display-limit", str(deb)], capture_output=True, text=True
        )
        tags = sorted(
            {
                line.split(": ", 2)[1].split()[0]
                for line in shown.stdout.splitlines()
                if ": " in line
            }
        )
        checked.append(f"lintian tags: {', '.join(tags) or 'none'}")
    return checked


def unit_exposure(unit: Path) -> str:
    """systemd-analyze's security rating of the kiosk's unit, or why there is none."""
    tool = shutil.which("systemd-analyze")
    if tool is None:
        return "unit exposure: systemd-analyze is not installed here (the systemd test prints it)"
    with tempfile.TemporaryDirectory(prefix="kiosk-unit-") as scratch:
        filled = Path(scratch) / "kiosk.service"
        filled.write_text(PLACEHOLDER.sub("kiosk", unit.read_text(encoding="utf-8")))
        shown = subprocess.run(
            [tool, "security", "--offline=true", str(filled)],
            capture_output=True,
            text=True,
            check=False,
        )
    lines = shown.stdout.strip().splitlines()
    return f"unit exposure: {lines[-1].strip()}" if lines else f"unit exposure: {shown.stderr}"


def build(release: Release, *, timing: bool) -> None:
    """Every step of `make installer`; raises BuildError on the first failure."""
    started = time.perf_counter()
    print(f"build_installer: kiosk {release.version}")
    iss = write_inno_setup_script(release, DIST)
    print(f"  wrote {iss.relative_to(ROOT)}")

    app = run_pyinstaller(BUILD, DIST)
    print(f"  built {app.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s")
    report = BUILD / "pruned.json"
    for line in report_pruned(report):
        print(line)
    check_imports(BUILD / "work" / APP_NAME / f"warn-{APP_NAME}.txt")
    pruned_names = {
        Path(dest).name
        for dest, _, reason in json.loads(report.read_text())
        if reason in (UNUSED_PLUGIN, UNNEEDED_LIBRARY)
    }
    check_layout(app, pruned_names)

    print("  " + smoke_test(app / APP_NAME, release.version))
    print(f"  needs glibc ≥ {required_glibc(app)} and the OS libraries install.sh checks for")
    print(f"  {unit_exposure(PACKAGING / 'kiosk.service')}")

    with tempfile.TemporaryDirectory(prefix="kiosk-release-") as scratch:
        top = stage_release(app, Path(scratch), release)
        archive, checksum = make_archive(top, DIST)
    print(f"  wrote {archive.relative_to(ROOT)} and {checksum.name}")

    deb = build_deb(app, PACKAGING, BUILD, DIST, release.version, required_glibc(app))
    print(f"  wrote {deb.relative_to(ROOT)}: {deb.stat().st_size / MIB:.1f} MiB")
    for line in check_deb(deb):
        print(f"  ok: {line}")

    with tempfile.TemporaryDirectory(prefix="kiosk-install-") as scratch:
        unpacked = Path(scratch) / "unpacked"
        unpacked.mkdir()
        subprocess.run(["tar", "-xzf", str(archive), "-C", str(unpacked)], check=True)
        checks = check_install_cycle(
            unpacked / release.archive_stem, Path(scratch) / "root", release.version, run_app=True
        )
    for line in checks:
        print(f"  ok: {line}")

    onedir, packed = disk_usage(app), archive.stat().st_size
    print(f"  size: {app.relative_to(ROOT)} {_mib(onedir)} on disk (target ≤ {MAX_ONEDIR_MIB} MiB)")
    print(f"  size: {archive.name} {_mib(packed)} (target ≤ {MAX_ARCHIVE_MIB} MiB)")
    if timing:
        frozen, source = measure_start(app / APP_NAME)
        ratio = frozen / source
        verdict = "ok" if ratio <= MAX_START_RATIO else f"ABOVE the {MAX_START_RATIO}× target"
        print(
            f"  start (self-test, median of 3): frozen {frozen:.2f} s, source {source:.2f} s, "
            f"ratio {ratio:.2f}× ({verdict})"
        )
    too_big = []
    if onedir > MAX_ONEDIR_MIB * MIB:
        too_big.append(f"the onedir is {_mib(onedir)}, over {MAX_ONEDIR_MIB} MiB")
    if packed > MAX_ARCHIVE_MIB * MIB:
        too_big.append(f"the archive is {_mib(packed)}, over {MAX_ARCHIVE_MIB} MiB")
    if too_big:
        raise BuildError("; ".join(too_big))
    print(f"build_installer: done in {time.perf_counter() - started:.0f} s")


def main(argv: Sequence[str] | None = None) -> int:
    """Build everything (or only the .iss); 0 when every check passed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--iss-only", action="store_true", help="only write the Inno Setup script")
    parser.add_argument("--no-timing", action="store_true", help="skip the start-time comparison")
    args = parser.parse_args(argv)
    release = current_release()
    if args.iss_only:
        print(write_inno_setup_script(release, DIST))
        return 0
    if not sys.platform.startswith("linux"):
        print("build_installer: the archive is built on Linux; use --iss-only", file=sys.stderr)
        return 2
    try:
        build(release, timing=not args.no_timing)
    except BuildError as error:
        print(f"build_installer: FAILED: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
