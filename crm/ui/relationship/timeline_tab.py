"""The "History" tab: everything that happened with a client, newest first, by kind.

Filtered to "Contacts" it is the contact log; notes and contacts can be deleted from here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.relationship_enums import TimelineKind
from crm.services.timeline import TimelineEntry, timeline
from crm.ui.relationship.kit import RelationshipKit
from crm.ui.relationship.lazy import LazyClientTab
from crm.ui.relationship.models import TimelineModel
from crm.ui.relationship.notes_tab import compact_table


class TimelineTab(LazyClientTab):
    def __init__(self, kit: RelationshipKit, parent: QWidget | None = None) -> None:
        super().__init__(kit.ctx, parent)
        self.kit = kit
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
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addWidget(self.log_button)
        bar.addStretch()
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self.reload_now())
        self.log_button.clicked.connect(self.log_contact)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        delete = QAction(self.tr("Delete entry"), self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete)
        self.table.addAction(delete)
        self._enable()

    def reload(self) -> None:
        if self.client_id is None:
            self.model.set_rows([])
        else:
            kind = self.kind.currentData()
            kinds = [TimelineKind(kind)] if kind else None
            self.model.set_rows(timeline(self.kit.ctx.book, self.client_id, kinds))
        self._enable()

    def current(self) -> TimelineEntry | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        entry = self.current()
        self.log_button.setEnabled(self.client_id is not None)
        self.delete_button.setEnabled(
            entry is not None
            and entry.kind
            in (TimelineKind.NOTE, TimelineKind.INTERACTION, TimelineKind.PROMISE_MADE)
        )

    def log_contact(self) -> None:
        if self.client_id is not None:
            self.kit.log_contact(self.client_id, self)

    def delete(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if entry.kind is TimelineKind.NOTE:
            self.kit.delete_note(entry.ref_id, self)
        elif entry.kind is TimelineKind.INTERACTION:
            self.kit.delete_interaction(entry.ref_id, self)
        elif entry.kind is TimelineKind.PROMISE_MADE:
            self.kit.delete_promise(entry.ref_id, self)
