"""Greetings written for one client: a template per occasion, language and tone, filled with
how the officer addresses them and one personal touch from their life notes.

Templates the officer edited are kept in the book (``book_setting`` key ``greetings.templates``:
``{occasion: {lang: {tone: text}}}``, overrides only). "Sent" logs the greeting as a WeChat
contact and closes the reminder, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import string
from dataclasses import dataclass
from typing import Any

from crm.domain.changes import Topic
from crm.domain.clock import Clock
from crm.domain.festivals import NAMES, ZH_NAMES, Festival
from crm.services.greeting_texts import LANGS, TONES, TOUCH, default_template
from crm.services.reminders import settings as kv
from crm.services.reminders.engine import State
from crm.services.reminders.occurrence import Occurrence
from crm.services.reminders.state import set_state
from crm.store.book import Book, sql_datetime

TEMPLATES_KEY = "greetings.templates"
PLACEHOLDERS = ("address", "name", "occasion", "touch")

_OCCASION_NAMES = {
    "zh": {"birthday": "生日", **{f.value: ZH_NAMES[f] for f in Festival}},
    "en": {"birthday": "your birthday", **{f.value: NAMES[f].text for f in Festival}},
}
_COMPOUND = ("欧阳", "司马", "诸葛", "上官", "长孙", "令狐", "东方", "皇甫", "慕容", "司徒")


@dataclass(frozen=True)
class NoteChoice:
    id: int
    text: str


@dataclass(frozen=True)
class Recipient:
    """What a greeting needs to know about its client."""

    client_id: int
    name: str
    form_of_address: str | None
    gender: str | None
    kind: str
    notes: tuple[NoteChoice, ...]  # the likeliest personal touch first

    def address(self, lang: str) -> str:
        """称呼 as the officer set it, else surname + 先生/女士, else the full name."""
        if self.form_of_address:
            return self.form_of_address
        if lang == "zh" and self.kind != "company" and self.gender in ("male", "female"):
            n = self.name.strip()
            if n and "\u4e00" <= n[0] <= "\u9fff" and 2 <= len(n) <= 4:
                surname = n[:2] if n[:2] in _COMPOUND and len(n) > 2 else n[0]
                return surname + ("先生" if self.gender == "male" else "女士")
        return self.name


def recipient(
    conn: sqlite3.Connection, client_id: int, prefer_note: int | None = None
) -> Recipient:
    row = conn.execute(
        "SELECT name, form_of_address, gender, kind FROM client WHERE id = ?", (client_id,)
    ).fetchone()
    if row is None:
        raise LookupError(f"no client {client_id}")
    # The note a reminder is about first, then open talking points, then the newest.
    notes = conn.execute(
        "SELECT id, text FROM life_note WHERE client_id = ? AND deleted_at IS NULL "
        "ORDER BY id = ? DESC, (ask_next_time AND asked_at IS NULL) DESC, created_at DESC, "
        "id DESC LIMIT 12",
        (client_id, prefer_note or -1),
    ).fetchall()
    return Recipient(
        client_id, row[0], row[1], row[2], row[3], tuple(NoteChoice(i, t) for i, t in notes)
    )


def occasion_name(occasion: str, lang: str) -> str:
    return _OCCASION_NAMES[lang].get(occasion, "")


def touch_sentence(note: str | None, lang: str) -> str:
    if not note:
        return ""
    core = note.strip().rstrip("。.!！?？;；，,")
    if lang == "en" and core:
        core = core[0].lower() + core[1:] if not core[:2].isupper() else core
    return TOUCH[lang].format(note=core)


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, values: dict[str, str]) -> str:
    """Fill the known placeholders; anything else (a typo, a stray brace) stays as typed."""
    try:
        text = string.Formatter().vformat(template, (), _Keep(values))
    except (ValueError, IndexError, KeyError):
        text = template
        for k, v in values.items():
            text = text.replace("{" + k + "}", v)
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([,.!?，。！？])", r"\1", text)
    return text.strip()


def compose(template: str, who: Recipient, occasion: str, lang: str, note: str | None) -> str:
    return fill(
        template,
        {
            "address": who.address(lang),
            "name": who.name,
            "occasion": occasion_name(occasion, lang),
            "touch": touch_sentence(note, lang),
        },
    )


# -- templates -------------------------------------------------------------------------------


def template_key(occasion: str) -> str:
    """Life notes asked about the day after share the life-note templates."""
    return "life_note" if occasion.startswith("life_note") else occasion


def load_overrides(conn: sqlite3.Connection) -> dict[str, dict[str, dict[str, str]]]:
    data: Any = kv.read_json(conn, TEMPLATES_KEY)
    if not isinstance(data, dict):
        return {}
    out: dict[str, dict[str, dict[str, str]]] = {}
    for occ, langs in data.items():
        if not isinstance(langs, dict):
            continue
        for lang, tones in langs.items():
            if lang in LANGS and isinstance(tones, dict):
                for tone, text in tones.items():
                    if tone in TONES and isinstance(text, str) and text.strip():
                        out.setdefault(occ, {}).setdefault(lang, {})[tone] = text
    return out


def template(conn: sqlite3.Connection, occasion: str, lang: str, tone: str) -> str:
    key = template_key(occasion)
    custom = load_overrides(conn).get(key, {}).get(lang, {}).get(tone)
    return custom or default_template(key, lang, tone)


def save_templates(book: Book, overrides: dict[str, dict[str, dict[str, str]]]) -> None:
    """Store the officer's templates; texts equal to the default are not stored."""
    clean: dict[str, dict[str, dict[str, str]]] = {}
    for occ, langs in overrides.items():
        for lang, tones in langs.items():
            for tone, text in tones.items():
                if text.strip() and text.strip() != default_template(occ, lang, tone):
                    clean.setdefault(occ, {}).setdefault(lang, {})[tone] = text.strip()
    with book.write() as conn:
        kv.write_json(conn, TEMPLATES_KEY, clean)
    book.changes.publish(Topic.GREETING_TEMPLATES)


# -- sending ---------------------------------------------------------------------------------


def _log_interaction(conn: sqlite3.Connection, client_id: int, text: str, now: dt.datetime) -> None:
    """Log the greeting as a WeChat contact through the contact log's own helpers."""
    from crm.domain.relationship_enums import Channel
    from crm.services.interactions import InteractionDraft, insert_interaction
    from crm.services.memory_base import refresh_last_contact, refresh_memory

    insert_interaction(conn, client_id, InteractionDraft(Channel.WECHAT, text), now)
    refresh_last_contact(conn, client_id)
    refresh_memory(conn, [client_id])


def record_sent(book: Book, clock: Clock, occ: Occurrence, client_id: int, text: str) -> None:
    """The officer sent ``text`` to ``client_id`` for ``occ``: log the contact, note whom it went
    to, and close the reminder when it is about this one client (a festival stays open until
    the officer is done greeting everyone)."""
    now = clock.now()
    with book.write() as conn:
        _log_interaction(conn, client_id, text, now)
        conn.execute(
            "INSERT INTO reminder_history (key, client_id, action, at, note) "
            "VALUES (?, ?, 'greeted', ?, ?)",
            (occ.key, client_id, sql_datetime(now), text),
        )
        if occ.client_id is not None:
            set_state(conn, occ, State.DONE, now, note="greeting sent")
    book.changes.publish({Topic.INTERACTION, Topic.CLIENT, Topic.REMINDER}, [client_id])


# -- festival opt-out ------------------------------------------------------------------------


def set_festival_optout(book: Book, clock: Clock, client_id: int, opted_out: bool) -> None:
    with book.write() as conn:
        if opted_out:
            conn.execute(
                "INSERT OR IGNORE INTO greeting_optout (client_id, created_at) VALUES (?, ?)",
                (client_id, sql_datetime(clock.now())),
            )
        else:
            conn.execute("DELETE FROM greeting_optout WHERE client_id = ?", (client_id,))
    book.changes.publish(Topic.CLIENT, [client_id])


def festival_optout(conn: sqlite3.Connection, client_id: int) -> bool:
    return (
        conn.execute("SELECT 1 FROM greeting_optout WHERE client_id = ?", (client_id,)).fetchone()
        is not None
    )


@dataclass(frozen=True)
class Candidate:
    client_id: int
    name: str
    last_contact_at: str | None


def festival_candidates(
    conn: sqlite3.Connection, text: str = "", limit: int = 200
) -> list[Candidate]:
    """Clients to greet for a festival: active, not opted out, most recently in touch first."""
    like = f"%{text.strip().lower()}%"
    rows = conn.execute(
        "SELECT c.id, c.name, c.last_contact_at FROM client c "
        "WHERE c.archived_at IS NULL AND c.search_text LIKE ? "
        "AND NOT EXISTS (SELECT 1 FROM greeting_optout o WHERE o.client_id = c.id) "
        "ORDER BY c.last_contact_at IS NULL, c.last_contact_at DESC, c.name_pinyin LIMIT ?",
        (like, limit),
    )
    return [Candidate(*r) for r in rows]
