"""`crm protect` / `crm unprotect`, and the passphrase every command asks for an encrypted book.

The passphrase comes from ``--passphrase-fd N`` (one line read from that file descriptor), else
``PRISM_PASSPHRASE``, else a prompt on a terminal (not echoed); it is never written anywhere.
Imported when the parser is built: the store loads only when a command runs.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crm import config
from crm.commands.base import CliContext, CommandError
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg

if TYPE_CHECKING:
    from crm.store.book import Book

ENV = "PRISM_PASSPHRASE"


BACKUP_ENV = "PRISM_BACKUP_PASSPHRASE"  # a backup's, when it differs from the book's


def read_passphrase(ctx: CliContext, prompt: str, env: str = ENV) -> str | None:
    """The passphrase the officer gave for this command; None when there is no way to ask.
    Each call reads the next line of ``--passphrase-fd`` (the book's, then a backup's)."""
    if ctx.passphrase_fd is not None:
        line = _read_line(ctx.passphrase_fd)
        if line is not None:
            return line
    if os.environ.get(env):
        return os.environ[env]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def _read_line(fd: int) -> str | None:
    """One line from ``fd``, byte by byte: a buffered reader would swallow the next line.
    None at the end of the input."""
    data = bytearray()
    while (byte := os.read(fd, 1)) and byte != b"\n":
        data += byte
    if not data and not byte:
        return None
    return data.decode("utf-8").rstrip("\r")


def open_book(ctx: CliContext) -> Book:
    """The book, unlocked with the passphrase when it is encrypted. A wrong passphrase is one
    line (WrongPassphrase); after five in a row each try waits longer (:mod:`crm.store.tries`)."""
    from crm.store.book import Book
    from crm.store.crypto import looks_encrypted

    path = config.book_path(ctx.data_dir)
    if not looks_encrypted(path):  # a plain book (or none yet): as before, not a cost more
        return Book.open(path)
    from crm.store import tries
    from crm.store.errors import PassphraseNeeded, WrongPassphrase

    passphrase = read_passphrase(ctx, ctx.text(PROMPT))
    if passphrase is None:
        raise PassphraseNeeded(path)
    tries.wait_turn(ctx.data_dir)
    try:
        book = Book.open(path, passphrase=passphrase)
    except WrongPassphrase:
        tries.failed(ctx.data_dir)
        raise
    tries.succeeded(ctx.data_dir)
    return book


PROMPT = QT_TRANSLATE_NOOP("cli", "Passphrase of the book: ")
BACKUP_PROMPT = QT_TRANSLATE_NOOP("cli", "Passphrase of the backup: ")


OTHER_PROMPT = QT_TRANSLATE_NOOP(
    "cli",
    "The backup was protected with another passphrase than the book's. Passphrase of the backup: ",
)
OTHER_HOW = QT_TRANSLATE_NOOP(
    "cli",
    "The backup {path} was protected with another passphrase than the book's: give that one "
    "on a terminal, in PRISM_BACKUP_PASSPHRASE or as a second line of --passphrase-fd "
    "(nothing was changed).",
)


def unlock_file(ctx: CliContext, source: Path, prompt: Msg = BACKUP_PROMPT, env: str = ENV) -> None:
    """Keep the key of the encrypted file ``source`` (unless known already): its passphrase
    from the officer. A wrong one raises WrongPassphrase, and counts as a wrong try."""
    from crm.store import crypto
    from crm.store.errors import PassphraseNeeded

    if not crypto.looks_encrypted(source) or crypto.key_for(source) is not None:
        return
    passphrase = read_passphrase(ctx, ctx.text(prompt), env)
    if passphrase is None:
        raise PassphraseNeeded(source)
    _unlock(ctx, source, passphrase)


def _unlock(ctx: CliContext, source: Path, passphrase: str) -> None:
    from crm.store import crypto, tries
    from crm.store.errors import WrongPassphrase

    tries.wait_turn(ctx.data_dir)
    try:
        crypto.unlock(source, passphrase)
    except WrongPassphrase:
        tries.failed(ctx.data_dir)
        raise
    tries.succeeded(ctx.data_dir)


def unlock_book(ctx: CliContext) -> None:
    """For commands that look at the book file without opening it (`crm check`)."""
    unlock_file(ctx, config.book_path(ctx.data_dir), PROMPT)


def unlock_for_restore(ctx: CliContext, source: Path) -> None:
    """Before `crm restore --backup FILE`: the book's passphrase (the book is backed up before
    it is replaced), then, for a backup protected with another passphrase than the book's,
    the backup's (``PRISM_BACKUP_PASSPHRASE``, the next line of ``--passphrase-fd``, or a
    prompt; else one line saying how, and nothing changed)."""
    from crm.store import crypto

    book = config.book_path(ctx.data_dir)
    unlock_book(ctx)
    book_key = crypto.key_for(book)
    if not crypto.looks_encrypted(source) or crypto.key_for(source) is not None:
        return
    if book_key is None:  # a plain book (or none yet): the backup's passphrase, as any
        unlock_file(ctx, source)
        return
    if crypto.key_opening(source, [book_key, *crypto.known_keys()]) is not None:
        return  # the book's passphrase opens it
    passphrase = read_passphrase(ctx, ctx.text(OTHER_PROMPT), BACKUP_ENV)
    if passphrase is None:
        raise CommandError(OTHER_HOW.with_(path=str(source)))
    _unlock(ctx, source, passphrase)


def warn_if_protected(ctx: CliContext) -> None:
    """An export of a protected book: say (on stderr, so --json stays JSON) that the file
    written is not protected."""
    from crm.store import crypto

    if crypto.key_for(config.book_path(ctx.data_dir)) is not None:
        print(ctx.text(EXPORT_WARNING), file=sys.stderr)


EXPORT_WARNING = QT_TRANSLATE_NOOP(
    "cli",
    "Note: the book is protected, but the file written is not encrypted; keep it safe "
    "and delete it when done.",
)


def cmd_protect(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.store import protect
    from crm.store.crypto import looks_encrypted
    from crm.store.leftovers import sweep_leftovers

    path = config.book_path(ctx.data_dir)
    if looks_encrypted(path):
        raise CommandError(QT_TRANSLATE_NOOP("cli", "The book is already protected."))
    _refuse_open_window(ctx)
    ctx.book.close()  # opened (created, migrated, crash-checked) and closed: ours and whole
    del ctx.__dict__["book"]
    passphrase = read_passphrase(ctx, ctx.text(NEW_PROMPT))
    if passphrase is None:
        raise CommandError(NO_PASSPHRASE)
    if ctx.passphrase_fd is None and not os.environ.get(ENV):
        again = getpass.getpass(ctx.text(AGAIN_PROMPT))
        if again != passphrase:
            raise CommandError(QT_TRANSLATE_NOOP("cli", "The passphrases differ; nothing done."))
    if not passphrase:
        raise CommandError(QT_TRANSLATE_NOOP("cli", "An empty passphrase protects nothing."))
    sweep_leftovers(ctx.data_dir)
    protect.protect(path, passphrase)
    ctx.print(ctx.text(PROTECTED))
    return 0


def cmd_unprotect(args: argparse.Namespace, ctx: CliContext) -> int:
    from crm.store import protect
    from crm.store.crypto import looks_encrypted

    path = config.book_path(ctx.data_dir)
    if not looks_encrypted(path):
        raise CommandError(QT_TRANSLATE_NOOP("cli", "The book is not protected."))
    _refuse_open_window(ctx)
    ctx.book.close()  # unlocked with its passphrase: its key is in memory
    del ctx.__dict__["book"]
    protect.unprotect(path)
    ctx.print(ctx.text(QT_TRANSLATE_NOOP("cli", "The book is no longer protected.")))
    return 0


def _refuse_open_window(ctx: CliContext) -> None:
    from crm.store import recovery

    if recovery.lock_owner(ctx.data_dir) is not None:
        raise CommandError(
            QT_TRANSLATE_NOOP("cli", "Prism's window has the book open; close it first.")
        )


NEW_PROMPT = QT_TRANSLATE_NOOP("cli", "New passphrase: ")
AGAIN_PROMPT = QT_TRANSLATE_NOOP("cli", "The same passphrase again: ")
NO_PASSPHRASE = QT_TRANSLATE_NOOP(
    "cli", "No passphrase: give it on a terminal, in PRISM_PASSPHRASE or with --passphrase-fd N."
)
PROTECTED = QT_TRANSLATE_NOOP(
    "cli",
    "The book is now protected. Keep the passphrase safe: "
    "a forgotten passphrase cannot be recovered, and nobody can open the book without it.",
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("protect", help="encrypt the book with a passphrase")
    p.set_defaults(handler=cmd_protect)
    p = sub.add_parser("unprotect", help="take the passphrase off the book (decrypt it)")
    p.set_defaults(handler=cmd_unprotect)
