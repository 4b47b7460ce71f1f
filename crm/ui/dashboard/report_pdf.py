"""The self-review as a PDF (A4, page numbers, a CJK font embedded) with its Markdown beside it.

Laid out like the loan schedule (crm.ui.loans.schedule_print): ``QTextDocument`` on a
``QPdfWriter``, paginated here with "page / pages" at each foot, the document's font a CJK font
found on the system so the Chinese text does not depend on the reader's fallback fonts. The
charts are the dashboard's painter (crm.ui.dashboard.chart) drawn into images the document
holds as resources. Runs on a worker thread as well as on the GUI thread (no widgets).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from crm.domain import stats_defs
from crm.domain.messages import QT_TRANSLATE_NOOP, Translate
from crm.files import write_private_bytes
from crm.services.review import Review
from crm.services.review_doc import chart_name, review_html, review_markdown, title
from crm.ui.dashboard.chart import trend_image
from crm.ui.loans.schedule_print import cjk_font_family

_POINT_SIZE = 9.5
_DPI = 300
_CHART = QSize(360, 190)
_TWELVE_MONTHS = QT_TRANSLATE_NOOP("Review", "{title}: twelve months")
_EMPTY = QT_TRANSLATE_NOOP("Review", "Nothing counted in these months")


def ensure_gui_app() -> None:
    """`crm report` runs without the GUI: fonts and images need a QGuiApplication, which the
    command makes here on the offscreen platform (no window, no display needed)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        global _APP
        _APP = QGuiApplication([])


_APP: object = None  # the command's application, kept alive for the process


def _font() -> QFont:
    family = cjk_font_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(_POINT_SIZE)
    return font


def review_pdf(review: Review, translate: Translate) -> bytes:
    """The PDF's bytes: A4, 15 mm margins, "page / pages" at the foot of each page."""
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title(review, translate))
    writer.setCreator("Prism")
    writer.setResolution(_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    page = writer.pageLayout().paintRectPixels(_DPI)
    footer = _DPI * 8 // 25  # 8 mm under the text for the page number
    body = QSizeF(page.width(), page.height() - footer)

    font = _font()
    chart_font = QFont(font)
    chart_font.setPointSizeF(8)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(body)
    empty = _EMPTY.render(translate)
    for trend in review.trends:
        definition = stats_defs.BY_KEY[trend.key]
        head = _TWELVE_MONTHS.with_(title=definition.title.render(translate)).render(translate)
        image = trend_image(trend, definition.unit, head, empty, _CHART, chart_font)
        doc.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(chart_name(trend.key)), image
        )
    doc.setHtml(review_html(review, translate))
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


def write_review(review: Review, pdf: Path, translate: Translate) -> Path:
    """Write the PDF to ``pdf`` and the editable Markdown beside it (same name, ``.md``),
    each whole or not at all; returns the Markdown's path. Raises :class:`OSError`."""
    pdf = Path(pdf)
    markdown = pdf.with_suffix(".md")
    write_private_bytes(pdf, review_pdf(review, translate))
    write_private_bytes(markdown, review_markdown(review, translate).encode("utf-8"))
    return markdown
