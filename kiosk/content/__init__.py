"""Content folder: typed models, safe YAML loading with positions, validation and schema."""

from kiosk.content.catalog import Catalog, LoadResult
from kiosk.content.loader import load_content
from kiosk.content.models import Checklist, ChecklistItem, DrugPage, Site
from kiosk.content.problems import Problem, Severity
from kiosk.content.text import LocalText

__all__ = [
    "Catalog",
    "Checklist",
    "ChecklistItem",
    "DrugPage",
    "LoadResult",
    "LocalText",
    "Problem",
    "Severity",
    "Site",
    "load_content",
]
