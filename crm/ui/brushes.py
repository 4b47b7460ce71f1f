"""Solid brushes for item models' colour roles (ForegroundRole, BackgroundRole), one per colour.

A model's ``data()`` runs for every visible cell at every repaint: a brush made once per colour
saves building a QColor and a QBrush each time. Two arguments on purpose: for a one-argument
``QBrush(QColor)`` PySide weighs the QGradient and QImage overloads too, creating both classes
and their enums (~3 ms at the client list's first paint).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

_BRUSHES: dict[str, QBrush] = {}


def solid(colour: str) -> QBrush:
    """A solid brush of ``colour`` (``#rrggbb`` or a colour name), made once."""
    brush = _BRUSHES.get(colour)
    if brush is None:
        brush = _BRUSHES[colour] = QBrush(QColor(colour), Qt.BrushStyle.SolidPattern)
    return brush
