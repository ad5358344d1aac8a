"""In-process workloads, each run in a child process that prints one JSON line.

``python -m benchmarks.inprocess KIND --content DIR [...]`` with KIND one of
``navigation``, ``endurance``, ``reload``, ``load`` or ``phases``.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.refguard import leak_per_void_call, none_refs, top_up_none

if TYPE_CHECKING:
    from kiosk.app.controller import KioskController
    from kiosk.content import LoadResult

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

Result = dict[str, Any]


def rss_mib() -> float:
    """Resident set size of this process now, from /proc/self/statm."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _qt() -> Any:
    from kiosk.app.qt_app import qt_application
    from kiosk.settings import resources_dir
    from kiosk.ui.theme import prepare_fonts

    app = qt_application()
    prepare_fonts(app, resources_dir())
    return app


def _flush_deletes() -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _window(root: Path) -> Any:
    from kiosk.content import load_content
    from kiosk.session import Session
    from kiosk.settings import resources_dir
    from kiosk.ui.main_window import KioskWindow
    from kiosk.ui.theme import load_template

    result = load_content(root)
    if result.catalog is None or result.errors:
        raise SystemExit(f"{root} does not load: {[str(p) for p in result.errors[:5]]}")
    catalog = result.catalog
    window = KioskWindow(
        catalog, Session(catalog.site.default_language), load_template(resources_dir())
    )
    window.resize(1920, 1080)
    window.show()
    _flush_deletes()
    return window


def _close(window: Any) -> None:
    window.allow_close = True
    window.close()
    window.deleteLater()
    _flush_deletes()


# -- navigation -------------------------------------------------------------------------


class _PaintSpy:
    """Counts Paint events that reach one widget (installed on the new screen only)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint
        spy = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == paint:
                    spy.painted = True
                return False

        self.painted = False
        self.filter = Filter()


def navigation(root: Path, count: int, seed: int) -> Result:
    """Tap → next screen painted, ``count`` times over random places."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.session import HOME, Place, Screen

    app = _qt()
    window = _window(root)
    catalog = window.catalog
    drugs = list(catalog.drugs)
    checklist = next(iter(catalog.checklists))
    rng = random.Random(seed)
    kinds = ("drug", "home", "list", "checklist", "result")

    def place_for(kind: str) -> Place:
        if kind == "drug":
            return Place(Screen.DRUG, rng.choice(drugs))
        if kind == "home":
            return HOME
        if kind == "list":
            return Place(Screen.DRUG_LIST)
        if kind == "checklist":
            return Place(Screen.CHECKLIST, checklist)
        return Place(Screen.RESULT, checklist)

    spy = _PaintSpy()
    samples: list[tuple[str, float]] = []
    teardown: list[float] = []
    forced = 0
    # A few untimed steps first, so one-off costs (first polish, font caches) are not counted.
    for kind in kinds * 2:
        window.go(place_for(kind))
        app.processEvents()
        _flush_deletes()
    previous = "home"
    for _ in range(count):
        kind = rng.choice([k for k in kinds if k != previous])
        place = place_for(kind)
        spy.painted = False
        start = time.perf_counter()
        window.go(place)
        window.current.installEventFilter(spy.filter)
        app.processEvents()  # layout, then the paint of the new screen
        if not spy.painted:  # never seen so far; keeps the definition honest
            forced += 1
            window.current.repaint()
        elapsed = time.perf_counter() - start
        window.current.removeEventFilter(spy.filter)
        samples.append((kind, elapsed * 1000))
        start = time.perf_counter()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old screen
        teardown.append((time.perf_counter() - start) * 1000)
        previous = kind
    _close(window)
    return {
        "samples": samples,
        "teardown_ms": teardown,
        "forced_repaints": forced,
        "pages": len(drugs),
    }


# -- endurance --------------------------------------------------------------------------


def endurance(root: Path, cycles: int, seed: int, sample_every: int) -> Result:
    """Visitor sessions one after another: reset, then a few screens; RSS along the way."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.session import ATTRACT, HOME, Place, Screen, Session

    app = _qt()
    window = _window(root)
    catalog = window.catalog
    drugs = list(catalog.drugs)
    checklist = next(iter(catalog.checklists))
    items = [item.id for item in catalog.checklists[checklist].items]
    rng = random.Random(seed)
    language = catalog.site.default_language
    samples: list[tuple[int, float]] = []

    def settle() -> float:
        _flush_deletes()
        gc.collect()
        _flush_deletes()
        return rss_mib()

    start = time.perf_counter()
    for cycle in range(1, cycles + 1):
        window.replace_session(Session(language, start=ATTRACT))
        window.go(HOME)
        window.go(Place(Screen.DRUG, rng.choice(drugs)))
        window.session.toggle(checklist, rng.choice(items))
        screen = Screen.CHECKLIST if cycle % 2 else Screen.RESULT
        window.go(Place(screen, checklist))
        if cycle % 100 == 0:
            window.session.search_text = rng.choice(drugs)[:3]
            window.go(Place(Screen.DRUG_LIST))
        if cycle % 7 == 0:
            window.next_language()
        if cycle % 5 == 0:
            app.processEvents()  # layout and paint now and then, as a visitor would see
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if cycle % sample_every == 0:
            samples.append((cycle, settle()))
    seconds = time.perf_counter() - start
    _close(window)
    return {"samples": samples, "seconds": seconds, "pages": len(drugs)}


# -- reload -----------------------------------------------------------------------------


def _started_kiosk(root: Path, clock: Callable[[], float] | None = None) -> KioskController:
    """A shown, started KioskController as `kiosk run` builds it, once its pages have loaded.

    Like `kiosk run` it starts on kiosk.yaml and the checklists and reads the drug pages in
    the background; that load rebuilds the current screen, so it is waited for here.
    """
    import datetime as dt

    from kiosk.app.controller import KioskController
    from kiosk.content import load_content
    from kiosk.settings import resources_dir
    from kiosk.stats import UsageStats

    app = _qt()
    work = Path(tempfile.mkdtemp(prefix="kiosk-bench-stats-"))
    kiosk = KioskController(
        app,
        root,
        load_content(root, pages=False),
        resources_dir(),
        stats=UsageStats(work / "usage.sqlite3", today=lambda: dt.date(2026, 1, 1)),
        clock=clock or time.monotonic,
    )
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    kiosk.start()
    deadline = time.perf_counter() + 60
    while not kiosk.catalog.complete and time.perf_counter() < deadline:
        app.processEvents()
    if not kiosk.catalog.complete:
        raise SystemExit("the drug pages never finished loading")
    return kiosk


def reload(root: Path, repeats: int) -> Result:
    """A running KioskController on Home; one drug file saved; time until its new name is shown."""
    from PySide6.QtCore import QEventLoop

    from benchmarks.synthetic import drug_page
    from kiosk.session import HOME

    app = _qt()
    kiosk = _started_kiosk(root, clock=lambda: 0.0)  # never idle: a reset would apply content
    kiosk.window.go(HOME)
    drug_id = sorted(kiosk.catalog.drugs)[len(kiosk.catalog.drugs) // 2]
    index = sorted(kiosk.catalog.drugs).index(drug_id)
    path = root / "drugs" / f"{drug_id}.yaml"

    def pump(seconds: float, until: Callable[[], bool] = lambda: False) -> bool:
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if until():
                return True
            time.sleep(0.001)
        return False

    times: list[float] = []
    for attempt in range(repeats):
        pump(1.0)  # let earlier file events and reloads settle
        name = f"Renamed{attempt}{drug_id.capitalize()}"
        path.write_text(drug_page(drug_id, index, display_name=name), encoding="utf-8")
        start = time.perf_counter()

        def shown(name: str = name) -> bool:
            return bool(kiosk.window.catalog.drugs[drug_id].name.get("en") == name)

        if not pump(60.0, shown):
            raise SystemExit(f"the new name {name!r} never showed")
        app.processEvents()  # paint the rebuilt Home screen
        times.append(time.perf_counter() - start)
    kiosk.stop()
    _close(kiosk.window)
    return {"seconds": times, "pages": len(kiosk.catalog.drugs)}


# -- load -------------------------------------------------------------------------------


def load(root: Path, repeats: int) -> Result:
    """load_content on the folder as the kiosk's content watcher runs it (collector paused).

    Wall times, plus where the time goes (cProfile).
    """
    from kiosk.content import load_content as load_now
    from kiosk.content.gc_pause import paused_collection

    def load_content(root: Path) -> LoadResult:
        with paused_collection():
            return load_now(root)

    first = load_content(root)  # warm-up (imports, pydantic validators, file cache)
    if first.catalog is None or first.errors:
        raise SystemExit(f"{root} does not load")
    times: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        load_content(root)
        times.append(time.perf_counter() - start)
    profiler = cProfile.Profile()
    profiler.enable()
    load_content(root)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows: list[tuple[float, float, str]] = []
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())
    for (filename, line, function), (_, _, own, cumulative, _) in raw.items():
        where = filename.split("site-packages/")[-1].replace(str(Path.cwd()) + "/", "")
        rows.append((own, cumulative, f"{where}:{line}({function})"))
    rows.sort(reverse=True)
    top = [
        {"own_share": own / total, "cumulative_share": cum / total, "function": name}
        for own, cum, name in rows[:10]
    ]
    return {"seconds": times, "pages": len(first.catalog.drugs), "profile_top": top}


# -- the attract screen, unattended -------------------------------------------------------


def attract(root: Path, ticks: int) -> Result:
    """The kiosk as it starts (KioskController, attract screen), drift timer run ``ticks`` times.

    Prints progress lines, so that a parent sees how far a process got if it aborts.
    Nothing is topped up here: this is the kiosk as it runs in a clinic.
    """
    from kiosk.ui.screens.attract import DRIFT_MS, AttractScreen

    app = _qt()
    kiosk = _started_kiosk(root)
    screen = kiosk.window.current
    assert isinstance(screen, AttractScreen)
    refs_at_start = none_refs()
    for tick in range(1, ticks + 1):
        screen.drift()  # what the QTimer does every DRIFT_MS
        app.processEvents()
        if tick % 100 == 0:
            print(f"tick {tick} none_refs {none_refs()}", flush=True)
    kiosk.stop()
    return {
        "ticks": ticks,
        "drift_ms": DRIFT_MS,
        "none_refs_at_start": refs_at_start,
        "none_refs_at_end": none_refs(),
    }


# -- phases -----------------------------------------------------------------------------


def phases(root: Path) -> Result:
    """Where a cold ``kiosk render --page home`` spends its time, step by step."""
    marks: list[tuple[str, float]] = []
    last = time.perf_counter()

    def mark(label: str) -> None:
        nonlocal last
        now = time.perf_counter()
        marks.append((label, (now - last) * 1000))
        last = now

    from PySide6.QtWidgets import QApplication

    mark("import PySide6 (QtCore, QtGui, QtWidgets)")
    import kiosk
    import kiosk.cli

    mark("import kiosk and its command line (pydantic, PyYAML, models)")
    from kiosk.app.qt_app import qt_application
    from kiosk.ui.render import render_pages
    from kiosk.ui.theme import prepare_fonts

    mark("import kiosk.ui (screens, widgets, qrcode)")
    from kiosk.content import load_content
    from kiosk.settings import resources_dir

    result = load_content(root)
    assert result.catalog is not None
    mark("load and validate the content folder")
    app = qt_application()
    prepare_fonts(app, resources_dir())
    mark("QApplication and fonts")
    out = Path(tempfile.mkdtemp(prefix="kiosk-bench-phases-"))
    render_pages(result.catalog, resources_dir(), out, pages=["home"])
    mark("build, paint and save the home screen")
    del kiosk, QApplication
    return {"phases_ms": marks}


def main(argv: list[str] | None = None) -> int:
    """Run one workload and print its result as JSON."""
    parser = argparse.ArgumentParser(prog="benchmarks.inprocess")
    parser.add_argument(
        "kind", choices=("navigation", "endurance", "reload", "load", "phases", "attract")
    )
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample-every", type=int, default=1000)
    args = parser.parse_args(argv)
    root: Path = args.content
    leak = 0.0
    if args.kind not in ("attract", "phases"):
        leak = leak_per_void_call()
        if leak > 0:
            top_up_none()  # see benchmarks/refguard.py: lets the other figures be measured
    if args.kind == "attract":
        result = attract(root, args.count)
    elif args.kind == "navigation":
        result = navigation(root, args.count, args.seed)
    elif args.kind == "endurance":
        result = endurance(root, args.count, args.seed, args.sample_every)
    elif args.kind == "reload":
        result = reload(root, args.count)
    elif args.kind == "load":
        result = load(root, args.count)
    else:
        result = phases(root)
    result["none_leak_per_void_call"] = leak
    print(json.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
