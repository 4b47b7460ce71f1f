"""Upcoming reminders as an iCalendar file (RFC 5545) for the officer's phone calendar.

All-day events, one per occurrence, with a UID derived from the occurrence key so importing the
file again updates events instead of doubling them. An alarm fires at 09:00 on the day the
reminder starts showing (its lead time before the occasion), and, for the occasions a pop-up
announces again on their day (a repayment), a second one at 09:00 on the day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from crm import files
from crm.domain.messages import Msg
from crm.services.reminders.engine import AGAIN_ON_THE_DAY, Reminder

UID_DOMAIN = "prism.local"
PRODID = "-//Prism//Prism client book//ZH"


def uid(key: str) -> str:
    return f"{key.replace(':', '-')}@{UID_DOMAIN}"


def to_ics(
    reminders: Sequence[Reminder], stamp: dt.datetime, render: Callable[[Msg], str]
) -> bytes:
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Prism")
    utc_stamp = stamp.astimezone(dt.UTC)
    for r in reminders:
        occ = r.occurrence
        event = Event()
        event.add("uid", uid(occ.key))
        event.add("dtstamp", utc_stamp)
        event.add("dtstart", occ.date)
        event.add("dtend", occ.date + dt.timedelta(days=1))
        event.add("summary", render(occ.title))
        if occ.detail is not None:
            event.add("description", render(occ.detail))
        event.add("categories", [occ.occasion])
        event.add("transp", "TRANSPARENT")
        triggers = [dt.timedelta(days=-occ.lead_days, hours=9)]
        if occ.lead_days and occ.occasion in AGAIN_ON_THE_DAY:
            triggers.append(dt.timedelta(hours=9))
        for trigger in triggers:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", render(occ.title))
            alarm.add("trigger", trigger)
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename over it: a reader never sees half a file; 0600, no
    link followed, a device or folder at ``path`` refused (:func:`crm.files.write_private`)."""
    files.write_private_bytes(Path(path), data)
