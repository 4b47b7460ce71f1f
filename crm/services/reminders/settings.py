"""The officer's reminder settings, kept in the book (``book_setting``, JSON values).

Festivals greeted, lead times, the time of day pop-ups start, quiet hours, and whether loans
paid by auto-debit get repayment reminders too. Greeting templates live in
:mod:`crm.services.greetings`. Missing or unreadable values fall back to defaults, so an old
book or a hand-edited value never stops reminders. Saving is
:meth:`crm.services.reminders.service.ReminderService.save_settings`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from crm.domain.festivals import Festival
from crm.store.queries.settings import read_json

KEY = "reminders"

#: Days before the occasion a reminder starts showing, per kind ("festival" covers them all).
DEFAULT_LEAD_DAYS: dict[str, int] = {
    "birthday": 1,
    "festival": 3,
    "life_note": 0,
    "promise": 1,
    "contact_due": 0,
    # A loan's repayment: days before each due date (0: on the day; it is announced again on
    # the day either way).
    "loan_repayment": 3,
}
#: The longest repayment lead the settings offer (a month's repayment must not show a month
#: ahead, on top of the one before).
MAX_REPAYMENT_LEAD = 15


def _time(value: Any, default: dt.time) -> dt.time:
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        return default


@dataclass(frozen=True)
class ReminderSettings:
    festivals: frozenset[Festival] = frozenset(Festival)
    lead_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_LEAD_DAYS))
    #: Pop-ups for a day's reminders start at this time (the Today view shows them all day).
    notify_at: dt.time = dt.time(9, 0)
    quiet_enabled: bool = True
    quiet_start: dt.time = dt.time(21, 0)
    quiet_end: dt.time = dt.time(8, 0)
    #: Most overdue keep-in-touch clients listed at once (the rest wait their turn).
    contact_due_limit: int = 20
    #: Repayment reminders for loans paid by auto-debit too (by default only those paid by
    #: hand remind: the bank debits the others).
    remind_auto_debit: bool = False

    def lead_for(self, occasion: str) -> int:
        kind = "festival" if occasion in Festival._value2member_map_ else occasion
        return self.lead_days.get(kind, 0)

    def is_quiet(self, at: dt.datetime) -> bool:
        """Inside quiet hours (which may span midnight: 21:00-08:00)."""
        if not self.quiet_enabled or self.quiet_start == self.quiet_end:
            return False
        t = at.time()
        if self.quiet_start < self.quiet_end:
            return self.quiet_start <= t < self.quiet_end
        return t >= self.quiet_start or t < self.quiet_end

    def to_json(self) -> dict[str, Any]:
        return {
            "festivals": sorted(f.value for f in self.festivals),
            "lead_days": self.lead_days,
            "notify_at": self.notify_at.strftime("%H:%M"),
            "quiet_hours": {
                "enabled": self.quiet_enabled,
                "start": self.quiet_start.strftime("%H:%M"),
                "end": self.quiet_end.strftime("%H:%M"),
            },
            "contact_due_limit": self.contact_due_limit,
            "loans": {"remind_auto_debit": self.remind_auto_debit},
        }

    @classmethod
    def from_json(cls, data: Any) -> ReminderSettings:
        s = cls()
        if not isinstance(data, dict):
            return s
        festivals = data.get("festivals")
        if isinstance(festivals, list):
            known = Festival._value2member_map_
            s = replace(s, festivals=frozenset(Festival(f) for f in festivals if f in known))
        lead = data.get("lead_days")
        if isinstance(lead, dict):
            merged = dict(DEFAULT_LEAD_DAYS)
            merged.update(
                {k: max(0, min(int(v), 60)) for k, v in lead.items() if isinstance(v, int)}
            )
            merged["loan_repayment"] = min(merged["loan_repayment"], MAX_REPAYMENT_LEAD)
            s = replace(s, lead_days=merged)
        s = replace(s, notify_at=_time(data.get("notify_at"), s.notify_at))
        quiet = data.get("quiet_hours")
        if isinstance(quiet, dict):
            s = replace(
                s,
                quiet_enabled=bool(quiet.get("enabled", True)),
                quiet_start=_time(quiet.get("start"), s.quiet_start),
                quiet_end=_time(quiet.get("end"), s.quiet_end),
            )
        limit = data.get("contact_due_limit")
        if isinstance(limit, int) and limit >= 0:
            s = replace(s, contact_due_limit=limit)
        loans = data.get("loans")
        if isinstance(loans, dict) and isinstance(loans.get("remind_auto_debit"), bool):
            s = replace(s, remind_auto_debit=loans["remind_auto_debit"])
        return s


def load(conn: sqlite3.Connection) -> ReminderSettings:
    """The book's reminder settings, read inside the caller's read (the sources use it)."""
    return ReminderSettings.from_json(read_json(conn, KEY))
