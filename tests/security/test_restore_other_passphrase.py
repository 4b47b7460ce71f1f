"""Restoring a backup made under another passphrase than the book's: one plain line that says
so and asks for that passphrase; until it is given nothing is overwritten or set aside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crm.cli import main
from crm.store import crypto

BOOK_PASS = "长城 wall 1984"
BACKUP_PASS = "another one 2025"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("PRISM_PASSPHRASE", raising=False)
    monkeypatch.delenv("PRISM_BACKUP_PASSPHRASE", raising=False)
    yield
    crypto._keys.clear()


def crm(folder: Path, *args: str) -> int:
    crypto._keys.clear()  # every command is a new process as far as keys go
    return main(["--data-dir", str(folder), "--lang", "en", *args])


def _protected_book(folder: Path, name: str, passphrase: str, monkeypatch) -> None:
    assert crm(folder, "add", "--name", name) == 0
    monkeypatch.setenv("PRISM_PASSPHRASE", passphrase)
    assert crm(folder, "protect") == 0
    monkeypatch.delenv("PRISM_PASSPHRASE")


@pytest.fixture
def setup(tmp_path: Path, monkeypatch, capsys) -> tuple[Path, Path]:
    """The officer's book (protected with BOOK_PASS) and a backup of another book, protected
    with BACKUP_PASS (an older passphrase, or the book of another laptop)."""
    book_dir, other_dir = tmp_path / "book", tmp_path / "other"
    _protected_book(book_dir, "赵六", BOOK_PASS, monkeypatch)
    _protected_book(other_dir, "孙八", BACKUP_PASS, monkeypatch)
    backup = tmp_path / "other-backup.db"
    monkeypatch.setenv("PRISM_PASSPHRASE", BACKUP_PASS)
    assert crm(other_dir, "backup", "--out", str(backup)) == 0
    monkeypatch.delenv("PRISM_PASSPHRASE")
    capsys.readouterr()
    return book_dir, backup


def _untouched(book_dir: Path, before: bytes) -> None:
    assert (book_dir / "prism.db").read_bytes() == before
    assert not list(book_dir.glob("*.damaged*"))


def _with_fd(folder: Path, lines: list[str], *args: str) -> int:
    r, w = os.pipe()
    os.write(w, "".join(line + "\n" for line in lines).encode())
    os.close(w)
    try:
        return crm(folder, "--passphrase-fd", str(r), *args)
    finally:
        os.close(r)


def test_cli_says_the_backup_has_another_passphrase(setup, monkeypatch, capsys) -> None:
    book_dir, backup = setup
    before = (book_dir / "prism.db").read_bytes()
    monkeypatch.setenv("PRISM_PASSPHRASE", BOOK_PASS)
    assert crm(book_dir, "restore", "--backup", str(backup)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "another passphrase" in err and "PRISM_BACKUP_PASSPHRASE" in err
    _untouched(book_dir, before)


def test_cli_given_the_backups_passphrase_for_the_book_sets_nothing_aside(
    setup, monkeypatch, capsys
) -> None:
    """The backup's passphrase given where the book's is asked: the book is not set aside as
    damaged (it is whole, only locked with another passphrase)."""
    book_dir, backup = setup
    before = (book_dir / "prism.db").read_bytes()
    monkeypatch.setenv("PRISM_PASSPHRASE", BACKUP_PASS)
    assert crm(book_dir, "restore", "--backup", str(backup)) == 1
    err = capsys.readouterr().err
    assert err.startswith("crm: Wrong passphrase") and err.count("\n") == 1
    _untouched(book_dir, before)


@pytest.mark.parametrize("how", ["env", "fd"])
def test_cli_restores_with_both_passphrases(setup, monkeypatch, capsys, how) -> None:
    book_dir, backup = setup
    if how == "env":
        monkeypatch.setenv("PRISM_PASSPHRASE", BOOK_PASS)
        monkeypatch.setenv("PRISM_BACKUP_PASSPHRASE", BACKUP_PASS)
        assert crm(book_dir, "restore", "--backup", str(backup)) == 0
    else:
        assert _with_fd(book_dir, [BOOK_PASS, BACKUP_PASS], "restore", "--backup", str(backup)) == 0
    out = capsys.readouterr().out
    assert "backup's passphrase" in out  # the book now opens with the backup's passphrase
    assert not list(book_dir.glob("*.damaged*"))
    monkeypatch.delenv("PRISM_BACKUP_PASSPHRASE", raising=False)
    monkeypatch.setenv("PRISM_PASSPHRASE", BACKUP_PASS)
    assert crm(book_dir, "list") == 0
    listed = capsys.readouterr().out
    assert "孙八" in listed and "赵六" not in listed
    # The book as it was is kept, backed up under its own passphrase.
    kept = sorted((book_dir / "backups").glob("*.db"))
    assert kept
    crypto._keys.clear()
    crypto.unlock(kept[-1], BOOK_PASS)


def test_gui_restore_asks_for_the_backups_passphrase(
    setup, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QInputDialog

    from crm.domain.clock import SystemClock
    from crm.services.facade import Services
    from crm.ui.app import build_window
    from crm.ui.context import UiContext

    book_dir, backup = setup
    crypto._keys.clear()
    crypto.unlock(book_dir / "prism.db", BOOK_PASS)  # as the start-up prompt does
    services = Services.open(book_dir, SystemClock())
    settings = QSettings(str(book_dir / "settings.ini"), QSettings.Format.IniFormat)
    ctx = UiContext.build(services, settings)
    labels: list[str] = []
    answers = iter([("", False)])

    def get_text(parent, title, label, echo):  # type: ignore[no-untyped-def]
        labels.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    backups_before = sorted((book_dir / "backups").glob("*"))
    try:
        window = build_window(ctx)
        qtbot.addWidget(window)
        warned: list[str] = []
        window.transfer._warn = lambda title, text: warned.append(text)  # type: ignore[method-assign]
        # Cancelled: not restored, nothing changed, no warning on top of the question.
        with qtbot.waitSignal(window.transfer.restored, timeout=10_000) as signal:
            window.transfer.restore_from(backup, confirm=False)
        assert signal.args == [False] and not warned
        assert labels and "another passphrase" in labels[0]
        # (The open book's file itself changes with its WAL: look at what it holds.)
        names = services.book.reader().execute("SELECT name FROM client").fetchall()
        assert [n[0] for n in names] == ["赵六"]
        assert sorted((book_dir / "backups").glob("*")) == backups_before
        assert not list(book_dir.glob("*.damaged*"))
        # A wrong one, then the right one: restored.
        labels.clear()
        answers = iter([("wrong", True), (BACKUP_PASS, True)])
        with qtbot.waitSignal(window.transfer.restored, timeout=20_000) as signal:
            window.transfer.restore_from(backup, confirm=False)
        assert signal.args == [True], warned
        assert "Wrong passphrase" in labels[1]
        names = services.book.reader().execute("SELECT name FROM client").fetchall()
        assert [n[0] for n in names] == ["孙八"]
        assert not list(book_dir.glob("*.damaged*"))
        assert "backup's passphrase" in window.clients.toast.label.text()
    finally:
        ctx.close()
        QThreadPool.globalInstance().waitForDone()
        services.close()
