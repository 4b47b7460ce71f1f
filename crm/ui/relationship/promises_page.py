"""The "My promises" page: every open promise, overdue ones first and in red."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Topic
from crm.services.promises import PromiseRow
from crm.ui.book_page import BookPage
from crm.ui.relationship.kit import RelationshipKit
from crm.ui.relationship.models import PromisesModel
from crm.ui.relationship.notes_tab import compact_table

TOPICS = frozenset({Topic.CLIENT, Topic.PROMISE})


class PromisesPage(BookPage):
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
        title = QLabel(self.tr("My promises"))
        title.setStyleSheet("font-size: 17px; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setObjectName("promisesSummary")
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.model = PromisesModel(self)
        self.model.today = kit.ctx.clock.today
        self.table = compact_table(self.model)
        self.table.setObjectName("promisesTable")
        header = self.table.horizontalHeader()
        header.resizeSection(0, 90)
        header.resizeSection(1, 150)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(3, 90)
        self.keep_button = QPushButton(self.tr("Kept…"))
        self.keep_button.setToolTip(self.tr("Mark kept and log how you told the client"))
        self.open_button = QPushButton(self.tr("Open client"))
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.overdue_only)
        bar.addWidget(self.keep_button)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.overdue_only.toggled.connect(lambda _c: self.reload())
        self.keep_button.clicked.connect(self.keep)
        self.open_button.clicked.connect(self._open_current)
        self.table.doubleClicked.connect(lambda _i: self._open_current())

    def current(self) -> PromiseRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def reload(self) -> None:
        rows = self.kit.promises.open_promises(overdue_only=self.overdue_only.isChecked())
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.days_late(self.kit.today))
        self.summary.setText(
            self.tr("{n} open, {late} overdue").format(n=len(rows), late=late)
            if not self.overdue_only.isChecked()
            else self.tr("{late} overdue").format(late=late)
        )

    def keep(self) -> None:
        row = self.current()
        if row is not None:
            self.kit.keep_promise(row.id, self)

    def _open_current(self) -> None:
        row = self.current()
        if row is not None:
            self.open_client(row.client_id)
