"""Content Markdown as the kiosk shows it, and as a voice reads it (pure text rules)."""

from __future__ import annotations

import re

from kiosk.content.links import Link
from kiosk.content.text import MARKDOWN_LINK

_BLOCK_START = re.compile(r"^\s*([-*+]\s|\d+[.)]\s|#|>|```|\|)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING_MARK = re.compile(r"^\s*#+\s*|^\s*>\s?")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def kiosk_markdown(text: str) -> str:
    """Content Markdown as the kiosk shows it.

    Soft line breaks are joined into flowing paragraphs, drug:/checklist: links are kept,
    and every other link is reduced to its words (nothing opens a browser).
    """

    def replace(match: re.Match[str]) -> str:
        words, target = match.group(1), match.group(2)
        return match.group(0) if Link.parse(target) is not None else words

    lines = text.strip().splitlines()
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        continues = (
            previous.strip()
            and line.strip()
            and not _BLOCK_START.match(line)
            and not previous.endswith("  ")
        )
        if continues:
            joined[-1] = previous.rstrip() + " " + line.strip()
        else:
            joined.append(line)
    return MARKDOWN_LINK.sub(replace, "\n".join(joined))


def spoken_markdown(text: str) -> str:
    """What a Markdown text says, without markup: one line per paragraph or list item."""
    lines = []
    for line in kiosk_markdown(text).splitlines():
        line = MARKDOWN_LINK.sub(r"\1", line)
        line = _HEADING_MARK.sub("", _LIST_MARK.sub("", line))
        previous = None
        while previous != line:  # nested emphasis (***bold italic***)
            previous, line = line, _EMPHASIS.sub(r"\2", line)
        line = line.strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def spoken_number(phone: str) -> str:
    """A phone number as a voice should read it: digit by digit, pausing at the groups."""
    groups = [group for group in re.split(r"[^0-9+]+", phone) if group]
    return ", ".join(" ".join(group) for group in groups)


#: Where a long web address may wrap: after these characters (a zero-width space follows).
_URL_BREAKS = re.compile(r"([/.?&=_-])(?=[^/.?&=_-])")
ZERO_WIDTH_SPACE = "\u200b"


_LONG_RUN = re.compile(r"([^/.?&=_-]{12})(?=[^/.?&=_-]{4})")


def breakable(url: str) -> str:
    """A web address that may wrap (after / . ? & = _ - and inside long runs); looks the same.

    A label cannot break a word, so one long address would make the whole page wider than
    the screen; zero-width spaces give the line breaker places to break.
    """
    return _LONG_RUN.sub(r"\1" + ZERO_WIDTH_SPACE, _URL_BREAKS.sub(r"\1" + ZERO_WIDTH_SPACE, url))
