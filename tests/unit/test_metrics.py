"""kiosk.metrics: the snapshot, the Prometheus text format and the atomic textfile write."""

from __future__ import annotations

import datetime
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.metrics import (
    DEFAULT_NAME,
    MetricsSnapshot,
    format_value,
    render,
    snapshot_from,
    write_textfile,
)
from kiosk.stats import Metric, UsageStats

SNAPSHOT = MetricsSnapshot(
    up=True,
    content_problems=0,
    sessions_total=3,
    page_views={"tizanidine": 1, "baclofen": 2, "acamprosate": 5},
    last_reload_timestamp=1709557200.25,
    urgent_results_total=1,
    call_cards_total=4,
    safe_mode=False,
    recent_starts=1,
)

FAMILIES = [
    "kiosk_up",
    "kiosk_content_problems",
    "kiosk_sessions_total",
    "kiosk_page_views_total",
    "kiosk_urgent_results_total",
    "kiosk_call_cards_total",
    "kiosk_safe_mode",
    "kiosk_recent_starts",
    "kiosk_last_reload_timestamp_seconds",
]


def samples(text: str) -> dict[str, str]:
    """Each sample line's name (with labels) mapped to its value."""
    found = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            found[name] = value
    return found


# -- sample values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (7, "7"),
        (-3, "-3"),
        (2.0, "2"),
        (0.25, "0.25"),
        (1709557200.25, "1709557200.25"),
        (1e-7, "1e-07"),
        (2**53, "9007199254740992.0"),  # too big to be sure it is a whole number
        (float("nan"), "NaN"),
        (float("inf"), "+Inf"),
        (float("-inf"), "-Inf"),
    ],
)
def test_format_value(value: float, text: str) -> None:
    assert format_value(value) == text
    assert float(text) == value or text == "NaN"


# -- the text format ------------------------------------------------------------------------


def test_every_family_has_help_then_type_then_its_samples() -> None:
    lines = render(SNAPSHOT).splitlines()
    helps = [line.split(" ")[2] for line in lines if line.startswith("# HELP ")]
    assert helps == FAMILIES
    for name in FAMILIES:
        at = lines.index(next(line for line in lines if line.startswith(f"# HELP {name} ")))
        assert lines[at + 1].startswith(f"# TYPE {name} ")
        following = lines[at + 2 : at + 3]
        if name != "kiosk_page_views_total":
            assert following and following[0].split(" ")[0] == name


def test_counters_end_in_total_and_gauges_do_not() -> None:
    for line in render(SNAPSHOT).splitlines():
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            assert kind in {"counter", "gauge"}
            assert name.endswith("_total") == (kind == "counter"), name


def test_the_text_ends_with_one_newline_and_has_no_blank_lines() -> None:
    text = render(SNAPSHOT)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line and line == line.strip() for line in text.split("\n")[:-1])


def test_the_values_of_a_snapshot() -> None:
    assert samples(render(SNAPSHOT)) == {
        "kiosk_up": "1",
        "kiosk_content_problems": "0",
        "kiosk_sessions_total": "3",
        'kiosk_page_views_total{page="acamprosate"}': "5",
        'kiosk_page_views_total{page="baclofen"}': "2",
        'kiosk_page_views_total{page="tizanidine"}': "1",
        "kiosk_urgent_results_total": "1",
        "kiosk_call_cards_total": "4",
        "kiosk_safe_mode": "0",
        "kiosk_recent_starts": "1",
        "kiosk_last_reload_timestamp_seconds": "1709557200.25",
    }


def test_page_views_are_sorted_by_page() -> None:
    pages = re.findall(r'page="([^"]+)"', render(SNAPSHOT))
    assert pages == ["acamprosate", "baclofen", "tizanidine"]


def test_safe_mode_and_a_crash_loop_show() -> None:
    snapshot = MetricsSnapshot(
        up=False,
        content_problems=0,
        sessions_total=0,
        page_views={},
        last_reload_timestamp=0,
        urgent_results_total=0,
        call_cards_total=0,
        safe_mode=True,
        recent_starts=6,
    )
    values = samples(render(snapshot))
    assert values["kiosk_up"] == "0"
    assert values["kiosk_safe_mode"] == "1"
    assert values["kiosk_recent_starts"] == "6"
    assert not any(name.startswith("kiosk_page_views_total") for name in values)


def test_a_snapshot_is_frozen() -> None:
    with pytest.raises(AttributeError):
        SNAPSHOT.up = False  # type: ignore[misc]


# -- snapshot from the usage counts ---------------------------------------------------------


class Today:
    """A settable stand-in for date.today."""

    def __init__(self) -> None:
        self.value = datetime.date(2024, 3, 4)

    def __call__(self) -> datetime.date:
        return self.value


@pytest.fixture
def today() -> Today:
    return Today()


@pytest.fixture
def usage(tmp_path: Path, today: Today) -> Iterator[UsageStats]:
    with UsageStats(tmp_path / "usage.sqlite3", today=today) as stats:
        yield stats


def test_an_empty_database_gives_zeros(usage: UsageStats) -> None:
    snapshot = snapshot_from(usage, up=True, content_problems=2, last_reload_timestamp=99.5)
    assert snapshot == MetricsSnapshot(
        up=True,
        content_problems=2,
        sessions_total=0,
        page_views={},
        last_reload_timestamp=99.5,
        urgent_results_total=0,
        call_cards_total=0,
        safe_mode=False,
        recent_starts=0,
    )


def test_totals_cover_every_day_and_every_key(usage: UsageStats, today: Today) -> None:
    for day in (4, 4, 5):  # two on the first day, one on the second
        today.value = datetime.date(2024, 3, day)
        usage.count(Metric.SESSION)
        usage.count(Metric.URGENT_RESULT, "withdrawal")
    usage.count(Metric.URGENT_RESULT, "opioids")
    assert len(usage.rows()) == 5  # per day: session and withdrawal twice, opioids once
    usage.count(Metric.PAGE_VIEW, "tizanidine")
    usage.count(Metric.PAGE_VIEW, "baclofen")
    usage.count(Metric.PAGE_VIEW, "baclofen")
    usage.count(Metric.CHECKLIST_COMPLETED, "withdrawal")  # in no figure of the textfile
    snapshot = snapshot_from(
        usage, up=True, content_problems=0, last_reload_timestamp=0, recent_starts=2
    )
    assert snapshot.sessions_total == 3
    assert snapshot.urgent_results_total == 4
    assert snapshot.call_cards_total == 0
    assert list(snapshot.page_views.items()) == [("baclofen", 2), ("tizanidine", 1)]
    assert snapshot.recent_starts == 2
    assert snapshot.safe_mode is False


def test_the_snapshot_s_page_views_cannot_be_changed(usage: UsageStats) -> None:
    usage.count(Metric.PAGE_VIEW, "baclofen")
    snapshot = snapshot_from(usage, up=True, content_problems=0, last_reload_timestamp=0)
    with pytest.raises(TypeError):
        snapshot.page_views["baclofen"] = 100  # type: ignore[index]


# -- the atomic textfile --------------------------------------------------------------------


def test_the_file_is_written_whole_under_its_name(tmp_path: Path) -> None:
    path = write_textfile(tmp_path / "collector", SNAPSHOT)
    assert path == tmp_path / "collector" / DEFAULT_NAME == tmp_path / "collector" / "kiosk.prom"
    assert path.read_bytes() == render(SNAPSHOT).encode("utf-8")


def test_another_name_may_be_chosen(tmp_path: Path) -> None:
    path = write_textfile(tmp_path, SNAPSHOT, name="kiosk-lobby.prom")
    assert path.name == "kiosk-lobby.prom"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk-lobby.prom"]


@pytest.mark.parametrize("name", ["", "kiosk", "kiosk.prom.tmp", "kiosk.prom/", "/tmp/x.prom"])
def test_names_that_are_not_a_plain_prom_file_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match=r"\.prom"):
        write_textfile(tmp_path / "out", SNAPSHOT, name=name)
    assert not (tmp_path / "out").exists()


def test_the_file_is_world_readable_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        path = write_textfile(tmp_path, SNAPSHOT)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644  # node_exporter runs as another user


def test_the_half_written_file_is_never_a_prom_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renames: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spying_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        renames.append((Path(source), Path(target)))
        assert Path(source).read_text(encoding="utf-8") == render(SNAPSHOT)  # complete first
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spying_replace)
    path = write_textfile(tmp_path, SNAPSHOT)
    [(temporary, target)] = renames
    assert target == path
    assert temporary.parent == tmp_path  # same folder, so the rename is atomic
    assert not temporary.name.endswith(".prom")  # the collector skips it
    assert not temporary.exists()


def test_a_rewrite_replaces_the_old_figures(tmp_path: Path) -> None:
    write_textfile(tmp_path, SNAPSHOT)
    newer = MetricsSnapshot(False, 4, 10, {"baclofen": 9}, 1709560000.0, 2, 5)
    path = write_textfile(tmp_path, newer)
    assert path.read_text(encoding="utf-8") == render(newer)
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.prom"]


def test_a_failed_write_leaves_the_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_textfile(tmp_path, SNAPSHOT)

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    newer = MetricsSnapshot(False, 1, 1, {}, 0.0, 0, 0)
    with pytest.raises(OSError, match="No space"):
        write_textfile(tmp_path, newer)
    assert path.read_text(encoding="utf-8") == render(SNAPSHOT)
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.prom"]
