"""Pause Python's cyclic garbage collector for a stretch of work, then restore it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection() -> Iterator[None]:
    """No cyclic collection inside the block; afterwards it is as it was (nesting is fine).

    Collection is process-wide, so only one thread at a time should rely on a pause.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
