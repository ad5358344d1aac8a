"""paused_collection: the cyclic GC held off around a load, by a caller that owns the process."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collection() -> Iterator[None]:
    """No cyclic collection inside the block; afterwards it is as it was (nesting is fine).

    Collection is process-wide, so the loader never pauses it itself; the callers that do
    own the whole process's collector while they load, one thread at a time:

    - the content watcher's single worker thread (kiosk.runtime.content_watcher), where a
      collection could destroy Qt objects off the UI thread, and which does the running
      kiosk's big loads (every drug page after the first screen, every reload);
    - `kiosk check` (kiosk.cli), a one-shot process with no other threads.

    A load of 1000 pages makes tens of thousands of long-lived objects in a burst; the
    full collections that triggers find nothing and cost about a third of its time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
