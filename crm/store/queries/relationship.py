"""SQL relationship memory shares across its records: the per-client search document, last
contact, keep-in-touch cadence, the timeline and the brief's client facts.

The records themselves have their own modules beside this one (notes, interactions, promises,
resources); the rules stay in ``crm.services`` (memory_base, cadence, timeline, brief).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Sequence

from crm.domain.relationship_enums import TimelineKind
from crm.store.queries._sql import id_array

#: Above this many clients at once, the last-contact index is rebuilt once after the update
#: instead of churned row by row (0.5 s instead of 1 s at 100,000 clients).
REBUILD_INDEX_OVER = 10_000


# -- any record of relationship memory ----------------------------------------------------------

#: The tables of the records a client owns and the officer can delete softly (and undo).
SOFT_DELETED = frozenset({"life_note", "interaction", "promise"})


def insert_one(conn: sqlite3.Connection, sql: str, values: Sequence[object]) -> int:
    """Run one INSERT; the new row's id."""
    cur = conn.execute(sql, values)
    assert cur.lastrowid is not None
    return cur.lastrowid


def owner(conn: sqlite3.Connection, table: str, record_id: int) -> int | None:
    """The client a note, interaction or promise belongs to (deleted ones included); None when
    there is no such record."""
    assert table in SOFT_DELETED, table
    row = conn.execute(f"SELECT client_id FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return None if row is None else int(row[0])


def set_deleted(
    conn: sqlite3.Connection, table: str, record_id: int, deleted_at: str | None
) -> None:
    """Delete softly (``deleted_at``) or bring back (None) a note, interaction or promise."""
    assert table in SOFT_DELETED, table
    conn.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", (deleted_at, record_id))


# -- clients ---------------------------------------------------------------------------------


# -- the search document: what the main search finds in notes, contacts and promises ----------


def memory_texts(conn: sqlite3.Connection, client_ids: Iterable[int]) -> Iterator[tuple[int, str]]:
    """(client id, text) of every live note (and its answer), interaction (and its next step)
    and promise of these clients: notes first, then interactions, then promises, each in the
    order they were written."""
    ids = set(client_ids)
    # Most of the book (the demo's clients): one pass over each table costs half of a lookup
    # per client. Otherwise the clients' own rows, through the client_id indexes.
    largest = conn.execute("SELECT max(id) FROM client").fetchone()[0] or 0
    everyone = len(ids) >= 1000 and 2 * len(ids) >= largest
    where = "deleted_at IS NULL ORDER BY id"
    params: tuple[object, ...] = ()
    if not everyone:
        where = f"client_id IN (SELECT value FROM json_each(?)) AND {where}"
        params = (id_array(sorted(ids)),)
    for cid, text, answer in conn.execute(
        f"SELECT client_id, text, answer FROM life_note WHERE {where}", params
    ):
        if cid in ids:
            yield cid, text
            if answer:
                yield cid, answer
    for cid, summary, step in conn.execute(
        f"SELECT client_id, summary, next_step FROM interaction WHERE {where}", params
    ):
        if cid in ids:
            yield cid, summary
            if step:
                yield cid, step
    for cid, text in conn.execute(f"SELECT client_id, text FROM promise WHERE {where}", params):
        if cid in ids:
            yield cid, text


def replace_memory_documents(
    conn: sqlite3.Connection, client_ids: Iterable[int], documents: Iterable[tuple[int, str]]
) -> None:
    """Drop these clients' search documents, then store ``documents`` ((client id, grams))."""
    conn.executemany(
        "DELETE FROM client_memory_fts WHERE rowid = ?", ((cid,) for cid in client_ids)
    )
    conn.executemany("INSERT INTO client_memory_fts (rowid, grams) VALUES (?, ?)", documents)


# -- last contact ------------------------------------------------------------------------------


def last_contacts(
    conn: sqlite3.Connection, client_ids: Iterable[int]
) -> list[tuple[int, str | None, str | None]]:
    """(client id, stored last_contact_at, newest live interaction's time) of these clients."""
    return conn.execute(
        "SELECT c.id, c.last_contact_at, (SELECT max(i.occurred_at) FROM interaction i "
        "WHERE i.client_id = c.id AND i.deleted_at IS NULL) "
        "FROM client c WHERE c.id IN (SELECT value FROM json_each(?))",
        (id_array(sorted(client_ids)),),
    ).fetchall()


def set_last_contacts(conn: sqlite3.Connection, rows: Sequence[tuple[str | None, int]]) -> None:
    """Store (last_contact_at, client id) pairs."""
    rebuild = len(rows) > REBUILD_INDEX_OVER
    if rebuild:
        conn.execute("DROP INDEX ix_client_last_contact")
    conn.executemany("UPDATE client SET last_contact_at = ? WHERE id = ?", rows)
    if rebuild:  # as migration 0002 defines it
        conn.execute("CREATE INDEX ix_client_last_contact ON client (archived_at, last_contact_at)")


# -- keep-in-touch cadence ---------------------------------------------------------------------


def _due_sql(defaults: dict[str, int], fallback: int, today: dt.date) -> tuple[str, list[object]]:
    cases = " ".join("WHEN ? THEN ?" for _ in defaults)
    pairs: list[object] = [v for pair in defaults.items() for v in pair]
    cadence = f"coalesce(c.cadence_days, CASE c.status {cases} ELSE {int(fallback)} END)"
    sql = f"""
        SELECT id, name, last_contact_at, cadence, due FROM (
            SELECT c.id, c.name, c.last_contact_at, {cadence} AS cadence,
                   date(coalesce(c.last_contact_at, c.created_at), '+' || {cadence} || ' days')
                     AS due
            FROM client c WHERE c.archived_at IS NULL)
        WHERE due <= ?"""
    return sql, pairs + pairs + [today.isoformat()]


def due_clients(
    conn: sqlite3.Connection,
    defaults: dict[str, int],
    fallback: int,
    today: dt.date,
    limit: int | None,
) -> list[tuple[int, str, str | None, int, str]]:
    """(id, name, last_contact_at, cadence days, due date) of the active clients whose last
    contact (or creation) plus cadence (their own, else ``defaults`` by status, else
    ``fallback``) is on or before ``today``, most overdue first."""
    sql, args = _due_sql(defaults, fallback, today)
    sql += " ORDER BY due, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return conn.execute(sql, args).fetchall()


def count_due(
    conn: sqlite3.Connection, defaults: dict[str, int], fallback: int, today: dt.date
) -> int:
    sql, args = _due_sql(defaults, fallback, today)
    return int(conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0])


def client_cadence(conn: sqlite3.Connection, client_id: int) -> tuple[int | None, str] | None:
    """(own cadence_days, status) of a client; None when there is no such client."""
    return conn.execute(
        "SELECT cadence_days, status FROM client WHERE id = ?", (client_id,)
    ).fetchone()


# -- the brief ---------------------------------------------------------------------------------


def brief_client(conn: sqlite3.Connection, client_id: int) -> tuple | None:
    """(name, form_of_address, status, archived_at, last_contact_at, birthday_calendar,
    birth_month, birth_day, birth_leap, created_at) of a client."""
    return conn.execute(
        "SELECT name, form_of_address, status, archived_at, last_contact_at, "
        "birthday_calendar, birth_month, birth_day, birth_leap, created_at "
        "FROM client WHERE id = ?",
        (client_id,),
    ).fetchone()


def client_tags(conn: sqlite3.Connection, client_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT tag FROM client_tag WHERE client_id = ? ORDER BY tag", (client_id,)
        )
    ]


# -- the timeline ------------------------------------------------------------------------------

#: Each kind's rows as (when, kind, text, label, detail, record id).
_TIMELINE = {
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
    conn: sqlite3.Connection, client_id: int, kinds: Sequence[TimelineKind]
) -> list[tuple[str, str, str, str | None, str | None, int]]:
    """One client's records of these kinds, newest first (see ``_TIMELINE`` for the row)."""
    if not kinds:
        return []
    sql = " UNION ALL ".join(_TIMELINE[k] for k in kinds) + " ORDER BY 1 DESC, 6 DESC"
    return conn.execute(sql, {"c": client_id}).fetchall()


# -- the demo ----------------------------------------------------------------------------------


def clients_created(conn: sqlite3.Connection, first: int, last: int) -> list[tuple[int, str]]:
    """(id, created_at) of the clients with ids in [first, last]."""
    return conn.execute(
        "SELECT id, created_at FROM client WHERE id BETWEEN ? AND ?", (first, last)
    ).fetchall()
