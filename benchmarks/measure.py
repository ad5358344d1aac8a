"""Measuring helpers: child processes timed with their peak memory, statistics, the machine."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ChildRun:
    """One finished child process: wall time from start to exit, and its peak RSS."""

    seconds: float
    max_rss_mib: float


def child_env() -> dict[str, str]:
    """The environment every child runs in: offscreen Qt, no stray content folder."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("KIOSK_CONTENT", None)
    return env


def run_child(args: Sequence[str]) -> ChildRun:
    """Run ``args`` from the repo root; time it and read its peak RSS with os.wait4.

    The clock runs from just before the fork to the moment the child has exited, so it
    covers interpreter start, imports, painting and exit, like a user's stopwatch.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(
            list(args), cwd=REPO, env=child_env(), stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            errors.seek(0)
            text = errors.read().decode("utf-8", "replace")[-2000:]
            raise RuntimeError(f"{' '.join(args)} exited {child.returncode}:\n{text}")
    # Linux reports ru_maxrss in KiB.
    return ChildRun(seconds, usage.ru_maxrss / 1024)


def run_json(args: Sequence[str], timeout: float = 1800) -> dict[str, Any]:
    """Run a Python child that prints one JSON object as its last line; return it."""
    done = subprocess.run(
        list(args),
        cwd=REPO,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {done.returncode}:\n{done.stderr[-3000:]}")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{' '.join(args)} printed no result:\n{done.stdout[-2000:]}")
    result = json.loads(lines[-1])
    assert isinstance(result, dict)
    return result


def python() -> str:
    """The interpreter running the benchmarks (the project's virtual environment)."""
    return sys.executable


# -- statistics -------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Median and spread of a sample."""

    count: int
    median: float
    low: float
    high: float
    q1: float
    q3: float

    @property
    def iqr(self) -> float:
        """Interquartile range."""
        return self.q3 - self.q1


def summarize(values: Sequence[float]) -> Summary:
    """Median, min, max and quartiles of ``values``."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    if len(ordered) >= 2:
        q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    else:
        q1 = q3 = ordered[0]
    return Summary(len(ordered), statistics.median(ordered), ordered[0], ordered[-1], q1, q3)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile (0–1) by the nearest-rank method."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


# -- the machine ------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    return platform.platform()


def _commit() -> str:
    """The commit measured, and whether kiosk/ had changes not yet committed."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "kiosk", "resources", "pyproject.toml"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return head + (" with uncommitted changes to the kiosk" if dirty else "")


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    import PySide6
    import yaml
    from PySide6.QtCore import qVersion

    return {
        "CPU": _cpu_model(),
        "Cores": str(os.cpu_count()),
        "RAM": _ram_gib(),
        "OS": _os_name(),
        "Python": platform.python_version(),
        "PySide6 / Qt": f"{PySide6.__version__} / {qVersion()}",
        "PyYAML (libyaml available)": f"{yaml.__version__} ({yaml.__with_libyaml__})",
        "Qt platform": "offscreen",
        "Date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "Commit": _commit(),
    }
