"""Life notes (个人记事) and talking points: what the client told you, and what to ask next time."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.relationship_enums import Channel, NoteCategory
from crm.services import memory_base as mb
from crm.services.interactions import InteractionDraft, insert_interaction
from crm.store.book import sql_date, sql_datetime, to_date, to_datetime
from crm.store.queries import notes as q

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


def note_row(r: tuple) -> NoteRow:
    """A row of ``LIFE_NOTE_COLUMNS`` as a NoteRow."""
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


def _checked(draft: NoteDraft) -> tuple[str, str, str | None, bool]:
    return (
        draft.category.value,
        mb.check_text("text", draft.text),
        sql_date(draft.event_date),
        draft.ask_next_time,
    )


def _rows(notes: Iterable[tuple[int, NoteDraft, dt.datetime]]) -> list[q.NoteValues]:
    """Notes as they are stored, validated: the per-record path of every note write."""
    check = mb.once_per_draft(_checked)
    rows: list[q.NoteValues] = []
    for client_id, draft, at in notes:
        when = sql_datetime(at)
        rows.append((client_id, *check(draft), when, when))
    return rows


def insert_notes(
    conn: sqlite3.Connection,
    notes: Iterable[tuple[int, NoteDraft, dt.datetime]],
    touched: mb.Touched,
) -> None:
    """The bulk form of :meth:`NoteService.add`, inside the caller's transaction (the demo's):
    (client id, note, when it was written) each. The caller applies ``touched``."""
    rows = _rows(notes)
    q.insert_notes(conn, rows)
    touched.memory.update(r[0] for r in rows)


def _insert_note(
    conn: sqlite3.Connection, client_id: int, draft: NoteDraft, at: dt.datetime, touched: mb.Touched
) -> int:
    new_id = q.insert_note(conn, _rows([(client_id, draft, at)])[0])
    touched.memory.add(client_id)
    return new_id


class NoteService(mb.SoftDeleting):
    deletable = mb.SoftDeletable(Topic.NOTE, _NOTE, q.TABLE_NAME)

    def add(self, client_id: int, draft: NoteDraft) -> int:
        touched = mb.Touched()
        with self.book.write() as conn:
            mb.require_client(conn, client_id)
            new_id = _insert_note(conn, client_id, draft, self.clock.now(), touched)
            touched.apply(conn)
        self.book.changes.publish(Topic.NOTE, [client_id])
        return new_id

    def update(self, note_id: int, draft: NoteDraft) -> None:
        text = mb.check_text("text", draft.text)
        touched = mb.Touched()
        with self.book.write() as conn:
            client_id = self.owner(conn, note_id)
            q.update_note(
                conn,
                note_id,
                draft.category.value,
                text,
                sql_date(draft.event_date),
                draft.ask_next_time,
                sql_datetime(self.clock.now()),
            )
            touched.memory.add(client_id)
            touched.apply(conn)
        self.book.changes.publish(Topic.NOTE, [client_id])

    def get(self, note_id: int) -> NoteRow:
        r = q.note(self.book.reader(), note_id)
        if r is None:
            raise mb.RecordNotFound(_NOTE.with_(id=note_id))
        return note_row(r)

    def for_client(self, client_id: int) -> list[NoteRow]:
        """Live notes: open talking points first, then newest first."""
        return [note_row(r) for r in q.for_client(self.book.reader(), client_id)]

    def talking_points(self, client_id: int) -> list[NoteRow]:
        return [n for n in self.for_client(client_id) if n.is_talking_point]

    def talking_points_by_client(self, client_ids: list[int]) -> dict[int, list[str]]:
        """Open talking points' texts for many clients (the due list's last column)."""
        out: dict[int, list[str]] = {}
        for cid, text in q.open_talking_points(self.book.reader(), client_ids):
            out.setdefault(cid, []).append(text)
        return out

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
        if len(answer) > mb.MAX_TEXT:
            mb.check_text("answer", answer)
        now = self.clock.now()
        new_id: int | None = None
        topics = {Topic.NOTE}
        touched = mb.Touched()
        with self.book.write() as conn:
            row = q.note(conn, note_id)
            if row is None:
                raise mb.RecordNotFound(_NOTE.with_(id=note_id))
            note = note_row(row)
            q.set_asked(conn, note_id, sql_datetime(now), answer or None)
            touched.memory.add(note.client_id)
            if answer and log_channel is not None:
                contact = InteractionDraft(log_channel, answer)
                new_id = insert_interaction(conn, note.client_id, contact, now, touched)
                topics.add(Topic.INTERACTION)
            elif answer:
                again = NoteDraft(answer, note.category, ask_next_time=follow_up)
                new_id = _insert_note(conn, note.client_id, again, now, touched)
            if touched.apply(conn):
                topics.add(Topic.CLIENT)
        self.book.changes.publish(topics, [note.client_id])
        return new_id
