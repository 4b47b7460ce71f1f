"""Life notes (个人记事) and talking points: what the client told you, and what to ask next time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.relationship_enums import Channel, NoteCategory
from crm.services.memory_base import (
    MAX_TEXT,
    RecordNotFound,
    owner_of,
    refresh_last_contact,
    refresh_memory,
    require_client,
    sql_date,
    to_date,
    to_datetime,
)
from crm.store.book import Book, sql_datetime

_NOTE = QT_TRANSLATE_NOOP("Notes", "There is no note with id {id}.")


@dataclass(frozen=True)
class NoteDraft:
    text: str
    category: NoteCategory = NoteCategory.OTHER
    event_date: dt.date | None = None
    ask_next_time: bool = False


@dataclass(frozen=True)
class NoteRow:
    id: int
    client_id: int
    category: NoteCategory
    text: str
    event_date: dt.date | None
    ask_next_time: bool
    asked_at: dt.datetime | None
    answer: str | None
    created_at: dt.datetime

    @property
    def is_talking_point(self) -> bool:
        return self.ask_next_time and self.asked_at is None


NOTE_COLUMNS = (
    "id, client_id, category, text, event_date, ask_next_time, asked_at, answer, created_at"
)


def note_row(r: tuple) -> NoteRow:
    return NoteRow(
        id=r[0],
        client_id=r[1],
        category=NoteCategory(r[2])
        if r[2] in NoteCategory._value2member_map_
        else NoteCategory.OTHER,
        text=r[3],
        event_date=to_date(r[4]),
        ask_next_time=bool(r[5]),
        asked_at=to_datetime(r[6]),
        answer=r[7],
        created_at=to_datetime(r[8]) or dt.datetime.min,
    )


def check_text(field: str, text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationErrors(
            [FieldError(field, QT_TRANSLATE_NOOP("Notes", "Write something first."))]
        )
    if len(text) > MAX_TEXT:
        raise ValidationErrors(
            [
                FieldError(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Notes", "{n} characters is too long; keep it under {max}."
                    ).with_(n=len(text), max=MAX_TEXT),
                )
            ]
        )
    return text


class NoteService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def add(self, client_id: int, draft: NoteDraft) -> int:
        text = check_text("text", draft.text)
        now = sql_datetime(self.clock.now())
        with self.book.write() as conn:
            require_client(conn, client_id)
            cur = conn.execute(
                "INSERT INTO life_note (client_id, category, text, event_date, ask_next_time, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    client_id,
                    draft.category.value,
                    text,
                    sql_date(draft.event_date),
                    draft.ask_next_time,
                    now,
                    now,
                ),
            )
            refresh_memory(conn, [client_id])
        assert cur.lastrowid is not None
        self.book.changes.publish(Topic.NOTE, [client_id])
        return cur.lastrowid

    def update(self, note_id: int, draft: NoteDraft) -> None:
        text = check_text("text", draft.text)
        with self.book.write() as conn:
            client_id = owner_of(conn, "life_note", note_id, _NOTE)
            conn.execute(
                "UPDATE life_note SET category = ?, text = ?, event_date = ?, ask_next_time = ?, "
                "asked_at = CASE WHEN ? THEN asked_at END, updated_at = ? WHERE id = ?",
                (
                    draft.category.value,
                    text,
                    sql_date(draft.event_date),
                    draft.ask_next_time,
                    draft.ask_next_time,
                    sql_datetime(self.clock.now()),
                    note_id,
                ),
            )
            refresh_memory(conn, [client_id])
        self.book.changes.publish(Topic.NOTE, [client_id])

    def get(self, note_id: int) -> NoteRow:
        r = (
            self.book.reader()
            .execute(f"SELECT {NOTE_COLUMNS} FROM life_note WHERE id = ?", (note_id,))
            .fetchone()
        )
        if r is None:
            raise RecordNotFound(_NOTE.with_(id=note_id))
        return note_row(r)

    def for_client(self, client_id: int) -> list[NoteRow]:
        """Live notes: open talking points first, then newest first."""
        sql = (
            f"SELECT {NOTE_COLUMNS} FROM life_note WHERE client_id = ? AND deleted_at IS NULL "
            "ORDER BY (ask_next_time AND asked_at IS NULL) DESC, created_at DESC, id DESC"
        )
        return [note_row(r) for r in self.book.reader().execute(sql, (client_id,))]

    def talking_points(self, client_id: int) -> list[NoteRow]:
        return [n for n in self.for_client(client_id) if n.is_talking_point]

    def talking_points_by_client(self, client_ids: list[int]) -> dict[int, list[str]]:
        """Open talking points' texts for many clients (the due list's last column)."""
        out: dict[int, list[str]] = {}
        for start in range(0, len(client_ids), 900):
            chunk = client_ids[start : start + 900]
            sql = (
                "SELECT client_id, text FROM life_note WHERE deleted_at IS NULL "
                "AND ask_next_time AND asked_at IS NULL "
                f"AND client_id IN ({','.join('?' * len(chunk))}) ORDER BY created_at"
            )
            for cid, text in self.book.reader().execute(sql, chunk):
                out.setdefault(cid, []).append(text)
        return out

    def delete(self, note_id: int) -> None:
        """Soft delete: gone from every list and the search, back with :meth:`restore`."""
        self._set_deleted(note_id, self.clock.now())

    def restore(self, note_id: int) -> None:
        self._set_deleted(note_id, None)

    def _set_deleted(self, note_id: int, when: dt.datetime | None) -> None:
        with self.book.write() as conn:
            client_id = owner_of(conn, "life_note", note_id, _NOTE)
            conn.execute(
                "UPDATE life_note SET deleted_at = ? WHERE id = ?", (sql_datetime(when), note_id)
            )
            refresh_memory(conn, [client_id])
        self.book.changes.publish(Topic.NOTE, [client_id])

    def mark_asked(
        self,
        note_id: int,
        answer: str,
        *,
        log_channel: Channel | None = None,
        follow_up: bool = False,
    ) -> int | None:
        """Close a talking point with what the client answered.

        The answer is kept on the note and also recorded as a contact (``log_channel``: it was
        a call, a visit ...) or as a new note of the same category; ``follow_up`` flags that
        new note to ask about again. Returns the new interaction's or note's id (None when
        the answer is empty).
        """
        answer = answer.strip()
        if len(answer) > MAX_TEXT:
            check_text("answer", answer)
        now = self.clock.now()
        new_id: int | None = None
        topics = {Topic.NOTE}
        with self.book.write() as conn:
            client_id = owner_of(conn, "life_note", note_id, _NOTE)
            category = conn.execute(
                "SELECT category FROM life_note WHERE id = ?", (note_id,)
            ).fetchone()[0]
            conn.execute(
                "UPDATE life_note SET asked_at = ?, answer = ?, updated_at = ? WHERE id = ?",
                (sql_datetime(now), answer or None, sql_datetime(now), note_id),
            )
            if answer and log_channel is not None:
                cur = conn.execute(
                    "INSERT INTO interaction (client_id, occurred_at, channel, summary, "
                    "created_at) VALUES (?, ?, ?, ?, ?)",
                    (client_id, sql_datetime(now), log_channel.value, answer, sql_datetime(now)),
                )
                new_id = cur.lastrowid
                topics.add(Topic.INTERACTION)
                if refresh_last_contact(conn, client_id):
                    topics.add(Topic.CLIENT)
            elif answer:
                cur = conn.execute(
                    "INSERT INTO life_note (client_id, category, text, ask_next_time, "
                    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (client_id, category, answer, follow_up, sql_datetime(now), sql_datetime(now)),
                )
                new_id = cur.lastrowid
            refresh_memory(conn, [client_id])
        self.book.changes.publish(topics, [client_id])
        return new_id
