"""Migration 0010: the dashboard's year indexes, added to a 0009 book with loans in it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from crm.domain.stats import year_of
from crm.services.facade import Services
from crm.store.book import Book

INDEXES = ("ix_loan_client_disbursed", "ix_loan_deleted", "ix_client_referred")


def test_a_0009_book_gets_the_indexes_and_the_same_figures(tmp_path: Path, clock) -> None:
    from crm.services.demo import fill_demo

    path = tmp_path / "prism.db"
    book = Book.open(path)
    fill_demo(book, 120, seed=2, clock=clock)
    year = year_of(dt.date(2026, 1, 1))
    before = [
        (f.key, f.numerator, f.denominator) for f in Services(book, clock).stats.figures(year)
    ]
    book.close()
    with sqlite3.connect(path) as conn:  # the book as 0009 left it
        for name in INDEXES:
            conn.execute(f"DROP INDEX {name}")
        conn.execute("UPDATE alembic_version SET version_num = '0009'")
        conn.execute("PRAGMA user_version = 9")
    book = Book.open(path)
    try:
        names = {
            r[0]
            for r in book.reader().execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert set(INDEXES) <= names
        after = [
            (f.key, f.numerator, f.denominator) for f in Services(book, clock).stats.figures(year)
        ]
        assert after == before
    finally:
        book.close()
