"""The officer's own numbers for a period: the dashboard, `crm stats` and the self-review.

:class:`StatsService` reads every registered figure (crm.services.stats_figures) inside one
read transaction, so the figures of one period agree with each other; figures with nothing
registered come back as not available. Each figure is a few aggregate statements, so a period
costs the same at 100,000 clients as a page of the client list costs (tests/perf/bench_stats.py).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from crm.domain import stats_defs
from crm.domain.clock import Clock, SystemClock
from crm.domain.stats import Figure, Period, Trend, months_ending, unavailable
from crm.services import stats_figures
from crm.services.review import CHART_KEYS, Review, highlights
from crm.services.stats_figures import REGISTRY, Window
from crm.services.stats_months import PREFETCH
from crm.store.book import Book
from crm.store.queries import stats as q
from crm.store.queries._sql import json_chunks


@dataclass(frozen=True)
class ClientRow:
    """A client behind a figure (the click-through list)."""

    id: int
    name: str
    status: str


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

    def trends(
        self, end: dt.date, keys: Sequence[str] | None = None, months: int = 12
    ) -> list[Trend]:
        """``keys``' figures (default: all) month by month over the ``months`` calendar months
        up to ``end``'s; the figures of one month share their reads (the loans' one pass)."""
        wanted = [f.key for f in stats_defs.FIGURES] if keys is None else list(keys)
        periods = months_ending(end, months)
        today = self.clock.today()
        windows = [Window(p, today) for p in periods]
        shared = {s for k in wanted if (src := REGISTRY.get(k)) for s in src.shares}
        with self._read() as conn:
            if any(not w.empty for w in windows):
                live = [w for w in windows if not w.empty]
                for name in sorted(shared):
                    PREFETCH[name](conn, live)
            by_month = [[_figure(conn, k, w).value for k in wanted] for w in windows]
        return [
            Trend(k, tuple(periods), tuple(month[i] for month in by_month))
            for i, k in enumerate(wanted)
        ]

    def review(self, period: Period) -> Review:
        """Everything the self-review prints for ``period``: figures, the charted figures'
        twelve months up to its end, and the highlights from the book."""
        figures = tuple(self.figures(period))
        trends = tuple(self.trends(period.end, CHART_KEYS))
        with self._read() as conn:
            found = highlights(conn, period)
        return Review(period, self.clock.today(), figures, trends, found)

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
