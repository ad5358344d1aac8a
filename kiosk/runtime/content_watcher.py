"""Hot reload (Qt glue): watch the content folder and reload it off the UI thread."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QThreadPool, QTimer, Signal

from kiosk.content import Catalog, LoadResult, load_content
from kiosk.content.gc_pause import paused_collection
from kiosk.content.parse_cache import ParseCache

log = logging.getLogger("kiosk.reload")

SUBFOLDERS = ("drugs", "checklists", "images")
#: A file saved less than this long ago may be half-written: it is read on the next pass.
SETTLE_S = 0.3  # below the 0.4 s debounce: a debounced reload after a save is settled


def fingerprint(root: Path) -> tuple[object, ...]:
    """A cheap summary of the folder: where it points, names, sizes and times.

    It spots changes a file watcher can miss, such as a symlink swapped by a deploy.
    """
    try:
        real = root.resolve()
        entries: list[tuple[str, int, int]] = []
        for folder in (real, *(real / name for name in SUBFOLDERS)):
            if folder.is_dir():
                for entry in os.scandir(folder):
                    info = entry.stat()
                    entries.append((entry.path, info.st_size, info.st_mtime_ns))
        return (str(real), tuple(sorted(entries)))
    except OSError:
        return ("unreadable",)


class _Done(QObject):
    """Carries a finished load from the worker thread back to the UI thread."""

    finished = Signal(object)


class ContentWatcher(QObject):
    """Emits ``reloaded(LoadResult)`` after the content changes (debounced)."""

    reloaded = Signal(object)

    def __init__(
        self,
        root: Path,
        current: Catalog | None,
        *,
        debounce_ms: int = 400,
        poll_ms: int = 5000,
        i18n_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.root = root
        self.i18n_dir = i18n_dir
        self.current = current
        self.last_reload = time.time()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._watcher.fileChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.reload_now)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._poll_check)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = _Done(self)
        self._done.finished.connect(self._finished)
        self._busy = False
        self._again = False
        self._print = fingerprint(root)
        #: Only the single worker thread uses it, one load at a time.
        self._cache = ParseCache()

    def start(self) -> None:
        """Start watching."""
        self._rewatch()
        self._poll.start()

    def stop(self) -> None:
        """Stop watching; waits for a load in progress so nothing outlives the watcher."""
        self._poll.stop()
        self._debounce.stop()
        self._again = False
        self._pool.waitForDone(10_000)
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)

    def _paths(self) -> list[str]:
        # The parent too, so a content folder that is a symlink swapped by rsync/git is seen.
        paths = [self.root.parent, self.root]
        real = self.root
        paths += [real / name for name in SUBFOLDERS if (real / name).is_dir()]
        for folder in (real, *(real / name for name in ("drugs", "checklists"))):
            if folder.is_dir():
                paths += sorted(folder.glob("*.y*ml"))
        return [str(path) for path in paths if path.exists()]

    def _rewatch(self) -> None:
        # Editors save by writing a new file and renaming it over the old one; the watcher
        # then drops the file, so every change re-adds the current set of paths.
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        paths = self._paths()
        if paths:
            self._watcher.addPaths(paths)

    def _changed(self, path: str) -> None:
        # The parent folder is watched only to see the content folder swapped; other
        # changes there (logs, data) are not content changes.
        if Path(path) == self.root.parent and fingerprint(self.root) == self._print:
            return
        self._debounce.start()

    def _poll_check(self) -> None:
        if fingerprint(self.root) != self._print:
            self._debounce.start()

    def reload_now(self) -> None:
        """Reload at once (also the staff panel's button)."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._print = fingerprint(self.root)
        root, previous, done, i18n_dir = self.root, self.current, self._done, self.i18n_dir
        cache = self._cache

        def work() -> None:
            # A garbage-collection pass on this thread could destroy Qt objects that only
            # Python owns, off the UI thread (Qt forbids that); the load is short, so hold
            # collection off until it is done. This pause is the only one in the running
            # kiosk (load_content leaves the collector alone); it also makes the big loads,
            # which run here, about a third faster.
            with paused_collection():
                result = load_content(
                    root, previous=previous, i18n_dir=i18n_dir, settle_s=SETTLE_S, cache=cache
                )
            done.finished.emit(result)

        self._pool.start(work)

    def _finished(self, result: LoadResult) -> None:
        self._busy = False
        if result.catalog is not None:
            self.current = result.catalog
        self.last_reload = time.time()
        log.info(
            "content reloaded: %d error(s), %d warning(s)", len(result.errors), len(result.warnings)
        )
        self._rewatch()
        self.reloaded.emit(result)
        if result.unsettled:
            self._debounce.start()  # look again once the saves have settled
        if self._again:
            self._again = False
            self.reload_now()
