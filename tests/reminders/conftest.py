"""Helpers for reminder tests: clients, notes and promises inserted as plain rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from crm.store.book import Book, sql_datetime

STAMP = sql_datetime(dt.datetime(2020, 1, 1, 8, 0))


@pytest.fixture
def add_client(book: Book) -> Callable[..., int]:
    def add(
        name: str = "张伟",
        calendar: str | None = None,
        month: int | None = None,
        day: int | None = None,
        year: int | None = None,
        leap: bool = False,
        **extra: object,
    ) -> int:
        cols = {
            "name": name,
            "birthday_calendar": calendar,
            "birth_month": month,
            "birth_day": day,
            "birth_year": year,
            "birth_leap": leap,
            "created_at": STAMP,
            "updated_at": STAMP,
            "last_contact_at": sql_datetime(dt.datetime(2026, 11, 28, 10, 0)),
            **extra,
        }
        with book.write() as conn:
            cur = conn.execute(
                f"INSERT INTO client ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                list(cols.values()),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    return add


@pytest.fixture
def add_note(book: Book) -> Callable[..., int]:
    def add(client_id: int, text: str, event_date: dt.date | None = None) -> int:
        with book.write() as conn:
            cur = conn.execute(
                "INSERT INTO life_note (client_id, text, event_date, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (client_id, text, event_date.isoformat() if event_date else None, STAMP, STAMP),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    return add
