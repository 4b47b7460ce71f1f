"""The trash: archived clients, restored with one click or deleted for good (asked twice)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Topic
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext

if TYPE_CHECKING:
    from crm.services.client_query import ClientRow
    from crm.services.trash import Purged

Index = QModelIndex | QPersistentModelIndex


class TrashModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ClientRow] = []

    def set_rows(self, rows: list[ClientRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 4:
            return None
        return (
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Business"),
            self.tr("Archived on"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return r.name
        if col == 1:
            from crm.domain.masking import mask_phone

            return mask_phone(r.phone) if r.phone else ""
        if col == 2:
            return r.business_name or ""
        if col == 3:
            return f"{r.archived_at:%Y-%m-%d %H:%M}" if r.archived_at else ""
        return None


class TrashPage(BookPage):
    """Follows the book: archiving, restoring, importing or deleting clients (and a restored
    book) reload it, when it is next seen. Reads and writes go through the task runner."""

    topics = frozenset({Topic.CLIENT})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        # Reads when first shown, not at start-up: the trash is rarely the first page.
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.model = TrashModel(self)
        self.table = QTableView()
        self.table.setObjectName("trashTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((140, 130, 220)):
            self.table.setColumnWidth(col, width)
        intro = QLabel(
            self.tr(
                "Archived clients wait here with everything recorded about them. Restore puts "
                "them back in the book; Delete permanently erases them and all their records, "
                "for a client who asks to be forgotten."
            )
        )
        intro.setWordWrap(True)
        self.count_label = QLabel()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.delete_button = QPushButton(self.tr("Delete permanently…"))
        self.delete_button.setStyleSheet("QPushButton:enabled { color: #b91c1c; }")
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.restore_button)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def reload(self) -> None:
        self.ctx.runner.run(self.ctx.services.trash.archived, self._show, owner=self, latest=self)

    def _show(self, rows: list[ClientRow]) -> None:
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{n} archived clients").format(n=len(rows)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        self.restore_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].id for r in rows]

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            clients = self.ctx.services.clients
            self.ctx.runner.run(lambda: clients.restore(ids), owner=self)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names = "、".join(self.model.rows[i].name for i in range(len(self.model.rows))
                         if self.model.rows[i].id in ids)  # fmt: skip
        first = self.ask(
            self.tr("Delete permanently?"),
            self.tr(
                "Delete {n} client(s) permanently: {names}?\n\nTheir notes, contacts, promises "
                "and every other record about them are erased. This cannot be undone."
            ).format(n=len(ids), names=names[:200]),
        )
        if not first:
            return
        second = self.ask(
            self.tr("Are you sure?"),
            self.tr("Last check: erase {n} client(s) and everything about them for good?").format(
                n=len(ids)
            ),
        )
        if not second:
            return
        trash = self.ctx.services.trash
        self.ctx.runner.run(lambda: trash.purge(ids), self._purged, owner=self)

    def _purged(self, done: Purged) -> None:
        self.count_label.setText(
            self.tr("Deleted {n} client(s) and {records} records.").format(
                n=done.clients, records=done.records
            )
        )

    def ask(self, title: str, text: str) -> bool:
        """A yes/no question with No as the default (tests replace this)."""
        reply = QMessageBox.warning(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return reply == QMessageBox.StandardButton.Yes
