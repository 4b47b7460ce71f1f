"""Where reminders come from: one small function per kind of dated occasion.

Each is a :data:`~crm.services.reminders.occurrence.Source`: ``(conn, start, end)`` yielding
the occurrences dated in ``[start, end]``. Two kinds stay open until dealt with, so they also
yield older ones: a promise not yet kept, a client not yet contacted. Adding a kind of reminder
is writing one function and listing it in :func:`default_sources`.

Birthdays are found without scanning the book: solar ones by the window's (month, day) pairs,
lunar ones by the window's few lunar dates, both through ``ix_client_birthday``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from crm.domain import lunar
from crm.domain.festivals import NAMES, festivals_between
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg
from crm.services.referral_thanks import thanks_source
from crm.services.reminders import loan_sources, post_loan_sources
from crm.services.reminders import settings as reminder_settings
from crm.services.reminders.occurrence import DailySource, Occurrence, Source, message
from crm.store.queries import reminders as q

NO_CLIENT = "-"


def occurrence_key(occasion: str, owner: int | str | None, date: dt.date) -> str:
    """``birthday:42:2026-12-01``; ``-`` stands for "no client" (festivals)."""
    return f"{occasion}:{NO_CLIENT if owner is None else owner}:{date.isoformat()}"


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    d = start
    while d <= end:
        yield d
        d += dt.timedelta(days=1)


# -- birthdays -------------------------------------------------------------------------------

_BIRTHDAY = QT_TRANSLATE_NOOP("Reminder", "{name}'s birthday")
_TURNS = QT_TRANSLATE_NOOP("Reminder", "Turns {age}")
_LUNAR_BIRTHDAY = QT_TRANSLATE_NOOP("Reminder", "Lunar birthday ({lunar})")
_LUNAR_TURNS = QT_TRANSLATE_NOOP("Reminder", "Lunar birthday ({lunar}), turns {age}")


def _birthday_detail(age: int | None, lunar_text: str | None) -> Msg | None:
    has_age = age is not None and age > 0
    if lunar_text:
        return (
            message(_LUNAR_TURNS, lunar=lunar_text, age=age)
            if has_age
            else message(_LUNAR_BIRTHDAY, lunar=lunar_text)
        )
    return message(_TURNS, age=age) if has_age else None


def _solar_pairs(date: dt.date) -> list[tuple[int, int]]:
    """Solar (month, day) birthdays celebrated on ``date``: 29 February also on 28 February of
    a common year (the rule in :mod:`crm.domain.lunar`)."""
    pairs = [(date.month, date.day)]
    if (date.month, date.day) == (2, 28) and not calendar.isleap(date.year):
        pairs.append((2, 29))
    return pairs


def _lunar_candidates(date: dt.date) -> tuple[int, list[tuple[int, int, bool]]]:
    """The lunar year of ``date`` and every (month, day, leap) birthday that might be celebrated
    on it under our rules: the exact lunar date; a leap-month birthday in a year without that
    leap month (kept in the ordinary month); a 30th when this is the 29th and last day."""
    ld = lunar.solar_to_lunar(date)
    assert ld.year is not None
    leaps = {ld.leap}
    if not ld.leap and lunar.leap_month(ld.year) != ld.month:
        leaps.add(True)
    days = {ld.day}
    if ld.day == 29 and lunar.month_days(ld.year, ld.month, ld.leap) == 29:
        days.add(30)
    return ld.year, [(ld.month, d, leap) for d in sorted(days) for leap in sorted(leaps)]


def birthdays(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Iterable[Occurrence]:
    """Solar and lunar birthdays of active clients celebrated in the window."""
    # ~3,000 a week at 100,000 clients: what does not depend on the client (the day's ISO text,
    # the lunar rule check and lunar text) is worked out once per day and lunar date, and the
    # detail line ("Turns 40") is one shared Msg per (day, age, lunar text), not one per client.
    out: list[Occurrence] = []
    append = out.append
    title_context, title_text = _BIRTHDAY.context, _BIRTHDAY.text
    for date in _days(start, end):
        # (client id, name, age, lunar text) of everyone celebrating on this day.
        celebrating: list[tuple[int, str, int | None, str | None]] = []
        for month, day in _solar_pairs(date):
            for cid, name, year in q.solar_birthdays(conn, month, day):
                age = lunar.age_on(year, date) if year and year <= date.year else None
                celebrating.append((cid, name, age, None))
        lunar_year, candidates = _lunar_candidates(date)
        for month, day, leap in candidates:
            rows = q.lunar_birthdays(conn, month, day, leap)
            # Confirm with the rule itself, so this lookup can never drift from it.
            if not rows or lunar.lunar_birthday_in(lunar_year, month, day, leap) != date:
                continue
            lunar_date = lunar.format_lunar(month, day, leap)
            for cid, name, year in rows:
                age = lunar_year - year if year and year <= lunar_year else None
                celebrating.append((cid, name, age, lunar_date))
        iso = date.isoformat()
        details: dict[tuple[int | None, str | None], Msg | None] = {}
        for cid, name, age, lunar_text in celebrating:
            detail_key = (age, lunar_text)
            if detail_key in details:
                detail = details[detail_key]
            else:
                detail = details[detail_key] = _birthday_detail(age, lunar_text)
            append(
                Occurrence(
                    f"birthday:{cid}:{iso}",
                    "birthday",
                    date,
                    Msg(title_context, title_text, {"name": name}),
                    cid,
                    1,
                    detail,
                )
            )
    return out


# -- festivals -------------------------------------------------------------------------------


def festivals(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Iterable[Occurrence]:
    """The festivals the officer greets for: one item per festival day for the whole book."""
    chosen = reminder_settings.load(conn).festivals
    return [
        Occurrence(
            key=occurrence_key(f.value, None, date),
            occasion=f.value,
            date=date,
            title=NAMES[f],
            lead_days=3,
        )
        for date, f in festivals_between(start, end)
        if f in chosen
    ]


# -- life notes and promises -----------------------------------------------------------------

_NOTE_TITLE = QT_TRANSLATE_NOOP("Reminder", "{name}: {text}")
_NOTE_TODAY = QT_TRANSLATE_NOOP("Reminder", "On the day, from your notes")
_NOTE_ASK = QT_TRANSLATE_NOOP("Reminder", "Ask {name} how it went: {text}")
_NOTE_YESTERDAY = QT_TRANSLATE_NOOP("Reminder", "The day after")
_PROMISE_TITLE = QT_TRANSLATE_NOOP("Reminder", "Promised {name}: {text}")


def _note_days(
    event: str, start: dt.date, end: dt.date
) -> tuple[dt.date, str | None, dt.date, str | None]:
    """A note's day and the day after, each with its ISO text when it falls in the window."""
    day = dt.date.fromisoformat(event[:10])
    after = day + dt.timedelta(days=1)
    return (
        day,
        day.isoformat() if day >= start else None,
        after,
        after.isoformat() if start <= after <= end else None,
    )


def life_notes(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Iterable[Occurrence]:
    """A dated life note on its day, and again the day after: ask how it went (unless it was
    asked already: ``crm asked`` or the brief's "Mark asked" closes the follow-up)."""
    out: list[Occurrence] = []
    append = out.append
    earliest = start - dt.timedelta(days=1)
    # ~3,000 notes a week at 100,000 clients but only a few distinct days: parse each day once.
    days: dict[str, tuple[dt.date, str | None, dt.date, str | None]] = {}
    rows = q.dated_notes(conn, earliest.isoformat(), end.isoformat())
    for nid, cid, name, text, event, asked in rows:
        info = days.get(event)
        if info is None:
            info = days[event] = _note_days(event, start, end)
        day, day_iso, after, after_iso = info
        if day_iso is not None:
            append(
                Occurrence(
                    f"life_note:{nid}:{day_iso}",
                    "life_note",
                    day,
                    Msg(_NOTE_TITLE.context, _NOTE_TITLE.text, {"name": name, "text": text}),
                    cid,
                    0,
                    _NOTE_TODAY,
                    nid,
                )
            )
        if after_iso is not None and not asked:
            append(
                Occurrence(
                    f"life_note_after:{nid}:{after_iso}",
                    "life_note",
                    after,
                    Msg(_NOTE_ASK.context, _NOTE_ASK.text, {"name": name, "text": text}),
                    cid,
                    0,
                    _NOTE_YESTERDAY,
                    nid,
                )
            )
    return out


def promises(conn: sqlite3.Connection, start: dt.date, end: dt.date) -> Iterable[Occurrence]:
    """Promises due by ``end`` and not yet kept: a broken promise keeps nagging, however old."""
    out: list[Occurrence] = []
    append = out.append
    # Thousands of open promises share a few hundred due days: parse each day once.
    days: dict[str, tuple[dt.date, str]] = {}
    for pid, cid, name, text, due in q.open_promises(conn, end.isoformat()):
        info = days.get(due)
        if info is None:
            day = dt.date.fromisoformat(due[:10])
            info = days[due] = (day, day.isoformat())
        day, iso = info
        append(
            Occurrence(
                f"promise:{pid}:{iso}",
                "promise",
                day,
                Msg(_PROMISE_TITLE.context, _PROMISE_TITLE.text, {"name": name, "text": text}),
                cid,
                1,
                None,
                pid,
            )
        )
    return out


# -- keeping in touch ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Due:
    client_id: int
    name: str
    cadence_days: int
    due_date: dt.date


def _due_group(
    conn: sqlite3.Connection,
    by: q.GroupBy,
    value: object,
    days: int,
    end: dt.date,
    limit: int,
    first: dt.date | None = None,
) -> list[_Due]:
    """Clients of one cadence group due by ``end`` (and from ``first``), earliest first: the
    first ``limit`` by the index, plus the rest of the last one's day (ties are broken by id
    after merging)."""
    threshold = (end - dt.timedelta(days=days - 1)).isoformat()
    if first is None:
        rows = q.contact_due_first(conn, by, value, threshold, limit)
    else:  # due on or after ``first`` too: last in touch on or after ``first - days``
        since = (first - dt.timedelta(days=days)).isoformat()
        rows = q.contact_due_from(conn, by, value, since, threshold, limit)
    if len(rows) == limit:
        last = dt.date.fromisoformat(rows[-1][3][:10])
        seen = {r[0] for r in rows}
        more = q.contact_due_between(
            conn, by, value, last.isoformat(), (last + dt.timedelta(days=1)).isoformat()
        )
        rows += [r for r in more if r[0] not in seen]
    return [
        _Due(cid, name, days, dt.date.fromisoformat(since[:10]) + dt.timedelta(days=days))
        for cid, name, _c, since in rows
    ]


def due_clients(
    conn: sqlite3.Connection, end: dt.date, limit: int, first: dt.date | None = None
) -> list[_Due]:
    """The ``limit`` clients most overdue for contact by ``end``: the same answer as
    ``crm.services.cadence.due_for_contact(conn, end, limit)`` (a test holds them together), but
    a few index range scans (``ix_client_contact_due``, ``ix_client_cadence_due``: one per
    status and per explicit cadence) instead of computing every client's due date. Statuses
    are the closed ClientStatus vocabulary, all of which have a default cadence. ``first``:
    only those due on or after it."""
    from crm.services.cadence import cadence_defaults

    defaults = cadence_defaults(conn)
    found: list[_Due] = []
    for status, days in defaults.items():
        found += _due_group(conn, "status", status, days, end, limit, first)
    for days in q.explicit_cadences(conn):
        found += _due_group(conn, "cadence", days, days, end, limit, first)
    found.sort(key=lambda d: (d.due_date, d.client_id))
    return found[:limit]


#: How far ahead keep-in-touch reminders look (the Today view's "next 7 days").
CONTACT_AHEAD_DAYS = 7


def contact_due(conn: sqlite3.Connection, today: dt.date, _end: dt.date) -> Iterable[Occurrence]:
    """Clients due for contact, asked about ``today`` (a daily source): up to the officer's
    limit each of the most overdue, of those due today, and of those due in the week ahead,
    so today's are listed however many are overdue. Every client due is counted elsewhere
    (``ReminderService.today``), as the Due page counts them."""
    limit = reminder_settings.load(conn).contact_due_limit
    if limit == 0:
        return []
    day = dt.timedelta(days=1)
    found = due_clients(conn, today - day, limit)
    found += due_clients(conn, today, limit, today)
    found += due_clients(conn, today + day * CONTACT_AHEAD_DAYS, limit, today + day)
    return [
        Occurrence(
            key=occurrence_key("contact_due", due.client_id, due.due_date),
            occasion="contact_due",
            date=due.due_date,
            title=QT_TRANSLATE_NOOP("Reminder", "Time to get in touch with {name}").with_(
                name=due.name
            ),
            client_id=due.client_id,
            detail=QT_TRANSLATE_NOOP("Reminder", "Every {days} days").with_(days=due.cadence_days),
        )
        for due in found
    ]


def default_sources() -> list[Source]:
    """Every kind of reminder, in the order the Today view lists occasions."""
    return [
        birthdays,
        festivals,
        life_notes,
        promises,
        loan_sources.overdue_follow_ups,
        loan_sources.repayments,
        loan_sources.maturities,
        post_loan_sources.post_loan_checks,
        DailySource(contact_due),
        thanks_source,
    ]
