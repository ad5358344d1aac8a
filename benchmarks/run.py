"""`make bench`: measure the kiosk against its targets and write BENCHMARKS.md.

Every ratio compares two things measured in the same run, alternated, because these
machines are noisy. Synthetic content is generated in a temporary folder and deleted.
``--quick`` runs a few of everything (to check the harness, not to quote).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.measure import (
    REPO,
    ChildRun,
    Summary,
    child_env,
    machine,
    percentile,
    python,
    run_child,
    run_json,
    summarize,
)
from benchmarks.synthetic import make_content

SHIPPED = REPO / "content"


@dataclass(frozen=True)
class Counts:
    """How many of everything one run does."""

    cold_runs: int = 15
    scale_runs: int = 7
    load_runs: int = 5
    navigations: int = 1000
    cycles: int = 10_000
    sample_every: int = 1000
    reloads: int = 5
    attract_ticks: int = 36_000  # one hour of the attract screen's 100 ms drift timer
    pages: int = 1000
    service_runs: int = 9
    crash_runs: int = 5
    hang_runs: int = 3


QUICK = Counts(
    cold_runs=3,
    scale_runs=2,
    load_runs=2,
    navigations=60,
    cycles=200,
    sample_every=50,
    reloads=2,
    attract_ticks=300,
    pages=200,
    service_runs=2,
    crash_runs=1,
    hang_runs=1,
)


@dataclass(frozen=True)
class Figure:
    """One line of the results table."""

    name: str
    value: str
    spread: str
    target: str
    versus: str
    passed: bool
    note: str = ""


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _spread(summary: Summary, fmt: Callable[[float], str]) -> str:
    return f"{fmt(summary.low)}–{fmt(summary.high)} (IQR {fmt(summary.iqr)}, n={summary.count})"


def log(message: str) -> None:
    """Progress on stderr."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the figures ------------------------------------------------------------------------


def alternate(
    first: Sequence[str], second: Sequence[str], runs: int
) -> tuple[list[ChildRun], list[ChildRun]]:
    """Run two commands alternately (after one untimed warm-up each)."""
    run_child(first)
    run_child(second)
    a: list[ChildRun] = []
    b: list[ChildRun] = []
    for index in range(runs):
        # Swap the order every other round so neither always runs on a warmer machine.
        if index % 2:
            b.append(run_child(second))
            a.append(run_child(first))
        else:
            a.append(run_child(first))
            b.append(run_child(second))
    return a, b


def inprocess(kind: str, content: Path, *options: str) -> list[str]:
    """The command line of one ``benchmarks.inprocess`` workload on ``content``."""
    return [python(), "-m", "benchmarks.inprocess", kind, "--content", str(content), *options]


def render_home(content: Path, out: Path) -> list[str]:
    """The kiosk's cold start: process start → home screen painted (and saved) → exit."""
    return [
        python(),
        "-m",
        "kiosk",
        "render",
        "--page",
        "home",
        "--content",
        str(content),
        "--out",
        str(out),
    ]


def cold_start(counts: Counts, work: Path) -> tuple[list[Figure], dict[str, Any]]:
    """Kiosk vs the bare-Qt floor: wall time and peak memory."""
    log(f"cold start: {counts.cold_runs} runs each, alternated with the floor")
    floor_cmd = [python(), "-m", "benchmarks.floor_window", str(work / "floor.png")]
    kiosk_runs, floor_runs = alternate(
        render_home(SHIPPED, work / "render"), floor_cmd, counts.cold_runs
    )
    kiosk_t = summarize([r.seconds for r in kiosk_runs])
    floor_t = summarize([r.seconds for r in floor_runs])
    kiosk_m = summarize([r.max_rss_mib for r in kiosk_runs])
    floor_m = summarize([r.max_rss_mib for r in floor_runs])
    ratio_t = kiosk_t.median / floor_t.median
    ratio_m = kiosk_m.median / floor_m.median
    mib: Callable[[float], str] = lambda v: f"{v:.1f} MiB"  # noqa: E731
    figures = [
        Figure(
            "Cold start to first painted home screen (`kiosk render --page home`)",
            _ms(kiosk_t.median),
            _spread(kiosk_t, _ms),
            "≤ 1.3× floor",
            f"{ratio_t:.2f}× (floor {_ms(floor_t.median)}, {_spread(floor_t, _ms)})",
            ratio_t <= 1.3,
        ),
        Figure(
            "Peak memory (max RSS) of that run",
            mib(kiosk_m.median),
            _spread(kiosk_m, mib),
            "≤ 1.5× floor",
            f"{ratio_m:.2f}× (floor {mib(floor_m.median)})",
            ratio_m <= 1.5,
        ),
    ]
    return figures, {}


def service(counts: Counts) -> tuple[list[Figure], dict[str, Any]]:
    """`kiosk run` as the service runs it, on Xvfb: start, crash and hang → first frame."""
    from benchmarks import service as svc

    if not svc.Display.available():
        log("service: Xvfb is not installed; not measured")
        return [
            Figure("`kiosk run` → first frame (Xvfb)", "not measured", "", "", "no Xvfb", False)
        ], {}
    times = svc.unit_times()
    display = svc.Display()
    figures: list[Figure] = []
    try:
        log(f"service: {counts.service_runs} starts of each engine, alternated with the floor")
        engines = [("mock", "Qt's mock engine")]
        if svc.real_engine_installed():
            engines.insert(0, ("", "the real engine (speech-dispatcher)"))
        else:
            figures.append(
                Figure(
                    "`kiosk run` → first frame, real speech engine",
                    "not measured",
                    "",
                    "≤ 1.5× floor",
                    "speech-dispatcher is not installed",
                    False,
                )
            )
        floor: list[float] = []
        kiosk: dict[str, list[float]] = {engine: [] for engine, _ in engines}
        svc.start_to_frame(svc.floor_command(), display)  # warm-ups
        svc.start_to_frame(svc.kiosk_command(SHIPPED), display, "mock")
        for index in range(counts.service_runs):
            order = [None, *(engine for engine, _ in engines)]
            for item in order if index % 2 == 0 else reversed(order):
                if item is None:
                    floor.append(svc.start_to_frame(svc.floor_command(), display))
                else:
                    kiosk[item].append(
                        svc.start_to_frame(svc.kiosk_command(SHIPPED), display, item)
                    )
        floor_t = summarize(floor)
        for engine, name in engines:
            runs = summarize(kiosk[engine])
            ratio = runs.median / floor_t.median
            figures.append(
                Figure(
                    f"`kiosk run` → first frame (READY=1) on Xvfb 1366×768, {name}",
                    _ms(runs.median),
                    _spread(runs, _ms),
                    "≤ 1.5× floor",
                    f"{ratio:.2f}× (bare fullscreen window {_ms(floor_t.median)}, "
                    f"{_spread(floor_t, _ms)})",
                    ratio <= 1.5,
                )
            )
        log(f"service: {counts.crash_runs} crashes (RestartSec={times.restart_s:g} s)")
        crashes = summarize(
            [svc.crash_to_frame(SHIPPED, display) for _ in range(counts.crash_runs)]
        )
        figures.append(
            Figure(
                "Crash (SIGSEGV) → first frame again, restart delay included",
                _ms(crashes.median),
                _spread(crashes, _ms),
                "≤ 2.5 s",
                f"RestartSec={times.restart_s:g} s; worst {_ms(crashes.high)}",
                crashes.high <= 2.5,
            )
        )
        log(f"service: {counts.hang_runs} hangs (WatchdogSec={times.watchdog_s:g} s)")
        hangs = summarize([svc.hang_to_frame(SHIPPED, display) for _ in range(counts.hang_runs)])
        limit = times.watchdog_s + 2.5
        figures.append(
            Figure(
                "Hang (SIGSTOP) → first frame again, through the watchdog",
                _ms(hangs.median),
                _spread(hangs, _ms),
                f"≤ WatchdogSec + 2.5 s = {limit:g} s",
                f"WatchdogSec={times.watchdog_s:g} s, TimeoutAbortSec={times.abort_s:g} s; "
                f"worst {_ms(hangs.high)}",
                hangs.high <= limit,
            )
        )
    finally:
        display.close()
    return figures, {}


def navigation(counts: Counts, big: Path) -> tuple[list[Figure], dict[str, Any]]:
    """Tap → next screen painted, on the synthetic folder."""
    log(f"navigation: {counts.navigations} navigations on {counts.pages} pages")
    result = run_json(inprocess("navigation", big, "--count", str(counts.navigations)))
    samples: list[tuple[str, float]] = [(str(k), float(v)) for k, v in result["samples"]]
    values = [v for _, v in samples]
    p50 = percentile(values, 0.50)
    p99 = percentile(values, 0.99)
    by_kind: dict[str, list[float]] = {}
    for kind, value in samples:
        by_kind.setdefault(kind, []).append(value)
    teardown = [float(v) for v in result["teardown_ms"]]
    figure = Figure(
        f"Navigation: tap → next screen painted ({len(values)} navigations, {counts.pages} pages)",
        f"p50 {p50:.1f} ms, p99 {p99:.1f} ms",
        f"min {min(values):.1f} ms, max {max(values):.1f} ms",
        "p99 ≤ 16 ms",
        f"p99 = {p99 / 16:.2f}× the 16 ms frame",
        p99 <= 16,
    )
    detail = {
        "by_kind": {
            kind: (len(v), percentile(v, 0.5), percentile(v, 0.99), max(v))
            for kind, v in sorted(by_kind.items())
        },
        "teardown_p50": percentile(teardown, 0.5),
        "teardown_p99": percentile(teardown, 0.99),
        "forced": result["forced_repaints"],
        "leak": result["none_leak_per_void_call"],
    }
    return [figure], detail


def scale(
    counts: Counts, small: Path, big: Path, work: Path
) -> tuple[list[Figure], dict[str, Any]]:
    """Load + validate the big folder; start-up with it vs with one page."""
    log(f"scale: load_content × {counts.load_runs} on {counts.pages} pages")
    loaded = run_json(inprocess("load", big, "--count", str(counts.load_runs)))
    load_t = summarize([float(v) for v in loaded["seconds"]])
    log(f"scale: start-up with {counts.pages} pages vs 1 page, {counts.scale_runs} runs each")
    big_runs, small_runs = alternate(
        render_home(big, work / "render-big"),
        render_home(small, work / "render-small"),
        counts.scale_runs,
    )
    big_t = summarize([r.seconds for r in big_runs])
    small_t = summarize([r.seconds for r in small_runs])
    ratio = big_t.median / small_t.median
    figures = [
        Figure(
            f"Load + validate {counts.pages} pages (`load_content`)",
            _ms(load_t.median),
            _spread(load_t, _ms),
            "≤ 0.5 s",
            f"{load_t.median / 0.5:.2f}× the target",
            load_t.median <= 0.5,
        ),
        Figure(
            f"Start-up with {counts.pages} pages vs 1 page (`kiosk render --page home`)",
            _ms(big_t.median),
            _spread(big_t, _ms),
            "≤ 1.1× 1 page",
            f"{ratio:.2f}× (1 page: {_ms(small_t.median)}, {_spread(small_t, _ms)})",
            ratio <= 1.1,
        ),
    ]
    return figures, {"profile_top": loaded["profile_top"]}


def endurance(counts: Counts, big: Path) -> tuple[list[Figure], dict[str, Any]]:
    """RSS over many visitor sessions."""
    log(f"endurance: {counts.cycles} reset + navigation cycles (takes a few minutes)")
    result = run_json(
        inprocess(
            "endurance",
            big,
            "--count",
            str(counts.cycles),
            "--sample-every",
            str(counts.sample_every),
        )
    )
    samples = [(int(c), float(m)) for c, m in result["samples"]]
    first = samples[0][1]
    last = samples[-1][1]
    growth = last - first
    figure = Figure(
        f"Endurance: RSS after {samples[-1][0]:,} reset + navigation cycles vs after "
        f"{samples[0][0]:,}",
        f"{growth:+.2f} MiB",
        f"RSS {first:.1f} → {last:.1f} MiB; samples " + ", ".join(f"{m:.1f}" for _, m in samples),
        "within 2 MiB",
        f"{abs(growth) / 2:.2f}× the allowance",
        abs(growth) <= 2,
    )
    return [figure], {"seconds": result["seconds"]}


def reload(counts: Counts, big: Path, work: Path) -> tuple[list[Figure], dict[str, Any]]:
    """File saved → new content on screen, on a running KioskController."""
    log(f"reload: {counts.reloads} saves on {counts.pages} pages")
    copy = work / "reload-content"
    shutil.copytree(big, copy)
    result = run_json(inprocess("reload", copy, "--count", str(counts.reloads)))
    times = summarize([float(v) for v in result["seconds"]])
    figure = Figure(
        f"Reload: file saved → new content on screen ({counts.pages} pages, Home shown)",
        _ms(times.median),
        _spread(times, _ms),
        "≤ 1 s",
        f"{times.median:.2f}× the target",
        times.median <= 1.0,
    )
    return [figure], {}


def unattended(counts: Counts) -> tuple[list[Figure], dict[str, Any]]:
    """The attract screen left alone for an hour (its drift timer, run flat out)."""
    log(f"attract screen: {counts.attract_ticks} drift ticks, no workaround")
    args = inprocess("attract", SHIPPED, "--count", str(counts.attract_ticks))
    done = subprocess.run(
        args, cwd=REPO, env=child_env(), capture_output=True, text=True, check=False
    )
    ticks = [int(m.group(1)) for m in re.finditer(r"^tick (\d+)", done.stdout, re.M)]
    refs = [int(m.group(1)) for m in re.finditer(r"none_refs (\d+)", done.stdout)]
    reached = ticks[-1] if ticks else 0
    survived = done.returncode == 0
    minutes = reached * 0.1 / 60
    fatal = next(
        (line for line in done.stderr.splitlines() if line.startswith("Fatal Python error")), ""
    )
    hour = counts.attract_ticks * 0.1 / 60
    if survived:
        value = f"ran {counts.attract_ticks:,} ticks ({hour:.0f} min)"
    else:
        value = f"aborted after ~{reached:,} ticks (≈ {minutes:.0f} min), exit {done.returncode}"
    note = ""
    if len(refs) >= 2 and refs[0] > refs[-1]:
        per_tick = (refs[0] - refs[-1]) / max(1, (len(refs) - 1) * 100)
        note = f"None loses {per_tick:.1f} references per drift tick; {fatal}".rstrip("; ")
    figure = Figure(
        "Unattended: attract screen drift timer for an hour (no visitor)",
        value,
        "one run",
        f"{counts.attract_ticks:,} ticks without a crash",
        "survived" if survived else "crashed",
        survived,
        note,
    )
    return [figure], {}


def phases() -> dict[str, Any]:
    """Where a cold start goes: steps timed in one process, and the slowest imports."""
    log("cold start breakdown")
    steps = run_json(inprocess("phases", SHIPPED))
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-imports-") as out:
        done = subprocess.run(
            [python(), "-X", "importtime", *render_home(SHIPPED, Path(out))[1:]],
            cwd=REPO,
            env=child_env(),
            capture_output=True,
            text=True,
            check=False,
        )
    imports: list[tuple[int, int, str]] = []
    heavy: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if not match:
            continue
        entry = (int(match.group(2)), int(match.group(1)), match.group(4).strip())
        if len(match.group(3)) <= 3:  # top-level and first-level imports
            imports.append(entry)
        heavy.append(entry)
    imports.sort(reverse=True)
    heavy.sort(key=lambda entry: entry[1], reverse=True)  # by the module's own time
    return {"phases_ms": steps["phases_ms"], "imports": imports[:14], "heavy": heavy[:10]}


# -- the report -------------------------------------------------------------------------


def report(
    figures: list[Figure],
    details: dict[str, Any],
    counts: Counts,
    seconds: float,
    quick: bool,
) -> str:
    """BENCHMARKS.md."""
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`python -m benchmarks.run`); do not edit by hand.",
        "Ratios compare runs made alternately in the same session, since shared machines are "
        "noisy.",
        "Synthetic content is generated into a temporary folder for the run and deleted after.",
    ]
    if quick:
        lines += ["", "**`--quick` run: too few samples to quote.**"]
    lines += ["", "## Machine", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in machine().items()]
    lines += [f"| Run time of `make bench` | {seconds / 60:.1f} min |"]
    passed = sum(f.passed for f in figures)
    lines += [
        "",
        f"## Results: {passed} of {len(figures)} targets met",
        "",
        "| Figure | Median | Spread | Target | Ratio | Result |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        verdict = "PASS" if f.passed else "**MISS**"
        lines.append(f"| {f.name} | {f.value} | {f.spread} | {f.target} | {f.versus} | {verdict} |")
    notes = [f for f in figures if f.note]
    if notes:
        lines += [""] + [f"- {f.name}: {f.note}" for f in notes]
    leak = float(details.get("navigation", {}).get("leak", 0.0))
    if leak > 0:
        lines += [
            "",
            "**Warning: the installed Qt binding drops a reference to `None` on every void "
            f"method call ({leak:.1f} per call).** On CPython 3.11 that ends in "
            "`Fatal Python error: none_dealloc` (see the unattended figure). The in-process "
            "benchmarks top the count up at start (`benchmarks/refguard.py`) so that the "
            "other figures can be measured at all; the kiosk itself has no such workaround.",
        ]
    lines += [
        "",
        "## How each figure is measured",
        "",
        "- **Cold start**: wall time from `fork` to exit of `python -m kiosk render --page "
        "home --content content` (interpreter start, imports, content load, first paint, "
        "PNG written; rendering only Home reads kiosk.yaml and the checklists, as `kiosk "
        "run` does before its first paint), alternated with `python -m "
        "benchmarks.floor_window` (a bare PySide6 window with one label, 1920×1080, "
        "painted and saved the same way). Peak memory is each child's `ru_maxrss` from "
        "`os.wait4`. One untimed warm-up each.",
        "- **Service start, crash and hang** (`benchmarks/service.py`): on a private Xvfb "
        "(1366×768), the benchmark plays systemd: it listens on its own notify socket and "
        "times `python -m kiosk run --content content` (fullscreen, as the unit runs it) "
        "from spawn to its READY=1, which the kiosk sends after its first frame; with the "
        "default (real) speech engine and with `KIOSK_TTS_ENGINE=mock`, alternated with "
        "`python -m benchmarks.floor_fullscreen` (a bare PySide6 fullscreen window that "
        "sends READY=1 after its first paint). Crash: SIGSEGV to a running kiosk, its exit, "
        "the unit's `RestartSec=`, a new kiosk, its READY=1. Hang: SIGSTOP, then the "
        "watchdog's steps from the unit (no WATCHDOG=1 for `WatchdogSec=` after the last "
        "ping, SIGABRT, `TimeoutAbortSec=`, SIGKILL), `RestartSec=`, a new kiosk's READY=1. "
        "The same steps under real systemd are checked by `tests/system/kiosk_service.sh`.",
        f"- **Navigation**: in one process on a synthetic {counts.pages}-page folder "
        "(`benchmarks/synthetic.py`: 4 sections, an urgent list and a shared checklist per "
        "page, about 3.4 KB each), a shown 1920×1080 `KioskWindow`. Each sample is "
        "`window.go(place)` plus `processEvents()` until the new screen has had its paint "
        "event (layout and paint included; deleting the previous screen is timed apart). "
        "Places are random among drug pages, Home, the medication list, the checklist and "
        "its result, never the same kind twice in a row.",
        "- **Scale**: `load_content` on that folder (median of the runs after one warm-up); "
        "start-up is the cold start above on that folder vs on a 1-page folder, alternated.",
        "- **Endurance**: one process; each cycle is `replace_session(Session(...))` "
        "(the idle reset), then Home, a random drug page and the checklist or its result "
        "(every 100th cycle also the medication list with a search, every 7th a language "
        "change; layout and paint every 5th cycle). RSS is read from `/proc/self/statm` "
        "after `gc.collect()` and deleting pending `deleteLater` objects.",
        "- **Reload**: a started `KioskController` (its `ContentWatcher`, 400 ms debounce) "
        "on a copy "
        "of the folder, started as `kiosk run` starts (kiosk.yaml and the checklists, then "
        "every page in the background) and showing Home; one drug file is rewritten with a "
        "new name and the clock runs until `kiosk.window.catalog` has the new name and the "
        "rebuilt Home screen has been painted.",
        "- **Unattended**: a `KioskController` on the shipped content as `kiosk run` builds it, "
        "on its attract screen, with `AttractScreen.drift()` (its 100 ms timer) called "
        "back to back; no workaround applied.",
    ]
    nav = details.get("navigation")
    if nav:
        lines += [
            "",
            "## Navigation by screen",
            "",
            "| Screen | n | p50 | p99 | max |",
            "|---|---|---|---|---|",
        ]
        for kind, (n, p50, p99, top) in nav["by_kind"].items():
            lines.append(f"| {kind} | {n} | {p50:.1f} ms | {p99:.1f} ms | {top:.1f} ms |")
        lines += [
            "",
            f"Deleting the previous screen (after the paint, not counted above): "
            f"p50 {nav['teardown_p50']:.1f} ms, p99 {nav['teardown_p99']:.1f} ms. "
            f"Screens that needed a forced repaint: {nav['forced']}.",
        ]
    cold = details.get("phases")
    if cold:
        lines += [
            "",
            "## Where a cold start goes",
            "",
            "Steps of `kiosk render --page home`, timed inside one process (interpreter "
            "start and exit not included):",
            "",
            "| Step | ms |",
            "|---|---|",
        ]
        lines += [f"| {label} | {ms:.0f} |" for label, ms in cold["phases_ms"]]
        lines += [
            "",
            "Largest imports (`python -X importtime`, cumulative):",
            "",
            "| Module | cumulative ms | own ms |",
            "|---|---|---|",
        ]
        lines += [
            f"| `{name}` | {cum / 1000:.1f} | {own / 1000:.1f} |"
            for cum, own, name in cold["imports"]
        ]
        lines += [
            "",
            "Modules with the most import time of their own, at any depth:",
            "",
            "| Module | own ms | cumulative ms |",
            "|---|---|---|",
        ]
        lines += [
            f"| `{name}` | {own / 1000:.1f} | {cum / 1000:.1f} |"
            for cum, own, name in cold.get("heavy", [])
        ]
    profile = details.get("scale", {}).get("profile_top")
    if profile:
        lines += [
            "",
            f"## Where loading {counts.pages} pages goes",
            "",
            "cProfile of one `load_content` (shares of profiled time; the profiler slows "
            "pure-Python code more than C):",
            "",
            "| Function | own | cumulative |",
            "|---|---|---|",
        ]
        for row in profile:
            lines.append(
                f"| `{row['function']}` | {row['own_share']:.0%} | {row['cumulative_share']:.0%} |"
            )
    endurance_s = details.get("endurance", {}).get("seconds")
    if endurance_s:
        lines += ["", f"The endurance run took {endurance_s:.0f} s."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark and write the report."""
    parser = argparse.ArgumentParser(prog="benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a few of everything")
    parser.add_argument("--out", type=Path, default=REPO / "BENCHMARKS.md")
    parser.add_argument(
        "--only",
        action="append",
        choices=("cold", "service", "navigation", "scale", "endurance", "reload", "unattended"),
        help="run only these (repeatable); the report then holds only them",
    )
    args = parser.parse_args(argv)
    counts = QUICK if args.quick else Counts()
    everything = ("cold", "service", "navigation", "scale", "endurance", "reload", "unattended")
    chosen = set(args.only or everything)
    started = time.perf_counter()
    figures: list[Figure] = []
    details: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as temp:
        work = Path(temp)
        big = work / f"synthetic-{counts.pages}"
        small = work / "synthetic-1"
        make_content(big, counts.pages)
        make_content(small, 1)
        steps: list[tuple[str, Callable[[], tuple[list[Figure], dict[str, Any]]]]] = [
            ("cold", lambda: cold_start(counts, work)),
            ("service", lambda: service(counts)),
            ("navigation", lambda: navigation(counts, big)),
            ("scale", lambda: scale(counts, small, big, work)),
            ("reload", lambda: reload(counts, big, work)),
            ("unattended", lambda: unattended(counts)),
            ("endurance", lambda: endurance(counts, big)),
        ]
        for name, step in steps:
            if name in chosen:
                new, detail = step()
                figures += new
                details[name] = detail
        if "cold" in chosen:
            details["phases"] = phases()
    seconds = time.perf_counter() - started
    text = report(figures, details, counts, seconds, args.quick)
    args.out.write_text(text, encoding="utf-8")
    log(f"wrote {args.out} in {seconds / 60:.1f} min")
    for f in figures:
        print(f"{'PASS' if f.passed else 'MISS'}  {f.name}: {f.value} ({f.versus})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
