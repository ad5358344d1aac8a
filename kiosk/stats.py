"""Anonymous usage counts per day (page views, checklists, calls) kept in a small SQLite file."""

from __future__ import annotations

import csv
import datetime
import enum
import io
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TypeVar

log = logging.getLogger("kiosk.stats")

#: Keys are content ids (the same slug rule as the content model), so visitor text never fits.
KEY_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
KEY_MAX_LENGTH = 80

#: Seconds to wait for a lock held by another process (e.g. `kiosk stats` reading).
TIMEOUT_SECONDS = 2.0

#: SQLite result codes that mean the file itself is damaged, not merely busy or unwritable.
_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})

#: Files SQLite keeps beside the database; moved aside together with it.
_SIDECARS = ("-wal", "-shm", "-journal")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS usage (
    day TEXT NOT NULL,
    metric TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, metric, key)
) WITHOUT ROWID
"""

_UPSERT = """
INSERT INTO usage (day, metric, key, count) VALUES (?, ?, ?, 1)
ON CONFLICT (day, metric, key) DO UPDATE SET count = count + 1
"""

_T = TypeVar("_T")


class Metric(enum.StrEnum):
    """What is counted; the first three take a content id as key, the others none."""

    PAGE_VIEW = "page_view"
    CHECKLIST_COMPLETED = "checklist_completed"
    URGENT_RESULT = "urgent_result"
    CALL_CARD = "call_card_opened"
    SESSION = "session"

    @property
    def keyed(self) -> bool:
        """True when counts of this metric are kept per content id."""
        return self in (Metric.PAGE_VIEW, Metric.CHECKLIST_COMPLETED, Metric.URGENT_RESULT)


@dataclass(frozen=True)
class StatRow:
    """One day's count of one metric for one key ('' when the metric has none)."""

    day: str
    metric: str
    key: str
    count: int


def check_key(metric: Metric, key: str) -> None:
    """Raise ValueError unless ``key`` is a content id (keyed metrics) or empty (the others)."""
    if not metric.keyed:
        if key:
            raise ValueError(f"metric {metric.value!r} takes no key, got {key!r}")
        return
    if len(key) > KEY_MAX_LENGTH or not KEY_PATTERN.fullmatch(key):
        raise ValueError(f"metric {metric.value!r} needs a content id as key, got {key!r}")


def _day_of(value: datetime.date) -> str:
    """The ISO day of a date; a datetime is cut down to its day."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.isoformat()


def _is_corrupt(exc: sqlite3.Error) -> bool:
    """True when an error says the database file is damaged."""
    return getattr(exc, "sqlite_errorcode", None) in _CORRUPT_CODES


def _set_aside_name(path: Path) -> Path:
    """The first free ``<name>.corrupt-<n>`` beside ``path``."""
    n = 1
    while path.with_name(f"{path.name}.corrupt-{n}").exists():
        n += 1
    return path.with_name(f"{path.name}.corrupt-{n}")


def _set_aside(path: Path) -> Path:
    """Rename a damaged database (and its journal files) out of the way; returns the new name."""
    target = _set_aside_name(path)
    path.replace(target)
    for suffix in _SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.replace(target.with_name(target.name + suffix))
    return target


def _connect(target: str) -> sqlite3.Connection:
    """Open a database, check it is sound and make sure the table exists."""
    conn = sqlite3.connect(target, timeout=TIMEOUT_SECONDS, isolation_level=None)
    try:
        check = conn.execute("PRAGMA quick_check").fetchall()
        if check != [("ok",)]:
            raise sqlite3.DatabaseError("database disk image is malformed")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(_SCHEMA)
    except BaseException:
        conn.close()
        raise
    return conn


class UsageStats:
    """Per-day counters in SQLite; never stores anything finer than a day or about a visitor.

    Storage trouble never reaches the caller of :meth:`count`: a damaged file is moved
    aside and replaced, and when no file can be used at all, counting goes on in memory.
    """

    def __init__(
        self,
        path: Path,
        today: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        self.path = path
        self._today = today
        self._conn = self._open()

    # -- opening ------------------------------------------------------------------------

    @property
    def persistent(self) -> bool:
        """False when counts are only kept in memory because the file could not be used."""
        return self._persistent

    def _open(self) -> sqlite3.Connection:
        """Open the file, replacing it if damaged; fall back to memory if all else fails."""
        self._persistent = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                conn = _connect(str(self.path))
            except sqlite3.Error as exc:
                if not _is_corrupt(exc):
                    raise
                moved = _set_aside(self.path)
                log.warning(
                    "usage stats file %s is damaged (%s); moved it to %s and started afresh",
                    self.path,
                    exc,
                    moved.name,
                )
                conn = _connect(str(self.path))
        except (OSError, sqlite3.Error) as exc:
            log.warning(
                "cannot use usage stats file %s (%s); counting in memory only", self.path, exc
            )
            return _connect(":memory:")
        self._persistent = True
        return conn

    def _recover(self, exc: sqlite3.Error) -> None:
        """Replace a connection whose file turned out damaged while in use."""
        log.warning("usage stats file %s failed while in use (%s)", self.path, exc)
        self._conn.close()
        if self._persistent and self.path.exists():
            moved = _set_aside(self.path)
            log.warning("moved damaged usage stats file to %s", moved.name)
        self._conn = self._open()

    def _run(self, action: Callable[[sqlite3.Connection], _T], fallback: _T) -> _T:
        """Run ``action``; on a damaged file recover and retry once; never raise storage errors."""
        try:
            return action(self._conn)
        except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise  # a bug such as use after close(), not a storage problem
        except sqlite3.Error as exc:
            if not _is_corrupt(exc):
                log.warning("usage stats not available (%s)", exc)
                return fallback
            try:
                self._recover(exc)
                return action(self._conn)
            except (OSError, sqlite3.Error) as again:
                log.warning("usage stats not available (%s)", again)
                return fallback

    # -- counting -----------------------------------------------------------------------

    def count(self, metric: Metric, key: str = "") -> None:
        """Add one to today's counter; ValueError when ``key`` is not a content id."""
        metric = Metric(metric)
        check_key(metric, key)
        day = _day_of(self._today())

        def bump(conn: sqlite3.Connection) -> None:
            conn.execute(_UPSERT, (day, metric.value, key))

        self._run(bump, None)

    def rows(self) -> list[StatRow]:
        """Every counter, ordered by day, metric and key."""

        def query(conn: sqlite3.Connection) -> list[StatRow]:
            cursor = conn.execute(
                "SELECT day, metric, key, count FROM usage ORDER BY day, metric, key"
            )
            return [StatRow(str(d), str(m), str(k), int(c)) for d, m, k, c in cursor]

        return self._run(query, [])

    def totals(self) -> dict[tuple[str, str], int]:
        """Counts summed over all days, per (metric, key)."""

        def query(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
            cursor = conn.execute("SELECT metric, key, SUM(count) FROM usage GROUP BY metric, key")
            return {(str(m), str(k)): int(n) for m, k, n in cursor}

        return self._run(query, {})

    def close(self) -> None:
        """Close the database; safe to call twice."""
        self._conn.close()

    def __enter__(self) -> UsageStats:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


# -- output ---------------------------------------------------------------------------------

_HEADER = ("day", "metric", "key", "count")


def format_table(rows: Iterable[StatRow]) -> str:
    """An aligned table for people (no trailing newline); an empty key shows as '-'."""
    cells = [(r.day, r.metric, r.key or "-", str(r.count)) for r in rows]
    if not cells:
        return "No usage recorded yet."
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(_HEADER)]
    lines = []
    for day, metric, key, count in [_HEADER, *cells]:
        left = f"{day:<{widths[0]}}  {metric:<{widths[1]}}  {key:<{widths[2]}}"
        lines.append(f"{left}  {count:>{widths[3]}}")
    return "\n".join(lines)


def format_csv(rows: Iterable[StatRow]) -> str:
    """CSV with a header line, one line per row, each ending in a newline."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_HEADER)
    writer.writerows((r.day, r.metric, r.key, r.count) for r in rows)
    return out.getvalue()
