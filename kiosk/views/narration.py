"""Reading a screen aloud part by part in audio mode: where the reader is, and what it says."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Characters a screen shows but a voice must not try to say (soft hyphens, zero-width
#: spaces that let long words and addresses break).
_SILENT = dict.fromkeys(map(ord, "\u00ad\u200b\u2060"), None)


def for_speech(text: str) -> str:
    """``text`` without the invisible break characters of the screen."""
    return text.translate(_SILENT)


@dataclass
class Narration:
    """The parts of one screen and the one being read (Next, Previous and Repeat move it)."""

    parts: tuple[str, ...]
    index: int = 0

    @classmethod
    def of(cls, lines: Sequence[str]) -> Narration:
        """The screen's spoken lines, without empty ones, read from the first."""
        return cls(tuple(for_speech(line) for line in lines if line.strip()))

    def current(self) -> str | None:
        """The part being read, or None past the end."""
        return self.parts[self.index] if 0 <= self.index < len(self.parts) else None

    def forward(self) -> str | None:
        """Move to the next part; None once past the last."""
        self.index = min(self.index + 1, len(self.parts))
        return self.current()

    def backward(self) -> str | None:
        """Move to the part before (the first stays the first)."""
        self.index = max(self.index - 1, 0)
        return self.current()

    def restart(self) -> None:
        """Back to the first part."""
        self.index = 0


def arrival(lines: Sequence[str], draft_line: str, hint: str) -> str:
    """What a screen says when a visitor arrives in audio mode: heading, summary, hint.

    The heading and the line after it come first (a draft page says it is a draft after
    its heading); the hint says how to hear the rest.
    """
    kept = [for_speech(line) for line in lines if line.strip()]
    draft = draft_line in kept
    if draft:
        kept.remove(draft_line)
    said = kept[:2]
    if draft:
        said.append(draft_line)
    if len(kept) > 2:
        said.append(hint)
    return "\n".join(said)
