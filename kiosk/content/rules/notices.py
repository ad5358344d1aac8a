"""Notice rule: a clinic notice whose last day has passed is shown no more; say so to staff."""

from __future__ import annotations

import datetime as dt

from kiosk.content.models import Site
from kiosk.content.problems import Problem, warning
from kiosk.content.yaml_source import YamlDocument


def notice_problems(
    site: Site, doc: YamlDocument | None, label: str, today: dt.date
) -> list[Problem]:
    """A warning for each notice that ended before ``today`` (it can be deleted)."""
    problems = []
    for position, notice in enumerate(site.notices):
        if notice.ends is not None and notice.ends < today:
            line, col = doc.locate(("notices", position, "ends")) if doc else (0, 0)
            problems.append(
                warning(
                    label,
                    line,
                    col,
                    f"notice {position + 1} ended on {notice.ends} and is no longer shown; "
                    "delete it or give it a new ends date",
                )
            )
    return problems
