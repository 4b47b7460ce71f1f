"""The repayment schedule as a PDF for the client: title, the inputs, totals and both annual
rates, the full schedule (its header repeated on every page) and that the contract rules.

Laid out by ``QTextDocument`` and written by ``QPdfWriter``, which embeds the subset of each
font it uses. The document's font is a CJK font found on the system: with a Latin-only font
the Chinese text would depend on the fallback font of whoever opens the file.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from crm import files
from crm.domain.loan_math import RepaymentPlan
from crm.services.loan_documents import ScheduleLabels
from crm.ui.loans.texts import exact_percent, money, percent

# Tried in order: what Windows, macOS and common Linux systems ship for Simplified Chinese.
_CJK_FAMILIES = (
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimSun",
    "Hiragino Sans GB",
)
_POINT_SIZE = 9.5
_DPI = 300


def cjk_font_family() -> str | None:
    """A font family that has Simplified Chinese, or None when the system has none."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for name in _CJK_FAMILIES:
        if name in families:
            return name
    return families[0] if families else None


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
    """The PDF's bytes: A4, 15 mm margins, "page / pages" at the foot of each page.

    Paginated here rather than by ``QTextDocument.print_``, which adds 2 cm of its own to the
    writer's margins and sizes the page in a different resolution than it paints."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(labels.title)
    writer.setCreator("Prism")
    writer.setResolution(_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    page = writer.pageLayout().paintRectPixels(_DPI)
    footer = _DPI * 8 // 25  # 8 mm under the text for the page number
    body = QSizeF(page.width(), page.height() - footer)

    family = cjk_font_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(_POINT_SIZE)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(body)
    doc.setHtml(schedule_html(plan, labels))
    pages = doc.pageCount()

    painter = QPainter(writer)
    painter.setFont(font)
    painter.setPen(QColor("#6b7280"))
    try:
        for n in range(pages):
            if n:
                writer.newPage()
            painter.save()
            painter.translate(0, -n * body.height())
            doc.drawContents(painter, QRectF(0, n * body.height(), body.width(), body.height()))
            painter.restore()
            foot = QRectF(0, body.height(), body.width(), footer)
            painter.drawText(foot, Qt.AlignmentFlag.AlignCenter, f"{n + 1} / {pages}")
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_schedule_pdf(plan: RepaymentPlan, path: Path, labels: ScheduleLabels) -> None:
    """Write the PDF to ``path`` beside-and-rename, so a failure leaves no half file.
    Raises :class:`OSError`."""
    files.write_private_bytes(Path(path), schedule_pdf(plan, labels))  # 0600, whole or none
