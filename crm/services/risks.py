"""Risk signals: recorded by hand from the list, or detected; each with a history, closed with
a note. The badges (worst open signal per client) and the Risks page read the open ones only.

Detection (:meth:`RiskService.detect`) is incremental: given client ids (those a change was
about), it looks at those clients only; without, at the whole book (once a day, off the GUI
thread). A rule opens one signal per cause (its ``rule_key``) and never a second while that one
is open, so running it again is harmless.
"""

from __future__ import annotations

import builtins
import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crm.domain.changes import Initiator, Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate
from crm.domain.relationship_enums import Channel
from crm.domain.risk import (
    CONTACT_CHANGES,
    CONTACT_WINDOW,
    MANUAL_KINDS,
    TURNOVER_DROP,
    RiskKind,
    month_key,
    parse_kind,
    turnover_drop,
)
from crm.services import memory_base as mb
from crm.services.interactions import InteractionDraft, insert_interaction
from crm.store.book import Book, sql_datetime, to_date, to_datetime
from crm.store.queries import risks as q

NO_SIGNAL = QT_TRANSLATE_NOOP("Risk", "There is no risk signal with id {id}.")
ALREADY_CLOSED = QT_TRANSLATE_NOOP("Risk", "Signal {id} was closed on {date}.")
OTHER_CLIENTS_SIGNAL = QT_TRANSLATE_NOOP("Risk", "Signal {id} is not one of this client's.")
CLOSE_NEEDS_NOTE = QT_TRANSLATE_NOOP("Risk", "Say in a note why the signal is closed.")
NOT_BY_HAND = QT_TRANSLATE_NOOP("Risk", "{kind} is detected, not recorded by hand.")
NO_ANSWER = "no_answer"
#: The contact logged for a call not answered: stored text, in the language of the interface
#: that logged it (the caller's ``translate``).
NO_ANSWER_SUMMARY = QT_TRANSLATE_NOOP("Risk", "No answer")


class RiskNotFound(LookupError):
    def __init__(self, message: Msg) -> None:
        self.message = message
        super().__init__(message.render())


@dataclass(frozen=True, slots=True)
class RiskEventRow:
    action: str  # opened, noted, closed
    note: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class SignalRow:
    id: int
    client_id: int
    kind: RiskKind
    severity: int
    detected: bool
    opened_on: dt.date
    note: str
    closed_on: dt.date | None
    close_note: str
    client_name: str
    history: tuple[RiskEventRow, ...] = ()

    @property
    def open(self) -> bool:
        return self.closed_on is None


def _signal(r: Sequence) -> SignalRow:
    return SignalRow(
        id=r[0],
        client_id=r[1],
        kind=RiskKind(r[2]) if r[2] in RiskKind._value2member_map_ else RiskKind.OTHER,
        severity=r[3],
        detected=bool(r[4]),
        opened_on=to_date(r[5]) or dt.date.min,
        note=r[6],
        closed_on=to_date(r[7]),
        close_note=r[8],
        client_name=r[10],
    )


def _refuse(field: str, message: Msg) -> ValidationErrors:
    return ValidationErrors([FieldError(field, message)])


class RiskService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    # -- reads -----------------------------------------------------------------------------

    def open(self) -> builtins.list[SignalRow]:
        """Every open signal, worst first, then the oldest (the Risks page)."""
        return [_signal(r) for r in q.open_signals(self.book.reader())]

    def for_client(self, client_id: int) -> builtins.list[SignalRow]:
        """The client's signals, open first, each with its history."""
        conn = self.book.reader()
        rows = [_signal(r) for r in q.signals_of(conn, [client_id])]
        events: dict[int, list[RiskEventRow]] = {}
        for _id, sid, action, note, at in q.events_of(conn, [r.id for r in rows]):
            events.setdefault(sid, []).append(
                RiskEventRow(action, note, to_datetime(at) or dt.datetime.min)
            )
        return [_with_history(r, events.get(r.id, [])) for r in rows]

    def badges(self, client_ids: Sequence[int] | None = None) -> dict[int, int]:
        """Client id -> badge level (worst severity × 1000 + open count); absent: none.
        Reads the small partial index of open signals only."""
        return q.worst_open(self.book.reader(), client_ids)

    # -- writes ----------------------------------------------------------------------------

    def add(
        self,
        client_id: int,
        kind: RiskKind | str,
        *,
        note: str = "",
        on: dt.date | None = None,
        initiator: Initiator = Initiator.USER,
    ) -> int:
        """Record a signal by hand (a kind from the list); returns its id."""
        kind = parse_kind(kind) or RiskKind(kind)  # 经营下滑 as the list spells it, or a value
        if kind not in MANUAL_KINDS:
            raise _refuse("kind", NOT_BY_HAND.with_(kind=kind.label))
        now = self.clock.now()
        with self.book.write() as conn:
            mb.require_client(conn, client_id)
            (new_id,) = _open(conn, [(client_id, kind, "", note.strip())], on or now.date(), now)
        self.book.changes.publish(Topic.RISK, [client_id], initiator)
        return new_id

    def close(self, signal_id: int, note: str, *, client_id: int | None = None) -> None:
        """Close a signal with a note saying why (refused without one)."""
        note = note.strip()
        if not note:
            raise _refuse("note", CLOSE_NEEDS_NOTE)
        now = self.clock.now()
        with self.book.write() as conn:
            row = self._row(conn, signal_id, client_id)
            if row.closed_on is not None:
                raise _refuse("id", ALREADY_CLOSED.with_(id=signal_id, date=row.closed_on))
            q.close_signal(conn, signal_id, now.date().isoformat(), note)
            q.insert_events(conn, [(signal_id, "closed", note, sql_datetime(now))])
        self.book.changes.publish(Topic.RISK, [row.client_id])

    def note(self, signal_id: int, note: str) -> None:
        """Add a line to a signal's history."""
        text = mb.check_text("note", note)
        now = self.clock.now()
        with self.book.write() as conn:
            row = self._row(conn, signal_id, None)
            q.insert_events(conn, [(signal_id, "noted", text, sql_datetime(now))])
        self.book.changes.publish(Topic.RISK, [row.client_id])

    def log_no_answer(
        self,
        client_id: int,
        channel: Channel = Channel.PHONE,
        note: str = "",
        translate: Translate | None = None,
    ) -> int:
        """A call or message that went unanswered: logged as a contact with the "no answer"
        outcome (the silent-borrower rule counts only answered contacts). Without a note the
        contact reads "No answer" in the caller's language (``translate``)."""
        summary = note.strip() or NO_ANSWER_SUMMARY.render(*([translate] if translate else []))
        touched = mb.Touched()
        with self.book.write() as conn:
            mb.require_client(conn, client_id)
            new_id = insert_interaction(
                conn, client_id, InteractionDraft(channel, summary), self.clock.now(), touched
            )
            q.insert_outcome(conn, new_id, NO_ANSWER)
            moved = touched.apply(conn)
        topics = {Topic.INTERACTION} | ({Topic.CLIENT} if moved else set())
        # Detection follows from the change (the GUI runs it on the task runner).
        self.book.changes.publish(topics, [client_id])
        return new_id

    def _row(self, conn: sqlite3.Connection, signal_id: int, client_id: int | None) -> SignalRow:
        found = q.signal(conn, signal_id)
        if found is None:
            raise RiskNotFound(NO_SIGNAL.with_(id=signal_id))
        row = _signal(found)
        if client_id is not None and row.client_id != client_id:
            raise _refuse("id", OTHER_CLIENTS_SIGNAL.with_(id=signal_id))
        return row

    # -- detection -------------------------------------------------------------------------

    def detect(self, client_ids: Iterable[int] | None = None) -> builtins.list[int]:
        """Open what the rules find and is not open yet; ``client_ids``: only those clients
        (incremental), ``None``: the whole book. Returns the new signals' ids; publishes one
        change (initiator SYSTEM) when there are any."""
        ids = None if client_ids is None else sorted(set(client_ids))
        if ids == []:
            return []
        today = self.clock.today()
        conn = self.book.reader()
        found = _findings(conn, today, ids)
        if not found:
            return []
        with self.book.write() as wconn:
            fresh, new_ids = open_findings(wconn, found, today, self.clock.now())
        if new_ids:
            self.book.changes.publish(Topic.RISK, {f[0] for f in fresh}, Initiator.SYSTEM)
        return new_ids


def open_findings(
    conn: sqlite3.Connection,
    found: Sequence[tuple[int, RiskKind, str, str]],
    today: dt.date,
    now: dt.datetime,
) -> tuple[list[tuple[int, RiskKind, str, str]], list[int]]:
    """Open the findings not open yet, inside the caller's write (detection's, or the demo's
    fill step); returns (the findings opened, their ids)."""
    taken = q.open_rule_keys(conn)
    fresh = [f for f in found if (f[0], f[2]) not in taken]
    return fresh, (_open(conn, fresh, today, now) if fresh else [])


def findings(
    conn: sqlite3.Connection, today: dt.date, client_ids: Sequence[int] | None = None
) -> list[tuple[int, RiskKind, str, str]]:
    """What the rules find today (see :meth:`RiskService.detect`), read on ``conn``."""
    return _findings(conn, today, client_ids)


def _with_history(row: SignalRow, events: list[RiskEventRow]) -> SignalRow:
    from dataclasses import replace

    return replace(row, history=tuple(events))


def _open(
    conn: sqlite3.Connection,
    rows: Sequence[tuple[int, RiskKind, str, str]],
    on: dt.date,
    now: dt.datetime,
) -> list[int]:
    """Insert signals (client, kind, rule key, note) with their "opened" history entry."""
    stamp = sql_datetime(now)
    ids = q.insert_signals(
        conn,
        [
            (cid, k.value, k.severity, key, on.isoformat(), note, stamp)
            for cid, k, key, note in rows
        ],
    )
    q.insert_events(conn, [(i, "opened", r[3], stamp) for i, r in zip(ids, rows, strict=True)])
    return ids


def _findings(
    conn: sqlite3.Connection, today: dt.date, ids: Sequence[int] | None
) -> list[tuple[int, RiskKind, str, str]]:
    """(client, kind, rule key, note) of everything the rules find today."""
    from crm.services.cadence import cadence_defaults

    out: list[tuple[int, RiskKind, str, str]] = []
    since = (today - dt.timedelta(days=CONTACT_WINDOW)).isoformat()
    for cid in q.contact_changers(conn, since, CONTACT_CHANGES, ids):
        note = f"{CONTACT_CHANGES}+ / {CONTACT_WINDOW}d"  # language-neutral: stored
        out.append((cid, RiskKind.CONTACT_CHANGED, f"contact:{since[:7]}", note))
    for loan_id, cid, overdue_since in q.overdue_loans(conn, ids):
        note = f"#{loan_id} {overdue_since or ''}".strip()
        out.append((cid, RiskKind.REPAYMENT_OVERDUE, f"overdue:{loan_id}:{overdue_since}", note))
    borrower_days = cadence_defaults(conn).get("borrower", 30)
    for cid, days, _cadence in q.unanswered_borrowers(conn, today.isoformat(), borrower_days, ids):
        out.append((cid, RiskKind.NO_ANSWER, "silent", f"{days}d"))
    first = today.replace(day=1) - dt.timedelta(days=220)
    months: dict[int, list[tuple[str, int]]] = {}
    for cid, month, fen in q.turnover_rows(conn, month_key(first), ids):
        months.setdefault(cid, []).append((month, fen))
    for cid, rows in months.items():
        drop = turnover_drop(rows)
        if drop is not None and drop >= TURNOVER_DROP:
            latest = max(m for m, _ in rows)
            note = f"{latest} -{drop:.0%}"
            out.append((cid, RiskKind.BUSINESS_DOWN, f"turnover:{latest}", note))
    return out
