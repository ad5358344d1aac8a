"""Files parsed by an earlier load, reused while their bytes are unchanged."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from kiosk.content.yaml_source import YamlDocument


@dataclass(frozen=True)
class _Entry:
    raw: bytes
    model: BaseModel
    doc: YamlDocument


class ParseCache:
    """Validated models by file, so a reload re-reads every file but parses only edits.

    Keyed by the file's exact bytes, not its size and time stamp: a file rewritten with
    the same size within one clock tick is still parsed again. One load at a time may
    use it (the content watcher's single worker thread).
    """

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._seen: set[str] = set()
        self.hits = 0

    def get(self, relative: str, raw: bytes) -> tuple[BaseModel, YamlDocument] | None:
        """The model and document parsed from exactly these bytes, if any."""
        self._seen.add(relative)
        entry = self._entries.get(relative)
        if entry is None or entry.raw != raw:
            return None
        self.hits += 1
        return entry.model, entry.doc

    def put(self, relative: str, raw: bytes, model: BaseModel, doc: YamlDocument) -> None:
        """Remember a file that parsed and validated."""
        self._seen.add(relative)
        self._entries[relative] = _Entry(raw, model, doc)

    def end_load(self) -> None:
        """Forget files the finished load did not see (deleted or renamed)."""
        for gone in self._entries.keys() - self._seen:
            del self._entries[gone]
        self._seen.clear()

    def __len__(self) -> int:
        return len(self._entries)
