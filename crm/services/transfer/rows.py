"""The exported list's rows, straight from SQL: one query per chunk of ids, no ORM objects.

The query is :func:`crm.store.queries.transfer.export_rows`; the functions here take the
reader connection of the service that runs the export.

Cells come out typed (str, int, date or None) for the writers; phones and ID numbers are masked
unless asked otherwise; enum values and lunar birthdays are written in the user's language.
:func:`read_ahead` runs a chunk's query on a helper thread while the caller writes the last one.
"""

from __future__ import annotations

import datetime as dt
import queue
import sqlite3
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from functools import partial
from typing import TypeVar, cast

from crm.domain.masking import mask_id_number, mask_phone
from crm.domain.messages import Translate
from crm.services.transfer.fields import ENUMS, FIELD_BY_KEY, LEAP, LUNAR
from crm.store.queries import transfer as Q

Cell = str | int | dt.date | dt.datetime | None
T = TypeVar("T")

PHONE_SEP = "; "
TAG_SEP = "、"
CHUNK = 5000

# Positions in a row of the export query (crm.store.queries.transfer).
_AT = {column: i for i, column in enumerate(Q.CLIENT_COLUMNS)}
ID, NAME, KIND, GENDER = _AT["id"], _AT["name"], _AT["kind"], _AT["gender"]
ID_NUMBER, CAL, BY, BM, BD = (_AT["id_number"], _AT["birthday_calendar"], _AT["birth_year"],
                              _AT["birth_month"], _AT["birth_day"])  # fmt: skip
LEAP_COL, WECHAT, BUSINESS = _AT["birth_leap"], _AT["wechat"], _AT["business_name"]
INDUSTRY, USCC, ADDRESS, STATUS = _AT["industry"], _AT["uscc"], _AT["address"], _AT["status"]
NOTES, FORM, CADENCE = _AT["notes"], _AT["form_of_address"], _AT["cadence_days"]
CREATED, UPDATED, LAST_CONTACT = _AT["created_at"], _AT["updated_at"], _AT["last_contact_at"]
REFERRED_BY, SOURCE = _AT["referred_by_id"], _AT["source"]
PHONES, TAGS, REFERRER = Q.PHONES_AT, Q.TAGS_AT, Q.REFERRER_AT

_PLAIN = {
    "name": NAME,
    "wechat": WECHAT,
    "business_name": BUSINESS,
    "industry": INDUSTRY,
    "uscc": USCC,
    "address": ADDRESS,
    "notes": NOTES,
    "form_of_address": FORM,
    "cadence_days": CADENCE,
}


def raw_rows(
    conn: sqlite3.Connection, ids: Sequence[int], chunk: int = CHUNK
) -> Iterator[list[tuple]]:
    """The row query's results, a chunk of ids at a time, in the order of ``ids``."""
    return Q.export_rows(conn, ids, chunk)


def _plain(i: int, r: tuple) -> Cell:
    return r[i]


def _label(i: int, labels: dict[str, str], r: tuple) -> Cell:
    return labels.get(r[i], r[i])


def birthday_cell(r: tuple, translate: Translate) -> Cell:
    month, day = r[BM], r[BD]
    if not (month and day):
        return None
    year = r[BY]
    if r[CAL] == "lunar":
        leap = f"{LEAP.render(translate)} " if r[LEAP_COL] else ""
        ymd = f"{year:04d}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"
        return f"{LUNAR.render(translate)} {leap}{ymd}"
    if year:
        return dt.date(year, month, day)
    return f"{month:02d}-{day:02d}"


def _moment(value: str | None) -> Cell:
    """A stored local date-time as the minute it names (seconds never matter to a contact)."""
    if not value:
        return None
    return dt.datetime.fromisoformat(str(value)[:16])


def converters(
    columns: Sequence[str], unmasked: bool, translate: Translate
) -> list[Callable[[tuple], Cell]]:
    """One function per chosen column, turning a raw row into that column's cell."""
    out: list[Callable[[tuple], Cell]] = []
    for key in columns:
        if key not in FIELD_BY_KEY:
            raise KeyError(key)
        if key in _PLAIN:
            i = _PLAIN[key]
            out.append(partial(_plain, i))
        elif key in ENUMS:
            labels = {m.value: m.label.render(translate) for m in ENUMS[key]}
            i = {"kind": KIND, "gender": GENDER, "status": STATUS, "source": SOURCE}[key]
            out.append(partial(_label, i, labels))
        elif key == "phones":
            if unmasked:
                out.append(lambda r: r[PHONES].replace("\x1f", PHONE_SEP) if r[PHONES] else None)
            else:
                out.append(
                    lambda r: (
                        PHONE_SEP.join(mask_phone(p) for p in r[PHONES].split("\x1f"))
                        if r[PHONES]
                        else None
                    )
                )
        elif key == "id_number":
            if unmasked:
                out.append(lambda r: r[ID_NUMBER])
            else:
                out.append(lambda r: mask_id_number(r[ID_NUMBER]) if r[ID_NUMBER] else None)
        elif key == "tags":
            out.append(lambda r: r[TAGS].replace("\x1f", TAG_SEP) if r[TAGS] else None)
        elif key == "birthday":
            out.append(lambda r: birthday_cell(r, translate))
        elif key == "created":
            out.append(lambda r: dt.date.fromisoformat(r[CREATED][:10]))
        elif key == "referrer":
            out.append(lambda r: r[REFERRER])
        elif key == "last_contact":
            out.append(lambda r: _moment(r[LAST_CONTACT]))
    return out


def typed_rows(
    conn: sqlite3.Connection,
    ids: Sequence[int],
    columns: Sequence[str],
    unmasked: bool,
    translate: Translate,
) -> Iterator[list[list[Cell]]]:
    """Chunks of rows of typed cells, in the order of ``ids`` (``conn``: a reader)."""
    conv = converters(columns, unmasked, translate)
    for chunk in raw_rows(conn, ids):
        yield [[f(r) for f in conv] for r in chunk]


_DONE = object()


def read_ahead(
    fetch: Callable[[Sequence[int]], T], ids: Sequence[int], chunk: int = CHUNK
) -> Generator[tuple[Sequence[int], T], None, None]:
    """``(part, fetch(part))`` for each chunk of ``ids`` in turn, the next one fetched on a
    helper thread while the caller works on this one.

    SQLite lets go of the GIL while it computes a statement's rows (all of them at the first
    step when the statement sorts), so on a second core the next chunk's query runs while the
    caller's writer, holding the GIL, writes this chunk: at 100,000 clients most of the xlsx
    query's second hides behind the writer. The helper starts each query right after handing
    over the last chunk, while it still holds the GIL: a writer in C code gives the GIL up only
    between chunks, so a helper waiting for it there would start only when this chunk is done.

    ``fetch`` uses a connection that nothing else uses until this generator is done (the
    caller's reader; the caller only consumes what arrives here). An error in ``fetch`` is
    raised here; closing the generator early (a cancel, the writer's error) stops the thread
    and waits for it, so the connection is free again."""
    results: queue.SimpleQueue[object] = queue.SimpleQueue()
    # A fetched chunk is handed over when the caller asks for the next one: in memory, the
    # chunk being written and the next one (double buffering).
    asked = threading.Semaphore(0)
    stop = threading.Event()

    def work() -> None:
        try:
            for start in range(0, len(ids), chunk):
                part = ids[start : start + chunk]
                fetched = fetch(part)
                asked.acquire()
                if stop.is_set():
                    return
                results.put((part, fetched))
            results.put(_DONE)
        except BaseException as exc:  # handed to the caller, who raises it
            results.put(exc)

    thread = threading.Thread(target=work, name="export-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            asked.release()
            item = results.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield cast(tuple[Sequence[int], T], item)
    finally:
        stop.set()
        asked.release()
        thread.join()
