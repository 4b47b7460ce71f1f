"""Item models of relationship memory: small, fully loaded tables (one client's notes, the
due list, open promises, resources). Each holds plain rows from a service and renders cells;
:func:`compact_table` is the view every one of them is shown in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableView

from crm.domain.relationship_enums import Channel, NoteCategory, TimelineKind
from crm.services.brief import days_ago
from crm.services.cadence import DueClient
from crm.services.notes import NoteRow
from crm.services.promises import PromiseRow
from crm.services.resources import ResourceRow, ShareRow
from crm.services.timeline import TimelineEntry
from crm.ui.brushes import solid
from crm.ui.i18n import render
from crm.ui.tables import read_only_table

RowRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
LATE = "#b91c1c"
MUTED = "#6b7280"
FLAG = "#b45309"


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses name the columns and render cells."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self.today: Callable[[], dt.date] = dt.date.today

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def colour(self, row: Any, column: int) -> str | None:
        return None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.colour(row, index.column())
            return solid(colour) if colour else None
        return None


def compact_table(model: QAbstractItemModel) -> QTableView:
    """A read-only, row-selecting, dense table over ``model`` (every list in this area)."""
    table = read_only_table(model, row_height=24)
    table.horizontalHeader().setHighlightSections(False)
    return table


def on_delete_key(table: QTableView, text: str, slot: Callable[[], object]) -> None:
    """The Delete key on ``table`` calls ``slot`` (``text`` names it, for accessibility)."""
    action = QAction(text, table)
    action.setShortcut(QKeySequence.StandardKey.Delete)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    table.addAction(action)


def days_ago_text(when: dt.datetime | None, today: dt.date) -> str:
    return render(days_ago(when, today))


class NotesModel(RowsModel):
    def headers(self) -> Sequence[str]:
        return (self.tr("Category"), self.tr("Note"), self.tr("Date"), self.tr("Ask"))

    def cell(self, row: NoteRow, column: int) -> str:
        if column == 0:
            return render(NoteCategory(row.category).label)
        if column == 1:
            text = row.text
            if row.answer:
                text += " → " + row.answer
            return text
        if column == 2:
            return row.event_date.isoformat() if row.event_date else ""
        if row.is_talking_point:
            return self.tr("Ask next time")
        if row.asked_at:
            return self.tr("Asked {date}").format(date=row.asked_at.strftime("%m-%d"))
        return ""

    def colour(self, row: NoteRow, column: int) -> str | None:
        if row.is_talking_point and column == 3:
            return FLAG
        return MUTED if row.asked_at and column == 3 else None


class TimelineModel(RowsModel):
    def headers(self) -> Sequence[str]:
        return (self.tr("When"), self.tr("Kind"), self.tr("What"))

    def cell(self, row: TimelineEntry, column: int) -> str:
        if column == 0:
            fmt = "%Y-%m-%d" if row.kind is TimelineKind.SHARE else "%Y-%m-%d %H:%M"
            return row.when.strftime(fmt)
        if column == 1:
            kind = render(row.kind.label)
            if row.kind is TimelineKind.INTERACTION and row.label in Channel._value2member_map_:
                kind += " · " + render(Channel(row.label).label)
            return kind
        return self._what(row)

    def _what(self, row: TimelineEntry) -> str:
        first, _sep, second = row.detail.partition("\x1f")
        text = row.text
        if row.kind is TimelineKind.NOTE:
            if first:
                text += " (" + first + ")"
            if second:
                text += " → " + second
        elif row.kind is TimelineKind.INTERACTION and first:
            text += " · " + self.tr("Next: {step}").format(step=first)
            if second:
                text += f" ({second})"
        elif row.kind is TimelineKind.PROMISE_MADE:
            text += " · " + self.tr("due {date}").format(date=row.detail)
        elif row.kind is TimelineKind.SHARE:
            text = self.tr("Shared: {name}").format(name=row.text)
            if row.detail:
                text += f" · {row.detail}"
        return text

    def colour(self, row: TimelineEntry, column: int) -> str | None:
        return MUTED if column == 1 else None


class DueModel(RowsModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.points: dict[int, list[str]] = {}

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Client"),
            self.tr("Status"),
            self.tr("Last contact"),
            self.tr("Every"),
            self.tr("Overdue"),
            self.tr("Talking points"),
        )

    def cell(self, row: DueClient, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return render(row.status.label) if row.status is not None else ""
        if column == 2:
            return days_ago_text(row.last_contact_at, self.today())
        if column == 3:
            return self.tr("{n} days").format(n=row.cadence_days)
        if column == 4:
            if row.days_overdue == 0:
                return self.tr("due today")
            return self.tr("{n} days").format(n=row.days_overdue)
        return "；".join(self.points.get(row.client_id, []))

    def colour(self, row: DueClient, column: int) -> str | None:
        if column == 4 and row.days_overdue > 0:
            return LATE
        if column == 5:
            return FLAG
        return None


class PromisesModel(RowsModel):
    def headers(self) -> Sequence[str]:
        return (self.tr("Due"), self.tr("Client"), self.tr("Promise"), self.tr("Late"))

    def cell(self, row: PromiseRow, column: int) -> str:
        if column == 0:
            return row.due_date.isoformat()
        if column == 1:
            if row.form_of_address:
                return f"{row.client_name}（{row.form_of_address}）"
            return row.client_name
        if column == 2:
            return row.text
        late = row.days_late(self.today())
        if late:
            return self.tr("{n} days late").format(n=late)
        if row.due_date == self.today():
            return self.tr("due today")
        return ""

    def colour(self, row: PromiseRow, column: int) -> str | None:
        if row.days_late(self.today()):
            return LATE
        return None


class ResourcesModel(RowsModel):
    def headers(self) -> Sequence[str]:
        return (self.tr("Name"), self.tr("Category"), self.tr("Contact"), self.tr("Shared"))

    def cell(self, row: ResourceRow, column: int) -> str:
        if column == 0:
            return row.name
        if column == 1:
            return row.category
        if column == 2:
            return row.contact
        return self.tr("{n} times").format(n=row.times_shared) if row.times_shared else ""

    def colour(self, row: ResourceRow, column: int) -> str | None:
        return MUTED if row.archived_at else None


class SharesModel(RowsModel):
    """Who received a resource (resource page) or what a client received (brief)."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Date"), self.tr("Client"), self.tr("Note"))

    def cell(self, row: ShareRow, column: int) -> str:
        if column == 0:
            return row.shared_on.isoformat()
        if column == 1:
            return row.client_name
        return row.note
