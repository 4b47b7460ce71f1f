"""The officer's own numbers for a period: the dashboard, `crm stats` and the self-review.

:class:`StatsService` reads every registered figure (crm.services.stats_figures) inside one
read transaction, so the figures of one period agree with each other; figures with nothing
registered come back as not available. Each figure is a few aggregate statements, so a period
costs the same at 100,000 clients as a page of the client list costs (tests/perf/bench_stats.py).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from crm.domain import stats_defs
from crm.domain.clock import Clock, SystemClock
from crm.domain.stats import Figure, Period, months_ending, unavailable
from crm.services import stats_figures
from crm.services.stats_figures import REGISTRY, Window
from crm.store.book import Book
from crm.store.queries import stats as q
from crm.store.queries._sql import json_chunks


@dataclass(frozen=True)
class ClientRow:
    """A client behind a figure (the click-through list)."""

    id: int
    name: str
    status: str


@dataclass(frozen=True)
class Trend:
    """One figure's value in each of the months up to the period's end, oldest first."""

    key: str
    months: tuple[Period, ...]
    values: tuple[Decimal | None, ...]


class StatsService:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        # One snapshot for every statement: a write between two figures cannot split them.
        conn = self.book.reader()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    def figures(self, period: Period) -> list[Figure]:
        """Every figure for ``period``, in the dashboard's order."""
        window = Window(period, self.clock.today())
        with self._read() as conn:
            return [_figure(conn, f.key, window) for f in stats_defs.FIGURES]

    def figure(self, key: str, period: Period) -> Figure:
        with self._read() as conn:
            return _figure(conn, key, Window(period, self.clock.today()))

    def trends(self, end: dt.date, months: int = 12) -> list[Trend]:
        """Each figure month by month over the ``months`` calendar months up to ``end``'s."""
        periods = months_ending(end, months)
        today = self.clock.today()
        with self._read() as conn:
            columns = [
                [_figure(conn, f.key, Window(p, today)).value for p in periods]
                for f in stats_defs.FIGURES
            ]
        return [
            Trend(f.key, tuple(periods), tuple(values))
            for f, values in zip(stats_defs.FIGURES, columns, strict=True)
        ]

    def behind(self, key: str, period: Period) -> list[ClientRow]:
        """The clients behind ``key``'s figure for ``period`` (what its definition's
        ``behind`` names), by pinyin; empty for a figure not available."""
        source = REGISTRY.get(key)
        if source is None:
            return []
        window = Window(period, self.clock.today())
        with self._read() as conn:
            ids = source.behind(conn, window)
            rows = [r for chunk in json_chunks(ids) for r in q.names(conn, chunk)]
        return [ClientRow(int(i), str(n), str(s)) for i, n, s in rows]


def _figure(conn: sqlite3.Connection, key: str, window: Window) -> Figure:
    source = REGISTRY.get(key)
    if source is None:
        return unavailable(stats_defs.BY_KEY[key])
    return source.figure(conn, window)


__all__ = ["ClientRow", "StatsService", "Trend", "stats_figures"]
