"""What the query modules share: handing many ids to one statement.

Two forms, each module keeping the one its statements use: ``IN (?, ?, ...)`` with a slice of
ids per statement (SQLite's older builds allow 999 parameters), or one JSON array parameter
read by ``IN (SELECT value FROM json_each(?))`` (no parameter limit; sliced anyway so one
statement stays bounded).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

#: Ids per ``IN (?, ?, ...)`` statement: under the 999 host parameters of older SQLite builds.
MARKS_CHUNK = 900
#: Ids per JSON array.
JSON_CHUNK = 5000


def id_array(ids: Iterable[int]) -> str:
    """Ids as one JSON array: the parameter of ``json_each(?)``. Written by hand (int() each,
    so nothing but digits gets in): the json module costs every command its import."""
    return "[" + ",".join(map(str, map(int, ids))) + "]"


def json_chunks(ids: Sequence[int], size: int = JSON_CHUNK) -> Iterator[str]:
    """``ids`` in order, ``size`` at a time, each slice as one JSON array."""
    for start in range(0, len(ids), size):
        yield id_array(ids[start : start + size])


def marked_chunks(
    ids: Sequence[int], size: int = MARKS_CHUNK
) -> Iterator[tuple[str, Sequence[int]]]:
    """``ids`` in order, ``size`` at a time, each slice with its placeholders:
    ``("?,?,?", slice)`` for ``IN ({marks})``."""
    for start in range(0, len(ids), size):
        part = ids[start : start + size]
        yield ",".join("?" * len(part)), part
