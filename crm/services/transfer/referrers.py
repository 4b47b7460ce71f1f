"""The import's referrers: a name in the "Referred by" column becomes a link to a client.

The name is looked up among the file's rows first (a round trip brings the referrer along),
then among the book's clients. No match, several matches, the row itself or a circle within
the file are problems on that row, never a guess; at commit, a referrer row of the file gives
its new id (or the id of the client it duplicates) before the rows that name it are written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store.queries import transfer as Q

if TYPE_CHECKING:
    from crm.services.transfer.import_ import PreviewRow


def resolve(conn: sqlite3.Connection, rows: Sequence[PreviewRow], column: str) -> None:
    """Set ``referrer_row`` / ``referrer_id`` on each row naming a referrer, or a problem."""
    wanted = [r for r in rows if r.extra.referrer]
    if not wanted:
        return
    by_line: dict[str, list[int]] = {}
    for r in rows:
        if r.name:
            by_line.setdefault(" ".join(r.name.split()), []).append(r.row)
    in_book = Q.ids_by_name(conn, [r.extra.referrer for r in wanted])
    for r in wanted:
        name = r.extra.referrer
        lines, ids = by_line.get(name, []), in_book.get(name, [])
        if " ".join(r.name.split()) == name:
            r.problems.append(
                (column, QT_TRANSLATE_NOOP("Import", "A client cannot refer themselves."))
            )
        elif len(lines) == 1:
            r.referrer_row = lines[0]
        elif len(lines) > 1 or len(ids) > 1:
            r.problems.append(
                (
                    column,
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "Several clients are named {name}: set this referrer in Prism after "
                        "the import, or clear the cell.",
                    ).with_(name=name),
                )
            )
        elif ids:
            r.referrer_id = ids[0]
        else:
            r.problems.append(
                (
                    column,
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "The referrer {name} is neither in the book nor in the file: import "
                        "them first, or clear the cell.",
                    ).with_(name=name),
                )
            )
    _refuse_circles(rows, column)
    for r in wanted:
        if r.problems:
            r.clean = None
    # A referrer row that cannot be imported takes the rows naming it along (until none left).
    at = {r.row: r for r in rows}
    changed = True
    while changed:
        changed = False
        for r in wanted:
            ref = at.get(r.referrer_row) if r.referrer_row is not None else None
            if r.clean is not None and ref is not None and ref.clean is None:
                r.problems.append(
                    (
                        column,
                        QT_TRANSLATE_NOOP(
                            "Import", "The referrer {name} (row {row}) has problems of its own."
                        ).with_(name=r.extra.referrer, row=ref.row),
                    )
                )
                r.clean = None
                changed = True


def _refuse_circles(rows: Sequence[PreviewRow], column: str) -> None:
    up = {r.row: r.referrer_row for r in rows if r.referrer_row is not None}
    for start in list(up):
        seen = {start}
        at = up.get(start)
        while at is not None and at not in seen:
            seen.add(at)
            at = up.get(at)
        if at == start:
            row = next(r for r in rows if r.row == start)
            row.problems.append(
                (
                    column,
                    QT_TRANSLATE_NOOP(
                        "Import", "These rows refer each other in a circle; clear one referrer."
                    ),
                )
            )
