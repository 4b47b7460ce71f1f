"""The clients behind a figure: a list to open each from (double-click or Enter)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from crm.domain.enums import ClientStatus
from crm.services.stats import ClientRow
from crm.ui.i18n import render
from crm.ui.tables import read_only_table

Index = QModelIndex | QPersistentModelIndex


class ClientsBehindModel(QAbstractTableModel):
    """Name and status of each client behind a figure."""

    def __init__(self, rows: Sequence[ClientRow] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.name
            known = ClientStatus._value2member_map_.get(row.status)
            return render(known.label) if isinstance(known, ClientStatus) else row.status
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Status"))[section] if section < 2 else None
        return None

    def client_id(self, row: int) -> int:
        return self.rows[row].id


class ClientsBehindDialog(QDialog):
    def __init__(
        self,
        title: str,
        rows: Sequence[ClientRow],
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.open_client = open_client
        self.model = ClientsBehindModel(rows, self)
        self.table = read_only_table(self.model, name="clientsBehind")
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        count = QLabel(self.tr("Clients: %1").replace("%1", f"{len(rows):,}"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(420, 480)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_client(self.model.client_id(index.row()))
