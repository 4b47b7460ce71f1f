"""The "Resources" page: what the officer can recommend, and who already received each one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Topic
from crm.services.resources import ResourceRow
from crm.ui.book_page import BookPage
from crm.ui.relationship.kit import RelationshipKit
from crm.ui.relationship.models import ResourcesModel, SharesModel
from crm.ui.relationship.notes_tab import compact_table


class ResourcesPage(BookPage):
    topics = frozenset({Topic.RESOURCE, Topic.CLIENT})

    def __init__(
        self,
        kit: RelationshipKit,
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(kit.ctx.notifier, parent)
        self.kit = kit
        self.open_client = open_client
        title = QLabel(self.tr("Resources"))
        title.setStyleSheet("font-size: 17px; font-weight: 600;")
        hint = QLabel(self.tr("People and material worth recommending to clients."))
        hint.setStyleSheet("color: #6b7280;")
        self.show_archived = QCheckBox(self.tr("Archived"))
        self.new_button = QPushButton(self.tr("New…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.model = ResourcesModel(self)
        self.table = compact_table(self.model)
        self.table.setObjectName("resourcesTable")
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(0, 160)
        self.shares = SharesModel(self)
        self.shares_table = compact_table(self.shares)
        self.shares_table.setObjectName("sharesTable")
        self.shares_table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        right = QWidget()
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addWidget(self.note)
        rlayout.addWidget(QLabel(self.tr("Shared with")))
        rlayout.addWidget(self.shares_table, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        hint.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.show_archived)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.show_archived.toggled.connect(lambda _c: self.reload())
        self.new_button.clicked.connect(lambda: self.kit.edit_resource(None, self))
        self.edit_button.clicked.connect(self.edit)
        self.archive_button.clicked.connect(self.archive)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.shares_table.doubleClicked.connect(self._open_share)

    def current(self) -> ResourceRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def reload(self) -> None:
        keep = self.current()
        self.model.set_rows(self.kit.resources.all(self.show_archived.isChecked()))
        for row, r in enumerate(self.model.rows()):
            if keep is not None and r.id == keep.id:
                self.table.selectRow(row)
        self._show_current()

    def _show_current(self) -> None:
        r = self.current()
        self.edit_button.setEnabled(r is not None)
        self.archive_button.setEnabled(r is not None)
        if r is None:
            self.note.clear()
            self.shares.set_rows([])
            return
        self.archive_button.setText(self.tr("Restore") if r.archived_at else self.tr("Archive"))
        self.note.setText(r.note)
        self.shares.set_rows(self.kit.resources.shares_of(r.id))

    def edit(self) -> None:
        r = self.current()
        if r is not None:
            self.kit.edit_resource(r.id, self)

    def archive(self) -> None:
        r = self.current()
        if r is not None:
            self.kit.resources.set_archived(r.id, r.archived_at is None)

    def _open_share(self) -> None:
        row = self.shares.row_at(self.shares_table.currentIndex().row())
        if row is not None:
            self.open_client(row.client_id)
