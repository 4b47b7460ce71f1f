"""One client's history, newest first: notes, contacts, promises made and kept, resources shared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.relationship_enums import TimelineKind
from crm.store.book import Book


@dataclass(frozen=True)
class TimelineEntry:
    when: dt.datetime
    kind: TimelineKind
    text: str
    #: channel (interactions), category (notes), resource name (shares), "" otherwise
    label: str
    detail: str
    #: the note, interaction, promise or share id (for delete/undo)
    ref_id: int


_PARTS = {
    TimelineKind.NOTE: (
        "SELECT created_at, 'note', text, category, "
        "coalesce(event_date, '') || char(31) || coalesce(answer, ''), id "
        "FROM life_note WHERE client_id = :c AND deleted_at IS NULL"
    ),
    TimelineKind.INTERACTION: (
        "SELECT occurred_at, 'interaction', summary, channel, "
        "coalesce(next_step, '') || char(31) || coalesce(next_step_due, ''), id "
        "FROM interaction WHERE client_id = :c AND deleted_at IS NULL"
    ),
    TimelineKind.PROMISE_MADE: (
        "SELECT made_at, 'promise_made', text, '', due_date, id "
        "FROM promise WHERE client_id = :c AND deleted_at IS NULL"
    ),
    TimelineKind.PROMISE_KEPT: (
        "SELECT kept_at, 'promise_kept', text, '', due_date, id "
        "FROM promise WHERE client_id = :c AND deleted_at IS NULL AND kept_at IS NOT NULL"
    ),
    TimelineKind.SHARE: (
        "SELECT s.shared_on || ' 00:00:00', 'share', r.name, r.category, s.note, s.id "
        "FROM resource_share s JOIN resource r ON r.id = s.resource_id WHERE s.client_id = :c"
    ),
}


def timeline(
    book: Book, client_id: int, kinds: Iterable[TimelineKind] | None = None
) -> list[TimelineEntry]:
    wanted = list(kinds) if kinds is not None else list(TimelineKind)
    if not wanted:
        return []
    sql = " UNION ALL ".join(_PARTS[k] for k in wanted) + " ORDER BY 1 DESC, 6 DESC"
    out = []
    for when, kind, text, label, detail, ref in book.reader().execute(sql, {"c": client_id}):
        out.append(
            TimelineEntry(
                when=dt.datetime.fromisoformat(when),
                kind=TimelineKind(kind),
                text=text,
                label=label or "",
                detail=detail or "",
                ref_id=ref,
            )
        )
    return out
