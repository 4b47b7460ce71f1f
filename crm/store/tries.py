"""Wrong passphrases in a row: after five, each further try waits (a small non-secret counter).

The counter lives in the data folder (``prism.tries``: a count and a time, nothing about the
passphrase) so that a script retrying ``crm`` is slowed down as much as a person at the prompt;
the GUI keeps the same counter. A right passphrase resets it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from crm import files

FILENAME = "prism.tries"
FREE_TRIES = 5
MAX_DELAY_S = 60.0


def failures(folder: Path) -> int:
    try:
        return int(json.loads((folder / FILENAME).read_text())["failures"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def delay_s(count: int) -> float:
    """How long the next try waits after ``count`` wrong ones in a row: 0 for the first five,
    then 1, 2, 4 ... seconds up to a minute."""
    if count < FREE_TRIES:
        return 0.0
    return min(2.0 ** (count - FREE_TRIES), MAX_DELAY_S)


def wait_turn(folder: Path, sleep: Callable[[float], None] | None = None) -> float:
    """Before a try: wait as long as the wrong tries so far ask. Returns the wait."""
    wait = delay_s(failures(folder))
    if wait:
        (sleep or time.sleep)(wait)
    return wait


def failed(folder: Path) -> int:
    count = failures(folder) + 1
    data = json.dumps({"failures": count, "last": time.time()}).encode()
    # A read-only folder: no slowing down is better than no opening at all.
    with suppress(OSError):
        files.write_private_bytes(folder / FILENAME, data)
    return count


def succeeded(folder: Path) -> None:
    (folder / FILENAME).unlink(missing_ok=True)
