"""One clock object, injected everywhere time matters, so tests can move time."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """Local wall-clock time, naive (the officer's own time zone)."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def today(self) -> dt.date:
        return dt.date.today()


class FixedClock:
    """A clock tests set and advance by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self._now = now

    def now(self) -> dt.datetime:
        return self._now

    def today(self) -> dt.date:
        return self._now.date()

    def set(self, now: dt.datetime) -> None:
        self._now = now

    def advance(self, **delta: float) -> None:
        self._now += dt.timedelta(**delta)
