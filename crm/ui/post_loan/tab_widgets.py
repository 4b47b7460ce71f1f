"""The small lists and buttons the 贷后 tab is made of."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView, QToolButton

from crm.ui.tables import read_only_table

RED = "#b91c1c"
GREY = "color: #6b7280;"
ROW = 24


def button(text: str, slot: Callable[[], object]) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.clicked.connect(lambda: slot())
    return button


def table(
    columns: list[str], name: str, rows: int, stretch: tuple[int, ...]
) -> tuple[QTableView, QStandardItemModel]:
    """A small list; the ``stretch`` columns share the width left by the others, which take
    what their contents need."""
    model = QStandardItemModel(0, len(columns))
    model.setHorizontalHeaderLabels(columns)
    table = read_only_table(model, name=name, row_height=ROW)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(30)
    for col in range(len(columns)):
        if col in stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
    table.setProperty("fit_columns", [c for c in range(len(columns)) if c not in stretch])
    table.setProperty("max_rows", rows)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    fit(table, 0)
    return table, model


def fit(table: QTableView, rows: int) -> None:
    """As tall as its rows (one empty row at least, its maximum at most): the tab stacks five
    lists in a narrow pane, and an empty one should not take a screenful."""
    shown = max(1, min(rows, int(table.property("max_rows"))))
    table.setFixedHeight(ROW + 6 + ROW * shown)


def fill(
    table: QTableView, model: QStandardItemModel, rows: list[list[str]], colours: list[str | None]
) -> None:
    model.removeRows(0, model.rowCount())
    for row, colour in zip(rows, colours, strict=True):
        items = [QStandardItem(text) for text in row]
        for item, text in zip(items, row, strict=True):
            item.setToolTip(text)  # the pane is narrow: the whole text on hover
            if colour:
                item.setForeground(Qt.GlobalColor.red if colour == RED else Qt.GlobalColor.gray)
        model.appendRow(items)
    fit(table, len(rows))
    # Sized once the rows are in (a resize-to-contents mode lost to the stretched columns).
    for col in table.property("fit_columns"):
        table.resizeColumnToContents(col)


def render_msg(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
