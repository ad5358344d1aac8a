"""Usage counts per day in SQLite, their table/CSV output and the Prometheus textfile."""

from __future__ import annotations

import datetime
import logging
import re
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.metrics import (
    MetricsSnapshot,
    escape_label_value,
    render,
    snapshot_from,
    write_textfile,
)
from kiosk.stats import Metric, StatRow, UsageStats, format_csv, format_table

DAY1 = datetime.date(2024, 3, 1)
DAY2 = datetime.date(2024, 3, 2)


class Clock:
    """A settable stand-in for date.today."""

    def __init__(self, day: datetime.date = DAY1) -> None:
        self.day = day

    def __call__(self) -> datetime.date:
        return self.day


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / "usage.sqlite3"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def stats(db: Path, clock: Clock) -> Iterator[UsageStats]:
    usage = UsageStats(db, today=clock)
    yield usage
    usage.close()


# -- counting ---------------------------------------------------------------------------------


def test_counts_per_day(stats: UsageStats, clock: Clock, db: Path) -> None:
    assert db.is_file()  # parent folders created
    assert stats.persistent
    stats.count(Metric.PAGE_VIEW, "baclofen")
    stats.count(Metric.PAGE_VIEW, "baclofen")
    stats.count(Metric.SESSION)
    clock.day = DAY2
    stats.count(Metric.PAGE_VIEW, "baclofen")
    stats.count(Metric.PAGE_VIEW, "tizanidine")
    stats.count(Metric.URGENT_RESULT, "withdrawal")
    stats.count(Metric.CHECKLIST_COMPLETED, "withdrawal")
    stats.count(Metric.CALL_CARD)
    stats.count(Metric.SESSION)

    assert stats.rows() == [
        StatRow("2024-03-01", "page_view", "baclofen", 2),
        StatRow("2024-03-01", "session", "", 1),
        StatRow("2024-03-02", "call_card_opened", "", 1),
        StatRow("2024-03-02", "checklist_completed", "withdrawal", 1),
        StatRow("2024-03-02", "page_view", "baclofen", 1),
        StatRow("2024-03-02", "page_view", "tizanidine", 1),
        StatRow("2024-03-02", "session", "", 1),
        StatRow("2024-03-02", "urgent_result", "withdrawal", 1),
    ]
    assert stats.totals() == {
        ("call_card_opened", ""): 1,
        ("checklist_completed", "withdrawal"): 1,
        ("page_view", "baclofen"): 3,
        ("page_view", "tizanidine"): 1,
        ("session", ""): 2,
        ("urgent_result", "withdrawal"): 1,
    }


def test_empty_database(stats: UsageStats) -> None:
    assert stats.rows() == []
    assert stats.totals() == {}


def test_a_datetime_from_the_clock_is_cut_to_its_day(db: Path) -> None:
    moment = datetime.datetime(2024, 3, 1, 23, 59, 58)
    with UsageStats(db, today=lambda: moment) as usage:
        usage.count(Metric.SESSION)
        assert usage.rows() == [StatRow("2024-03-01", "session", "", 1)]


@pytest.mark.parametrize(
    "key",
    [
        "Baclofen",
        "two words",
        "my name is Ann, born 1970",
        "ann@example.org",
        "baclofen\n",
        "-baclofen",
        "baclofen-",
        "a--b",
        "bacl_ofen",
        "",
        "a" * 81,
    ],
)
def test_free_text_keys_are_refused(stats: UsageStats, key: str) -> None:
    with pytest.raises(ValueError):
        stats.count(Metric.PAGE_VIEW, key)
    assert stats.rows() == []


def test_unkeyed_metrics_refuse_a_key(stats: UsageStats) -> None:
    with pytest.raises(ValueError):
        stats.count(Metric.SESSION, "baclofen")
    with pytest.raises(ValueError):
        stats.count("not-a-metric", "")  # type: ignore[arg-type]
    assert stats.rows() == []


def test_counts_survive_reopening(db: Path, clock: Clock) -> None:
    with UsageStats(db, today=clock) as first:
        first.count(Metric.PAGE_VIEW, "baclofen")
    with UsageStats(db, today=clock) as second:
        second.count(Metric.PAGE_VIEW, "baclofen")
        assert second.rows() == [StatRow("2024-03-01", "page_view", "baclofen", 2)]


def test_close_twice_and_use_after_close(stats: UsageStats) -> None:
    stats.close()
    stats.close()
    with pytest.raises(sqlite3.ProgrammingError):
        stats.count(Metric.SESSION)


# -- nothing finer than a day -----------------------------------------------------------------


def test_table_holds_only_day_metric_key_count(stats: UsageStats, db: Path) -> None:
    stats.count(Metric.PAGE_VIEW, "baclofen")
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        columns = [r[1] for r in conn.execute("PRAGMA table_info(usage)")]
        days = [r[0] for r in conn.execute("SELECT day FROM usage")]
    finally:
        conn.close()
    assert tables == ["usage"]
    assert columns == ["day", "metric", "key", "count"]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) for day in days)


# -- damaged or unusable files ----------------------------------------------------------------


@pytest.mark.allow_log_warnings
def test_corrupt_file_is_moved_aside(
    db: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    garbage = bytes(range(256)) * 16
    db.parent.mkdir(parents=True)
    db.write_bytes(garbage)

    with UsageStats(db, today=clock) as usage:
        assert usage.persistent
        usage.count(Metric.SESSION)
        assert usage.rows() == [StatRow("2024-03-01", "session", "", 1)]

    aside = db.with_name("usage.sqlite3.corrupt-1")
    assert aside.read_bytes() == garbage
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.name for r in warnings] == ["kiosk.stats"]
    assert "damaged" in warnings[0].getMessage()
    assert "usage.sqlite3.corrupt-1" in warnings[0].getMessage()

    # The fresh file is a sound database that keeps counting after a restart.
    with UsageStats(db, today=clock) as usage:
        usage.count(Metric.SESSION)
        assert usage.rows() == [StatRow("2024-03-01", "session", "", 2)]

    # A second damaged file gets the next free name.
    db.write_bytes(garbage)
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    UsageStats(db, today=clock).close()
    assert db.with_name("usage.sqlite3.corrupt-2").read_bytes() == garbage


@pytest.mark.allow_log_warnings
def test_unusable_path_counts_in_memory(
    tmp_path: Path, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")

    with UsageStats(blocker / "usage.sqlite3", today=clock) as usage:
        assert not usage.persistent
        usage.count(Metric.CALL_CARD)
        usage.count(Metric.CALL_CARD)
        assert usage.totals() == {("call_card_opened", ""): 2}

    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"
    assert any("in memory" in r.getMessage() for r in caplog.records)


# -- output -----------------------------------------------------------------------------------

ROWS = [
    StatRow("2024-03-01", "call_card_opened", "", 3),
    StatRow("2024-03-01", "page_view", "baclofen", 12),
    StatRow("2024-03-02", "urgent_result", "withdrawal", 1),
]


def test_format_table() -> None:
    assert format_table(ROWS) == (
        "day         metric            key         count\n"
        "2024-03-01  call_card_opened  -               3\n"
        "2024-03-01  page_view         baclofen       12\n"
        "2024-03-02  urgent_result     withdrawal      1"
    )


def test_format_table_empty() -> None:
    assert format_table([]) == "No usage recorded yet."


def test_format_csv() -> None:
    assert format_csv(ROWS) == (
        "day,metric,key,count\n"
        "2024-03-01,call_card_opened,,3\n"
        "2024-03-01,page_view,baclofen,12\n"
        "2024-03-02,urgent_result,withdrawal,1\n"
    )
    assert format_csv([]) == "day,metric,key,count\n"


# -- Prometheus textfile ----------------------------------------------------------------------

_SAMPLE = re.compile(r"([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)")
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(?:,|$)')

Parsed = dict[str, dict[str, object]]


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\\"n])", lambda m: "\n" if m[1] == "n" else m[1], value)


def parse_exposition(text: str) -> Parsed:
    """A small text-format parser: family -> help, type and samples (labels, value)."""
    assert text.endswith("\n")
    families: Parsed = {}
    for line in text[:-1].split("\n"):
        if line.startswith("# HELP "):
            name, help_text = line[7:].split(" ", 1)
            assert name not in families, f"second HELP for {name}"
            families[name] = {"help": help_text, "samples": []}
        elif line.startswith("# TYPE "):
            name, kind = line[7:].split(" ")
            assert "type" not in families[name], f"second TYPE for {name}"
            assert kind in {"counter", "gauge"}
            families[name]["type"] = kind
        else:
            match = _SAMPLE.fullmatch(line)
            assert match, f"not a sample line: {line!r}"
            name, labels_text, value = match.groups()
            family = families[name]
            assert "type" in family, f"sample before TYPE: {line!r}"
            labels: dict[str, str] = {}
            rest = labels_text or ""
            while rest:
                label = _LABEL.match(rest)
                assert label, f"bad labels: {labels_text!r}"
                labels[label[1]] = _unescape(label[2])
                rest = rest[label.end() :]
            samples = family["samples"]
            assert isinstance(samples, list)
            samples.append((labels, float(value)))
    return families


SNAPSHOT = MetricsSnapshot(
    up=True,
    content_problems=2,
    sessions_total=40,
    page_views={"tizanidine": 3, "baclofen": 12},
    last_reload_timestamp=1709300000.5,
    urgent_results_total=1,
    call_cards_total=7,
)


def test_render_parses_back() -> None:
    families = parse_exposition(render(SNAPSHOT))
    expected_types = {
        "kiosk_up": "gauge",
        "kiosk_content_problems": "gauge",
        "kiosk_sessions_total": "counter",
        "kiosk_page_views_total": "counter",
        "kiosk_urgent_results_total": "counter",
        "kiosk_call_cards_total": "counter",
        "kiosk_safe_mode": "gauge",
        "kiosk_recent_starts": "gauge",
        "kiosk_last_reload_timestamp_seconds": "gauge",
    }
    assert {name: f["type"] for name, f in families.items()} == expected_types
    assert all(f["help"] for f in families.values())
    values = {name: f["samples"] for name, f in families.items()}
    assert values == {
        "kiosk_up": [({}, 1.0)],
        "kiosk_content_problems": [({}, 2.0)],
        "kiosk_sessions_total": [({}, 40.0)],
        "kiosk_page_views_total": [({"page": "baclofen"}, 12.0), ({"page": "tizanidine"}, 3.0)],
        "kiosk_urgent_results_total": [({}, 1.0)],
        "kiosk_call_cards_total": [({}, 7.0)],
        "kiosk_safe_mode": [({}, 0.0)],
        "kiosk_recent_starts": [({}, 0.0)],
        "kiosk_last_reload_timestamp_seconds": [({}, 1709300000.5)],
    }


def test_render_down_and_no_pages() -> None:
    snapshot = MetricsSnapshot(
        up=False,
        content_problems=0,
        sessions_total=0,
        page_views={},
        last_reload_timestamp=0.0,
        urgent_results_total=0,
        call_cards_total=0,
    )
    text = render(snapshot)
    assert "kiosk_up 0\n" in text
    assert "kiosk_last_reload_timestamp_seconds 0\n" in text
    assert parse_exposition(text)["kiosk_page_views_total"]["samples"] == []


def test_escape_label_value() -> None:
    assert escape_label_value('a"b\\c') == 'a\\"b\\\\c'
    assert escape_label_value("line\nbreak") == "line\\nbreak"
    assert escape_label_value("baclofen") == "baclofen"
    odd = MetricsSnapshot(True, 0, 0, {'a"b\\c\nd': 1}, 0.0, 0, 0)
    samples = parse_exposition(render(odd))["kiosk_page_views_total"]["samples"]
    assert samples == [({"page": 'a"b\\c\nd'}, 1.0)]


def test_write_textfile_is_atomic(tmp_path: Path) -> None:
    directory = tmp_path / "textfile" / "collector"
    path = write_textfile(directory, SNAPSHOT)
    assert path == directory / "kiosk.prom"
    assert path.read_text(encoding="utf-8") == render(SNAPSHOT)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in directory.iterdir()] == ["kiosk.prom"]

    newer = MetricsSnapshot(False, 1, 41, {"baclofen": 13}, 1709400000.0, 1, 8)
    assert write_textfile(directory, newer) == path
    assert path.read_text(encoding="utf-8") == render(newer)
    assert [p.name for p in directory.iterdir()] == ["kiosk.prom"]


@pytest.mark.parametrize("name", ["kiosk.txt", "../kiosk.prom", "sub/kiosk.prom"])
def test_write_textfile_refuses_odd_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        write_textfile(tmp_path, SNAPSHOT, name=name)
    assert list(tmp_path.iterdir()) == []


def test_snapshot_from_stats(stats: UsageStats, clock: Clock) -> None:
    stats.count(Metric.SESSION)
    stats.count(Metric.PAGE_VIEW, "baclofen")
    stats.count(Metric.URGENT_RESULT, "withdrawal")
    clock.day = DAY2
    stats.count(Metric.SESSION)
    stats.count(Metric.PAGE_VIEW, "baclofen")
    stats.count(Metric.PAGE_VIEW, "tizanidine")
    stats.count(Metric.URGENT_RESULT, "other-list")
    stats.count(Metric.CALL_CARD)
    stats.count(Metric.CHECKLIST_COMPLETED, "withdrawal")

    snapshot = snapshot_from(stats, up=True, content_problems=3, last_reload_timestamp=12.5)
    assert snapshot.up
    assert snapshot.content_problems == 3
    assert snapshot.sessions_total == 2
    assert dict(snapshot.page_views) == {"baclofen": 2, "tizanidine": 1}
    assert snapshot.urgent_results_total == 2
    assert snapshot.call_cards_total == 1
    assert snapshot.last_reload_timestamp == 12.5
