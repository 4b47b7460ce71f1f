"""The self-review as a PDF (A4, page numbers, a CJK font embedded) with its Markdown beside it.

Laid out like the loan schedule, by :func:`crm.ui.pdf.a4_pdf`. The charts are the dashboard's
painter (crm.ui.dashboard.chart) drawn into images the document holds as resources. Runs on a
worker thread as well as on the GUI thread (no widgets).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QSize,
)

from crm.domain import stats_defs
from crm.domain.messages import QT_TRANSLATE_NOOP, Translate
from crm.files import write_private_bytes
from crm.services.review import Review
from crm.services.review_doc import chart_name, review_html, review_markdown, title
from crm.ui.dashboard.chart import trend_image
from crm.ui.pdf import a4_pdf, document_font

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


def review_pdf(review: Review, translate: Translate) -> bytes:
    """The PDF's bytes: A4, 15 mm margins, "page / pages" at the foot of each page."""
    ensure_gui_app()
    chart_font = document_font(8)
    empty = _EMPTY.render(translate)
    images = []
    for trend in review.trends:
        definition = stats_defs.BY_KEY[trend.key]
        head = _TWELVE_MONTHS.with_(title=definition.title.render(translate)).render(translate)
        image = trend_image(trend, definition.unit, head, empty, _CHART, chart_font)
        images.append((chart_name(trend.key), image))
    return a4_pdf(title(review, translate), review_html(review, translate), images=images)


def write_review(review: Review, pdf: Path, translate: Translate) -> Path:
    """Write the PDF to ``pdf`` and the editable Markdown beside it (same name, ``.md``),
    each whole or not at all; returns the Markdown's path. Raises :class:`OSError`."""
    pdf = Path(pdf)
    markdown = pdf.with_suffix(".md")
    write_private_bytes(pdf, review_pdf(review, translate))
    write_private_bytes(markdown, review_markdown(review, translate).encode("utf-8"))
    return markdown
