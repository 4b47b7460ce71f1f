"""The Today page: what is overdue, due today and coming in the next 7 days, grouped by occasion,
and what to do about each (open the client, log a contact, write a greeting, snooze, done).

Reminders are computed on a pool thread (``LatestOnly``); this page only shows the answer. It
follows the book as a :class:`~crm.ui.book_page.BookPage` (``topics``): a change to any record a
reminder is made from reloads it, shown or not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, QDateTime, QModelIndex, QPoint, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Topic
from crm.ui.book_page import BookPage
from crm.ui.context import UiContext
from crm.ui.reminders.model import ReminderGroup, TodayModel, group_reminders
from crm.ui.tasks import LatestOnly

if TYPE_CHECKING:
    from crm.services.reminders.engine import Reminder

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
    }
)


def _qdatetime(at: dt.datetime) -> QDateTime:
    return QDateTime(QDate(at.year, at.month, at.day), QTime(at.hour, at.minute))


class SnoozeDialog(QDialog):
    def __init__(self, start: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Snooze until"))
        self.edit = QDateTimeEdit(_qdatetime(start))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setMinimumDateTime(_qdatetime(start))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Remind me again at:")))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def until(self) -> dt.datetime:
        t = self.edit.dateTime()
        d, hm = t.date(), t.time()
        return dt.datetime(d.year(), d.month(), d.day(), hm.hour(), hm.minute())


#: A group with more items than this starts folded; its title still counts them all.
FOLD_ABOVE = 300


class TodayPage(BookPage):
    topics = TOPICS
    loaded = Signal(int)  # how many reminders need attention now (overdue + today)

    def __init__(
        self,
        ctx: UiContext,
        open_client: Callable[[int], None],
        log_contact: Callable[[int, QWidget], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        self.open_client = open_client
        self.log_contact = log_contact
        self.model = TodayModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(self._activated)
        header = self.view.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.view.setColumnWidth(0, 180)
        self.view.setColumnWidth(2, 260)
        self.view.setColumnWidth(3, 170)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #4b5563;")

        self.open_button = QPushButton(self.tr("Open client"))
        self.open_button.clicked.connect(self.open_current)
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.log_button.clicked.connect(self.log_current)
        self.log_button.setVisible(log_contact is not None)
        self.greet_button = QPushButton(self.tr("Write greeting…"))
        self.greet_button.clicked.connect(self.greet_current)
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
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.clicked.connect(self.done_current)
        self.dismiss_action = QAction(self.tr("Dismiss"), self)
        self.dismiss_action.triggered.connect(self.dismiss_current)
        self.reopen_action = QAction(self.tr("Bring back"), self)
        self.reopen_action.triggered.connect(self.reopen_current)

        actions = QHBoxLayout()
        for w in (
            self.open_button,
            self.log_button,
            self.greet_button,
            self.snooze_button,
            self.done_button,
        ):
            actions.addWidget(w)
        actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)

        self.loader = LatestOnly(ctx.runner, self)
        self.loader.finished.connect(self._show)
        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self.refresh)
        self._select_key: str | None = None
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load now, shown or not."""
        self._refresh_timer.stop()
        self._dirty = False  # BookPage's flag: no second load when the page is first shown
        now = self.ctx.clock.now()
        services = self.ctx.services
        # ``services.reminders`` is first built on the worker: its imports (the lunar calendar)
        # stay off the GUI thread's start-up.
        self.loader.submit(
            lambda: (now, group_reminders(services.reminders.compute(now.date()), now.date()))
        )

    def mark_dirty(self) -> None:
        # Unlike other pages, Today stays current while hidden: ``loaded`` tells the window
        # what needs attention, and a pop-up's "open Today" should land on a fresh list.
        # Writes come in bursts (a greeting sent, then the next one): one load per burst.
        self._refresh_timer.start()

    def reload(self) -> None:
        self._refresh_timer.start()

    def _show(self, result: object) -> None:
        now, groups = cast(tuple[dt.datetime, list[ReminderGroup]], result)
        current = self.current()
        key = self._select_key or (current.key if current else None)
        self._select_key = None
        self.model.set_groups(groups, now)
        # Done items and the long keep-in-touch list (it has its own page) start folded, and
        # so does any group too long to read: laying out an expanded group costs the GUI
        # thread ~20 us an item (10,000 reminders at 100,000 clients: 0.2 s).
        for row in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
            bucket, group = self.model.group_key(row)
            folded = (
                bucket == "closed"
                or group == "contact_due"
                or self.model.rowCount(self.model.index(row, 0)) > FOLD_ABOVE
            )
            self.view.setExpanded(self.model.index(row, 0), not folded)
        today = now.date()
        self.heading.setText(self.tr("Today, {date}").format(date=today.strftime("%Y-%m-%d")))
        overdue, due, coming = (self.model.count(b) for b in ("overdue", "today", "upcoming"))
        self.summary.setText(
            self.tr("{overdue} overdue · {due} due today · {coming} in the next 7 days").format(
                overdue=overdue, due=due, coming=coming
            )
        )
        index = self.model.index_of_key(key) if key else QModelIndex()
        if index.isValid():
            self.view.setCurrentIndex(index)
        self._update_buttons()
        self.loaded.emit(overdue + due)

    # -- the current reminder ---------------------------------------------------------------

    def current(self) -> Reminder | None:
        return self.model.reminder(self.view.currentIndex())

    def select_key(self, key: str) -> None:
        index = self.model.index_of_key(key)
        if index.isValid():
            self.view.setCurrentIndex(index)
        else:
            self._select_key = key

    def _update_buttons(self, *_args: object) -> None:
        r = self.current()
        has_client = bool(r and r.occurrence.client_id)
        self.open_button.setEnabled(has_client)
        self.log_button.setEnabled(has_client)
        self.greet_button.setEnabled(r is not None and _greetable(r.occurrence.occasion))
        self.snooze_button.setEnabled(r is not None and not r.closed)
        self.done_button.setEnabled(r is not None and not r.closed)

    def _activated(self, index: QModelIndex) -> None:
        r = self.model.reminder(index)
        if r is None:
            return
        if _greetable(r.occurrence.occasion) and not r.closed:
            self.greet_current()
        elif r.occurrence.client_id:
            self.open_client(r.occurrence.client_id)

    def _menu(self, pos: QPoint) -> None:
        r = self.current()
        if r is None:
            return
        menu = QMenu(self)
        if r.occurrence.client_id:
            menu.addAction(self.tr("Open client"), self.open_current)
            if self.log_contact is not None:
                menu.addAction(self.tr("Log contact…"), self.log_current)
        if _greetable(r.occurrence.occasion):
            menu.addAction(self.tr("Write greeting…"), self.greet_current)
        menu.addSeparator()
        if r.closed or r.state.value == "snoozed":
            menu.addAction(self.reopen_action)
        if not r.closed:
            menu.addMenu(self.snooze_menu)
            menu.addAction(self.tr("Done"), self.done_current)
            menu.addAction(self.dismiss_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # -- actions ----------------------------------------------------------------------------

    def open_current(self) -> None:
        r = self.current()
        if r and r.occurrence.client_id:
            self.open_client(r.occurrence.client_id)

    def log_current(self) -> None:
        r = self.current()
        if r and r.occurrence.client_id and self.log_contact is not None:
            self.log_contact(r.occurrence.client_id, self)

    def greet_current(self) -> None:
        r = self.current()
        if r is None:
            return
        from crm.ui.reminders.greeting_dialog import GreetingDialog

        GreetingDialog(self.ctx, r.occurrence, self).exec()

    def snooze_current(self, delta: dt.timedelta) -> None:
        self._snooze(self.ctx.clock.now() + delta)

    def snooze_current_tomorrow(self) -> None:
        r = self.current()
        if r is not None and not r.closed:
            self.ctx.services.reminders.snooze_until_tomorrow(r.occurrence)

    def snooze_current_pick(self) -> None:
        start = self.ctx.clock.now() + dt.timedelta(hours=2)
        dialog = SnoozeDialog(start.replace(minute=0, second=0, microsecond=0), self)
        if dialog.exec():
            self._snooze(dialog.until())

    def _snooze(self, until: dt.datetime) -> None:
        r = self.current()
        if r is None or r.closed or until <= self.ctx.clock.now():
            return
        self.ctx.services.reminders.snooze(r.occurrence, until)

    def done_current(self) -> None:
        r = self.current()
        if r is not None and not r.closed:
            self.ctx.services.reminders.done(r.occurrence)

    def dismiss_current(self) -> None:
        r = self.current()
        if r is not None and not r.closed:
            self.ctx.services.reminders.dismiss(r.occurrence)

    def reopen_current(self) -> None:
        r = self.current()
        if r is not None:
            self.ctx.services.reminders.reopen(r.occurrence)


def _greetable(occasion: str) -> bool:
    # A loan's reminder (loan_repayment, loan_maturity, loan_overdue) is a call to make about
    # money, not an occasion for a greeting.
    return occasion not in ("promise", "thank_referrer") and not occasion.startswith("loan_")
