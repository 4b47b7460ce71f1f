"""The change history of a client's contact fields (phones, WeChat), kept by THE client write
(:func:`crm.services.clients.write_clients` calls :func:`note_contact_changes` inside its
transaction, before it writes): what the "contact details changed 2+ times in 90 days" risk
rule counts. A first phone or WeChat entered is not a change; replacing or removing one is.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence

from crm.domain.client_form import CleanClient
from crm.store.book import sql_datetime
from crm.store.queries import risks as q


def note_contact_changes(
    conn: sqlite3.Connection, updates: Sequence[tuple[int, CleanClient]], now: dt.datetime
) -> None:
    """Record each updated client's phone and WeChat changes; runs inside the caller's write,
    before the update (it reads the values being replaced)."""
    if not updates:
        return
    old = q.contact_fields(conn, [cid for cid, _ in updates])
    stamp = sql_datetime(now)
    rows = []
    for cid, clean in updates:
        before = old.get(cid)
        if before is None:
            continue
        wechat, phones = before
        new_wechat = clean.wechat or ""
        if wechat and new_wechat != wechat:
            rows.append((cid, "wechat", wechat, new_wechat, stamp))
        new_phones = ",".join(p.e164 for p in clean.phones)
        if phones and set(new_phones.split(",")) != set(phones.split(",")):
            rows.append((cid, "phone", phones, new_phones, stamp))
    if rows:
        q.insert_contact_changes(conn, rows)
