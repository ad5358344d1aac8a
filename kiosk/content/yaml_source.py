"""Safe YAML reading that keeps the line and column of every value for clear messages."""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

#: Largest YAML file read; a content file is a few kilobytes.
MAX_FILE_BYTES = 512 * 1024
#: Deepest nesting accepted; real content is under ten levels deep.
MAX_DEPTH = 40
#: Most values in one file; protects against huge generated documents.
MAX_NODES = 50_000

_PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
)

_STR = "tag:yaml.org,2002:str"

Location = tuple[int, int]
KeyPath = tuple[str | int, ...]


class SourceError(Exception):
    """A file that cannot be read as YAML at all; carries a 1-based position."""

    def __init__(self, message: str, line: int = 0, col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


@dataclass
class YamlDocument:
    """Plain Python data from one YAML file plus the position of every key and value."""

    data: Any
    positions: dict[KeyPath, Location] = field(default_factory=dict)
    key_positions: dict[KeyPath, Location] = field(default_factory=dict)

    def locate(self, path: KeyPath) -> Location:
        """Position of the value at ``path``, or of its nearest located parent."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def locate_key(self, path: KeyPath) -> Location:
        """Position of the mapping key that ends ``path`` (falls back to its value)."""
        return self.key_positions.get(path) or self.locate(path)


#: libyaml's C parser when PyYAML has it (about ten times faster), else the pure-Python one.
#: Both are safe loaders: only plain text, numbers, dates, lists and mappings are built.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise SourceError(
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            "save it as UTF-8 in your editor",
            line,
            col,
        ) from None
    if "\x00" in text:
        raise SourceError("the file contains NUL bytes; it does not look like a text file", 1, 1)
    return text.removeprefix("\ufeff")


def read_yaml(path: Path) -> YamlDocument:
    """Read one YAML file safely; raise SourceError with a position on any problem."""
    try:
        info = path.stat()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise SourceError(
            f"cannot read the file: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("this is not a regular file (a pipe, device or folder); remove it")
    size = info.st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(
            f"the file is {size // 1024} KiB; content files may be at most "
            f"{MAX_FILE_BYTES // 1024} KiB"
        )
    try:
        raw = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}") from None
    return parse_yaml(_decode(raw))


def parse_yaml(text: str) -> YamlDocument:
    """Parse YAML text into a YamlDocument; raise SourceError on any problem."""
    try:
        # Inside the try: the pure-Python reader rejects control characters right here.
        loader = _SafeLoader(text)
    except yaml.YAMLError as exc:
        raise SourceError(f"this is not valid YAML: {exc}") from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise SourceError("the file is empty", 1, 1)
        doc = YamlDocument(data=None)
        doc.data = _convert(node, (), doc, loader, [0], set())
    except SourceError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = exc.problem or "malformed YAML"
        raise SourceError(f"this is not valid YAML: {what}", line, col) from None
    except yaml.YAMLError as exc:
        raise SourceError(f"this is not valid YAML: {exc}") from None
    except RecursionError:
        raise SourceError("the file is nested too deeply to read") from None
    finally:
        loader.dispose()
    return doc


def _convert(
    node: yaml.Node,
    path: KeyPath,
    doc: YamlDocument,
    loader: yaml.SafeLoader,
    counter: list[int],
    seen: set[int],
) -> Any:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise SourceError(f"the file holds more than {MAX_NODES} values; split it up")
    if len(path) > MAX_DEPTH:
        raise SourceError(
            f"the file is nested more than {MAX_DEPTH} levels deep",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    doc.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if id(node) in seen:
        # The composer hands out the anchored node again for every alias of it.
        raise SourceError(
            "anchors and aliases (& and *) are not allowed in content files; "
            "write the text out in full (the anchor is here)",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise SourceError(
            f"the YAML tag '{shown}' is not allowed; only plain text, numbers, dates, "
            "lists and mappings are",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise SourceError(
                    "a key must be a plain word, not a list or mapping",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            key = loader.construct_object(key_node)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                raise SourceError(
                    f"the key '{key}' appears twice in the same place; keep one",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            doc.key_positions[(*path, key)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = _convert(value_node, (*path, key), doc, loader, counter, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*path, index), doc, loader, counter, seen)
            for index, item in enumerate(node.value)
        ]
    if node.tag == _STR:
        return node.value  # most values: no constructor needed
    try:
        value = loader.construct_object(node)
    except yaml.constructor.ConstructorError as exc:
        raise SourceError(
            f"{exc.problem or 'this value cannot be read'}; only plain text, numbers, "
            "dates, lists and mappings are allowed",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        ) from None
    except ValueError as exc:
        raise SourceError(
            f"cannot read this value ({exc}); put it in quotes if it is text",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        ) from None
    if isinstance(value, dt.datetime):
        return value.date()
    return value
