"""Problems found in content files, formatted like compiler messages (path:line:col)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    """How bad a problem is: errors exclude the file, warnings only inform."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem in one content file; line and col are 1-based, 0 when unknown."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity.value}: {self.message}"

    @property
    def is_error(self) -> bool:
        """True for errors, which keep the file out of the catalog."""
        return self.severity is Severity.ERROR


def error(path: str, line: int, col: int, message: str) -> Problem:
    """Build an error problem."""
    return Problem(path, line, col, Severity.ERROR, message)


def warning(path: str, line: int, col: int, message: str) -> Problem:
    """Build a warning problem."""
    return Problem(path, line, col, Severity.WARNING, message)
