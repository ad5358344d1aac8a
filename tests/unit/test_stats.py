"""kiosk.stats: anonymous daily totals in SQLite (in tmp_path), the key rule and the outputs."""

from __future__ import annotations

import csv
import datetime
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import stats as stats_module
from kiosk.stats import (
    KEY_MAX_LENGTH,
    Metric,
    StatRow,
    UsageStats,
    check_key,
    format_csv,
    format_table,
)

MONDAY = datetime.date(2024, 3, 4)
TUESDAY = datetime.date(2024, 3, 5)


class Today:
    """A settable stand-in for date.today (it may also return a datetime)."""

    def __init__(self, value: datetime.date = MONDAY) -> None:
        self.value = value

    def __call__(self) -> datetime.date:
        return self.value


@pytest.fixture
def today() -> Today:
    return Today()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "usage.sqlite3"


@pytest.fixture
def usage(db: Path, today: Today) -> Iterator[UsageStats]:
    with UsageStats(db, today=today) as opened:
        yield opened


# -- what may be counted --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metric", "keyed"),
    [
        (Metric.PAGE_VIEW, True),
        (Metric.CHECKLIST_COMPLETED, True),
        (Metric.URGENT_RESULT, True),
        (Metric.CALL_CARD, False),
        (Metric.SESSION, False),
    ],
)
def test_which_metrics_are_kept_per_content_id(metric: Metric, keyed: bool) -> None:
    assert metric.keyed is keyed


def test_the_stored_metric_names_are_stable() -> None:
    # Renaming one would split old and new counts in the file and in the textfile.
    assert [m.value for m in Metric] == [
        "page_view",
        "checklist_completed",
        "urgent_result",
        "call_card_opened",
        "session",
    ]


@pytest.mark.parametrize("metric", [m for m in Metric if m.keyed])
@pytest.mark.parametrize("key", ["baclofen", "opioid-withdrawal", "a1", "x" * KEY_MAX_LENGTH])
def test_a_content_id_is_a_key(metric: Metric, key: str) -> None:
    check_key(metric, key)  # no error


@pytest.mark.parametrize("metric", [m for m in Metric if m.keyed])
@pytest.mark.parametrize(
    "key", ["", "x" * (KEY_MAX_LENGTH + 1), "Maria", "call me 555-0100", "über", "a b"]
)
def test_anything_else_is_refused_as_a_key(metric: Metric, key: str) -> None:
    with pytest.raises(ValueError, match="needs a content id"):
        check_key(metric, key)


@pytest.mark.parametrize("metric", [m for m in Metric if not m.keyed])
def test_unkeyed_metrics_take_no_key(metric: Metric) -> None:
    check_key(metric, "")
    with pytest.raises(ValueError, match="takes no key"):
        check_key(metric, "baclofen")


def test_a_metric_may_be_given_by_its_stored_name(usage: UsageStats) -> None:
    usage.count("call_card_opened")  # type: ignore[arg-type]
    assert usage.totals() == {("call_card_opened", ""): 1}


def test_a_refused_count_changes_nothing_and_counting_goes_on(usage: UsageStats) -> None:
    usage.count(Metric.PAGE_VIEW, "baclofen")
    with pytest.raises(ValueError):
        usage.count(Metric.URGENT_RESULT, "Ann Smith")
    usage.count(Metric.PAGE_VIEW, "baclofen")
    assert usage.rows() == [StatRow("2024-03-04", "page_view", "baclofen", 2)]


# -- daily totals ---------------------------------------------------------------------------


def test_a_new_database_is_created_with_its_folders(tmp_path: Path, today: Today) -> None:
    path = tmp_path / "a" / "b" / "usage.sqlite3"
    with UsageStats(path, today=today) as usage:
        assert usage.persistent
        assert usage.path == path
        assert usage.rows() == []
    assert path.is_file()


def test_counts_roll_over_at_midnight(db: Path) -> None:
    moments = iter(
        [
            datetime.datetime(2024, 3, 4, 23, 59, 59),
            datetime.datetime(2024, 3, 5, 0, 0, 0),
            datetime.datetime(2024, 3, 5, 0, 0, 1),
        ]
    )
    with UsageStats(db, today=lambda: next(moments)) as usage:
        for _ in range(3):
            usage.count(Metric.SESSION)
        assert usage.rows() == [
            StatRow("2024-03-04", "session", "", 1),
            StatRow("2024-03-05", "session", "", 2),
        ]


def test_the_day_is_read_at_each_count_not_at_opening(usage: UsageStats, today: Today) -> None:
    usage.count(Metric.CALL_CARD)
    today.value = TUESDAY
    usage.count(Metric.CALL_CARD)
    assert [row.day for row in usage.rows()] == ["2024-03-04", "2024-03-05"]


def test_a_clock_set_back_adds_to_the_earlier_day(usage: UsageStats, today: Today) -> None:
    today.value = TUESDAY
    usage.count(Metric.PAGE_VIEW, "baclofen")
    today.value = MONDAY  # the clock was corrected
    usage.count(Metric.PAGE_VIEW, "baclofen")
    usage.count(Metric.PAGE_VIEW, "baclofen")
    assert usage.rows() == [
        StatRow("2024-03-04", "page_view", "baclofen", 2),
        StatRow("2024-03-05", "page_view", "baclofen", 1),
    ]


def test_totals_add_up_every_day_per_metric_and_key(usage: UsageStats, today: Today) -> None:
    for day, pages in ((MONDAY, ["baclofen", "baclofen", "tizanidine"]), (TUESDAY, ["baclofen"])):
        today.value = day
        for page in pages:
            usage.count(Metric.PAGE_VIEW, page)
        usage.count(Metric.SESSION)
    usage.count(Metric.CHECKLIST_COMPLETED, "baclofen")  # same key, another metric
    assert usage.totals() == {
        ("page_view", "baclofen"): 3,
        ("page_view", "tizanidine"): 1,
        ("session", ""): 2,
        ("checklist_completed", "baclofen"): 1,
    }
    assert sum(row.count for row in usage.rows()) == sum(usage.totals().values())


def test_rows_are_ordered_by_day_metric_and_key(usage: UsageStats, today: Today) -> None:
    today.value = TUESDAY
    usage.count(Metric.SESSION)
    usage.count(Metric.PAGE_VIEW, "zopiclone")
    usage.count(Metric.PAGE_VIEW, "baclofen")
    today.value = MONDAY
    usage.count(Metric.URGENT_RESULT, "withdrawal")
    keys = [(row.day, row.metric, row.key) for row in usage.rows()]
    assert keys == sorted(keys)
    assert keys[0] == ("2024-03-04", "urgent_result", "withdrawal")


def test_two_users_of_one_file_share_the_totals(db: Path, today: Today) -> None:
    with UsageStats(db, today=today) as kiosk, UsageStats(db, today=today) as reader:
        kiosk.count(Metric.SESSION)
        reader.count(Metric.SESSION)
        kiosk.count(Metric.SESSION)
        assert reader.totals() == {("session", ""): 3}
        assert kiosk.rows() == reader.rows()


def test_the_file_holds_days_not_moments(db: Path) -> None:
    moment = datetime.datetime(2024, 3, 4, 14, 37, 12, 345678)
    with UsageStats(db, today=lambda: moment) as usage:
        usage.count(Metric.PAGE_VIEW, "baclofen")
    raw = db.read_bytes() + b"".join(
        p.read_bytes() for p in db.parent.glob(db.name + "-*") if p.is_file()
    )
    assert b"2024-03-04" in raw
    for finer in (b"14:37", b"T14", b"345678"):
        assert finer not in raw


@pytest.mark.allow_log_warnings
def test_a_busy_database_drops_the_count_instead_of_failing(
    db: Path, today: Today, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(stats_module, "TIMEOUT_SECONDS", 0.02)
    with UsageStats(db, today=today) as usage:
        usage.count(Metric.SESSION)
        other = sqlite3.connect(db, isolation_level=None)
        try:
            other.execute("BEGIN EXCLUSIVE")
            usage.count(Metric.SESSION)  # no exception reaches the visitor's screen
            other.execute("ROLLBACK")
        finally:
            other.close()
        usage.count(Metric.SESSION)
        assert usage.persistent
        assert usage.rows() == [StatRow("2024-03-04", "session", "", 2)]
    assert any("not available" in r.getMessage() for r in caplog.records)


# -- output ---------------------------------------------------------------------------------


def test_the_table_right_aligns_wide_counts_and_marks_empty_keys() -> None:
    rows = [
        StatRow("2024-03-04", "session", "", 1234567),
        StatRow("2024-03-04", "page_view", "baclofen", 8),
    ]
    lines = format_table(rows).split("\n")
    assert lines == [
        "day         metric     key         count",
        "2024-03-04  session    -         1234567",
        "2024-03-04  page_view  baclofen        8",
    ]
    assert len({len(line) for line in lines}) == 1


def test_the_table_of_what_was_counted(usage: UsageStats, today: Today) -> None:
    usage.count(Metric.CALL_CARD)
    today.value = TUESDAY
    usage.count(Metric.URGENT_RESULT, "withdrawal")
    assert format_table(usage.rows()).splitlines()[1:] == [
        "2024-03-04  call_card_opened  -               1",
        "2024-03-05  urgent_result     withdrawal      1",
    ]


def test_the_csv_reads_back_as_the_rows(usage: UsageStats, today: Today) -> None:
    usage.count(Metric.SESSION)
    usage.count(Metric.PAGE_VIEW, "baclofen")
    today.value = TUESDAY
    usage.count(Metric.PAGE_VIEW, "baclofen")
    rows = usage.rows()
    text = format_csv(rows)
    assert text.endswith("\n") and "\r" not in text
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert [StatRow(r["day"], r["metric"], r["key"], int(r["count"])) for r in parsed] == rows


def test_outputs_accept_any_iterable() -> None:
    rows = (row for row in [StatRow("2024-03-04", "session", "", 2)])
    assert format_csv(rows) == "day,metric,key,count\n2024-03-04,session,,2\n"
    assert format_table(iter([])) == "No usage recorded yet."
