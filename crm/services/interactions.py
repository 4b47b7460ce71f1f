"""The contact log (联系记录): every call, WeChat chat and visit, and client.last_contact_at.

``client.last_contact_at`` is the newest live interaction's time, set in the same transaction
as every write here (add, delete, restore) so the list's "last contacted" column and the
due-for-contact list never disagree with the log.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.relationship_enums import Channel
from crm.services.memory_base import (
    RecordNotFound,
    owner_of,
    refresh_last_contact,
    refresh_memory,
    require_client,
    sql_date,
    to_date,
    to_datetime,
)
from crm.services.notes import check_text
from crm.store.book import Book, sql_datetime

_INTERACTION = QT_TRANSLATE_NOOP("Interactions", "There is no contact record with id {id}.")


@dataclass(frozen=True)
class InteractionDraft:
    channel: Channel
    summary: str
    occurred_at: dt.datetime | None = None  # None: now
    next_step: str = ""
    next_step_due: dt.date | None = None


@dataclass(frozen=True)
class InteractionRow:
    id: int
    client_id: int
    occurred_at: dt.datetime
    channel: Channel
    summary: str
    next_step: str | None
    next_step_due: dt.date | None


COLUMNS = "id, client_id, occurred_at, channel, summary, next_step, next_step_due"


def interaction_row(r: tuple) -> InteractionRow:
    return InteractionRow(
        id=r[0],
        client_id=r[1],
        occurred_at=to_datetime(r[2]) or dt.datetime.min,
        channel=Channel(r[3]) if r[3] in Channel._value2member_map_ else Channel.OTHER,
        summary=r[4],
        next_step=r[5],
        next_step_due=to_date(r[6]),
    )


def insert_interaction(
    conn: sqlite3.Connection, client_id: int, draft: InteractionDraft, now: dt.datetime
) -> int:
    """Validate and insert one interaction in the caller's transaction; returns its id."""
    summary = check_text("summary", draft.summary)
    when = draft.occurred_at or now
    if when.date() > now.date():
        raise ValidationErrors(
            [
                FieldError(
                    "occurred_at",
                    QT_TRANSLATE_NOOP(
                        "Interactions", "A contact cannot be in the future; it is {today} today."
                    ).with_(today=now.date().isoformat()),
                )
            ]
        )
    step = draft.next_step.strip()
    if step:
        check_text("next_step", step)
    cur = conn.execute(
        "INSERT INTO interaction (client_id, occurred_at, channel, summary, next_step, "
        "next_step_due, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            client_id,
            sql_datetime(when),
            draft.channel.value,
            summary,
            step or None,
            sql_date(draft.next_step_due) if step or draft.next_step_due else None,
            sql_datetime(now),
        ),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


class InteractionService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def log(self, client_id: int, draft: InteractionDraft) -> int:
        with self.book.write() as conn:
            require_client(conn, client_id)
            new_id = insert_interaction(conn, client_id, draft, self.clock.now())
            moved = refresh_last_contact(conn, client_id)
            refresh_memory(conn, [client_id])
        self._publish(client_id, moved)
        return new_id

    def for_client(self, client_id: int, limit: int | None = None) -> list[InteractionRow]:
        sql = (
            f"SELECT {COLUMNS} FROM interaction WHERE client_id = ? AND deleted_at IS NULL "
            "ORDER BY occurred_at DESC, id DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [interaction_row(r) for r in self.book.reader().execute(sql, (client_id,))]

    def get(self, interaction_id: int) -> InteractionRow:
        r = (
            self.book.reader()
            .execute(f"SELECT {COLUMNS} FROM interaction WHERE id = ?", (interaction_id,))
            .fetchone()
        )
        if r is None:
            raise RecordNotFound(_INTERACTION.with_(id=interaction_id))
        return interaction_row(r)

    def delete(self, interaction_id: int) -> None:
        """Soft delete; last contact falls back to the previous interaction."""
        self._set_deleted(interaction_id, self.clock.now())

    def restore(self, interaction_id: int) -> None:
        self._set_deleted(interaction_id, None)

    def _set_deleted(self, interaction_id: int, when: dt.datetime | None) -> None:
        with self.book.write() as conn:
            client_id = owner_of(conn, "interaction", interaction_id, _INTERACTION)
            conn.execute(
                "UPDATE interaction SET deleted_at = ? WHERE id = ?",
                (sql_datetime(when), interaction_id),
            )
            moved = refresh_last_contact(conn, client_id)
            refresh_memory(conn, [client_id])
        self._publish(client_id, moved)

    def _publish(self, client_id: int, last_contact_moved: bool) -> None:
        topics = {Topic.INTERACTION} | ({Topic.CLIENT} if last_contact_moved else set())
        self.book.changes.publish(topics, [client_id])
