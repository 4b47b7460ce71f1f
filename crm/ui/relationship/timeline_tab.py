"""The "History" tab: everything that happened with a client, newest first, by kind.

Filtered to "Contacts" it is the contact log; notes and contacts can be deleted from here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QPushButton

from crm.domain.relationship_enums import TimelineKind
from crm.services.timeline import TimelineEntry
from crm.ui.relationship.kit import DELETABLE
from crm.ui.relationship.models import TimelineModel, compact_table, on_delete_key
from crm.ui.relationship.views import ClientTab


class TimelineTab(ClientTab):
    def build(self) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("timelineKind")
        self.kind.addItem(self.tr("Everything"), None)
        for k in TimelineKind:
            self.kind.addItem(k.label.render(QCoreApplication.translate), k.value)
        self.model = TimelineModel(self)
        self.table = compact_table(self.model)
        self.table.setObjectName("timelineTable")
        header = self.table.horizontalHeader()
        header.resizeSection(0, 118)
        header.resizeSection(1, 96)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.lay_out([self.kind, self.log_button], [self.delete_button], self.table)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload_now())
        self.log_button.clicked.connect(self.log_contact)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        on_delete_key(self.table, self.tr("Delete entry"), self.delete)
        self._enable()

    def reload(self) -> None:
        self._enable()  # Log follows the selection now; the rows follow when read
        cid, timeline = self.client_id, self.kit.ctx.services.timeline
        kind = self.kind.currentData()
        kinds = [TimelineKind(kind)] if kind else None
        self.fetch(
            self.kit.ctx.runner,
            lambda: timeline.for_client(cid, kinds) if cid is not None else [],
            self._show,
        )

    def _show(self, entries: list[TimelineEntry]) -> None:
        self.model.set_rows(entries)
        self._enable()

    def current(self) -> TimelineEntry | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        entry = self.current()
        self.log_button.setEnabled(self.client_id is not None)
        self.delete_button.setEnabled(entry is not None and entry.kind in DELETABLE)

    def log_contact(self) -> None:
        if self.client_id is not None:
            self.kit.log_contact(self.client_id, self)

    def delete(self) -> None:
        entry = self.current()
        if entry is not None and entry.kind in DELETABLE:
            self.kit.delete(entry.kind, entry.ref_id, entry.text, self)
