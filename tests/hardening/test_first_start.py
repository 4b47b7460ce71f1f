"""A new book is created whole or not at all (issue 12 item 2)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from crm import files
from crm.store import migrate
from crm.store.book import Book

posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


def test_a_failed_creation_leaves_no_book_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: sqlite3.Connection, path: Path) -> None:
        conn.execute("CREATE TABLE half (x)")  # some of the schema, then the machine stops
        raise sqlite3.OperationalError("simulated failure mid-migration")

    monkeypatch.setattr(migrate, "upgrade", broken)
    with pytest.raises(sqlite3.OperationalError):
        Book.open(tmp_path / "prism.db")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    Book.open(tmp_path / "prism.db").close()  # the next start makes the book


def test_a_new_book_appears_whole_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    Book.open(path).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prism.db"]
    with open(path, "rb") as fh:
        assert fh.read(20)[18] == 2  # WAL, from the first byte on disk
    conn = sqlite3.connect(path)
    try:
        assert migrate.current_revision(conn) == migrate.head()
    finally:
        conn.close()


def test_a_book_another_prism_made_meanwhile_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two first commands at once: the second links nothing over the first one's book."""
    from crm.store import book as store_book

    path = tmp_path / "prism.db"
    theirs = tmp_path / "other" / "prism.db"
    other = Book.open(theirs)
    with other.write() as conn:
        conn.execute("INSERT INTO book_setting (key, value) VALUES ('who', 'them')")
    other.close()
    real = store_book._create

    def lose_the_race(target: Path) -> None:
        os.link(theirs, target)  # the other process links its book while ours is built
        real(target)

    monkeypatch.setattr(store_book, "_create", lose_the_race)
    book = Book.open(path)
    try:
        row = book.reader().execute("SELECT value FROM book_setting WHERE key = 'who'").fetchone()
        assert row == ("them",)
    finally:
        book.close()
    assert not [p for p in tmp_path.iterdir() if files.TEMP_MARK in p.name]


@posix_only
def test_kill_during_the_first_add_never_strands_the_folder(tmp_path: Path) -> None:
    """30 kills at random moments of a first `crm add` (tests/perf/bench_kill.py runs more)."""
    from tests.perf.bench_kill import kill_loop

    figures = kill_loop(30, fresh_every=1, max_delay=2.0, base=tmp_path)
    assert figures.runs == 30
    assert (figures.stranded, figures.lost, figures.integrity_failures, figures.refused) == (
        0,
        0,
        0,
        0,
    ), figures.problems
    assert figures.killed > 0
