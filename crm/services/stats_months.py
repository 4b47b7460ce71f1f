"""Twelve months at once: the reads several figures share, done once for a span of months.

A figure function reads what it shares with others from its window's memo (the loans' one
pass, the running and overdue loans); for a chart the service fills every month's memo here
from one grouped read each (crm.store.queries.stats_months), then asks the same figure
functions as for one period. So a month of the chart and the same month on its own are one
code path; a test holds the two to the same answer.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence

from crm.services.stats_figures import Window
from crm.store.queries import stats_months as q


def _month(w: Window) -> str:
    return f"{w.period.start:%Y-%m}"


def _span(windows: Sequence[Window]) -> tuple[str, str]:
    return windows[0].period.start.isoformat(), windows[-1].last.isoformat()


def prefetch_loans(conn: sqlite3.Connection, windows: Sequence[Window]) -> None:
    """Fill each month's ``loans`` memo as ``crm.store.queries.stats.loan_pass`` would."""
    counts: dict[str, dict[str, float]] = defaultdict(
        lambda: dict.fromkeys(
            (
                "lent_clients",
                "repeat_clients",
                "lent",
                "lent_referred",
                "lent_applied",
                "days_to_disburse",
                "applied",
                "applied_lent",
            ),
            0.0,
        )
    )
    stages: dict[str, dict[str, int]] = defaultdict(dict)
    for kind, month, a, b, c, d, e, f in q.loan_pass(conn, *_span(windows)):
        row = counts[month]
        if kind == "lent":
            row.update(
                lent_clients=a,
                repeat_clients=b,
                lent=c,
                lent_referred=d,
                lent_applied=e,
                days_to_disburse=f,
            )
        elif kind == "applied":
            row.update(applied=a, applied_lent=b)
        else:
            stages[month][str(a)] = int(b)
    for w in windows:
        if not w.empty:
            month = _month(w)
            w.memo["loans"] = ({k: float(v) for k, v in counts[month].items()}, stages[month])


def prefetch_overdue(conn: sqlite3.Connection, windows: Sequence[Window]) -> None:
    """Fill each month's ``overdue`` memo as ``crm.store.queries.stats.overdue_totals`` would:
    the loans running in a month are those disbursed by its end less those repaid before it."""
    disbursed, repaid, fell = q.overdue(conn, *_span(windows))
    fell_by = {m: (int(n), int(fen)) for m, n, fen in fell}
    for w in windows:
        if w.empty:
            continue
        month = _month(w)
        loans = sum(int(n) for m, n, _ in disbursed if m <= month)
        lent = sum(int(fen) for m, _, fen in disbursed if m <= month)
        loans -= sum(int(n) for m, n, _ in repaid if m < month)
        lent -= sum(int(fen) for m, _, fen in repaid if m < month)
        hit, lent_hit = fell_by.get(month, (0, 0))
        w.memo["overdue"] = (loans, hit, lent, lent_hit)


def prefetch_contact(conn: sqlite3.Connection, windows: Sequence[Window]) -> None:
    """Fill the ``contact`` memo of each month ending before today (coverage at its end) as
    ``crm.store.queries.stats.totals("contact_coverage")`` would; a month ending today reads
    the reminders' indexes on its own (crm.services.stats_figures)."""
    from crm.domain.enums import ClientStatus
    from crm.services.cadence import cadence_defaults

    past = [w for w in windows if w.last != w.today]
    if not past:
        return
    cadence = cadence_defaults(conn)[ClientStatus.BORROWER.value]
    ends = sorted({w.last.isoformat() for w in past})
    at = {str(day): (int(n), int(hit)) for day, n, hit in q.contact(conn, ends, cadence)}
    for w in past:
        w.memo["contact"] = at[w.last.isoformat()]


PREFETCH: dict[str, Callable[[sqlite3.Connection, Sequence[Window]], None]] = {
    "loans": prefetch_loans,
    "overdue": prefetch_overdue,
    "contact": prefetch_contact,
}
