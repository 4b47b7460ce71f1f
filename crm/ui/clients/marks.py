"""Marking a form field as wrong without moving anything: a tinted background and the reason
in its tooltip (the dialog's one status line says it in words)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

#: A pale red behind a field whose input the rules refuse (the error text's red, faded).
INVALID_BASE = QColor("#fde8e8")
_MARKED = "invalid"


def mark_invalid(widget: QWidget, problem: str) -> None:
    """Tint ``widget`` (and the inputs inside it) when ``problem`` is set, undo it when ""."""
    marked = bool(widget.property(_MARKED))
    if marked == bool(problem) and widget.toolTip() == problem:
        return
    if problem and not marked:
        widget.setProperty("_plain_palette", QPalette(widget.palette()))
        palette = QPalette(widget.palette())
        palette.setColor(QPalette.ColorRole.Base, INVALID_BASE)
        widget.setPalette(palette)
    elif not problem and marked:
        plain = widget.property("_plain_palette")
        widget.setPalette(plain if isinstance(plain, QPalette) else QPalette())
    widget.setProperty(_MARKED, bool(problem))
    widget.setToolTip(problem)
