"""The Today page, a work queue: today's reminders first, what is overdue folded under one line
per kind, then the next 7 days; beside the list, the selected reminder's client brief and what
to do about it (log contact, promise, greeting, snooze, done), all from the keyboard: Enter
opens the client, Ctrl+L logs a contact, Ctrl+P makes a promise, Ctrl+D marks done.

Reminders are computed on a pool thread (``LatestOnly``); this page only shows the answer. It
follows the book as a :class:`~crm.ui.book_page.BookPage` (``topics``): a change to any record a
reminder is made from reloads it, shown or not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Topic
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext
from crm.ui.reminders.model import (
    CONTACT_DUE,
    ReminderGroup,
    TodayModel,
    attach_badges,
    group_reminders,
)
from crm.ui.reminders.snooze import SnoozeDialog
from crm.ui.reminders.today_actions import TodayActions, greetable
from crm.ui.reminders.today_side import ReminderSide
from crm.ui.tasks import LatestOnly

if TYPE_CHECKING:
    from crm.services.reminders.engine import Reminder
    from crm.ui.relationship.kit import RelationshipKit

__all__ = ["TOPICS", "SnoozeDialog", "TodayPage"]

#: Topics after which the Today view recomputes (any record a reminder is made from).
TOPICS = frozenset(
    {
        Topic.CLIENT,
        Topic.NOTE,
        Topic.PROMISE,
        Topic.INTERACTION,
        Topic.REMINDER,
        Topic.REMINDER_SETTINGS,
        Topic.REFERRAL_THANKS,
        Topic.CADENCE,
        Topic.LOAN,
        Topic.RISK,  # the risk badge beside a client's reminders
    }
)
#: A group with more items than this starts folded; its title still counts them all.
FOLD_ABOVE = 300
LOG_KEYS, PROMISE_KEYS, DONE_KEYS = "Ctrl+L", "Ctrl+P", "Ctrl+D"


def _button(text: str, tip: str, slot: Callable[[], object], parent: QWidget) -> QPushButton:
    # Parented at once: setVisible(True) on a parentless button shows it as a window (a flash
    # on the desktop that takes the keyboard from the main window).
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


class TodayPage(BookPage, TodayActions):
    topics = TOPICS
    loaded = Signal(int)  # how many need attention now (overdue + today, every client due)

    def __init__(
        self,
        ctx: UiContext,
        open_client: Callable[[int], None],
        log_contact: Callable[[int, QWidget], object] | None = None,
        parent: QWidget | None = None,
        *,
        kit: Callable[[], RelationshipKit] | None = None,
        show_due: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.open_client = open_client
        self.kit = kit
        if log_contact is None and kit is not None:
            log_contact = lambda cid, parent: kit().log_contact(cid, parent)  # noqa: E731
        self.log_contact = log_contact
        self.show_due = show_due
        self.model = TodayModel(self)
        self.view = QTreeView()
        self.view.setObjectName("todayList")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(self._activated)
        header = self.view.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.view.setColumnWidth(0, 148)
        self.view.setColumnWidth(2, 124)
        self.view.setColumnWidth(3, 90)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setStyleSheet("color: #4b5563;")
        self.summary.setWordWrap(True)

        self.open_button = _button(
            self.tr("Open client"), self.tr("Open this client (Enter)"), self.open_current, self
        )
        self.log_button = _button(
            self.tr("Log contact…"), self.tr("Record a call, WeChat chat or visit (Ctrl+L)"),
            self.log_current, self,
        )  # fmt: skip
        self.log_button.setVisible(log_contact is not None)
        self.promise_button = _button(
            self.tr("Promise…"), self.tr("Promise this client something (Ctrl+P)"),
            self.promise_current, self,
        )  # fmt: skip
        self.promise_button.setVisible(kit is not None)
        self.greet_button = _button(
            self.tr("Greeting…"), self.tr("Write a greeting for this occasion"),
            self.greet_current, self,
        )  # fmt: skip
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self)
        self.snooze_hour = self.snooze_menu.addAction(self.tr("For 1 hour"))
        self.snooze_hour.triggered.connect(lambda: self.snooze_current(dt.timedelta(hours=1)))
        self.snooze_tomorrow = self.snooze_menu.addAction(self.tr("Until tomorrow morning"))
        self.snooze_tomorrow.triggered.connect(self.snooze_current_tomorrow)
        self.snooze_pick = self.snooze_menu.addAction(self.tr("Pick a time…"))
        self.snooze_pick.triggered.connect(self.snooze_current_pick)
        self.snooze_button.setMenu(self.snooze_menu)
        self.done_button = _button(
            self.tr("Done"), self.tr("Dealt with: a promise is kept, a contact logged (Ctrl+D)"),
            self.done_current, self,
        )  # fmt: skip
        self.done_button.setObjectName("todayDone")
        self.dismiss_action = QAction(self.tr("Dismiss"), self)
        self.dismiss_action.triggered.connect(self.dismiss_current)
        self.reopen_action = QAction(self.tr("Bring back"), self)
        self.reopen_action.triggered.connect(self.reopen_current)
        self._shortcuts()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.view, 1)
        actions: list[QWidget] = [
            self.log_button,
            self.promise_button,
            self.greet_button,
            self.snooze_button,
            self.done_button,
            self.open_button,
        ]
        self.side = ReminderSide(actions, kit)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The list a little wider than the brief (its rows carry names and texts); at
        # 1366x768 that leaves the brief ~540 px: its longest lines wrap once, and the six
        # actions above it fit without one going behind the tool bar's » menu.
        self.splitter.setSizes([590, 550])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.splitter, 1)

        self.loader = LatestOnly(ctx.runner, self)
        self.loader.finished.connect(self._show)
        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self.refresh)
        self._select_key: str | None = None
        self._first_load = True
        self._current_changed()

    def _shortcuts(self) -> None:
        """The keyboard loop: anywhere on the page, Ctrl+L / Ctrl+P / Ctrl+D; on the list,
        Enter opens the client (or unfolds a group)."""
        for keys, slot in (
            (LOG_KEYS, self.log_current),
            (PROMISE_KEYS, self.promise_current),
            (DONE_KEYS, self.done_current),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        enter = QAction(self.view)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(self.enter_current)
        self.view.addAction(enter)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load now, shown or not."""
        self._refresh_timer.stop()
        self._dirty = False  # BookPage's flag: no second load when the page is first shown
        now = self.ctx.clock.now()
        services = self.ctx.services

        # ``services.reminders`` is first built on the worker: its imports (the lunar calendar)
        # stay off the GUI thread's start-up.
        def read() -> tuple[dt.datetime, list[ReminderGroup], int]:
            # The first reminder's brief shows with the answer: its modules load here, not
            # on the GUI thread as the answer is shown (~30 ms there at the first load).
            import crm.ui.relationship.brief_tab  # noqa: F401
            from crm.services.reminders.service import attention

            found = services.reminders.today(now)
            due = found.contact_due
            groups = group_reminders(found.reminders, now.date(), (due.overdue, due.today))
            attach_badges(groups, services.risks.badges)
            count = attention(found.reminders, now.date(), due.overdue + due.today)
            return now, groups, count

        self.loader.submit(read)

    def mark_dirty(self) -> None:
        # Unlike other pages, Today stays current while hidden: ``loaded`` tells the window
        # what needs attention, and a pop-up's "open Today" should land on a fresh list.
        # Writes come in bursts (a greeting sent, then the next one): one load per burst.
        self._refresh_timer.start()

    def reload(self) -> None:
        self._refresh_timer.start()

    def _show(self, result: object) -> None:
        now, groups, attention = cast(tuple[dt.datetime, list[ReminderGroup], int], result)
        current = self.current()
        key = self._select_key or (current.key if current else None)
        self._select_key = None
        self.model.set_groups(groups, now)
        # Today's groups open; overdue ones folded to one line per kind, like done ones and any
        # group too long to read (laying out an expanded group costs the GUI thread ~20 us an
        # item: 10,000 reminders at 100,000 clients, 0.2 s).
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            bucket, group = self.model.group_key(row)
            folded = (
                bucket in ("overdue", "closed")
                or (bucket == "upcoming" and group == CONTACT_DUE)
                or self.model.rowCount(self.model.index(row, 0)) > FOLD_ABOVE
            )
            self.view.setExpanded(self.model.index(row, 0), not folded)
        today = now.date()
        self.heading.setText(self.tr("Today, {date}").format(date=today.strftime("%Y-%m-%d")))
        overdue, due, coming = (self.model.count(b) for b in ("overdue", "today", "upcoming"))
        self.summary.setText(
            self.tr("{due} due today · {overdue} overdue · {coming} in the next 7 days").format(
                overdue=overdue, due=due, coming=coming
            )
        )
        index = self.model.index_of_key(key) if key else QModelIndex()
        if not index.isValid() and self._first_load:
            index = self.model.first_reminder()  # the queue's first item, its brief beside
        self._first_load = False
        if index.isValid():
            self.view.setCurrentIndex(index)
        self._current_changed()
        self.loaded.emit(attention)

    # -- the current reminder ---------------------------------------------------------------

    def select_key(self, key: str) -> None:
        index = self.model.index_of_key(key)
        if index.isValid():
            self.view.setCurrentIndex(index)
        else:
            self._select_key = key

    def _current_changed(self, *_args: object) -> None:
        r = self.current()
        has_client = bool(r and r.occurrence.client_id)
        self.open_button.setEnabled(has_client)
        self.log_button.setEnabled(has_client)
        self.promise_button.setEnabled(has_client)
        self.greet_button.setEnabled(r is not None and _greetable(r.occurrence.occasion))
        self.snooze_button.setEnabled(r is not None and not r.closed)
        self.done_button.setEnabled(r is not None and not r.closed)
        self._show_side(r)

    def _show_side(self, r: Reminder | None) -> None:
        if r is None:
            group = self.model.group(self.view.currentIndex())
            if group is not None and group.capped and group.group == CONTACT_DUE:
                hint = self.tr("Press Enter to see every client due in Due for contact.")
            elif group is not None:
                hint = self.tr("Press Enter or → to unfold the group.")
            elif self.model.rowCount():
                hint = self.tr("Pick a reminder to see the client's brief here.")
            else:
                hint = self.tr("Nothing due: birthdays, promises and cadences remind here.")
            title = self.view.currentIndex().data() if group is not None else ""
            self.side.show_hint(str(title or ""), hint)
            return
        title = self.model.render(r.occurrence.title)
        if r.occurrence.client_id:
            self.side.show_client(r.occurrence.client_id, title)
        elif _greetable(r.occurrence.occasion):
            self.side.show_hint(
                title, self.tr("A festival: Greeting… writes one and picks whom to send it to.")
            )
        else:
            self.side.show_hint(title, "")

    def _activated(self, index: QModelIndex) -> None:
        r = self.model.reminder(index)
        if r is None:
            return
        if _greetable(r.occurrence.occasion) and not r.closed:
            self.greet_current()
        elif r.occurrence.client_id:
            self.open_client(r.occurrence.client_id)

    def enter_current(self) -> None:
        """Enter: open the reminder's client; on a group's line, unfold it (a keep-in-touch
        group listing only some: go to Due for contact, which lists them all)."""
        index = self.view.currentIndex()
        group = self.model.group(index)
        if group is not None:
            if group.group == CONTACT_DUE and group.capped and self.show_due is not None:
                self.show_due()
            else:
                self.view.setExpanded(index, not self.view.isExpanded(index))
            return
        r = self.current()
        if r is None:
            return
        if r.occurrence.client_id:
            self.open_client(r.occurrence.client_id)
        elif _greetable(r.occurrence.occasion):
            self.greet_current()


#: Kept under its old name (tests and callers import it from here).
_greetable = greetable
