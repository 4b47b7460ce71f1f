"""The contact log (联系记录): every call, WeChat chat and visit, and client.last_contact_at.

``client.last_contact_at`` is the newest live interaction's time, set in the same transaction
as every write here (add, delete, restore) so the list's "last contacted" column and the
due-for-contact list never disagree with the log.

:func:`insert_interaction` is THE insert of an interaction: the contact log, a kept promise, a
talking point's answer, a referral thank-you and a sent greeting all go through it (the demo
through its bulk form :func:`insert_interactions`), and it keeps last contact and the search
document. A next step with a date is a promise: the same insert makes it one, through the
promises' own insert (:mod:`crm.services.promises`), in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from crm.domain.changes import Topic
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.relationship_enums import Channel
from crm.services import memory_base as mb
from crm.store.book import sql_date, sql_datetime, to_date, to_datetime
from crm.store.queries import interactions as q
from crm.store.queries import promises as promise_queries
from crm.store.queries import relationship as relationship_queries

_INTERACTION = QT_TRANSLATE_NOOP("Interactions", "There is no contact record with id {id}.")


@dataclass(frozen=True)
class InteractionDraft:
    channel: Channel
    summary: str
    occurred_at: dt.datetime | None = None  # None: when it is recorded
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


def interaction_row(r: tuple) -> InteractionRow:
    """A row of ``INTERACTION_COLUMNS`` as an InteractionRow."""
    return InteractionRow(
        id=r[0],
        client_id=r[1],
        occurred_at=to_datetime(r[2]) or dt.datetime.min,
        channel=Channel(r[3]) if r[3] in Channel._value2member_map_ else Channel.OTHER,
        summary=r[4],
        next_step=r[5],
        next_step_due=to_date(r[6]),
    )


_STEP_TEXT = QT_TRANSLATE_NOOP("Interactions", "Say what the next step is, or leave out its date.")


def _checked(draft: InteractionDraft) -> tuple[str, str, str | None, str | None]:
    summary = mb.check_text("summary", draft.summary)
    step = draft.next_step.strip()
    if step:
        mb.check_text("next_step", step)
    elif draft.next_step_due is not None:
        # A dated next step becomes a promise, and a promise says what was promised.
        raise ValidationErrors([FieldError("next_step", _STEP_TEXT)])
    due = sql_date(draft.next_step_due) if step else None
    return draft.channel.value, summary, step or None, due


def _next_step_promises(
    conn: sqlite3.Connection,
    rows: Iterable[q.InteractionValues],
    touched: mb.Touched,
    kept_by: dt.datetime | None = None,
) -> None:
    """Each stored contact's dated next step, as a promise made when the contact was recorded
    (through the promises' own insert, :func:`crm.services.promises.insert_promises`, one
    executemany for the demo's 100,000s). ``kept_by``: next steps due before it are history,
    kept on their day (the demo's past contacts)."""
    from crm.services.promises import PromiseDraft, insert_promises

    made_from_steps = []
    for client_id, _occurred, _channel, _summary, step, due, recorded in rows:
        if step and due:
            made = dt.datetime.fromisoformat(recorded)
            day = dt.date.fromisoformat(due)
            kept = None
            if kept_by is not None and day < kept_by.date():
                kept = dt.datetime.combine(day, made.time())
            made_from_steps.append((client_id, PromiseDraft(step, day, kept), made))
    if made_from_steps:
        insert_promises(conn, made_from_steps, touched)


def _future(at: dt.datetime) -> ValidationErrors:
    return ValidationErrors(
        [
            FieldError(
                "occurred_at",
                QT_TRANSLATE_NOOP(
                    "Interactions", "A contact cannot be in the future; it is {today} today."
                ).with_(today=at.date().isoformat()),
            )
        ]
    )


def _rows(
    interactions: Iterable[tuple[int, InteractionDraft, dt.datetime]],
) -> list[q.InteractionValues]:
    """Interactions as they are stored, validated (none after ``at``, when it is recorded):
    the per-record path of every interaction write."""
    check = mb.once_per_draft(_checked)
    rows: list[q.InteractionValues] = []
    for client_id, draft, at in interactions:
        channel, summary, step, due = check(draft)
        recorded = occurred = sql_datetime(at)
        if draft.occurred_at is not None:
            if draft.occurred_at.date() > at.date():
                raise _future(at)
            occurred = sql_datetime(draft.occurred_at)
        rows.append((client_id, occurred, channel, summary, step, due, recorded))
    return rows


def insert_interaction(
    conn: sqlite3.Connection,
    client_id: int,
    how: InteractionDraft,
    now: dt.datetime,
    touched: mb.Touched | None = None,
) -> int:
    """Validate and insert one interaction in the caller's transaction; returns its id.

    Keeps the client's last contact and search document: at once, or, with ``touched``, when
    the caller applies it (to learn whether last contact moved, or to batch). Either way the
    caller publishes: Topic.INTERACTION, Topic.PROMISE when the draft has a dated next step
    (:func:`makes_promise`), and Topic.CLIENT when last contact may have moved.
    """
    row = _rows([(client_id, how, now)])[0]
    new_id = q.insert_interaction(conn, row)
    effects = touched if touched is not None else mb.Touched()
    _next_step_promises(conn, [row], effects)
    effects.contact.add(client_id)
    effects.memory.add(client_id)
    if touched is None:
        effects.apply(conn)
    return new_id


def insert_interactions(
    conn: sqlite3.Connection,
    interactions: Iterable[tuple[int, InteractionDraft, dt.datetime]],
    touched: mb.Touched,
    kept_by: dt.datetime | None = None,
) -> None:
    """The bulk form of :func:`insert_interaction`, inside the caller's transaction (the
    demo's): (client id, contact, when it was recorded) each. The caller applies ``touched``.
    ``kept_by``: dated next steps due before it were kept (history the demo brings)."""
    rows = _rows(interactions)
    q.insert_interactions(conn, rows)
    _next_step_promises(conn, rows, touched, kept_by)
    clients = {r[0] for r in rows}
    touched.contact |= clients
    touched.memory |= clients


def makes_promise(draft: InteractionDraft) -> bool:
    """Whether logging ``draft`` also makes a promise (its next step has a date)."""
    return bool(draft.next_step.strip() and draft.next_step_due)


class InteractionService(mb.SoftDeleting):
    deletable = mb.SoftDeletable(
        Topic.INTERACTION, _INTERACTION, q.TABLE_NAME, counts_as_contact=True
    )

    def log(self, client_id: int, draft: InteractionDraft) -> int:
        touched = mb.Touched()
        with self.book.write() as conn:
            mb.require_client(conn, client_id)
            new_id = insert_interaction(conn, client_id, draft, self.clock.now(), touched)
            moved = touched.apply(conn)
        topics = {Topic.INTERACTION} | ({Topic.CLIENT} if moved else set())
        if makes_promise(draft):
            topics.add(Topic.PROMISE)
        self.book.changes.publish(topics, [client_id])
        return new_id

    def _set_deleted(self, record_id: int, when: dt.datetime | None) -> None:
        """Delete or restore a contact, and with it the promise its dated next step made (an
        undone "log contact" leaves no promise behind; its undo brings both back)."""
        touched = mb.Touched()
        stamp = sql_datetime(when)
        with self.book.write() as conn:
            client_id = self.owner(conn, record_id)
            before = q.deleted_at(conn, record_id)
            promise_ids = q.next_step_promises(conn, record_id, before)
            relationship_queries.set_deleted(conn, q.TABLE_NAME, record_id, stamp)
            for promise_id in promise_ids:
                relationship_queries.set_deleted(
                    conn, promise_queries.TABLE_NAME, promise_id, stamp
                )
            touched.memory.add(client_id)
            touched.contact.add(client_id)
            moved = touched.apply(conn)
        topics = {Topic.INTERACTION}
        topics |= {Topic.PROMISE} if promise_ids else set()
        topics |= {Topic.CLIENT} if moved else set()
        self.book.changes.publish(topics, [client_id])

    def for_client(self, client_id: int, limit: int | None = None) -> list[InteractionRow]:
        return [interaction_row(r) for r in q.for_client(self.book.reader(), client_id, limit)]

    def get(self, interaction_id: int) -> InteractionRow:
        r = q.interaction(self.book.reader(), interaction_id)
        if r is None:
            raise mb.RecordNotFound(_INTERACTION.with_(id=interaction_id))
        return interaction_row(r)
