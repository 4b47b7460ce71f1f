"""Everyone a client brought, as an expandable tree (the client at the top)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from crm.services.referral_links import Person
from crm.services.referrals import ReferralTree
from crm.ui.brushes import solid
from crm.ui.referrals.style import ARCHIVED_COLOUR, colour_of, person_text, status_text

ClientIdRole = Qt.ItemDataRole.UserRole + 1
COL_NAME, COL_STATUS, COL_BROUGHT = range(3)
COLUMNS = 3

Index = QModelIndex | QPersistentModelIndex


class ReferralTreeModel(QAbstractItemModel):
    """Nodes are numbered 0 (the client) .. n; an index's internal id is its node number."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[Person] = []
        self._parent: list[int] = []  # node -> parent node (-1 for the client)
        self._row: list[int] = []  # node -> its row under its parent
        self._children: list[list[int]] = []
        self._brought: list[int] = []  # all levels below each node

    def set_tree(self, tree: ReferralTree | None) -> None:
        self.beginResetModel()
        self._people, self._parent, self._row, self._children, self._brought = [], [], [], [], []
        if tree is not None:
            number = {tree.root.id: 0}
            self._add(tree.root, -1)
            for node in tree.nodes:  # breadth-first: parents come before their children
                parent = number[node.parent_id]
                number[node.person.id] = len(self._people)
                self._add(node.person, parent)
            sizes = tree.subtree_sizes()
            self._brought = [sizes.get(p.id, 0) for p in self._people]
        self.endResetModel()

    def _add(self, person: Person, parent: int) -> None:
        node = len(self._people)
        self._people.append(person)
        self._parent.append(parent)
        self._children.append([])
        if parent >= 0:
            self._row.append(len(self._children[parent]))
            self._children[parent].append(node)
        else:
            self._row.append(0)

    def person(self, index: Index) -> Person | None:
        return self._people[index.internalId()] if index.isValid() else None

    def root_index(self) -> QModelIndex:
        return self.index(0, 0) if self._people else QModelIndex()

    # -- Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, self._children[parent.internalId()][row])

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        up = self._parent[child.internalId()]
        if up < 0:
            return QModelIndex()
        return self.createIndex(self._row[up], 0, up)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1 if self._people else 0
        if parent.column() != 0:
            return 0
        return len(self._children[parent.internalId()])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return COLUMNS

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Name"), self.tr("Status"), self.tr("Brought"))
        return titles[section] if 0 <= section < COLUMNS else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = index.internalId()
        p = self._people[node]
        col = index.column()
        if role == ClientIdRole:
            return p.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return person_text(p)
            if col == COL_STATUS:
                return status_text(p)
            return str(self._brought[node]) if self._brought[node] else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            if p.archived:
                return solid(ARCHIVED_COLOUR)
            if col == COL_STATUS:
                return solid(colour_of(p))
            return None
        if role == Qt.ItemDataRole.FontRole and (p.archived or node == 0):
            font = QFont()
            font.setItalic(p.archived)
            font.setBold(node == 0)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_BROUGHT:
            direct = len(self._children[node])
            return self.tr("{direct} directly, {all} in all").format(
                direct=direct, all=self._brought[node]
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_BROUGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
