"""Safe YAML reading that keeps the line and column of every value for clear messages."""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Callable
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


#: First characters of a plain scalar that may make it a number, date, null or true/false.
#: (The safe loader registers no resolver for "any first character"; if one did, every
#: plain scalar would be resolved.)
_TYPED: frozenset[str] | None = (
    None
    if None in _SafeLoader.yaml_implicit_resolvers
    else frozenset(key for key in _SafeLoader.yaml_implicit_resolvers if key)
)


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


def read_source(path: Path) -> bytes:
    """The bytes of one content file; raise SourceError if it is no file or too big."""
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
        return path.read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror or exc}") from None


def parse_source(raw: bytes) -> YamlDocument:
    """Parse a content file's bytes (UTF-8 YAML); raise SourceError on any problem."""
    return parse_yaml(_decode(raw))


def parse_yaml(text: str) -> YamlDocument:
    """Parse YAML text into a YamlDocument; raise SourceError on any problem."""
    try:
        # Inside the try: the pure-Python reader rejects control characters right here.
        loader = _SafeLoader(text)
    except yaml.YAMLError as exc:
        raise SourceError(f"this is not valid YAML: {exc}") from None
    try:
        return _Builder(loader).document()
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


def _at(event: Any) -> Location:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


class _Builder:
    """Plain data and positions straight from the parser's events.

    Skipping PyYAML's node tree and its constructor halves the time per file; only
    scalars that are not plain text (numbers, dates, true/false) go through the
    constructor.
    """

    def __init__(self, loader: yaml.SafeLoader) -> None:
        # PyYAML's event API is untyped: events are handled as Any here.
        self.loader: Any = loader
        self.next: Callable[[], Any] = self.loader.get_event
        self.doc = YamlDocument(data=None)
        self.count = 0
        self.anchors: dict[str, Location] = {}

    def document(self) -> YamlDocument:
        self.next()  # stream start
        event = self.next()
        if type(event) is yaml.StreamEndEvent:
            raise SourceError("the file is empty", 1, 1)
        self.doc.data = self.value(self.next(), ())  # after the document start
        self.next()  # document end
        event = self.next()
        if type(event) is not yaml.StreamEndEvent:
            raise SourceError(
                "this is not valid YAML: a content file holds one document; "
                "remove this second '---' and what follows, or move it to its own file",
                *_at(event),
            )
        return self.doc

    def value(self, event: Any, path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise SourceError(f"the file holds more than {MAX_NODES} values; split it up")
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        if len(path) > MAX_DEPTH:
            raise SourceError(f"the file is nested more than {MAX_DEPTH} levels deep", *where)
        self.doc.positions[path] = where
        kind = type(event)
        if kind is yaml.AliasEvent:
            raise self.alias_error(event)
        if event.anchor is not None:
            self.anchors[event.anchor] = where
        if kind is yaml.ScalarEvent:
            return self.scalar(event)
        if event.tag is not None:  # untagged lists and mappings are always plain ones
            node = yaml.SequenceNode if kind is yaml.SequenceStartEvent else yaml.MappingNode
            self.check_tag(event.tag, node, event, where)
        if kind is yaml.SequenceStartEvent:
            items: list[Any] = []
            while True:
                event = self.next()
                if type(event) is yaml.SequenceEndEvent:
                    return items
                items.append(self.value(event, (*path, len(items))))
        result: dict[Any, Any] = {}
        key_positions = self.doc.key_positions
        while True:
            event = self.next()
            kind = type(event)
            if kind is yaml.MappingEndEvent:
                return result
            if kind is yaml.AliasEvent:
                raise self.alias_error(event)
            if kind is not yaml.ScalarEvent:
                raise SourceError("a key must be a plain word, not a list or mapping", *_at(event))
            key = self.scalar(event)
            key = key if isinstance(key, str) else str(key)
            if key in result:
                raise SourceError(
                    f"the key '{key}' appears twice in the same place; keep one", *_at(event)
                )
            mark = event.start_mark
            key_positions[(*path, key)] = (mark.line + 1, mark.column + 1)
            result[key] = self.value(self.next(), (*path, key))

    def alias_error(self, event: Any) -> SourceError:
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            return SourceError(
                "this is not valid YAML: '*' refers to an anchor (&) that is not defined",
                *_at(event),
            )
        # Point at the anchor: that is where the repeated text is written.
        return SourceError(
            "anchors and aliases (& and *) are not allowed in content files; "
            "write the text out in full (the anchor is here)",
            *anchor,
        )

    def check_tag(self, tag: str | None, kind: type[yaml.Node], event: Any, where: Location) -> str:
        if tag is None or tag == "!":
            tag = self.loader.resolve(kind, getattr(event, "value", None), event.implicit)
        assert isinstance(tag, str)
        if tag not in _PLAIN_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise SourceError(
                f"the YAML tag '{shown}' is not allowed; only plain text, numbers, dates, "
                "lists and mappings are",
                *where,
            )
        return tag

    def scalar(self, event: Any) -> Any:
        value: Any = event.value
        if event.tag is None and (
            not event.implicit[0] or (value and _TYPED is not None and value[0] not in _TYPED)
        ):
            return value  # quoted or block text, or plain words no type could match
        tag = self.check_tag(event.tag, yaml.ScalarNode, event, _at(event))
        if tag == _STR:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.loader.construct_object(node)
        except yaml.constructor.ConstructorError as exc:
            raise SourceError(
                f"{exc.problem or 'this value cannot be read'}; only plain text, numbers, "
                "dates, lists and mappings are allowed",
                *_at(event),
            ) from None
        except ValueError as exc:
            raise SourceError(
                f"cannot read this value ({exc}); put it in quotes if it is text", *_at(event)
            ) from None
        if isinstance(value, dt.datetime):
            return value.date()
        return value
