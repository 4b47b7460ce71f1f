"""Keeping Python's cyclic garbage collector from stalling the GUI during a big import."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (process-wide) while rows are read, checked or
    written.

    20,000 rows build ~200,000 small tracked objects (drafts, clean clients, their lists) that
    form no cycles and all outlive the check. Left running, the collector walked the whole
    heap again and again (60-160 ms each with the GIL held, more for bigger files): stalls
    the GUI thread feels although the work runs on a worker. It resumes afterwards (and stays
    off if it was off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # File the new objects straight into the oldest generation (both calls are O(1)), so
        # resuming does not start with one long walk over all of them on whichever thread.
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()
