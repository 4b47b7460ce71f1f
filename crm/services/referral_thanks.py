"""Thanking referrers: when a referred client becomes a borrower, the referrer is owed thanks.

The event is written by :func:`note_status_change` in the same transaction as the status
change (ClientService.add/update). :func:`thanks_source` turns open events into reminder
occurrences (occasion ``thank_referrer``); :meth:`ReferralThanks.log_thanks` records the
thank-you as an interaction with the referrer and closes the event.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.enums import ClientStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.services.referral_links import Person, person_from_row
from crm.services.reminders.occurrence import Occurrence
from crm.store.book import Book, sql_datetime

OCCASION = "thank_referrer"


@dataclass(frozen=True)
class ThanksDue:
    id: int
    referrer: Person
    referred: Person
    became_borrower_on: dt.date
    thanked_at: dt.datetime | None = None


def note_status_change(
    conn: sqlite3.Connection,
    client_id: int,
    referrer_id: int | None,
    old_status: str | None,
    new_status: str,
    now: dt.datetime,
) -> int | None:
    """Record that a referred client just became a borrower; returns the event id, if any."""
    if referrer_id is None or new_status != ClientStatus.BORROWER or old_status == new_status:
        return None
    cur = conn.execute(
        "INSERT INTO referral_thanks (referrer_id, referred_id, became_borrower_on, created_at) "
        "VALUES (?, ?, ?, ?)",
        (referrer_id, client_id, now.date().isoformat(), sql_datetime(now)),
    )
    return cur.lastrowid


_DUE_SQL = """
    SELECT t.id, t.became_borrower_on, t.thanked_at,
           r.id, r.name, r.form_of_address, r.status, r.kind, r.archived_at IS NOT NULL,
           c.id, c.name, c.form_of_address, c.status, c.kind, c.archived_at IS NOT NULL
    FROM referral_thanks t
    JOIN client r ON r.id = t.referrer_id
    JOIN client c ON c.id = t.referred_id
"""


def _due(row: tuple[Any, ...]) -> ThanksDue:
    return ThanksDue(
        id=row[0],
        became_borrower_on=dt.date.fromisoformat(row[1]),
        thanked_at=dt.datetime.fromisoformat(row[2]) if row[2] else None,
        referrer=person_from_row(row[3:9]),
        referred=person_from_row(row[9:15]),
    )


def thanks_source(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Iterator[Occurrence]:
    """Reminder source: one ``thank_referrer`` occasion per thank-you not yet given, dated by
    ``end``: like a promise, an unthanked referrer keeps nagging however old (``start`` unused).
    """
    del start
    sql = (
        _DUE_SQL + " WHERE t.thanked_at IS NULL AND r.archived_at IS NULL"
        " AND t.became_borrower_on <= ? ORDER BY t.became_borrower_on, t.id"
    )
    for row in conn.execute(sql, (end.isoformat(),)):
        due = _due(row)
        yield Occurrence(
            key=f"{OCCASION}:{due.id}:{due.became_borrower_on.isoformat()}",
            occasion=OCCASION,
            date=due.became_borrower_on,
            title=QT_TRANSLATE_NOOP(
                "ReferralThanks", "Thank {referrer} for referring {client}"
            ).with_(referrer=due.referrer.label, client=due.referred.label),
            client_id=due.referrer.id,
            lead_days=0,
            detail=QT_TRANSLATE_NOOP(
                "ReferralThanks", "{client}, whom {referrer} referred, became a borrower on {date}."
            ).with_(
                client=due.referred.label,
                referrer=due.referrer.label,
                date=due.became_borrower_on.isoformat(),
            ),
            ref_id=due.referred.id,
        )


def plain_thanks_text(due: ThanksDue) -> Msg:
    """Our own thank-you wording, used when no greeting composer offers a draft."""
    return QT_TRANSLATE_NOOP(
        "ReferralThanks",
        "{referrer}, thank you for introducing {client} to me. Everything is now in place for "
        "them, and I will look after them well. Your trust means a lot; do get in touch "
        "whenever I can help you or your friends.",
    ).with_(referrer=due.referrer.label, client=due.referred.label)


class ReferralThanks:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def open_for(self, referrer_id: int | None = None) -> list[ThanksDue]:
        """Thank-yous not yet given, oldest first (all referrers, or one)."""
        sql = _DUE_SQL + " WHERE t.thanked_at IS NULL"
        params: tuple[int, ...] = ()
        if referrer_id is not None:
            sql += " AND t.referrer_id = ?"
            params = (referrer_id,)
        sql += " ORDER BY t.became_borrower_on, t.id"
        return [_due(r) for r in self.book.reader().execute(sql, params)]

    def get(self, thanks_id: int) -> ThanksDue | None:
        row = self.book.reader().execute(_DUE_SQL + " WHERE t.id = ?", (thanks_id,)).fetchone()
        return _due(row) if row else None

    def draft(self, due: ThanksDue) -> Msg:
        """The thank-you message to send: the greeting composer's when it offers one."""
        return plain_thanks_text(due)

    def log_thanks(self, thanks_id: int, channel: str, summary: str) -> int:
        """Log the thank-you as an interaction with the referrer and close the reminder, in
        one write. Returns the interaction's id."""
        now = self.clock.now()
        with self.book.write() as conn:
            row = conn.execute(
                "SELECT referrer_id FROM referral_thanks WHERE id = ?", (thanks_id,)
            ).fetchone()
            if row is None:
                raise LookupError(thanks_id)
            referrer_id = int(row[0])
            interaction_id = _log_interaction(conn, referrer_id, channel, summary, now)
            conn.execute(
                "UPDATE referral_thanks SET thanked_at = ?, interaction_id = ? WHERE id = ?",
                (sql_datetime(now), interaction_id, thanks_id),
            )
        self.book.changes.publish(
            {Topic.REFERRAL_THANKS, Topic.INTERACTION, Topic.CLIENT}, [referrer_id]
        )
        return interaction_id


def _log_interaction(
    conn: sqlite3.Connection, client_id: int, channel: str, summary: str, now: dt.datetime
) -> int:
    """Through the contact log's own rules (issue 3) when present; plain SQL otherwise."""
    try:
        from crm.domain.relationship_enums import Channel
        from crm.services.interactions import InteractionDraft, insert_interaction
        from crm.services.memory_base import refresh_last_contact, refresh_memory
    except ImportError:  # pragma: no cover - the contact log ships with its own issue
        cur = conn.execute(
            "INSERT INTO interaction (client_id, occurred_at, channel, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (client_id, sql_datetime(now), channel, summary, sql_datetime(now)),
        )
        conn.execute(
            "UPDATE client SET last_contact_at = ? WHERE id = ?", (sql_datetime(now), client_id)
        )
        return int(cur.lastrowid or 0)
    known = channel if channel in Channel._value2member_map_ else Channel.OTHER.value
    new_id = insert_interaction(conn, client_id, InteractionDraft(Channel(known), summary), now)
    refresh_last_contact(conn, client_id)
    refresh_memory(conn, [client_id])
    return new_id
