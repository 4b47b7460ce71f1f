"""The selected loan in a few lines of rich text: its terms, where it stands, its dated
history, the renewals it belongs to, and what the officer wrote about it."""

from __future__ import annotations

from html import escape

from crm.domain.loan_status import LoanStatus
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.services.loan_views import LoanDetail, LoanEventRow, LoanRow
from crm.ui.loans import look
from crm.ui.loans.texts import exact_percent, months

TERMS = QT_TRANSLATE_NOOP("LoanDetail", "{rate} · {months} · {method}")
FEE = QT_TRANSLATE_NOOP("LoanDetail", "fee {fee}")
DAY = QT_TRANSLATE_NOOP("LoanDetail", "repays on day {day}")
AUTO_DEBIT = QT_TRANSLATE_NOOP("LoanDetail", "auto-debit")
ANNUAL = QT_TRANSLATE_NOOP("LoanDetail", "{rate} a year")
NEXT = QT_TRANSLATE_NOOP("LoanDetail", "Next repayment {date}: {amount}")
BALANCE = QT_TRANSLATE_NOOP("LoanDetail", "Balance {amount}")
MATURES = QT_TRANSLATE_NOOP("LoanDetail", "Matures {date} (in {days} days)")
MATURED = QT_TRANSLATE_NOOP("LoanDetail", "Matured {date} ({days} days ago)")
HISTORY = QT_TRANSLATE_NOOP("LoanDetail", "History")
NEW_MATURITY = QT_TRANSLATE_NOOP("LoanDetail", "maturity {date}")
RENEWS = QT_TRANSLATE_NOOP("LoanDetail", "Renews {loan}")
RENEWED_BY = QT_TRANSLATE_NOOP("LoanDetail", "Renewed by {loan}")
PURPOSE = QT_TRANSLATE_NOOP("LoanDetail", "Purpose")
GUARANTOR = QT_TRANSLATE_NOOP("LoanDetail", "Guarantor")
COLLATERAL = QT_TRANSLATE_NOOP("LoanDetail", "Collateral")
NOTE = QT_TRANSLATE_NOOP("LoanDetail", "Note")
APR = QT_TRANSLATE_NOOP("LoanDetail", "annual rate (PBOC) {apr}")


def _t(msg: Msg, **params: object) -> str:
    return escape(look.say(msg.with_(**params) if params else msg))


def _loan(loan_id: int, rows: dict[int, LoanRow]) -> str:
    row = rows.get(loan_id)
    if row is None:
        return f"#{loan_id}"
    day = row.disbursed_on or row.applied_on
    return f"{row.product} {look.money(row.amount)}" + (f" ({day.isoformat()})" if day else "")


def _step(event: LoanEventRow) -> str:
    text = f"{event.on.isoformat()} <b>{escape(look.status_text(event.status))}</b>"
    extras = []
    if event.maturity_on is not None:
        extras.append(_t(NEW_MATURITY, date=event.maturity_on.isoformat()))
    if event.amount is not None:
        extras.append(escape(look.yuan(event.amount)))
    if event.note:
        extras.append(escape(event.note))
    return text + (f" ({'; '.join(extras)})" if extras else "")


def describe(detail: LoanDetail, rows: dict[int, LoanRow]) -> str:
    """``rows``: the client's other loans by id, to name renewals."""
    r, s = detail.row, detail.standing
    terms = [
        _t(
            TERMS,
            rate=look.rate_text(r.quoted_rate, r.rate_quoted_as),
            months=months(r.months),
            method=look.say(r.method.label),
        ),
    ]
    if r.fee:
        terms.append(_t(FEE, fee=look.money(r.fee)))
    terms.append(_t(APR, apr=exact_percent(detail.plan.apr)))
    if r.rate_quoted_as == "monthly":
        terms.insert(1, _t(ANNUAL, rate=exact_percent(r.annual_rate)))
    if r.repayment_day is not None:
        terms.append(_t(DAY, day=r.repayment_day))
    if r.auto_debit and r.status.running:
        terms.append(_t(AUTO_DEBIT))
    lines = [" · ".join(terms)]
    standing = []
    if r.status.running:
        standing.append(_t(BALANCE, amount=look.yuan(s.balance)))
        if s.next_due is not None and s.next_payment is not None:
            standing.append(_t(NEXT, date=s.next_due.isoformat(), amount=look.yuan(s.next_payment)))
        if s.maturity is not None and s.days_to_maturity is not None:
            days = s.days_to_maturity
            msg = MATURES if days >= 0 else MATURED
            standing.append(_t(msg, date=s.maturity.isoformat(), days=abs(days)))
    if standing:
        colour = look.LATE if r.status is LoanStatus.OVERDUE else "#1f2937"
        lines.append(f'<span style="color: {colour};">{" · ".join(standing)}</span>')
    history = " → ".join(_step(e) for e in detail.history)
    lines.append(f"{_t(HISTORY)}: {history}")
    links = []
    if r.renewal_of_id is not None:
        links.append(_t(RENEWS, loan=_loan(r.renewal_of_id, rows)))
    links += [_t(RENEWED_BY, loan=_loan(i, rows)) for i in detail.renewed_by]
    if links:
        lines.append(" · ".join(links))
    for label, text in ((PURPOSE, r.purpose), (GUARANTOR, r.guarantor), (COLLATERAL, r.collateral)):
        if text:
            lines.append(f"{_t(label)}: {escape(text)}")
    if r.note:
        lines.append(f"{_t(NOTE)}: {escape(r.note)}".replace("\n", "<br>"))
    return "<br>".join(lines)
