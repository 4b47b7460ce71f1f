"""The read-only tables loans are listed in: whole rows selected, one at a time, compact."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView

from crm.ui.loans.badge import StatusBadgeDelegate
from crm.ui.tables import read_only_table


def list_table(model: QAbstractItemModel, name: str) -> QTableView:
    table = read_only_table(model, name=name)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    return table


def badge_column(table: QTableView, column: int) -> None:
    """Draw the status in ``column`` as a coloured pill."""
    if column >= 0:
        table.setItemDelegateForColumn(column, StatusBadgeDelegate(table))


class EnterKey(QObject):
    """Enter or Return on a table calls ``activate`` (double-click does the same)."""

    def __init__(self, table: QTableView, activate: Callable[[], object]) -> None:
        super().__init__(table)
        self._activate = activate
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._activate()
            return True
        return super().eventFilter(watched, event)
