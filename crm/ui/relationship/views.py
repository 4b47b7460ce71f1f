"""What this area's views share, on the one base (:mod:`crm.ui.book_page`): the pane tabs
(Brief, Notes, History) are :class:`ClientTab`, the sidebar pages (Due for contact, My
promises, Resources) are :class:`ListPage`. A subclass lays itself out in :meth:`build`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from crm.ui.book_page import BookPage, ClientView
from crm.ui.page_header import PageHeader
from crm.ui.relationship.kit import CLIENT_TAB_TOPICS, RelationshipKit
from crm.ui.relationship.models import RowsModel, compact_table


class ClientTab(ClientView):
    """A client pane tab: a row of buttons over what it shows of the selected client."""

    topics = CLIENT_TAB_TOPICS

    def __init__(self, kit: RelationshipKit, parent: QWidget | None = None) -> None:
        super().__init__(kit.ctx.notifier, parent)
        self.kit = kit
        self.build()

    def build(self) -> None:
        raise NotImplementedError

    def lay_out(self, left: Sequence[QWidget], right: Sequence[QWidget], body: QWidget) -> None:
        """``left`` and ``right`` controls in a row (a gap between), ``body`` below."""
        bar = QHBoxLayout()
        for control in left:
            bar.addWidget(control)
        bar.addStretch()
        for control in right:
            bar.addWidget(control)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(body, 1)


class ListPage(BookPage):
    """A sidebar page: a :class:`PageHeader` over one table of a service's rows
    (:attr:`model_class`), the current row, and opening its client."""

    model_class: ClassVar[Callable[[QObject], RowsModel]]

    def __init__(
        self,
        kit: RelationshipKit,
        open_client: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(kit.ctx.notifier, parent)
        self.kit = kit
        self.open_client = open_client
        self.model = type(self).model_class(self)
        self.model.today = kit.ctx.clock.today
        self.table = compact_table(self.model)
        self.build()

    def build(self) -> None:
        raise NotImplementedError

    def lay_out(self, header: PageHeader, body: QWidget | None = None) -> None:
        """The header, then ``body`` (default: the table) taking the rest."""
        self.header = header
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(body or self.table, 1)

    def current(self) -> Any:
        """The selected row (as the service gave it), or None."""
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def open_current(self) -> None:
        """Open the selected row's client (rows that have a ``client_id``)."""
        row = self.current()
        if row is not None:
            self.open_client(row.client_id)
