"""The pre-contact brief: everything to glance at before calling a client, as data and as text.

How to address them, open talking points, open promises, the last three contacts, personal
dates coming up, status and tags, their running loans and newest needs record
(:meth:`BriefService.build`). :func:`brief_text`, a pure function, renders it as one
plain-text block to copy into a phone's notes or a WeChat draft; :func:`loan_parts` and
:func:`need_parts` are the words of a loan and a needs record the brief tab shows too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from crm.domain.clock import FixedClock
from crm.domain.enums import Calendar, ClientStatus
from crm.domain.loan_form import render as render_nested
from crm.domain.loan_status import RUNNING, LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate
from crm.domain.relationship_enums import Channel
from crm.services.cadence import CadenceService
from crm.services.interactions import InteractionRow, InteractionService
from crm.services.loan_views import LoanReads, NeedRow
from crm.services.memory_base import RecordNotFound, RelationshipService
from crm.services.needs import NeedService
from crm.services.notes import NoteRow, NoteService, note_row
from crm.services.post_loan_brief import AfterLoan, after_loan_of, after_loan_sections
from crm.services.promises import PromiseRow, PromiseService
from crm.store.book import to_datetime
from crm.store.queries import clients as client_queries
from crm.store.queries import notes as note_queries
from crm.store.queries import relationship as q

RECENT = 3
#: Personal notes (not talking points) the brief lists, newest first.
NOTES_SHOWN = 5
#: How far ahead personal dates (dated notes, the birthday) are listed.
UPCOMING_DAYS = 60


@dataclass(frozen=True)
class UpcomingDate:
    date: dt.date
    text: str  # the note's own words, or "" for the birthday
    birthday: bool = False
    note_id: int | None = None


@dataclass(frozen=True)
class BriefLoan:
    """A running loan as the brief shows it: where it stands on the brief's day."""

    loan_id: int
    product: str
    status: LoanStatus  # disbursed, extended or overdue
    amount: Decimal
    balance: Decimal
    next_due: dt.date | None
    next_payment: Decimal | None
    maturity: dt.date | None
    days_to_maturity: int | None  # negative once past
    overdue_since: dt.date | None = None
    overdue_amount: Decimal | None = None


@dataclass(frozen=True)
class Brief:
    client_id: int
    name: str
    form_of_address: str | None
    status: ClientStatus
    tags: tuple[str, ...]
    archived: bool
    last_contact_at: dt.datetime | None
    cadence_days: int
    contact_due: dt.date  # (last contact or creation) + cadence
    talking_points: tuple[NoteRow, ...]
    promises: tuple[PromiseRow, ...]
    recent: tuple[InteractionRow, ...]
    upcoming: tuple[UpcomingDate, ...]
    loans: tuple[BriefLoan, ...] = ()  # running loans, the nearest maturity first
    need: NeedRow | None = None  # the newest needs record
    #: What the officer knows of them beyond talking points ("不喜欢早上打电话"), newest first.
    notes: tuple[NoteRow, ...] = ()
    profile_note: str = ""  # the client record's own notes
    phones: tuple[str, ...] = ()  # national numbers: the brief shows them masked until asked
    after_loan: AfterLoan | None = None  # signals, checks, papers, related parties (贷后)

    @property
    def address_as(self) -> str:
        return self.form_of_address or self.name


def _birthday(row: tuple, today: dt.date) -> dt.date | None:
    calendar, month, day, leap = row
    if not (calendar and month and day):
        return None
    from crm.domain.lunar import next_lunar_birthday, next_solar_birthday

    try:
        if calendar == Calendar.LUNAR.value:
            return next_lunar_birthday(month, day, bool(leap), today)
        return next_solar_birthday(month, day, today)
    except ValueError:
        return None


class BriefService(RelationshipService):
    def build(self, client_id: int, today: dt.date | None = None) -> Brief:
        today = today or self.clock.today()
        conn = self.book.reader()
        c = q.brief_client(conn, client_id)
        if c is None:
            raise RecordNotFound(
                QT_TRANSLATE_NOOP("Clients", "There is no client with id {id}.").with_(id=client_id)
            )
        upcoming: list[UpcomingDate] = []
        horizon = today + dt.timedelta(days=UPCOMING_DAYS)
        yesterday = today - dt.timedelta(days=1)
        for r in note_queries.dated_between(
            conn, client_id, yesterday.isoformat(), horizon.isoformat()
        ):
            n = note_row(r)
            assert n.event_date is not None
            upcoming.append(UpcomingDate(n.event_date, n.text, note_id=n.id))
        birthday = _birthday(c[5:9], today)
        if birthday is not None and birthday <= horizon:
            upcoming.append(UpcomingDate(birthday, "", birthday=True))
        upcoming.sort(key=lambda u: u.date)
        status = (
            ClientStatus(c[2]) if c[2] in ClientStatus._value2member_map_ else ClientStatus.PROSPECT
        )
        last = to_datetime(c[4])
        cadence = CadenceService(self.book, self.clock).cadence_of(client_id)
        base = last or to_datetime(c[9]) or dt.datetime.combine(today, dt.time())
        promises = PromiseService(self.book, self.clock)
        needs = NeedService(self.book, self.clock).for_client(client_id)
        notes = NoteService(self.book, self.clock).for_client(client_id)
        profile = client_queries.details(conn, [client_id]).get(client_id, {})
        phones = client_queries.phones(conn, [client_id])
        return Brief(
            client_id=client_id,
            name=c[0],
            form_of_address=c[1],
            status=status,
            tags=tuple(q.client_tags(conn, client_id)),
            archived=c[3] is not None,
            last_contact_at=last,
            cadence_days=cadence,
            contact_due=base.date() + dt.timedelta(days=cadence),
            talking_points=tuple(n for n in notes if n.is_talking_point),
            promises=tuple(promises.open_promises(client_id=client_id, today=today)),
            recent=tuple(InteractionService(self.book, self.clock).for_client(client_id, RECENT)),
            upcoming=tuple(upcoming),
            loans=self._loans(client_id, today),
            need=needs[0] if needs else None,
            notes=tuple(n for n in notes if not n.is_talking_point)[:NOTES_SHOWN],
            profile_note=str(profile.get("notes") or "").strip(),
            phones=tuple(national for _e164, national in phones.get(client_id, [])),
            after_loan=after_loan_of(self.book, self.clock, client_id),
        )

    def _loans(self, client_id: int, today: dt.date) -> tuple[BriefLoan, ...]:
        """The client's running loans as they stand on ``today``."""
        clock = (
            self.clock
            if today == self.clock.today()
            else FixedClock(dt.datetime.combine(today, dt.time()))
        )
        reads = LoanReads(self.book, clock)
        rows = [r for r in reads.for_client(client_id) if r.status in RUNNING]
        standings = reads.standings(rows)
        loans = []
        for r in rows:
            s = standings[r.id]
            loans.append(
                BriefLoan(
                    loan_id=r.id,
                    product=r.product,
                    status=r.status,
                    amount=r.amount,
                    balance=s.balance,
                    next_due=s.next_due,
                    next_payment=s.next_payment,
                    maturity=s.maturity,
                    days_to_maturity=s.days_to_maturity,
                    overdue_since=s.overdue_since,
                    overdue_amount=s.overdue_amount,
                )
            )
        loans.sort(key=lambda b: (b.maturity or dt.date.max, b.loan_id))
        return tuple(loans)


def money(value: Decimal) -> str:
    """Yuan with separators and two decimals, as loans are shown everywhere: 300,000.00."""
    return f"{value:,.2f}"


def loan_parts(loan: BriefLoan) -> list[tuple[str, Msg]]:
    """What the brief says of a running loan, piece by piece: the product (and its status
    unless simply disbursed), the balance, the next repayment, the maturity and how far off
    it is, and an overdue; each named (product, balance, next, maturity, overdue) so the brief
    tab can colour it."""
    head = Msg("Brief", "{product}").with_(product=loan.product)  # nothing to translate
    if loan.status is not LoanStatus.DISBURSED:
        head = QT_TRANSLATE_NOOP("Brief", "{product} ({status})").with_(
            product=loan.product, status=loan.status.label
        )
    parts = [
        ("product", head),
        (
            "balance",
            QT_TRANSLATE_NOOP("Brief", "balance {amount}").with_(amount=money(loan.balance)),
        ),
    ]
    if loan.next_due is not None:
        parts.append(
            (
                "next",
                QT_TRANSLATE_NOOP("Brief", "next repayment {date}: {amount}").with_(
                    date=loan.next_due.isoformat(), amount=money(loan.next_payment or Decimal(0))
                ),
            )
        )
    if loan.maturity is not None:
        days = loan.days_to_maturity
        date = loan.maturity.isoformat()
        if days is None:
            matures = QT_TRANSLATE_NOOP("Brief", "matures {date}").with_(date=date)
        elif days > 1:
            matures = QT_TRANSLATE_NOOP("Brief", "matures {date}, in {n} days").with_(
                date=date, n=days
            )
        elif days == 1:
            matures = QT_TRANSLATE_NOOP("Brief", "matures tomorrow, {date}").with_(date=date)
        elif days == 0:
            matures = QT_TRANSLATE_NOOP("Brief", "matures today, {date}").with_(date=date)
        elif days == -1:
            matures = QT_TRANSLATE_NOOP("Brief", "matured yesterday, {date}").with_(date=date)
        else:
            matures = QT_TRANSLATE_NOOP("Brief", "matured {date}, {n} days ago").with_(
                date=date, n=-days
            )
        parts.append(("maturity", matures))
    if loan.status is LoanStatus.OVERDUE:
        since = loan.overdue_since.isoformat() if loan.overdue_since else "?"
        overdue = QT_TRANSLATE_NOOP("Brief", "overdue since {date}").with_(date=since)
        if loan.overdue_amount is not None:
            overdue = QT_TRANSLATE_NOOP("Brief", "overdue since {date}: {amount}").with_(
                date=since, amount=money(loan.overdue_amount)
            )
        parts.append(("overdue", overdue))
    return parts


def need_parts(need: NeedRow) -> list[Msg]:
    """The needs record's lines: purpose, the real need, then amount and timing."""
    lines = []
    if need.purpose:
        lines.append(QT_TRANSLATE_NOOP("Brief", "Purpose: {text}").with_(text=need.purpose))
    if need.real_need:
        lines.append(QT_TRANSLATE_NOOP("Brief", "Real need: {text}").with_(text=need.real_need))
    if need.amount is not None:
        lines.append(
            QT_TRANSLATE_NOOP("Brief", "Amount: {amount}").with_(amount=money(need.amount))
        )
    if need.timing:
        lines.append(QT_TRANSLATE_NOOP("Brief", "Timing: {text}").with_(text=need.timing))
    return lines


def days_ago(when: dt.datetime | None, today: dt.date) -> Msg:
    """ "today", "yesterday", "N days ago" or "never"."""
    if when is None:
        return QT_TRANSLATE_NOOP("Brief", "never")
    days = (today - when.date()).days
    if days <= 0:
        return QT_TRANSLATE_NOOP("Brief", "today")
    if days == 1:
        return QT_TRANSLATE_NOOP("Brief", "yesterday")
    return QT_TRANSLATE_NOOP("Brief", "{n} days ago").with_(n=days)


def about_lines(brief: Brief) -> list[str]:
    """What the officer knows of them beyond talking points: the record's notes, then personal
    notes (an answered one with its answer), each as written."""
    lines = [brief.profile_note] if brief.profile_note else []
    for n in brief.notes:
        lines.append(n.text + (f" → {n.answer}" if n.answer else ""))
    return lines


def brief_text(brief: Brief, today: dt.date, translate: Translate) -> str:
    """The brief as one plain-text block (what "Copy" puts on the clipboard)."""

    def t(msg: Msg) -> str:
        return render_nested(msg, translate)  # a loan's status label inside a message

    lines = [
        t(QT_TRANSLATE_NOOP("Brief", "Address as: {address} ({name})")).format(
            address=brief.address_as, name=brief.name
        )
        if brief.form_of_address
        else brief.name,
    ]
    status = t(brief.status.label)
    if brief.tags:
        status += " · " + "、".join(brief.tags)
    lines.append(status)
    last = t(days_ago(brief.last_contact_at, today))
    lines.append(
        t(
            QT_TRANSLATE_NOOP("Brief", "Last contact: {when} · keep in touch every {n} days").with_(
                when=last, n=brief.cadence_days
            )
        )
    )

    def section(title: Msg, items: list[str]) -> None:
        lines.append("")
        lines.append(t(title))
        lines.extend(f"- {i}" for i in items) if items else lines.append(
            "- " + t(QT_TRANSLATE_NOOP("Brief", "(none)"))
        )

    section(
        QT_TRANSLATE_NOOP("Brief", "Running loans:"),
        [" · ".join(t(p) for _kind, p in loan_parts(loan)) for loan in brief.loans],
    )
    for heading, items in after_loan_sections(brief.after_loan, today):
        section(heading, [t(line) for line, _serious in items])
    if brief.need is not None:
        section(
            QT_TRANSLATE_NOOP("Brief", "Needs record ({date}):").with_(
                date=brief.need.recorded_on.isoformat()
            ),
            [t(p) for p in need_parts(brief.need)],
        )
    else:
        section(QT_TRANSLATE_NOOP("Brief", "Needs record:"), [])
    section(
        QT_TRANSLATE_NOOP("Brief", "Ask about:"),
        [
            n.text + (f" ({n.event_date.isoformat()})" if n.event_date else "")
            for n in brief.talking_points
        ],
    )
    about = about_lines(brief)
    if about:
        section(QT_TRANSLATE_NOOP("Brief", "About them:"), about)
    promises = []
    for p in brief.promises:
        late = p.days_late(today)
        when = (
            t(QT_TRANSLATE_NOOP("Brief", "{n} days late").with_(n=late))
            if late
            else t(QT_TRANSLATE_NOOP("Brief", "due {date}").with_(date=p.due_date.isoformat()))
        )
        promises.append(f"{p.text} ({when})")
    section(QT_TRANSLATE_NOOP("Brief", "Open promises:"), promises)
    section(
        QT_TRANSLATE_NOOP("Brief", "Last contacts:"),
        [
            f"{i.occurred_at:%Y-%m-%d} {t(Channel(i.channel).label)}: {i.summary}"
            + (f" → {i.next_step}" if i.next_step else "")
            for i in brief.recent
        ],
    )
    section(
        QT_TRANSLATE_NOOP("Brief", "Coming up:"),
        [
            f"{u.date.isoformat()} "
            + (t(QT_TRANSLATE_NOOP("Brief", "Birthday")) if u.birthday else u.text)
            for u in brief.upcoming
        ],
    )
    return "\n".join(lines)
