"""Safekeeping: backups (now, and automatic), the rotation, restoring one, checking the book.

The copying, checking and restoring themselves are the store's (:mod:`crm.store.backup`,
:mod:`crm.store.recovery`); this service decides where backups go, when the automatic one is
due, serialises backups and restores (one at a time per book), and tells listeners when a
restore replaced the whole book.

A book too damaged to open, and `crm restore` or `crm check` (which must not migrate or repair
what they look at), use :meth:`SafekeepingService.for_folder`: the service on the book's path
without opening it.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from crm import config
from crm.domain.changes import Initiator, Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store import backup, recovery
from crm.store.backup import BackupInfo, Progress
from crm.store.book import Book
from crm.store.errors import BookError
from crm.store.recovery import BookCheck, RestoreResult

__all__ = [
    "AUTO_AT_START_IF_OLDER",
    "AUTO_EVERY",
    "BackupInfo",  # the store's answers, re-exported for the UI (which imports no store)
    "BookCheck",
    "BookInUse",
    "RestoreResult",
    "SafekeepingService",
]

# The automatic backups: at start when the newest is older than this, then every AUTO_EVERY,
# and on exit. Each is checked and rotated like `crm backup`.
AUTO_AT_START_IF_OLDER = dt.timedelta(days=1)
AUTO_EVERY = dt.timedelta(hours=4)


class BookInUse(BookError):
    """Another running Prism has the book open; it is not replaced under that Prism's feet."""

    def __init__(self, path: Path, pid: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Backup", "Prism is open on this book (process {pid}); close it, then restore."
            ).with_(pid=pid),
            path,
        )
        self.pid = pid


class SafekeepingService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()
        # One backup or restore at a time: the automatic backup, "Back up now" and a restore
        # may be asked for at once from different threads.
        self._lock = threading.Lock()

    @classmethod
    def for_folder(cls, folder: Path, clock: Clock | None = None) -> SafekeepingService:
        """The service for the book in ``folder``, which is not opened (nor created)."""
        return cls(Book(config.book_path(Path(folder))), clock)

    @property
    def book_path(self) -> Path:
        return self.book.path

    @property
    def backups_folder(self) -> Path:
        return config.backups_dir(self.book.path.parent)

    # -- backing up ----------------------------------------------------------------------------

    def back_up(self, progress: Progress | None = None) -> Path:
        """A checked backup in the backups folder, then the rotation; returns its path.
        Raises :class:`BookError` (BackupRefused, disk full ...) or OSError."""
        with self._lock:
            return backup.take_backup(
                self.book.path, self.backups_folder, self.clock.now(), progress
            )

    def copy_to(self, dest: Path, progress: Progress | None = None) -> Path:
        """A checked copy of the book at ``dest`` (outside the rotation)."""
        with self._lock:
            backup.copy_book(self.book.path, Path(dest), progress)
        return Path(dest)

    def backup_due(self, max_age: dt.timedelta = AUTO_AT_START_IF_OLDER) -> bool:
        return backup.is_due(self.backups_folder, self.clock.now(), max_age)

    def auto_backup(self, only_if_older: dt.timedelta | None = None) -> Path | None:
        """One automatic backup (if the newest is older than ``only_if_older``, when given).
        A failure is not fatal: None, and the next one tries again."""
        try:
            if only_if_older is not None and not self.backup_due(only_if_older):
                return None
            return self.back_up()
        except Exception:
            return None

    # -- the backups ---------------------------------------------------------------------------

    def backups(self) -> list[BackupInfo]:
        """Every backup, newest first (unchecked)."""
        return backup.list_backups(self.backups_folder)

    def newest_backup(self) -> BackupInfo | None:
        found = self.backups()
        return found[0] if found else None

    def taken_at(self, path: Path) -> dt.datetime | None:
        """When the backup ``path`` was taken, from its name (None: not a backup's name)."""
        return backup.backup_time(Path(path))

    def newest_good_backup(self) -> BackupInfo | None:
        """The newest backup that passes its check (each is checked: slow with many)."""
        return backup.newest_good_backup(self.backups_folder)

    # -- checking and restoring ----------------------------------------------------------------

    def check(self) -> BookCheck:
        """``integrity_check`` and ``foreign_key_check`` of the book file, repairing nothing."""
        return recovery.check_book(self.book.path)

    def restore(self, source: Path) -> RestoreResult:
        """Replace the book with the checked backup ``source``. The book as it is now is backed
        up first (or, too damaged to copy, set aside as ``.damaged``); an older backup is
        migrated to this Prism's schema. Publishes one BOOK change (initiator RESTORE).

        Raises :class:`BookInUse` when another running Prism has the book open, BackupRefused
        when ``source`` fails its check or comes from a newer Prism, OtherPassphrase (or
        PassphraseNeeded for a plain book) when no key at hand opens an encrypted ``source``:
        then nothing was touched (:meth:`SecurityService.unlock_backup`, and again)."""
        path = self.book.path
        owner = recovery.lock_owner(path.parent)
        if owner is not None:
            raise BookInUse(path, owner)
        with self._lock:
            self.book.close()
            result = recovery.restore_book(
                path, Path(source), self.backups_folder, self.clock.now()
            )
            # Connections a reader opened while the file was being replaced see the old book;
            # the next ones take the key the restored file has (a backup's other passphrase,
            # or none for a plain backup).
            self.book.rekey()
            Book.open(path).close()  # migrates an older backup to this Prism's schema
        self.book.changes.publish(Topic.BOOK, (), Initiator.RESTORE)
        return result
