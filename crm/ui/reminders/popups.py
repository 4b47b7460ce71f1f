"""Announcing due reminders while Prism runs: checked at start and every minute.

Each check runs on a pool thread (``LatestOnly``): ``ReminderService.due_popups`` computes
today's reminders, picks those due for a pop-up (none in quiet hours, each due time once) and
remembers they were announced; the GUI thread only shows the answer: as a system-tray message
where there is a tray, else as Prism's own notice. A reminder that fell due while Prism was
closed is announced by the first check, once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from crm.ui.context import UiContext
from crm.ui.tasks import LatestOnly

if TYPE_CHECKING:
    from crm.services.reminders.engine import Reminder
    from crm.ui.reminders.notice import Notice

MINUTE_MS = 60_000


class ReminderPopups(QObject):
    announced = Signal(list)  # the Reminder objects just shown

    def __init__(
        self,
        ctx: UiContext,
        open_reminder: Callable[[Reminder | None], None],
        tray: QSystemTrayIcon | None = None,
        interval_ms: int = MINUTE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.open_reminder = open_reminder
        self.tray = tray
        self._last: list[Reminder] = []
        self.notice: Notice | None = None
        self.loader = LatestOnly(ctx.runner, self)
        self.loader.finished.connect(self._show)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check_now)
        if tray is not None:
            tray.messageClicked.connect(self._tray_clicked)

    def start(self) -> None:
        self.check_now()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.notice is not None:
            self.notice.hide()

    def check_now(self) -> None:
        # The check (and the announced mark it writes) uses the moment it was asked for.
        now = self.ctx.clock.now()
        services = self.ctx.services
        self.loader.submit(lambda: services.reminders.due_popups(now))

    def uses_tray(self) -> bool:
        return (
            self.tray is not None
            and self.tray.isVisible()
            and QSystemTrayIcon.isSystemTrayAvailable()
            and QSystemTrayIcon.supportsMessages()
        )

    def _show(self, result: object) -> None:
        pops = cast(list["Reminder"], result)
        if not pops:
            return
        self._last = pops
        from crm.ui.security.app_lock import is_locked

        if is_locked() and not self.uses_tray():  # the notice names clients: after unlocking
            QTimer.singleShot(30_000, lambda: self._show(pops))
            return
        if self.uses_tray():
            assert self.tray is not None
            tr = QCoreApplication.translate
            lines = [p.occurrence.title.render(tr) for p in pops[:4]]
            if is_locked():  # the app lock is on: a count, no names
                lines = [self.tr("{n} reminders").format(n=len(pops))]
            elif len(pops) > 4:
                lines.append(self.tr("…and {n} more").format(n=len(pops) - 4))
            self.tray.showMessage(
                self.tr("Prism reminders ({n})").format(n=len(pops)),
                "\n".join(lines),
                QSystemTrayIcon.MessageIcon.Information,
                30_000,
            )
        else:
            from crm.ui.reminders.notice import Notice

            if self.notice is None:
                self.notice = Notice(self.open_reminder)
            self.notice.show_reminders(pops)
        self.announced.emit(pops)

    def _tray_clicked(self) -> None:
        self.open_reminder(self._last[0] if len(self._last) == 1 else None)
