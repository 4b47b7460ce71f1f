"""The top referrers table: direct and indirect counts, borrowers among them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from crm.services.referrals import TopReferrer
from crm.ui.brushes import solid
from crm.ui.referrals.style import ARCHIVED_COLOUR, colour_of, person_text, status_text

ClientIdRole = Qt.ItemDataRole.UserRole + 1
COL_RANK, COL_NAME, COL_KIND, COL_DIRECT, COL_INDIRECT, COL_BORROWERS, COL_LENT = range(7)

Index = QModelIndex | QPersistentModelIndex


class TopReferrersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[TopReferrer] = []
        #: The "amount lent" column appears only once Prism records loans (amount_lent set).
        self.show_lent = False

    def set_rows(self, rows: list[TopReferrer]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.show_lent = any(r.amount_lent is not None for r in rows)
        self.endResetModel()

    def referrer(self, row: int) -> TopReferrer:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (7 if self.show_lent else 6)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            titles = (
                "#",
                self.tr("Referrer"),
                self.tr("Status"),
                self.tr("Direct"),
                self.tr("Indirect"),
                self.tr("Became borrowers"),
                self.tr("Amount lent"),
            )
            return titles[section] if 0 <= section < self.columnCount() else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                COL_DIRECT: self.tr("Clients they brought themselves"),
                COL_INDIRECT: self.tr("Clients brought by those they brought, at any depth"),
                COL_BORROWERS: self.tr("Of all they brought, how many have borrowed"),
                COL_BORROWERS + 1: self.tr("Disbursed to the clients they brought themselves"),
            }
            return tips.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t = self._rows[index.row()]
        col = index.column()
        if role == ClientIdRole:
            return t.person.id
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                COL_RANK: str(index.row() + 1),
                COL_NAME: person_text(t.person),
                COL_KIND: status_text(t.person),
                COL_DIRECT: str(t.direct),
                COL_INDIRECT: str(t.indirect),
                COL_BORROWERS: f"{t.borrowers_total} / {t.total}",
                COL_LENT: f"{t.amount_lent:,.0f}" if t.amount_lent is not None else "",
            }
            return values.get(col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_KIND:
                return solid(colour_of(t.person))
            if t.person.archived:
                return solid(ARCHIVED_COLOUR)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (COL_NAME, COL_KIND):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_BORROWERS:
            return self.tr("{direct} of the {n} brought directly").format(
                direct=t.borrowers_direct, n=t.direct
            )
        return None
