"""Torn writes: content files rewritten in a loop while the running kiosk hot-reloads.

A writer thread saves a drug page over and over, the way editors, sync tools and network
copies do: in place in pieces (half, flush, a pause, the rest) or to a temporary file then
renamed over the page. Every version is complete and has a distinct name, written last
in the file so that a half-written file that still parses would show a cut-off name.
Whatever the kiosk reloads, it may only ever show one of the complete versions.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app.controller import KioskController
from kiosk.content import LoadResult, load_content
from kiosk.session import HOME
from kiosk.settings import resources_dir
from kiosk.stats import UsageStats
from tests.conftest import drug_yaml

RUN_S = 3.0


def version_text(number: int) -> tuple[str, str]:
    """A complete page whose English name is unique and comes last in the file."""
    # A long name: a cut anywhere in its last fifth of the file still parses, and would
    # show a name that no complete version has.
    name = f"Version {number:04d} " + " ".join(["and"] * 150) + " complete"
    page = drug_yaml().replace("name: {en: Baclofen, es: Baclofen}\n", "")
    padding = "".join(
        f"  - {{en: 'Sign number {line} of this long page', es: 'Señal {line}'}}\n"
        for line in range(40)
    )
    page = page.replace("urgent:\n", "urgent:\n" + padding)
    return name, page + f"name:\n  es: Versión {number}\n  en: {name}\n"


@pytest.fixture
def kiosk(
    qtbot: QtBot, fonts_loaded: None, content_dir: Path, tmp_path: Path
) -> Iterator[KioskController]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kiosk = KioskController(
        app,
        content_dir,
        load_content(content_dir),
        resources_dir(),
        stats=UsageStats(tmp_path / "usage.sqlite3", today=lambda: dt.date(2026, 11, 24)),
        clock=lambda: 0.0,  # never idle
    )
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    kiosk.start()
    kiosk.window.go(HOME)  # on Home, new content is shown at once
    yield kiosk
    kiosk.stop()
    kiosk.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Writer(threading.Thread):
    """Saves random complete versions of one file until told to stop."""

    def __init__(
        self, path: Path, versions: list[tuple[str, str]], seed: int, piece_pause_s: float
    ) -> None:
        super().__init__(daemon=True)
        self.piece_pause_s = piece_pause_s
        self.path = path
        self.versions = versions
        self.rng = random.Random(seed)
        self.stop = threading.Event()
        self.saves = 0
        self.last: str | None = None
        self.failure: BaseException | None = None

    def save_in_pieces(self, data: bytes) -> None:
        cut = self.rng.randrange(1, len(data))
        with self.path.open("wb") as handle:  # truncates: the file is empty for a moment
            handle.write(data[:cut])
            handle.flush()
            time.sleep(self.rng.uniform(0.0, self.piece_pause_s))
            handle.write(data[cut:])

    def save_by_rename(self, data: bytes) -> None:
        temp = self.path.with_name(f".{self.path.name}.{self.rng.randrange(10**6)}.tmp")
        temp.write_bytes(data)
        os.replace(temp, self.path)

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                name, text = self.rng.choice(self.versions)
                data = text.encode("utf-8")
                if self.rng.random() < 0.6:
                    self.save_in_pieces(data)
                else:
                    self.save_by_rename(data)
                self.last = name
                self.saves += 1
                # Sometimes saves come in bursts, sometimes there is a quiet moment.
                time.sleep(self.rng.choice([0.0, 0.002, 0.01, 0.03, 0.1, 0.7]))
        except BaseException as exc:  # reported by the test, not lost in the thread
            self.failure = exc


def run_writer(qtbot: QtBot, kiosk: KioskController, *, staff: bool, piece_pause_s: float) -> None:
    """Save for RUN_S seconds while the kiosk reloads; check everything it loaded."""
    versions = [version_text(number) for number in range(30)]
    complete = {name for name, _ in versions} | {"Baclofen"}
    page = kiosk.root / "drugs" / "baclofen.yaml"
    results: list[LoadResult] = []
    shown: list[str] = []

    def reloaded(result: LoadResult) -> None:
        results.append(result)
        catalog = kiosk.window.catalog
        if "baclofen" in catalog.drugs:
            shown.append(catalog.drugs["baclofen"].name.get("en"))

    kiosk.watcher.reloaded.connect(reloaded)
    writer = Writer(page, versions, seed=11, piece_pause_s=piece_pause_s)
    writer.start()
    deadline = time.monotonic() + RUN_S
    presses = random.Random(5)
    while time.monotonic() < deadline:
        qtbot.wait(10)
        if staff and presses.random() < 0.1:
            kiosk.watcher.reload_now()  # staff press "Reload content" at any moment
    writer.stop.set()
    writer.join(timeout=5)
    assert writer.failure is None, writer.failure
    # The last save is complete: the kiosk must settle on it.
    qtbot.waitUntil(
        lambda: kiosk.window.catalog.drugs["baclofen"].name.get("en") == writer.last,
        timeout=10_000,
    )
    kiosk.watcher.reloaded.disconnect(reloaded)

    loaded = [
        r.catalog.drugs["baclofen"].name.get("en")
        for r in results
        if r.catalog is not None and "baclofen" in r.catalog.drugs
    ]
    label = str(page)
    refused = sum(any(p.path == label for p in r.errors) for r in results)
    print(
        f"\n{writer.saves} saves, {len(results)} reloads ({refused} read a broken file and "
        f"kept the last good page), {len(set(shown))} names shown"
    )
    assert writer.saves >= 10 and len(results) >= 3
    torn = sorted({name for name in loaded + shown if name not in complete})
    cut = [f"{name[:12]}…{name[-25:]!r} ({len(name)} characters)" for name in torn]
    assert not torn, f"half-written versions reached the kiosk: {cut}"


def test_saves_seen_by_the_watcher_never_show_a_half_written_page(
    qtbot: QtBot, kiosk: KioskController
) -> None:
    """Reloads the watcher starts itself: it waits for the folder to be quiet (debounce)."""
    run_writer(qtbot, kiosk, staff=False, piece_pause_s=0.03)


def test_reload_pressed_during_a_save_never_shows_a_half_written_page(
    qtbot: QtBot, kiosk: KioskController
) -> None:
    """Staff press "Reload content" while a slow copy is half-way through a file."""
    run_writer(qtbot, kiosk, staff=True, piece_pause_s=0.15)
