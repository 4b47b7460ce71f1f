"""A client's needs records as a table, the newest first (as the service lists them)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from crm.services.loan_views import NeedRow
from crm.ui.loans import look

Index = QModelIndex | QPersistentModelIndex
NEED_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_AMOUNT = 3


def _one_line(text: str) -> str:
    return " ".join(text.split())


class NeedsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[NeedRow] = []

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Recorded"),
            self.tr("Stated purpose"),
            self.tr("Real need"),
            self.tr("Amount"),
            self.tr("Timing"),
        )

    def set_rows(self, rows: Sequence[NeedRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[NeedRow]:
        return list(self._rows)

    def row_at(self, row: int) -> NeedRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, need_id: int) -> int:
        return next((i for i, n in enumerate(self._rows) if n.id == need_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if section == _AMOUNT else _LEFT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.headers()):
            return None
        need = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(need, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(need)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column == _AMOUNT else _LEFT)
        if role == NEED_ROLE:
            return need
        return None

    def _text(self, need: NeedRow, column: int) -> str:
        if column == 0:
            return need.recorded_on.isoformat()
        if column == 1:
            return _one_line(need.purpose)
        if column == 2:
            return _one_line(need.real_need)
        if column == _AMOUNT:
            return look.money(need.amount) if need.amount is not None else ""
        return _one_line(need.timing)

    def _tip(self, need: NeedRow) -> str:
        parts = [
            (self.tr("Stated purpose"), need.purpose),
            (self.tr("Real need"), need.real_need),
            (self.tr("Concerns"), need.concerns),
            (self.tr("Products discussed"), need.products),
        ]
        return "\n".join(f"{label}: {text}" for label, text in parts if text.strip())
