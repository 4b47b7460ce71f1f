"""The Today view's tree: groups (today / overdue / next 7 days / done, each by occasion) and the
reminders in them. Built from ``engine.compute``'s list, which a worker thread produced.

A work queue: today's items first, then what is overdue (each kind one line, folded), then
what is coming. The keep-in-touch groups count every client due, as the Due page does, even
when they list only the most overdue few."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from crm.domain.risk_badge import badge_text
from crm.ui.brushes import solid

if TYPE_CHECKING:
    from crm.domain.messages import Msg
    from crm.services.reminders.engine import Reminder

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
BUCKET_ORDER = ("today", "overdue", "upcoming", "closed")
CONTACT_DUE = "contact_due"
FESTIVAL = "festival"
#: Occasion groups within a bucket: the personal ones first, then money owed and coming due
#: (crm.services.reminders.loan_sources), the long lists last.
GROUP_ORDER = (
    "birthday",
    FESTIVAL,
    "life_note",
    "promise",
    "loan_overdue",
    "loan_repayment",
    "loan_maturity",
    "post_loan_check",
    "thank_referrer",
    "contact_due",
)


class ReminderGroup:
    """One occasion group of one bucket (a row of the tree) and its reminders."""

    __slots__ = ("badges", "bucket", "group", "items", "total")

    def __init__(self, bucket: str, group: str) -> None:
        self.bucket = bucket
        self.group = group
        self.items: list[Reminder] = []
        #: How many there are in all when the group lists only some (keep in touch).
        self.total: int | None = None
        #: Client id -> risk badge level of the clients listed with an open signal.
        self.badges: dict[int, int] = {}

    @property
    def count(self) -> int:
        return len(self.items) if self.total is None else max(self.total, len(self.items))

    @property
    def capped(self) -> bool:
        return self.count > len(self.items)


def group_reminders(
    reminders: Sequence[Reminder],
    today: dt.date,
    contact_due: tuple[int, int] | None = None,
) -> list[ReminderGroup]:
    """Reminders by bucket, then occasion group, in display order. No Qt: runs on a worker.

    ``contact_due``: (overdue, today) clients due for contact in all; the keep-in-touch groups
    count them, however few the list holds (a group is made for them when none is listed)."""
    from crm.domain.festivals import Festival

    festivals = Festival._value2member_map_
    groups: dict[tuple[str, str], ReminderGroup] = {}
    for r in reminders:
        occasion = r.occurrence.occasion
        key = (r.bucket(today).value, FESTIVAL if occasion in festivals else occasion)
        group = groups.get(key)
        if group is None:
            group = groups[key] = ReminderGroup(*key)
        group.items.append(r)
    if contact_due is not None:
        for bucket, total in zip(("overdue", "today"), contact_due, strict=True):
            group = groups.get((bucket, CONTACT_DUE))
            if group is None and total:
                group = groups[(bucket, CONTACT_DUE)] = ReminderGroup(bucket, CONTACT_DUE)
            if group is not None:
                # Closed ones are in the "done" group; the rest of the total is not listed.
                group.total = total
    order = {b: i for i, b in enumerate(BUCKET_ORDER)}
    kinds = {k: i for i, k in enumerate(GROUP_ORDER)}
    return sorted(groups.values(), key=lambda g: (order[g.bucket], kinds.get(g.group, len(kinds))))


def attach_badges(
    groups: Sequence[ReminderGroup], badges: Callable[[list[int]], Mapping[int, int]]
) -> None:
    """Give each group the risk badges of the clients it lists (``badges``:
    ``Services.risks.badges``, on the worker that made the groups)."""
    ids = sorted({cid for g in groups for r in g.items if (cid := r.occurrence.client_id)})
    if not ids:
        return
    levels = badges(ids)
    for g in groups:
        listed = (r.occurrence.client_id for r in g.items)
        g.badges = {cid: levels[cid] for cid in listed if cid is not None and cid in levels}


class TodayModel(QAbstractItemModel):
    COLUMNS = ("When", "What", "Note", "Status")
    ReminderRole = Qt.ItemDataRole.UserRole + 1
    KeyRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[ReminderGroup] = []
        self._badges: dict[int, int] = {}
        self._now = dt.datetime(2000, 1, 1)
        self._render = lambda msg: msg.render(QCoreApplication.translate)

    def group_title(self, bucket: str, group: str, count: int, listed: int | None = None) -> str:
        buckets = {
            "overdue": self.tr("Overdue"),
            "today": self.tr("Today"),
            "upcoming": self.tr("Next 7 days"),
            "closed": self.tr("Done"),
        }
        groups = {
            "birthday": self.tr("Birthdays"),
            FESTIVAL: self.tr("Festivals"),
            "life_note": self.tr("From your notes"),
            "promise": self.tr("Promises"),
            CONTACT_DUE: self.tr("Keep in touch"),
            "thank_referrer": self.tr("Thank a referrer"),
            "loan_repayment": self.tr("Repayment reminders"),
            "loan_maturity": self.tr("Maturity reminders"),
            "loan_overdue": self.tr("Overdue follow-up"),
            "post_loan_check": self.tr("Post-loan checks"),
        }
        name = f"{buckets[bucket]} · {groups.get(group, group)}"
        if listed is not None and listed < count:
            # Only some listed (keep in touch): the count is still every one of them.
            return self.tr("{group} ({count}, {listed} listed)").format(
                group=name, count=count, listed=listed
            )
        return f"{name} ({count})"

    def render(self, msg: Msg) -> str:
        return self._render(msg)

    def when_text(self, date: dt.date, today: dt.date) -> str:
        days = (date - today).days
        if days == 0:
            return self.tr("Today")
        if days == 1:
            return self.tr("Tomorrow")
        if days == -1:
            return self.tr("Yesterday")
        if days > 0:
            return self.tr("In {n} days · {date}").format(n=days, date=date.strftime("%m-%d"))
        if days >= -30:
            return self.tr("{n} days ago · {date}").format(n=-days, date=date.strftime("%m-%d"))
        return self.tr("Since {date}").format(date=date.isoformat())

    # -- filling ----------------------------------------------------------------------------

    def set_reminders(self, reminders: Sequence[Reminder], now: dt.datetime) -> None:
        self.set_groups(group_reminders(reminders, now.date()), now)

    def set_groups(self, groups: list[ReminderGroup], now: dt.datetime) -> None:
        """Show groups made by :func:`group_reminders` (on a worker, for 10,000 reminders)."""
        self.beginResetModel()
        self._now = now
        self._groups = groups
        self._badges = {cid: level for g in groups for cid, level in g.badges.items()}
        self.endResetModel()

    def reminder(self, index: Index) -> Reminder | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].items[index.row()]

    def count(self, bucket: str) -> int:
        return sum(g.count for g in self._groups if g.bucket == bucket)

    def group_key(self, row: int) -> tuple[str, str]:
        g = self._groups[row]
        return g.bucket, g.group

    def group(self, index: Index) -> ReminderGroup | None:
        """The group a header row stands for (None for a reminder's row)."""
        if not index.isValid() or index.internalId() != 0:
            return None
        return self._groups[index.row()]

    def first_reminder(self) -> QModelIndex:
        """The first reminder of the first group that lists any (today's come first)."""
        for gi, g in enumerate(self._groups):
            if g.items and g.bucket != "closed":
                return self.index(0, 0, self.index(gi, 0))
        return QModelIndex()

    def group_row(self, bucket: str) -> int:
        return next((i for i, g in enumerate(self._groups) if g.bucket == bucket), -1)

    def index_of_key(self, key: str) -> QModelIndex:
        for gi, g in enumerate(self._groups):
            for row, r in enumerate(g.items):
                if r.key == key:
                    return self.index(row, 0, self.index(gi, 0))
        return QModelIndex()

    # -- Qt model ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("What"), self.tr("Note"), self.tr("Status"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(self._groups[index.row()], index.column(), role)
        r = self._groups[index.internalId() - 1].items[index.row()]
        return self._item_data(r, index.column(), role)

    def _group_data(self, g: ReminderGroup, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self.group_title(g.bucket, g.group, g.count, len(g.items) if g.capped else None)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and g.bucket == "overdue":
            return solid("#b91c1c")
        return None

    def _item_data(self, r: Reminder, column: int, role: int) -> Any:
        occ = r.occurrence
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.when_text(occ.date, self._now.date())
            if column == 1:
                badge = self._badge(r)
                return f"{badge} {self._render(occ.title)}" if badge else self._render(occ.title)
            if column == 2:
                return self._render(occ.detail) if occ.detail else ""
            if column == 3:
                return self._status(r)
        elif role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
            return self._render(occ.title) + ("\n" + self._render(occ.detail) if occ.detail else "")
        elif role == Qt.ItemDataRole.ForegroundRole:
            if r.closed or r.snoozed_at(self._now):
                return solid("#9ca3af")
        elif role == Qt.ItemDataRole.FontRole and r.state.value == "done":
            font = QFont()
            font.setStrikeOut(True)
            return font
        elif role == self.ReminderRole:
            return r
        elif role == self.KeyRole:
            return r.key
        return None

    def _badge(self, r: Reminder) -> str:
        """▲ per severity step of the client's worst open risk signal ("" for none)."""
        cid = r.occurrence.client_id
        return badge_text(self._badges.get(cid, 0)) if cid is not None else ""

    def _status(self, r: Reminder) -> str:
        state = r.state.value
        if state == "done":
            return self.tr("Done")
        if state == "dismissed":
            return self.tr("Dismissed")
        if r.snoozed_at(self._now) and r.snoozed_until is not None:
            until = r.snoozed_until
            fmt = "%H:%M" if until.date() == self._now.date() else "%m-%d %H:%M"
            return self.tr("Snoozed until {time}").format(time=until.strftime(fmt))
        return ""
