"""The Debian packages the kiosk needs (resources/system-packages.txt): read, check, install.

Runs with the system's python3 before any virtual environment exists (standard library
only): ``python3 -m kiosk.system_packages ensure run build`` is what `make` calls.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.settings import resources_dir

ROLES = ("run", "speech", "build", "bench")
#: Roles that may be missing: what they give is switched off and named, nothing stops.
OPTIONAL_ROLES = frozenset({"speech"})
LIST_NAME = "system-packages.txt"


@dataclass(frozen=True)
class SystemPackage:
    """One line of the list: a Debian package, what it is needed for, the libraries it has."""

    name: str
    role: str
    libraries: tuple[str, ...]


class PackageListError(ValueError):
    """The package list has a line that is not ``package role libraries…``."""


def list_path() -> Path:
    """Where the list is: resources/ in the source tree or the frozen bundle."""
    return resources_dir() / LIST_NAME


def parse(text: str, source: str = LIST_NAME) -> tuple[SystemPackage, ...]:
    """The packages in ``text``; PackageListError names the first bad line."""
    packages = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        if (
            len(line) < 3
            or line[1] not in ROLES
            or not re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", line[0])
        ):
            raise PackageListError(
                f"{source}:{number}: expected 'package role libraries…' with role one of "
                f"{', '.join(ROLES)}; got {raw.strip()!r}"
            )
        libraries = () if line[2:] == ["-"] else tuple(line[2:])
        packages.append(SystemPackage(line[0], line[1], libraries))
    return tuple(packages)


def load(path: Path | None = None) -> tuple[SystemPackage, ...]:
    """The packages in the shipped list (or ``path``)."""
    path = path or list_path()
    return parse(path.read_text(encoding="utf-8"), str(path))


def names(packages: Iterable[SystemPackage], roles: Iterable[str]) -> list[str]:
    """The names of ``packages`` with one of ``roles``, in list order."""
    wanted = set(roles)
    return [package.name for package in packages if package.role in wanted]


def package_for_library(soname: str, packages: Iterable[SystemPackage] | None = None) -> str | None:
    """The package that provides library ``soname`` (e.g. ``libpulse.so.0``), if listed."""
    for package in load() if packages is None else packages:
        if soname in package.libraries:
            return package.name
    return None


def missing_library_hint(error: BaseException) -> str:
    """Why an import failed, naming the Debian package when a listed library is missing.

    ``ImportError: libpulse.so.0: cannot open shared object file`` becomes
    ``the system library libpulse.so.0 is missing (Debian package libpulse0)``.
    """
    found = re.search(r"([\w.+-]+\.so(?:\.\d+)*): cannot open shared object file", str(error))
    if not found:
        return str(error)
    soname = found.group(1)
    try:
        package = package_for_library(soname)
    except (OSError, PackageListError):
        package = None
    if package is None:
        return f"the system library {soname} is missing"
    return f"the system library {soname} is missing (install the Debian package {package})"


def installed(package_names: Sequence[str]) -> set[str]:
    """Which of ``package_names`` dpkg says are installed."""
    if not package_names or shutil.which("dpkg-query") is None:
        return set()
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${db:Status-Abbrev}\\n", *package_names],
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        fields[0]
        for fields in (line.split() for line in result.stdout.splitlines())
        if len(fields) >= 2 and fields[1].startswith("ii")
    }


def apt_install(package_names: Sequence[str]) -> bool:
    """Install ``package_names`` with apt-get (updating the lists if the first try fails)."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    command = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *package_names]
    if subprocess.run(command, env=env, check=False).returncode == 0:
        return True
    subprocess.run(["apt-get", "update", "-q"], env=env, check=False)
    return subprocess.run(command, env=env, check=False).returncode == 0


def ensure(roles: Sequence[str], *, is_root: bool | None = None) -> int:
    """Check the packages of ``roles``; install what is missing as root; 0 when all is well.

    Not root and something required missing: print the one ``sudo apt-get install`` line
    and return 1. Optional roles (speech) that are missing or fail to install only warn.
    """
    is_root = os.geteuid() == 0 if is_root is None else is_root
    if shutil.which("dpkg-query") is None:
        print("system packages: not a Debian system; see resources/system-packages.txt")
        return 0
    packages = load()
    wanted = names(packages, roles)
    missing = [name for name in wanted if name not in installed(wanted)]
    if not missing:
        return 0
    role_of = {package.name: package.role for package in packages}
    required = [name for name in missing if role_of[name] not in OPTIONAL_ROLES]
    optional = [name for name in missing if role_of[name] in OPTIONAL_ROLES]
    if is_root and shutil.which("apt-get"):
        print(f"system packages: installing {' '.join(missing)}", flush=True)
        if apt_install(missing):
            return 0
        still = set(missing) - installed(missing)
        required = [name for name in required if name in still]
        optional = [name for name in optional if name in still]
        if optional:
            print(f"system packages: could not install {' '.join(optional)}: read aloud is off")
        if required:
            print(f"system packages: could not install {' '.join(required)}", file=sys.stderr)
            return 1
        return 0
    if optional:
        print(
            "system packages: read aloud is off until you run: "
            f"sudo apt-get install {' '.join(optional)}"
        )
    if required:
        print(
            "system packages are missing; run this once, then again what you ran:\n"
            f"    sudo apt-get install {' '.join(required)}",
            file=sys.stderr,
        )
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``ensure ROLE…`` (check and install) or ``list ROLE…`` (print the names)."""
    parser = argparse.ArgumentParser(prog="python3 -m kiosk.system_packages")
    parser.add_argument("action", choices=("ensure", "list"))
    parser.add_argument("roles", nargs="+", choices=ROLES)
    args = parser.parse_args(argv)
    try:
        if args.action == "list":
            print(" ".join(names(load(), args.roles)))
            return 0
        return ensure(args.roles)
    except (OSError, PackageListError) as error:
        print(f"system packages: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
