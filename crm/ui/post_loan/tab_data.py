"""What the client pane's 贷后 tab shows of one client, read in one go on a pool thread."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from crm.domain.post_loan import DueCheck
from crm.domain.risk import TurnoverStats
from crm.services.facade import Services
from crm.services.loan_checklist import Checklist
from crm.services.post_loan import CheckRow
from crm.services.related import Party
from crm.services.risks import SignalRow


@dataclass(frozen=True)
class GuarantorView:
    """A guarantor's own standing, seen from the borrower."""

    client_id: int
    name: str
    running_loans: int
    overdue_loans: int
    open_signals: int


@dataclass(frozen=True)
class TabData:
    client_id: int
    signals: list[SignalRow]
    checklist: Checklist | None
    due: list[DueCheck]
    checks: list[CheckRow]
    late_loans: dict[int, dt.date]
    parties: list[Party]
    guarantors: list[GuarantorView]
    mutual: list[tuple[int, int]]
    turnover: list[tuple[str, Decimal]]
    stats: TurnoverStats
    names: dict[int, str] = field(default_factory=dict)


def read_tab(services: Services, client_id: int) -> TabData:
    from crm.domain.loan_status import LoanStatus

    checklist = None
    with contextlib.suppress(LookupError):  # no loan yet: no papers to list
        checklist = services.checklists.checklist(services.checklists.loan_for(client_id))
    due = services.post_loan.due_for_client(client_id)
    loan_ids = sorted({d.loan_id for d in due})
    today = services.clock.today()
    late: dict[int, dt.date] = {}
    for d in due:  # soonest first: the first late one of a loan is its most overdue
        if d.late(today):
            late.setdefault(d.loan_id, d.due_on)
    related = services.related
    parties = related.parties(client_id)
    guarantors = []
    for gid in related.guarantors(client_id):
        loans = services.loans.for_client(gid)
        running = [r for r in loans if r.status.running]
        guarantors.append(
            GuarantorView(
                gid,
                next((p.other_name for p in parties if p.other_client_id == gid), str(gid)),
                len(running),
                sum(1 for r in running if r.status is LoanStatus.OVERDUE),
                sum(1 for s in services.risks.for_client(gid) if s.open),
            )
        )
    names = {p.other_client_id: p.other_name for p in parties if p.other_client_id}
    return TabData(
        client_id,
        services.risks.for_client(client_id),
        checklist,
        due,
        services.post_loan.checks(loan_ids),
        late,
        parties,
        guarantors,
        related.mutual_guarantees([client_id]),
        related.turnover(client_id),
        related.turnover_stats(client_id),
        names,
    )
