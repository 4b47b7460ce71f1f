"""Which row of a sheet is its header: officers' files often have a title row ("2024年客户名单")
or a comment line above it, or a two-row header (a group row over the real column names).

The header is the row among the first ones whose cells name the most known fields; a row
right below it that names fields too (and holds no data-like numbers) is a second header row,
merged cell by cell (its name where it has one). ``--header-row N`` overrides the guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crm.services.transfer.packed import Cell, Rows

LOOK = 10  # rows searched for the header
_DATA_LIKE = re.compile(r"\d{7,}")


@dataclass(frozen=True)
class HeaderPlace:
    index: int  # the header row's index in the sheet's rows (0-based)
    two_rows: bool  # the row below is merged into it

    @property
    def body_start(self) -> int:
        return self.index + (2 if self.two_rows else 1)


def _score(row: list[Cell]) -> int:
    from crm.services.transfer.fields import suggest_mapping

    texts = ["" if c is None else str(c).strip() for c in row]
    return sum(1 for k in suggest_mapping(texts, lambda _c, t: t) if k is not None)


def find_header(rows: Rows, header_row: int | None = None) -> HeaderPlace:
    """Where the header is; ``header_row`` (1-based) as the officer says, else guessed."""
    if header_row is not None:
        return HeaderPlace(max(header_row - 1, 0), False)
    scores = [_score(rows[i]) for i in range(min(LOOK, len(rows)))]
    if not scores or max(scores) == 0:
        return HeaderPlace(0, False)
    best = scores.index(max(scores))
    if best + 1 < len(scores) and scores[best + 1] > 0:
        top, below = rows[best], rows[best + 1]
        data_like = any(_DATA_LIKE.search(str(c)) for c in below if c is not None)
        fills_gaps = any(
            (i >= len(top) or top[i] in (None, "")) and c not in (None, "")
            for i, c in enumerate(below)
        )
        if not data_like and fills_gaps:
            return HeaderPlace(best, True)
    return HeaderPlace(best, False)


def header_cells(rows: Rows, place: HeaderPlace) -> list[Cell]:
    top = rows[place.index] if place.index < len(rows) else []
    if not place.two_rows:
        return top
    below = rows[place.index + 1]
    width = max(len(top), len(below))
    return [
        (below[i] if i < len(below) and below[i] not in (None, "") else None)
        or (top[i] if i < len(top) else None)
        for i in range(width)
    ]
