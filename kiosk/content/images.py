"""Checks that an image named in content stays inside the folder and really is an image."""

from __future__ import annotations

from pathlib import Path

MAX_IMAGE_BYTES = 5 * 1024 * 1024
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)


def image_problem(root: Path, relative: str) -> str | None:
    """Why ``relative`` is not a usable image under ``root``, or None when it is fine."""
    if Path(relative).is_absolute() or relative.startswith(("/", "\\")):
        return f"image '{relative}' must be a path inside the content folder, like images/x.png"
    try:
        base = root.resolve()
        target = (root / relative).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return f"image '{relative}' cannot be read (a link that leads nowhere or in a loop)"
    if not target.is_relative_to(base):
        return f"image '{relative}' points outside the content folder"
    if not target.is_file():
        return f"image '{relative}' does not exist"
    try:
        size = target.stat().st_size
        with target.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        return f"image '{relative}' cannot be read: {exc.strerror or exc}"
    if size > MAX_IMAGE_BYTES:
        return f"image '{relative}' is {size // (1024 * 1024)} MiB; the limit is 5 MiB"
    is_webp = head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if not is_webp and not any(head.startswith(sig) for sig, _ in _SIGNATURES):
        return f"'{relative}' is not a PNG, JPEG, GIF or WebP image"
    return None
