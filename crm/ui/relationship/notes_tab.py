"""The "Notes" tab: a client's life notes, talking points first."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QPushButton

from crm.domain.relationship_enums import TimelineKind
from crm.services.notes import NoteRow
from crm.ui.relationship.models import NotesModel, compact_table, on_delete_key
from crm.ui.relationship.views import ClientTab


class NotesTab(ClientTab):
    def build(self) -> None:
        #: A note just added: selected once the reload brings it.
        self._select_next: int | None = None
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
        self.lay_out(
            [self.add_button, self.edit_button, self.asked_button], [self.delete_button], self.table
        )
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.asked_button.clicked.connect(self.mark_asked)
        self.delete_button.clicked.connect(self.delete)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        on_delete_key(self.table, self.tr("Delete note"), self.delete)
        self._enable()

    def reload(self) -> None:
        self._enable()  # Add follows the selection now; the rows follow when read
        cid, notes = self.client_id, self.kit.notes
        self.fetch(
            self.kit.ctx.runner,
            lambda: notes.for_client(cid) if cid is not None else [],
            self._show,
        )

    def _show(self, rows: list[NoteRow]) -> None:
        keep = self.current()
        self.model.set_rows(rows)
        if self._select_next is not None and self.select(self._select_next):
            self._select_next = None
        elif keep is not None:
            self.select(keep.id)
        self._enable()

    def current(self) -> NoteRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, note_id: int) -> bool:
        for row, note in enumerate(self.model.rows()):
            if note.id == note_id:
                self.table.selectRow(row)
                return True
        return False

    def _enable(self) -> None:
        note = self.current()
        self.add_button.setEnabled(self.client_id is not None)
        self.edit_button.setEnabled(note is not None)
        self.delete_button.setEnabled(note is not None)
        self.asked_button.setEnabled(note is not None and note.is_talking_point)

    def add(self) -> None:
        if self.client_id is not None:
            # The change the new note publishes reloads this tab; select it when it is there.
            self._select_next = self.kit.add_note(self.client_id, self)

    def edit(self) -> None:
        note = self.current()
        if note is not None:
            self.kit.edit_note(note, self)

    def mark_asked(self) -> None:
        note = self.current()
        if note is not None and note.is_talking_point:
            self.kit.mark_asked(note, self)

    def delete(self) -> None:
        note = self.current()
        if note is not None:
            self.kit.delete(TimelineKind.NOTE, note.id, note.text, self)
