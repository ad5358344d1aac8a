"""Tiny hand-made content for the unit tests: a model and its YAML document from text."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from kiosk.content.yaml_source import YamlDocument, parse_yaml
from tests.conftest import CHECKLIST, SITE, drug_yaml

M = TypeVar("M", bound=BaseModel)

__all__ = ["CHECKLIST", "SITE", "drug_yaml", "parsed"]


def parsed(text: str, model: type[M]) -> tuple[M, YamlDocument]:
    """The model written in ``text`` and the document that locates its keys."""
    doc = parse_yaml(text)
    return model.model_validate(doc.data), doc
