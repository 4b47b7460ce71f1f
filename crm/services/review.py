"""What the self-review holds: the period's figures and trends, and highlights from the book.

Gathered by :meth:`crm.services.stats.StatsService.review` inside its read; the helpers here
take that read's ``conn``. Written out by crm.services.review_doc (HTML, Markdown) and the
PDF writer in crm.ui.dashboard.report_pdf.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from decimal import Decimal

from crm.domain.stats import Figure, Period, Trend, yuan
from crm.store.queries import review as q
from crm.store.queries import stats_post_loan as sq

#: The figures the review charts over twelve months: the article's two (repeat borrowing,
#: overdue), referrals and promises. Chosen for their cost too: the loan figures of a month
#: share one read, promises are few; a past month's contact coverage reads every borrower's
#: contacts, twelve times over (the dashboard charts it on demand).
CHART_KEYS = ("repeat_borrow", "overdue_count", "referred_loans", "promises_kept")
HIGHLIGHTS = 5


@dataclass(frozen=True)
class Chain:
    root_id: int
    root: str
    depth: int
    people: int
    joined: int  # of ``people``, added in the period


@dataclass(frozen=True)
class Renewal:
    client_id: int
    client: str
    product: str
    amount: Decimal
    on: dt.date


@dataclass(frozen=True)
class KeptPromise:
    client_id: int
    client: str
    text: str
    due: dt.date
    kept: dt.date


@dataclass(frozen=True)
class RiskCase:
    """A risk signal closed in the period: what it was and how it was closed (its note)."""

    client: str
    kind: str  # RiskKind value
    opened: dt.date
    closed: dt.date
    how: str


@dataclass(frozen=True)
class Highlights:
    chains: tuple[Chain, ...]
    renewals: int
    latest_renewals: tuple[Renewal, ...]
    promises_kept: int
    promises_on_time: int
    latest_promises: tuple[KeptPromise, ...]
    risks_closed: int = 0
    risk_cases: tuple[RiskCase, ...] = ()


@dataclass(frozen=True)
class Review:
    period: Period
    prepared_on: dt.date
    figures: tuple[Figure, ...]
    trends: tuple[Trend, ...]
    highlights: Highlights


def highlights(conn: sqlite3.Connection, period: Period, limit: int = HIGHLIGHTS) -> Highlights:
    """Inside the caller's read: the longest referral chains, the renewals and the promises
    kept in the period."""
    first, last = period.start.isoformat(), period.end.isoformat()
    chains = tuple(Chain(*row) for row in q.longest_chains(conn, first, last, limit))
    renewals, renewal_rows = q.renewals(conn, first, last, limit)
    kept, on_time, promise_rows = q.promises_kept(conn, first, last, limit)
    span = {"first": first, "last": last}
    return Highlights(
        chains=chains,
        renewals=renewals,
        latest_renewals=tuple(
            Renewal(cid, name, product, yuan(fen), dt.date.fromisoformat(on))
            for cid, name, product, fen, on in renewal_rows
        ),
        promises_kept=kept,
        promises_on_time=on_time,
        latest_promises=tuple(
            KeptPromise(cid, name, text, dt.date.fromisoformat(due), dt.date.fromisoformat(k))
            for cid, name, text, due, k in promise_rows
        ),
        risks_closed=sq.closed_count(conn, span),
        risk_cases=tuple(
            RiskCase(name, kind, dt.date.fromisoformat(o), dt.date.fromisoformat(c), how)
            for name, kind, o, c, how, _note in sq.closed_signals(conn, span, limit)
        ),
    )
