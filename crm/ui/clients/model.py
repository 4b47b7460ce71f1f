"""The client list: a lazy table over an ordered list of ids.

The search gives the ids in display order (cheap: one integer each); the columns of a row are
read in pages of :data:`PAGE` only when the view asks for them, so 100,000 clients scroll
smoothly without ever being loaded whole.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.masking import mask_phone
from crm.services.client_query import ClientRow

COL_NAME, COL_STATUS, COL_PHONE, COL_BUSINESS, COL_TAGS, COL_BIRTHDAY, COL_UPDATED = range(7)
COL_LAST_CONTACT = 7
COLUMN_COUNT = 8
#: The SQL sort key behind each column (crm.services.client_query.SORT_SQL).
SORT_KEYS = ("name", "status", "phone", "business", "tags", "birthday", "updated", "last_contact")

ClientIdRole = Qt.ItemDataRole.UserRole + 1
ClientRowRole = Qt.ItemDataRole.UserRole + 2

PAGE = 100
MAX_PAGES = 50  # pages kept in memory; the rest are read again when scrolled back to

STATUS_COLOURS = {
    ClientStatus.PROSPECT: "#6b7280",
    ClientStatus.APPLYING: "#b45309",
    ClientStatus.BORROWER: "#047857",
    ClientStatus.FORMER_BORROWER: "#1d4ed8",
    ClientStatus.DECLINED: "#b91c1c",
}
# Referral partners bring clients but do not borrow: no loan status, a colour of their own.
PARTNER_COLOUR = "#7c3aed"


def status_label(kind: str, status: str) -> str:
    """What the Status column and the pane's badge say: the loan status, or "Referral partner"."""
    tr = QCoreApplication.translate
    if kind == ClientKind.PARTNER:
        return ClientKind.PARTNER.label.render(tr)
    try:
        return ClientStatus(status).label.render(tr)
    except ValueError:
        return status


def status_colour(kind: str, status: str) -> str:
    if kind == ClientKind.PARTNER:
        return PARTNER_COLOUR
    try:
        return STATUS_COLOURS.get(ClientStatus(status), "#374151")
    except ValueError:
        return "#374151"


RowLoader = Callable[[Sequence[int]], dict[int, ClientRow]]


def birthday_label(row: ClientRow) -> str:
    if not (row.birth_month and row.birth_day):
        return ""
    if row.birthday_calendar == "lunar":
        from crm.domain.lunar import format_lunar

        text = QCoreApplication.translate("ClientTableModel", "Lunar {date}").format(
            date=format_lunar(row.birth_month, row.birth_day, row.birth_leap)
        )
    else:
        text = f"{row.birth_month:02d}-{row.birth_day:02d}"
    return text


class ClientTableModel(QAbstractTableModel):
    def __init__(self, load_rows: RowLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load_rows = load_rows
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, ClientRow]] = OrderedDict()
        self.unmasked = False
        #: today's date, for "N days ago" (the page hands in its clock); None shows the date
        self.today: Callable[[], dt.date] | None = None

    # -- feeding -------------------------------------------------------------------------------

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Re-read the visible columns (after an edit) without changing the order."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, COLUMN_COUNT - 1)
            )

    def set_unmasked(self, unmasked: bool) -> None:
        self.unmasked = unmasked
        if self._ids:
            self.dataChanged.emit(
                self.index(0, COL_PHONE), self.index(len(self._ids) - 1, COL_PHONE)
            )

    def client_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, client_id: int) -> int:
        try:
            return self._ids.index(client_id)
        except ValueError:
            return -1

    def ids(self) -> list[int]:
        return list(self._ids)

    def _row(self, row: int) -> ClientRow | None:
        page = row // PAGE
        cached = self._pages.get(page)
        if cached is None:
            ids = self._ids[page * PAGE : (page + 1) * PAGE]
            cached = self._load_rows(ids)
            self._pages[page] = cached
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return cached.get(self._ids[row])

    # -- Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Phone"),
            self.tr("Business"),
            self.tr("Tags"),
            self.tr("Birthday"),
            self.tr("Updated"),
            self.tr("Last contact"),
        )
        return titles[section] if 0 <= section < COLUMN_COUNT else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ClientIdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            ClientRowRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == ClientRowRole:
            return row
        col = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_STATUS:
                return QBrush(QColor(status_colour(row.kind, row.status)))
            if row.archived_at is not None:
                return QBrush(QColor("#9ca3af"))
            return None
        return self._text(row, col)

    def _text(self, row: ClientRow, col: int) -> str:
        if col == COL_NAME:
            return row.name
        if col == COL_STATUS:
            return status_label(row.kind, row.status)
        if col == COL_PHONE:
            if not row.phone:
                return ""
            return row.phone if self.unmasked else mask_phone(row.phone)
        if col == COL_BUSINESS:
            return row.business_name or ""
        if col == COL_TAGS:
            return "、".join(row.tags)
        if col == COL_BIRTHDAY:
            return birthday_label(row)
        if col == COL_UPDATED:
            return row.updated_at.strftime("%Y-%m-%d")
        if col == COL_LAST_CONTACT:
            return self._last_contact(row.last_contact_at)
        return ""

    def _last_contact(self, when: dt.datetime | None) -> str:
        if when is None:
            return self.tr("never")
        if self.today is None:
            return when.strftime("%Y-%m-%d")
        days = (self.today() - when.date()).days
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        return self.tr("{n} days ago").format(n=days)
