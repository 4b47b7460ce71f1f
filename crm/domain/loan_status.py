"""A loan's life: the statuses it goes through, and which step may follow which.

申请中 applied → 审批通过 approved → 已放款 disbursed → 展期 extended → 已结清 repaid;
已拒绝 declined from an application; 逾期 overdue from a running loan, cleared back to running.
"""

from __future__ import annotations

from enum import StrEnum

from crm.domain.messages import QT_TRANSLATE_NOOP, Msg


class LoanStatus(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    DISBURSED = "disbursed"
    EXTENDED = "extended"
    OVERDUE = "overdue"
    REPAID = "repaid"
    DECLINED = "declined"

    @property
    def label(self) -> Msg:
        return _LABELS[self]

    @property
    def running(self) -> bool:
        """Money is out: the loan has a balance, repayment days and a maturity."""
        return self in RUNNING

    @property
    def closed(self) -> bool:
        return self in (LoanStatus.REPAID, LoanStatus.DECLINED)


RUNNING = frozenset({LoanStatus.DISBURSED, LoanStatus.EXTENDED, LoanStatus.OVERDUE})

#: Which status may follow which. Overdue is cleared by going back to disbursed (or extended,
#: when the bank agrees an extension); an extension may be extended again.
NEXT: dict[LoanStatus, frozenset[LoanStatus]] = {
    LoanStatus.APPLIED: frozenset({LoanStatus.APPROVED, LoanStatus.DECLINED}),
    LoanStatus.APPROVED: frozenset({LoanStatus.DISBURSED, LoanStatus.DECLINED}),
    LoanStatus.DISBURSED: frozenset({LoanStatus.EXTENDED, LoanStatus.OVERDUE, LoanStatus.REPAID}),
    LoanStatus.EXTENDED: frozenset({LoanStatus.EXTENDED, LoanStatus.OVERDUE, LoanStatus.REPAID}),
    LoanStatus.OVERDUE: frozenset({LoanStatus.DISBURSED, LoanStatus.EXTENDED, LoanStatus.REPAID}),
    LoanStatus.REPAID: frozenset(),
    LoanStatus.DECLINED: frozenset(),
}

#: The products the loan form offers until the officer edits the list (stored in the book).
DEFAULT_PRODUCTS = ("经营贷", "消费贷", "抵押贷", "信用贷", "其他")


def may_follow(current: LoanStatus, new: LoanStatus) -> bool:
    return new in NEXT[current]


_LABELS = {
    LoanStatus.APPLIED: QT_TRANSLATE_NOOP("LoanStatus", "Applied"),
    LoanStatus.APPROVED: QT_TRANSLATE_NOOP("LoanStatus", "Approved"),
    LoanStatus.DISBURSED: QT_TRANSLATE_NOOP("LoanStatus", "Disbursed"),
    LoanStatus.EXTENDED: QT_TRANSLATE_NOOP("LoanStatus", "Extended"),
    LoanStatus.OVERDUE: QT_TRANSLATE_NOOP("LoanStatus", "Overdue"),
    LoanStatus.REPAID: QT_TRANSLATE_NOOP("LoanStatus", "Repaid"),
    LoanStatus.DECLINED: QT_TRANSLATE_NOOP("LoanStatus", "Declined"),
}
