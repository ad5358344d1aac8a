"""Review-record rule: every page has a review record, is reviewed, and is not overdue."""

from __future__ import annotations

import datetime as dt

from kiosk.content.models import Checklist, DrugPage, ReviewStatus
from kiosk.content.problems import Problem, warning
from kiosk.content.yaml_source import YamlDocument


def review_problems(
    model: DrugPage | Checklist, doc: YamlDocument, label: str, today: dt.date
) -> list[Problem]:
    """A warning for a missing record, a draft, no next review date, or one before today."""
    review = model.review
    if review is None:
        return [
            warning(
                label,
                1,
                1,
                "no review record; add 'review:' with status, "
                "reviewed_by, reviewed_on and next_review",
            )
        ]
    problems: list[Problem] = []
    line, col = doc.locate(("review",))
    if review.status is ReviewStatus.DRAFT:
        problems.append(
            warning(
                label,
                line,
                col,
                "not yet clinically reviewed (review.status: draft); the page says so to visitors",
            )
        )
    if review.next_review is None:
        problems.append(warning(label, line, col, "review.next_review is not set"))
    elif review.next_review < today:
        problems.append(
            warning(
                label,
                *doc.locate(("review", "next_review")),
                f"the review was due on {review.next_review}; ask a clinician to review this page",
            )
        )
    return problems
