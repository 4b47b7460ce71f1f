"""Prism's printed documents (the repayment schedule, the self-review): A4 PDFs laid out by
``QTextDocument`` and written by ``QPdfWriter``, which embeds the subset of each font it uses.

The document's font is a CJK font found on the system: with a Latin-only font the Chinese text
would depend on the fallback font of whoever opens the file. Paginated here, "page / pages" at
each foot, rather than by ``QTextDocument.print_``, which adds 2 cm of its own to the writer's
margins and sizes the page in a different resolution than it paints. No widgets: runs on a
worker thread as well as on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

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
POINT_SIZE = 9.5
_DPI = 300


def cjk_font_family() -> str | None:
    """A font family that has Simplified Chinese, or None when the system has none."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for name in _CJK_FAMILIES:
        if name in families:
            return name
    return families[0] if families else None


def document_font(point_size: float = POINT_SIZE) -> QFont:
    family = cjk_font_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(point_size)
    return font


def a4_pdf(
    title: str,
    html: str,
    font: QFont | None = None,
    images: Iterable[tuple[str, QImage]] = (),
) -> bytes:
    """The PDF's bytes: A4, 15 mm margins, ``html`` in ``font`` (the CJK document font by
    default), ``images`` the resources its ``<img src=NAME>`` tags name."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Prism")
    writer.setResolution(_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    page = writer.pageLayout().paintRectPixels(_DPI)
    footer = _DPI * 8 // 25  # 8 mm under the text for the page number
    body = QSizeF(page.width(), page.height() - footer)

    font = font or document_font()
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(body)
    for name, image in images:
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
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
