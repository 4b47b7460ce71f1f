"""Builders for the transfer tests: many valid clients, fast, plus the awkward ones."""

from __future__ import annotations

import datetime as dt
import random

from crm.domain.client_form import Birthday, CleanClient, ClientDraft, check_birthday, clean_client
from crm.domain.clock import Clock
from crm.domain.enums import Calendar, ClientKind, ClientStatus, Gender
from crm.domain.errors import FieldError
from crm.services.clients import column_values
from crm.store.book import Book, sql_datetime

TODAY = dt.date(2026, 11, 29)


def _uscc() -> str:
    from stdnum.cn import uscc

    body = "91110108MA01ABCD0"
    return body + uscc.calc_check_digit(body)


def awkward_drafts() -> list[ClientDraft]:
    """Values that trip spreadsheets and parsers: formulas, leading signs, foreign phones."""
    return [
        ClientDraft(name="=cmd|' /C calc'!A0", phones=["+1 650 253 0000"], notes="=1+1"),
        ClientDraft(name="-", notes="-5 万，@SUM(A1)", wechat="+wx", tags=["=tag", "@vip"]),
        ClientDraft(name="'=已有撇号", notes="'+86 的备注", address="@家"),
        ClientDraft(
            name="欧阳娜娜",
            kind=ClientKind.SOLE_PROPRIETOR,
            gender=Gender.FEMALE,
            phones=["13812345678", "010-6512 3456"],
            id_number="11010519491231002X",
            birthday=Birthday(Calendar.SOLAR, 12, 31, 1949),
            business_name="兴隆超市",
            industry="零售",
            uscc=_uscc(),
            address="北京市朝阳区人民路1号",
            status=ClientStatus.BORROWER,
            tags=["老客户", "VIP"],
            notes='第一行\n第二行, "引号"; 分号',
            form_of_address="欧阳姐",
            cadence_days=45,
        ),
        ClientDraft(name="闰月生日", birthday=Birthday(Calendar.LUNAR, 4, 5, 2020, leap=True)),
        ClientDraft(name="只有月日", birthday=Birthday(Calendar.SOLAR, 2, 29)),
        ClientDraft(name="农历无年", birthday=Birthday(Calendar.LUNAR, 12, 30)),
        ClientDraft(name="Zhang Wei", kind=ClientKind.COMPANY, status=ClientStatus.DECLINED),
    ]


def many_clean(n: int, seed: int = 3) -> list[CleanClient]:
    """``n`` realistic clients that all pass the add dialog's rules, the awkward ones first."""
    from crm.services.demo import fake_client

    out = [clean_client(d, TODAY) for d in awkward_drafts()]
    rng = random.Random(seed)
    while len(out) < n:
        c = fake_client(rng, TODAY)
        if c.birthday is not None:
            try:
                check_birthday(c.birthday, TODAY)
            except FieldError:
                continue
        out.append(c)
    return out[:n]


def insert_clean(book: Book, cleans: list[CleanClient], clock: Clock) -> list[int]:
    stamp = sql_datetime(clock.now())
    columns = [*column_values(cleans[0]), "created_at", "updated_at"]
    sql = f"INSERT INTO client ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    ids = []
    with book.write() as conn:
        for c in cleans:
            cur = conn.execute(sql, (*column_values(c).values(), stamp, stamp))
            cid = int(cur.lastrowid or 0)
            ids.append(cid)
            conn.executemany(
                "INSERT INTO client_phone (client_id, position, e164, national) VALUES (?,?,?,?)",
                [(cid, i, p.e164, p.national) for i, p in enumerate(c.phones)],
            )
            conn.executemany(
                "INSERT INTO client_tag (client_id, tag) VALUES (?, ?)", [(cid, t) for t in c.tags]
            )
    return ids


SIGNATURE_SQL = """
SELECT name, kind, gender, birthday_calendar, birth_year, birth_month, birth_day, birth_leap,
       wechat, id_number, business_name, industry, uscc, address, status, notes,
       form_of_address, cadence_days, name_pinyin,
       (SELECT group_concat(e164 || '/' || national, ',')
          FROM (SELECT * FROM client_phone p WHERE p.client_id = c.id ORDER BY position)),
       (SELECT group_concat(tag, ',')
          FROM (SELECT tag FROM client_tag t WHERE t.client_id = c.id ORDER BY tag))
FROM client c WHERE archived_at IS NULL
"""


def signature(book: Book) -> list[tuple]:
    """Every field of every active client, comparable across books (search_text is derived
    from these, with tags in whatever order they were typed)."""
    return sorted(book.reader().execute(SIGNATURE_SQL).fetchall(), key=repr)
