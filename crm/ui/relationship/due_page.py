"""The "Due for contact" page: who has not heard from the officer for longer than their
cadence, most overdue first, with what to ask them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Topic
from crm.services.cadence import DueClient, count_due, due_for_contact
from crm.ui.book_page import BookPage
from crm.ui.relationship.kit import RelationshipKit
from crm.ui.relationship.models import DueModel
from crm.ui.relationship.notes_tab import compact_table

#: Rows shown; the officer works from the top, and 100,000 rows help nobody.
SHOWN = 500
TOPICS = frozenset({Topic.CLIENT, Topic.INTERACTION, Topic.NOTE, Topic.CADENCE})


class DuePage(BookPage):
    topics = TOPICS

    def __init__(
        self,
        kit: RelationshipKit,
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(kit.ctx.notifier, parent)
        self.kit = kit
        self.open_client = open_client
        title = QLabel(self.tr("Due for contact"))
        title.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setObjectName("dueSummary")
        self.model = DueModel(self)
        self.model.today = kit.ctx.clock.today
        self.table = compact_table(self.model)
        self.table.setObjectName("dueTable")
        header = self.table.horizontalHeader()
        for col, width in enumerate((150, 90, 70, 80)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.open_button = QPushButton(self.tr("Open client"))
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.log_button)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.log_button.clicked.connect(self.log_contact)
        self.open_button.clicked.connect(self._open_current)
        self.table.doubleClicked.connect(lambda _i: self._open_current())

    def current(self) -> DueClient | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def reload(self) -> None:
        conn = self.kit.ctx.book.reader()
        today = self.kit.today
        rows = due_for_contact(conn, today, limit=SHOWN)
        total = len(rows) if len(rows) < SHOWN else count_due(conn, today)
        self.model.points = self.kit.notes.talking_points_by_client([r.client_id for r in rows])
        self.model.set_rows(rows)
        if total > len(rows):
            text = self.tr("{n} clients are due; the {shown} most overdue are listed.")
            self.summary.setText(text.format(n=f"{total:,}", shown=len(rows)))
        else:
            self.summary.setText(self.tr("{n} clients are due.").format(n=total))

    def _open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.open_client(row.client_id)

    def log_contact(self) -> None:
        row = self.current()
        if row is not None:
            self.kit.log_contact(row.client_id, self)
