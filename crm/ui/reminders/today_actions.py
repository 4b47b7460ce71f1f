"""What the Today page does to its current reminder: open, log, promise, greet, snooze, done,
dismiss, bring back, and the right-click menu that offers them (a mixin of
:class:`crm.ui.reminders.today_page.TodayPage`, which holds the widgets named below)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTreeView, QWidget

from crm.ui.context import UiContext
from crm.ui.reminders.model import CONTACT_DUE, TodayModel
from crm.ui.reminders.snooze import SnoozeDialog

if TYPE_CHECKING:
    from crm.services.reminders.engine import Reminder
    from crm.ui.relationship.kit import RelationshipKit


#: The key of a dated note's day-after reminder (crm.services.reminders.sources.life_notes).
ASK_HOW_IT_WENT = "life_note_after:"


def greetable(occasion: str) -> bool:
    # A loan's reminder (loan_repayment, loan_maturity, loan_overdue) is a call to make about
    # money, not an occasion for a greeting.
    return occasion not in ("promise", "thank_referrer") and not occasion.startswith("loan_")


class TodayActions(QWidget):
    """Its texts are the page's (context "TodayPage"): one set of translations for both."""

    ctx: UiContext
    model: TodayModel
    view: QTreeView
    open_client: Callable[[int], None]
    log_contact: Callable[[int, QWidget], object] | None
    kit: Callable[[], RelationshipKit] | None
    snooze_menu: QMenu
    dismiss_action: QAction
    reopen_action: QAction

    def current(self) -> Reminder | None:
        return self.model.reminder(self.view.currentIndex())

    def current_client(self) -> int | None:
        r = self.current()
        return r.occurrence.client_id if r is not None else None

    def _menu(self, pos: QPoint) -> None:
        r = self.current()
        if r is None:
            return
        menu = QMenu(self)
        if r.occurrence.client_id:
            menu.addAction(
                QCoreApplication.translate("TodayPage", "Open client"), self.open_current
            )
            if self.log_contact is not None:
                menu.addAction(
                    QCoreApplication.translate("TodayPage", "Log contact…"), self.log_current
                )
        if greetable(r.occurrence.occasion):
            menu.addAction(
                QCoreApplication.translate("TodayPage", "Write greeting…"), self.greet_current
            )
        menu.addSeparator()
        if r.closed or r.state.value == "snoozed":
            menu.addAction(self.reopen_action)
        if not r.closed:
            menu.addMenu(self.snooze_menu)
            menu.addAction(QCoreApplication.translate("TodayPage", "Done"), self.done_current)
            if r.occurrence.occasion != "promise":  # kept or deleted, never waved away
                menu.addAction(self.dismiss_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def open_current(self) -> None:
        cid = self.current_client()
        if cid:
            self.open_client(cid)

    def current_name(self) -> str:
        """The current reminder's client as its title names them (the forms say whose)."""
        r = self.current()
        return str(r.occurrence.title.params.get("name", "")) if r is not None else ""

    def log_current(self) -> None:
        cid = self.current_client()
        if not cid:
            return
        if self.kit is not None:
            self.kit().log_contact(cid, self, name=self.current_name())
        elif self.log_contact is not None:
            self.log_contact(cid, self)

    def promise_current(self) -> None:
        cid = self.current_client()
        if cid and self.kit is not None:
            self.kit().make_promise(cid, self, name=self.current_name())

    def greet_current(self) -> None:
        r = self.current()
        if r is None or not greetable(r.occurrence.occasion):
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
        """Done. A promise is kept and a keep-in-touch reminder answered by a contact: both
        ask how (the contact form), as the promise's own "Kept…" does, so My promises and
        Due for contact agree with this list."""
        r = self.current()
        if r is None or r.closed:
            return
        occ = r.occurrence
        if occ.occasion in ("promise", CONTACT_DUE) and occ.client_id:
            from crm.ui.reminders.done_forms import ask_how_done

            ask_how_done(self.ctx, occ, self.model.render, self)
            return
        if occ.key.startswith(ASK_HOW_IT_WENT) and occ.ref_id is not None and self.kit:
            # "Ask how it went": done is the answer, kept on the note (which closes this).
            kit, notes, note_id = self.kit, self.ctx.services.notes, occ.ref_id
            self.ctx.runner.run(
                lambda: notes.get(note_id), lambda note: kit().mark_asked(note, self), owner=self
            )
            return
        self.ctx.services.reminders.done(occ)

    def dismiss_current(self) -> None:
        r = self.current()
        if r is not None and not r.closed and r.occurrence.occasion != "promise":
            self.ctx.services.reminders.dismiss(r.occurrence)

    def reopen_current(self) -> None:
        r = self.current()
        if r is not None:
            self.ctx.services.reminders.reopen(r.occurrence)
