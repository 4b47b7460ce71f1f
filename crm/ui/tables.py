"""The read-only tables every list is shown in: whole rows selected, no editing, compact rows
of a fixed height, no row numbers. Areas differ only in what they say here."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(
    model: QAbstractItemModel,
    *,
    name: str = "",
    row_height: int = 26,
    many: bool = False,
    header: QHeaderView | None = None,
) -> QTableView:
    """``many``: several rows can be selected at once; ``header``: a column header of the
    caller's own (set before the model, as Qt wants)."""
    table = QTableView()
    if name:
        table.setObjectName(name)
    if header is not None:
        table.setHorizontalHeader(header)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if many
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setDefaultSectionSize(row_height)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    return table
