"""The book's protection for the GUI: is it protected, unlock it with a passphrase.

(The CLI has the same in crm/commands/security.py; both end in crm.store.crypto.) The UI may
not import the store, so the errors it catches are re-exported here.
"""

from __future__ import annotations

from pathlib import Path

from crm import config
from crm.domain.clock import Clock
from crm.store import crypto, tries
from crm.store.book import Book
from crm.store.errors import OtherPassphrase, PassphraseNeeded, WrongPassphrase

__all__ = [
    "OtherPassphrase",
    "PassphraseNeeded",
    "SecurityService",
    "WrongPassphrase",
    "is_protected",
    "unlock",
]


def is_protected(folder: Path) -> bool:
    """The book in ``folder`` is encrypted (or is a file only a passphrase could tell)."""
    return crypto.looks_encrypted(config.book_path(folder))


def unlock(folder: Path, passphrase: str) -> None:
    """Keep the key of the book in ``folder`` for this process, after the wait that earlier
    wrong tries ask (the counter the CLI keeps too). Raises WrongPassphrase."""
    _unlock(folder, config.book_path(folder), passphrase)


def _unlock(folder: Path, path: Path, passphrase: str) -> None:
    tries.wait_turn(folder)
    try:
        crypto.unlock(path, passphrase)
    except WrongPassphrase:
        tries.failed(folder)
        raise
    tries.succeeded(folder)


class SecurityService:
    """Protecting the open book with a passphrase, and taking it off (converted in place)."""

    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock

    def is_protected(self) -> bool:
        return crypto.key_for(self.book.path) is not None

    def unlock_backup(self, backup: Path, passphrase: str) -> None:
        """Keep the key of a backup protected with another passphrase than the book's (restore
        raised OtherPassphrase or PassphraseNeeded for it); wrong tries count as the book's.
        Raises WrongPassphrase."""
        _unlock(self.book.path.parent, Path(backup), passphrase)

    def protect(self, passphrase: str) -> None:
        """Encrypt the book. Every connection is closed first (the caller runs no reads
        meanwhile); the same Book object goes on, with the key. BookLocked when another
        process has the book open."""
        from crm.store import protect

        self.book.close()
        try:
            protect.protect(self.book.path, passphrase)
        finally:
            self.book.rekey()

    def unprotect(self) -> None:
        from crm.store import protect

        self.book.close()
        try:
            protect.unprotect(self.book.path)
        finally:
            self.book.rekey()
