"""LoadOptions: what one load of a content folder is asked to do, fixed before it starts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, kw_only=True, slots=True)
class LoadOptions:
    """The settings of one load; see load_content for what each one does."""

    #: The date review records are judged against.
    today: dt.date = field(default_factory=dt.date.today)
    #: resources/i18n: warn about offered languages whose interface is not translated.
    i18n_dir: Path | None = None
    #: Files modified less than this many seconds ago are not read yet.
    settle_s: float = 0.0
    #: Grade the reading level of visitor texts (`kiosk check`; textstat is slow to import).
    plain_language: bool = False
    #: Read the drug pages (False: kiosk.yaml and the checklists only, for the first screen).
    pages: bool = True
