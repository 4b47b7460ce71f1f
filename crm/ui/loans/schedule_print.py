"""The repayment schedule as a PDF for the client: title, the inputs, totals and both annual
rates, the full schedule (its header repeated on every page) and that the contract rules.

Laid out and written by :func:`crm.ui.pdf.a4_pdf` (a CJK font embedded, page numbers).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from crm import files
from crm.domain.loan_math import RepaymentPlan
from crm.services.loan_documents import ScheduleLabels
from crm.ui.loans.texts import exact_percent, money, percent
from crm.ui.pdf import a4_pdf


def _table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><td class="k">{escape(k)}</td><td class="v">{escape(v)}</td></tr>' for k, v in rows
    )
    return f'<table class="facts" cellspacing="0" cellpadding="3">{cells}</table>'


def schedule_html(plan: RepaymentPlan, labels: ScheduleLabels) -> str:
    """The document as the subset of HTML that ``QTextDocument`` lays out."""
    terms = plan.terms
    inputs = [
        (labels.amount, money(plan.amount)),
        (labels.annual_rate, exact_percent(terms.annual_rate)),
        (labels.monthly_rate, exact_percent(terms.annual_rate / 12)),
        (labels.term, labels.months),
        (labels.method, labels.method_name),
        (labels.fee, money(plan.fee)),
    ]
    totals = [
        (labels.total_interest, money(plan.total_interest)),
        (labels.total_repayment, money(plan.total_repayment)),
        (labels.total_cost, money(plan.total_cost)),
        (labels.apr, percent(plan.apr)),
        (labels.apr_compound, percent(plan.apr_compound)),
    ]
    head = "".join(f"<th>{escape(c)}</th>" for c in labels.columns)
    body = "".join(
        f'<tr><td class="c">{r.period}</td><td>{money(r.payment)}</td>'
        f"<td>{money(r.principal)}</td><td>{money(r.interest)}</td>"
        f"<td>{money(r.balance)}</td></tr>"
        for r in plan.schedule
    )
    total = (
        f'<tr class="t"><td class="c"><b>{escape(labels.total)}</b></td>'
        f"<td><b>{money(plan.total_repayment)}</b></td><td><b>{money(plan.amount)}</b></td>"
        f"<td><b>{money(plan.total_interest)}</b></td><td></td></tr>"
    )
    return f"""<html><head><style>
h1 {{ font-size: 16pt; margin-bottom: 2pt; }}
p.prepared {{ color: #4b5563; margin-top: 0; }}
table.facts td.k {{ color: #374151; padding-right: 18pt; }}
table.facts td.v {{ text-align: right; font-weight: bold; }}
table.schedule {{ border-collapse: collapse; }}
table.schedule th {{ background-color: #dbeafe; padding: 3pt 6pt; }}
table.schedule td {{ text-align: right; padding: 2pt 6pt; border-bottom: 1px solid #e5e7eb; }}
table.schedule td.c {{ text-align: center; }}
p.note {{ color: #4b5563; font-style: italic; }}
</style></head><body>
<h1>{escape(labels.title)}</h1>
<p class="prepared">{escape(labels.prepared)}</p>
<table width="100%" cellspacing="0" cellpadding="0"><tr>
<td width="50%" valign="top">{_table(inputs)}</td>
<td width="50%" valign="top">{_table(totals)}</td>
</tr></table>
<p class="note">{escape(labels.note)}</p>
<table class="schedule" width="100%" cellspacing="0" cellpadding="2">
<thead><tr>{head}</tr></thead>
<tbody>{body}{total}</tbody>
</table>
</body></html>"""


def schedule_pdf(plan: RepaymentPlan, labels: ScheduleLabels) -> bytes:
    """The PDF's bytes: A4, 15 mm margins, "page / pages" at the foot of each page."""
    return a4_pdf(labels.title, schedule_html(plan, labels))


def write_schedule_pdf(plan: RepaymentPlan, path: Path, labels: ScheduleLabels) -> None:
    """Write the PDF to ``path`` beside-and-rename, so a failure leaves no half file.
    Raises :class:`OSError`."""
    files.write_private_bytes(Path(path), schedule_pdf(plan, labels))  # 0600, whole or none
