"""Automatic backups while the GUI runs, and the offer to restore after a crash damaged the book.

At start (if the newest backup is older than a day) and every few hours the copy runs on a
thread (SQLite's backup API reads a consistent snapshot while the officer keeps working); on
exit it runs before the book is closed. Each is checked and rotated like `crm backup`.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from crm import config
from crm.domain.clock import Clock
from crm.store import backup

EVERY = dt.timedelta(hours=4)
AT_START_IF_OLDER = dt.timedelta(days=1)


class AutoBackup(QObject):
    def __init__(self, book_path: Path, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book_path = book_path
        self.folder = config.backups_dir(book_path.parent)
        self.clock = clock
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(EVERY.total_seconds() * 1000))
        self.timer.timeout.connect(self.in_background)

    def start(self) -> None:
        if backup.is_due(self.folder, self.clock.now(), AT_START_IF_OLDER):
            self.in_background()
        self.timer.start()

    def in_background(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._thread = threading.Thread(target=self.run, name="prism-backup", daemon=True)
        self._thread.start()

    def run(self) -> Path | None:
        """One backup now; failures are not fatal (the next one tries again)."""
        with self._lock:
            try:
                return backup.take_backup(self.book_path, self.folder, self.clock.now())
            except Exception:
                return None

    def at_exit(self) -> Path | None:
        self.timer.stop()
        if self._thread is not None:
            self._thread.join()
        return self.run()


def offer_restore(folder: Path, clock: Clock, parent: QWidget | None = None) -> bool:
    """The book is damaged: set it aside as .damaged and restore the newest good backup, if the
    officer agrees. True when a good book is now in place."""
    from crm.store import recovery

    book = config.book_path(folder)
    newest = backup.newest_good_backup(config.backups_dir(folder))
    if newest is None:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Safekeeping", "The book is damaged"),
            QCoreApplication.translate(
                "Safekeeping",
                "The book {path} was damaged when Prism or the computer stopped unexpectedly, "
                "and there is no backup to restore. The file was left untouched.",
            ).format(path=str(book)),
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
    recovery.restore_book(book, newest.path, config.backups_dir(folder), clock.now())
    return True
