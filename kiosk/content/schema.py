"""JSON Schema of the content files, for editors' autocomplete and underlining."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kiosk.content.models import Checklist, DrugPage, Site

#: Schema file name (under content/schema/) for each kind of content file.
SCHEMAS: dict[str, type[BaseModel]] = {
    "kiosk.json": Site,
    "drug.json": DrugPage,
    "checklist.json": Checklist,
}


def schema_for(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of content file."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text(name: str) -> str:
    """The schema file's exact text, as shipped under content/schema/."""
    return json.dumps(schema_for(SCHEMAS[name]), indent=2, ensure_ascii=False) + "\n"
