"""Automatic backups while the GUI runs, and the offer to restore after a crash damaged the book.

At start (if the newest backup is older than a day) and every few hours the copy runs on the
task runner (SQLite's backup API reads a consistent snapshot while the officer keeps working);
on exit it runs before the book is closed. The policy and the copying are
:class:`crm.services.safekeeping.SafekeepingService`'s.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from crm.domain.clock import Clock
from crm.services.safekeeping import AUTO_AT_START_IF_OLDER, AUTO_EVERY, SafekeepingService
from crm.ui.tasks import TaskRunner


class AutoBackup(QObject):
    def __init__(
        self, safekeeping: SafekeepingService, runner: TaskRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.safekeeping = safekeeping
        self.runner = runner
        self._running = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(AUTO_EVERY.total_seconds() * 1000))
        self.timer.timeout.connect(self.in_background)

    def start(self) -> None:
        self.in_background(only_if_older=AUTO_AT_START_IF_OLDER)
        self.timer.start()

    def in_background(self, only_if_older: dt.timedelta | None = None) -> None:
        """One backup on the runner (if the newest is older than ``only_if_older``, when
        given), unless one is still running."""
        if self._running:
            return
        self._running = True
        service = self.safekeeping
        self.runner.run(
            lambda: service.auto_backup(only_if_older), self._ended, on_error=self._failed
        )

    def _ended(self, _made: Path | None) -> None:
        self._running = False

    def _failed(self, _exc: BaseException) -> bool:
        self._running = False
        return False  # auto_backup takes the expected failures itself: this is a bug

    def at_exit(self) -> Path | None:
        """The last backup, on the GUI thread as Prism ends (waits for one still running)."""
        self.timer.stop()
        return self.safekeeping.auto_backup()


def offer_restore(folder: Path, clock: Clock, parent: QWidget | None = None) -> bool:
    """The book is damaged: set it aside as .damaged and restore the newest good backup, if the
    officer agrees. True when a good book is now in place.

    Runs before the main window and its task runner exist, while nothing else can be done."""
    safekeeping = SafekeepingService.for_folder(folder, clock)
    newest = safekeeping.newest_good_backup()
    if newest is None:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Safekeeping", "The book is damaged"),
            QCoreApplication.translate(
                "Safekeeping",
                "The book {path} was damaged when Prism or the computer stopped unexpectedly, "
                "and there is no backup to restore. The file was left untouched.",
            ).format(path=str(safekeeping.book_path)),
        )
        return False
    reply = QMessageBox.question(
        parent,
        QCoreApplication.translate("Safekeeping", "The book is damaged"),
        QCoreApplication.translate(
            "Safekeeping",
            "The book was damaged when Prism or the computer stopped unexpectedly.\n\n"
            "Restore the newest good backup, from {date}? The damaged book is kept beside it "
            "as a .damaged file; nothing is deleted.",
        ).format(date=f"{newest.taken_at:%Y-%m-%d %H:%M}"),
    )
    if reply != QMessageBox.StandardButton.Yes:
        return False
    safekeeping.restore(newest.path)
    return True
