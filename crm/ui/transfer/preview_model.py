"""The import preview: one line per row of the file, what will happen to it and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from crm.ui.brushes import solid

COL_ROW, COL_RESULT, COL_NAME, COL_PHONES, COL_PROBLEMS = range(5)

Index = QModelIndex | QPersistentModelIndex

_COLOURS = {"ok": "#047857", "bad": "#b91c1c", "dup": "#b45309"}


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []  # PreviewRow

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 5:
            return None
        return (
            self.tr("Row"),
            self.tr("Result"),
            self.tr("Name"),
            self.tr("Phones"),
            self.tr("Problems"),
        )[section]

    def _kind(self, r: Any) -> str:
        return "bad" if not r.ok else "dup" if r.duplicate else "ok"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_ROW:
                return str(r.row)
            if col == COL_RESULT:
                kind = self._kind(r)
                if kind == "bad":
                    return self.tr("Problem")
                if kind == "dup":
                    if r.duplicate_of is not None:
                        return self.tr("Already in the book")
                    return self.tr("Same as row {row}").format(row=r.duplicate_row)
                return self.tr("Ready")
            if col == COL_NAME:
                return r.name
            if col == COL_PHONES:
                from crm.domain.masking import mask_phone

                return "; ".join(mask_phone(p) for p in r.phones)
            if col == COL_PROBLEMS:
                return "；".join(
                    f"{column}: {msg.render(QCoreApplication.translate)}"
                    for column, msg in r.problems
                )
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_RESULT:
            return solid(_COLOURS[self._kind(r)])
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PROBLEMS and r.problems:
            return "\n".join(
                f"{column}: {msg.render(QCoreApplication.translate)}" for column, msg in r.problems
            )
        return None
