"""The "My promises" page: every open promise, overdue ones first and in red."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHeaderView, QPushButton

from crm.domain.changes import Topic
from crm.services.promises import PromiseRow
from crm.ui.page_header import PageHeader
from crm.ui.relationship.models import PromisesModel
from crm.ui.relationship.views import ListPage

TOPICS = frozenset({Topic.CLIENT, Topic.PROMISE})


class PromisesPage(ListPage):
    topics = TOPICS

    model_class = PromisesModel

    def build(self) -> None:
        self.table.setObjectName("promisesTable")
        header = self.table.horizontalHeader()
        header.resizeSection(0, 90)
        header.resizeSection(1, 150)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(3, 90)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.keep_button = QPushButton(self.tr("Kept…"))
        self.keep_button.setToolTip(self.tr("Mark kept and log how you told the client"))
        self.open_button = QPushButton(self.tr("Open client"))
        self.lay_out(
            PageHeader(
                self.tr("My promises"), self.overdue_only, self.keep_button, self.open_button
            )
        )
        self.summary = self.header.summary
        self.summary.setObjectName("promisesSummary")
        self.overdue_only.toggled.connect(lambda _c: self.reload_now())
        self.keep_button.clicked.connect(self.keep)
        self.open_button.clicked.connect(self.open_current)
        self.table.doubleClicked.connect(lambda _i: self.open_current())

    def reload(self) -> None:
        promises, overdue = self.kit.promises, self.overdue_only.isChecked()
        self.fetch(
            self.kit.ctx.runner,
            lambda: (overdue, promises.open_promises(overdue_only=overdue)),
            self._show,
        )

    def _show(self, answer: tuple[bool, list[PromiseRow]]) -> None:
        overdue_only, rows = answer
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.days_late(self.kit.today))
        self.summary.setText(
            self.tr("{n} open, {late} overdue").format(n=len(rows), late=late)
            if not overdue_only
            else self.tr("{late} overdue").format(late=late)
        )

    def keep(self) -> None:
        row = self.current()
        if row is not None:
            self.kit.keep_promise(row, self)
