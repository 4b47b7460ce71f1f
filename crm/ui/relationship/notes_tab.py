"""The "Notes" tab: a client's life notes, talking points first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm.services.notes import NoteRow
from crm.ui.relationship.kit import RelationshipKit
from crm.ui.relationship.lazy import LazyClientTab
from crm.ui.relationship.models import NotesModel


def compact_table(model: object) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    return table


class NotesTab(LazyClientTab):
    def __init__(self, kit: RelationshipKit, parent: QWidget | None = None) -> None:
        super().__init__(kit.ctx, parent)
        self.kit = kit
        self.model = NotesModel(self)
        self.table = compact_table(self.model)
        self.table.setObjectName("notesTable")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 60)
        header.resizeSection(2, 84)
        header.setStretchLastSection(False)
        header.resizeSection(3, 90)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.asked_button = QPushButton(self.tr("Mark asked…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        bar = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.asked_button):
            bar.addWidget(b)
        bar.addStretch()
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.asked_button.clicked.connect(self.mark_asked)
        self.delete_button.clicked.connect(self.delete)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        delete = QAction(self.tr("Delete note"), self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete)
        self.table.addAction(delete)
        self._enable()

    def reload(self) -> None:
        keep = self.current()
        rows = self.kit.notes.for_client(self.client_id) if self.client_id is not None else []
        self.model.set_rows(rows)
        if keep is not None:
            self.select(keep.id)
        self._enable()

    def current(self) -> NoteRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, note_id: int) -> None:
        for row, note in enumerate(self.model.rows()):
            if note.id == note_id:
                self.table.selectRow(row)
                return

    def _enable(self) -> None:
        note = self.current()
        self.add_button.setEnabled(self.client_id is not None)
        self.edit_button.setEnabled(note is not None)
        self.delete_button.setEnabled(note is not None)
        self.asked_button.setEnabled(note is not None and note.is_talking_point)

    def add(self) -> None:
        if self.client_id is not None:
            new_id = self.kit.add_note(self.client_id, self)
            if new_id is not None:
                self.reload_now()
                self.select(new_id)

    def edit(self) -> None:
        note = self.current()
        if note is not None:
            self.kit.edit_note(note.id, self)

    def mark_asked(self) -> None:
        note = self.current()
        if note is not None and note.is_talking_point:
            self.kit.mark_asked(note.id, self)

    def delete(self) -> None:
        note = self.current()
        if note is not None:
            self.kit.delete_note(note.id, self)
