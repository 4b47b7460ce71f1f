"""Keeping Python's cyclic garbage collector from stalling the GUI while a worker builds
many objects (a big import, a week of reminders at 100,000 clients)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (process-wide) while a worker builds objects
    that form no cycles and outlive the work; it resumes afterwards (and stays off if it was
    off). Left running, the collector walks such objects again and again with the GIL held,
    which the GUI thread feels although the work runs on a worker.

    Import: 20,000 rows build ~200,000 small tracked objects (drafts, clean clients, their
    lists); the collector walked the whole heap repeatedly, 60-160 ms each.
    Reminders: a week at 100,000 clients builds ~30,000 NamedTuples and slotted instances; in
    tests/perf/bench_reminders.py the collector's walks were up to half the time of a check.
    """
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
