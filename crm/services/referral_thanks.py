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
from crm.store.book import Book, sql_datetime, to_datetime
from crm.store.queries import referrals as q

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
    referred_by_id: int | None,
    old_status: str | None,
    new_status: str,
    now: dt.datetime,
) -> int | None:
    """Record that a referred client just became a borrower; returns the event id, if any.

    Runs in the client write transaction (ClientService.add/update, and their bulk forms).
    """
    if referred_by_id is None or new_status != ClientStatus.BORROWER or old_status == new_status:
        return None
    return q.insert_thanks(
        conn, referred_by_id, client_id, now.date().isoformat(), sql_datetime(now)
    )


def _due(row: tuple[Any, ...]) -> ThanksDue:
    return ThanksDue(
        id=row[0],
        became_borrower_on=dt.date.fromisoformat(row[1]),
        thanked_at=to_datetime(row[2]),
        referrer=person_from_row(row[3:9]),
        referred=person_from_row(row[9:15]),
    )


def thanks_source(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Iterator[Occurrence]:
    """Reminder source: one ``thank_referrer`` occasion per thank-you not yet given, dated by
    ``end``: like a promise, an unthanked referrer keeps nagging however old (``start`` unused).
    """
    del start
    rows = q.thanks_rows(conn, open_only=True, referrer_active=True, until=end.isoformat())
    for row in rows:
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
        rows = q.thanks_rows(self.book.reader(), open_only=True, referrer_id=referrer_id)
        return [_due(r) for r in rows]

    def get(self, thanks_id: int) -> ThanksDue | None:
        row = q.thanks_row(self.book.reader(), thanks_id)
        return _due(row) if row else None

    def draft(self, due: ThanksDue) -> Msg:
        """The thank-you message to send: the greeting composer's when it offers one."""
        return plain_thanks_text(due)

    def log_thanks(self, thanks_id: int, channel: str, summary: str) -> int:
        """Log the thank-you as an interaction with the referrer and close the reminder, in
        one write. Returns the interaction's id."""
        now = self.clock.now()
        with self.book.write() as conn:
            referrer_id = q.thanks_referrer(conn, thanks_id)
            if referrer_id is None:
                raise LookupError(thanks_id)
            interaction_id = _log_contact(conn, referrer_id, channel, summary, now)
            q.close_thanks(conn, thanks_id, sql_datetime(now), interaction_id)
        # Client ids, never the thank-you's own id: listeners match them against clients.
        self.book.changes.publish(
            {Topic.REFERRAL_THANKS, Topic.INTERACTION, Topic.CLIENT}, [referrer_id]
        )
        return interaction_id


def _log_contact(
    conn: sqlite3.Connection, client_id: int, channel: str, summary: str, now: dt.datetime
) -> int:
    """The contact log's own write path, inside this transaction: its validation and insert
    (``insert_interaction``, which keeps the client's last contact and search document)."""
    from crm.domain.relationship_enums import Channel
    from crm.services.interactions import InteractionDraft, insert_interaction

    known = channel if channel in Channel._value2member_map_ else Channel.OTHER.value
    return insert_interaction(conn, client_id, InteractionDraft(Channel(known), summary), now)
