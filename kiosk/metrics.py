"""Kiosk health and usage totals as a Prometheus textfile for node_exporter's textfile collector."""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from kiosk.stats import Metric, UsageStats

DEFAULT_NAME = "kiosk.prom"
FILE_MODE = 0o644


@dataclass(frozen=True)
class MetricsSnapshot:
    """Everything one textfile reports; usage figures are totals since counting began."""

    up: bool
    content_problems: int
    sessions_total: int
    page_views: Mapping[str, int]
    last_reload_timestamp: float
    urgent_results_total: int
    call_cards_total: int
    safe_mode: bool = False
    recent_starts: int = 0


def escape_label_value(value: str) -> str:
    """Escape a label value for the text format: backslash, double quote and newline."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def format_value(value: float) -> str:
    """A sample value as the text format spells it (integers without a fraction)."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))


def _family(name: str, kind: str, help_text: str, samples: list[str]) -> list[str]:
    """HELP and TYPE lines followed by the samples of one metric family."""
    return [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}", *samples]


def render(snapshot: MetricsSnapshot) -> str:
    """The snapshot in the Prometheus text exposition format, ending with a newline."""
    page_samples = [
        f'kiosk_page_views_total{{page="{escape_label_value(page)}"}} {format_value(n)}'
        for page, n in sorted(snapshot.page_views.items())
    ]
    lines = [
        *_family(
            "kiosk_up",
            "gauge",
            "1 while the kiosk is running and showing content, else 0.",
            [f"kiosk_up {1 if snapshot.up else 0}"],
        ),
        *_family(
            "kiosk_content_problems",
            "gauge",
            "Errors and warnings found in the content folder at the last load.",
            [f"kiosk_content_problems {format_value(snapshot.content_problems)}"],
        ),
        *_family(
            "kiosk_sessions_total",
            "counter",
            "Visitor sessions started.",
            [f"kiosk_sessions_total {format_value(snapshot.sessions_total)}"],
        ),
        *_family(
            "kiosk_page_views_total",
            "counter",
            "Medication page views by page id.",
            page_samples,
        ),
        *_family(
            "kiosk_urgent_results_total",
            "counter",
            "Checklist results that told the visitor to get help now.",
            [f"kiosk_urgent_results_total {format_value(snapshot.urgent_results_total)}"],
        ),
        *_family(
            "kiosk_call_cards_total",
            "counter",
            "Times the call-a-coordinator card was opened.",
            [f"kiosk_call_cards_total {format_value(snapshot.call_cards_total)}"],
        ),
        *_family(
            "kiosk_safe_mode",
            "gauge",
            "1 while a crash loop keeps the kiosk on its safe screen (call panel only).",
            [f"kiosk_safe_mode {1 if snapshot.safe_mode else 0}"],
        ),
        *_family(
            "kiosk_recent_starts",
            "gauge",
            "Starts of the kiosk since it last ran quietly (a crash loop shows here first).",
            [f"kiosk_recent_starts {format_value(snapshot.recent_starts)}"],
        ),
        *_family(
            "kiosk_last_reload_timestamp_seconds",
            "gauge",
            "Unix time of the last content load.",
            ["kiosk_last_reload_timestamp_seconds " + format_value(snapshot.last_reload_timestamp)],
        ),
    ]
    return "\n".join(lines) + "\n"


def _fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable where the platform allows it."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | flag)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_textfile(directory: Path, snapshot: MetricsSnapshot, name: str = DEFAULT_NAME) -> Path:
    """Atomically replace ``directory/name`` with the rendered snapshot; returns its path.

    The temporary file does not end in ``.prom``, so the collector never reads a half file.
    """
    if Path(name).name != name or not name.endswith(".prom"):
        raise ValueError(f"textfile name must be a plain file name ending in .prom: {name!r}")
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    data = render(snapshot).encode("utf-8")
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(FILE_MODE)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_directory(directory)
    return target


def snapshot_from(
    stats: UsageStats,
    *,
    up: bool,
    content_problems: int,
    last_reload_timestamp: float,
    recent_starts: int = 0,
) -> MetricsSnapshot:
    """Build a snapshot from the usage totals plus the kiosk's current health."""
    totals = stats.totals()

    def total(metric: Metric) -> int:
        return sum(n for (m, _key), n in totals.items() if m == metric.value)

    page_views = {key: n for (m, key), n in totals.items() if m == Metric.PAGE_VIEW.value}
    return MetricsSnapshot(
        up=up,
        content_problems=content_problems,
        sessions_total=total(Metric.SESSION),
        page_views=MappingProxyType(dict(sorted(page_views.items()))),
        last_reload_timestamp=last_reload_timestamp,
        urgent_results_total=total(Metric.URGENT_RESULT),
        call_cards_total=total(Metric.CALL_CARD),
        recent_starts=recent_starts,
    )
