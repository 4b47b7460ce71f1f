"""The "Resources" page: what the officer can recommend, and who already received each one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Topic
from crm.services.resources import ResourceRow
from crm.ui.page_header import PageHeader
from crm.ui.relationship.models import ResourcesModel, SharesModel, compact_table
from crm.ui.relationship.views import ListPage


class ResourcesPage(ListPage):
    topics = frozenset({Topic.RESOURCE, Topic.CLIENT})

    model_class = ResourcesModel

    def build(self) -> None:
        self.table.setObjectName("resourcesTable")
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(0, 160)
        self.show_archived = QCheckBox(self.tr("Archived"))
        self.new_button = QPushButton(self.tr("New…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.archive_button = QPushButton(self.tr("Archive"))
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
        header = PageHeader(
            self.tr("Resources"),
            self.show_archived,
            self.new_button,
            self.edit_button,
            self.archive_button,
            hint=self.tr("People and material worth recommending to clients."),
        )
        self.lay_out(header, splitter)
        self.show_archived.toggled.connect(lambda _c: self.reload_now())
        self.new_button.clicked.connect(lambda: self.kit.edit_resource(None, self))
        self.edit_button.clicked.connect(self.edit)
        self.archive_button.clicked.connect(self.archive)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.shares_table.doubleClicked.connect(self._open_share)

    def reload(self) -> None:
        resources, archived = self.kit.resources, self.show_archived.isChecked()
        self.fetch(self.kit.ctx.runner, lambda: resources.all(archived), self._show)

    def _show(self, rows: list[ResourceRow]) -> None:
        keep = self.current()
        self.model.set_rows(rows)
        for row, r in enumerate(rows):
            if keep is not None and r.id == keep.id:
                self.table.selectRow(row)
        self._show_current()

    def _show_current(self) -> None:
        r = self.current()
        self.edit_button.setEnabled(r is not None)
        self.archive_button.setEnabled(r is not None)
        if r is None:
            self.note.clear()
        else:
            self.archive_button.setText(self.tr("Restore") if r.archived_at else self.tr("Archive"))
            self.note.setText(r.note)
        resources, rid = self.kit.resources, r.id if r is not None else None
        # Keyed by the shares table: the newest selection's answer wins.
        self.fetch(
            self.kit.ctx.runner,
            lambda: resources.shares_of(rid) if rid is not None else [],
            self.shares.set_rows,
            key=self.shares_table,
        )

    def edit(self) -> None:
        r = self.current()
        if r is not None:
            self.kit.edit_resource(r, self)

    def archive(self) -> None:
        r = self.current()
        if r is not None:
            self.kit.resources.set_archived(r.id, r.archived_at is None)

    def _open_share(self) -> None:
        row = self.shares.row_at(self.shares_table.currentIndex().row())
        if row is not None:
            self.open_client(row.client_id)
