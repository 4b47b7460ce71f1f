"""The rows of an imported file, each packed into one bytes object while the import runs.

100,000 rows x 20 columns as Python lists of str took 175 MB; packed (marshal, a C codec for
plain values) the same rows take about a fifth, and a row is unpacked only while it is read.
xlsx cells of other types (dates, times, durations) are packed as a tagged tuple.
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

Cell = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

_TAG = "\x00prism-cell"  # never a real cell: the import refuses NUL characters


def _pack_cell(c: Cell) -> object:
    if isinstance(c, dt.datetime):
        return (_TAG, "datetime", c.isoformat())
    if isinstance(c, dt.date):
        return (_TAG, "date", c.isoformat())
    if isinstance(c, dt.time):
        return (_TAG, "time", c.isoformat())
    if isinstance(c, dt.timedelta):
        return (_TAG, "timedelta", c.total_seconds())
    return c


def _unpack_cell(c: object) -> Cell:
    if type(c) is tuple and len(c) == 3 and c[0] == _TAG:
        kind, value = c[1], c[2]
        if kind == "datetime":
            return dt.datetime.fromisoformat(value)
        if kind == "date":
            return dt.date.fromisoformat(value)
        if kind == "time":
            return dt.time.fromisoformat(value)
        return dt.timedelta(seconds=value)
    return c  # type: ignore[return-value]


class Rows(Sequence[list[Cell]]):
    """A list of rows (each a list of cells) kept packed; ``typed`` when cells may be dates."""

    __slots__ = ("_packed", "typed")

    def __init__(self, rows: Iterable[Sequence[Cell]] = (), *, typed: bool = False) -> None:
        self.typed = typed
        self._packed: list[bytes] = []
        for row in rows:
            self.append(row)

    def append(self, row: Sequence[Cell]) -> None:
        # marshal's stubs list only its own value types; every cell here is one, or packed.
        cells: tuple = tuple(_pack_cell(c) for c in row) if self.typed else tuple(row)
        self._packed.append(marshal.dumps(cells))

    def _unpack(self, data: bytes) -> list[Cell]:
        cells = marshal.loads(data)
        if self.typed:
            return [_unpack_cell(c) for c in cells]
        return list(cells)

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, i: int) -> list[Cell]: ...
    @overload
    def __getitem__(self, i: slice) -> Rows: ...
    def __getitem__(self, i: int | slice) -> list[Cell] | Rows:
        if isinstance(i, slice):
            out = Rows(typed=self.typed)
            out._packed = self._packed[i]
            return out
        return self._unpack(self._packed[i])

    def __iter__(self) -> Iterator[list[Cell]]:
        for data in self._packed:
            yield self._unpack(data)

    def pop(self) -> list[Cell]:
        return self._unpack(self._packed.pop())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
