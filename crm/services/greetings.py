"""Greetings written for one client: a template per occasion, language and tone, filled with
how the officer addresses them and one personal touch from their life notes.

Templates the officer edited are kept in the book (``book_setting`` key ``greetings.templates``:
``{occasion: {lang: {tone: text}}}``, overrides only). "Sent" logs the greeting as a WeChat
contact and closes the reminder, in one transaction. :class:`GreetingService` is what the UI and
CLI call; composing a text is pure (:func:`compose`, :func:`pick_template`), so a dialog that
has read the client and the templates once composes on every keystroke without the book.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import string
from dataclasses import dataclass
from typing import Any

from crm.domain.changes import Topic
from crm.domain.clock import Clock, SystemClock
from crm.domain.festivals import NAMES, ZH_NAMES, Festival
from crm.domain.names import split_surname
from crm.services.greeting_texts import (
    LANGS,
    TONES,
    TOUCH,
    TOUCH_AFTER,
    TOUCH_AFTER_THING,
    TOUCH_THING,
    ZH_PLACEHOLDERS,
    business_template,
    default_template,
)
from crm.services.reminders.engine import State
from crm.services.reminders.occurrence import Occurrence
from crm.services.reminders.state import GREETED, record_greeted, set_state
from crm.store.book import Book, sql_datetime
from crm.store.queries import greetings as q
from crm.store.queries import reminders as reminder_q
from crm.store.queries.settings import read_json, write_json

TEMPLATES_KEY = "greetings.templates"
PLACEHOLDERS = ("address", "name", "occasion", "touch")
#: {occasion: {lang: {tone: text}}}: the officer's own texts, where they differ from ours.
Templates = dict[str, dict[str, dict[str, str]]]

_OCCASION_NAMES = {
    "zh": {"birthday": "生日", **{f.value: ZH_NAMES[f] for f in Festival}},
    "en": {"birthday": "your birthday", **{f.value: NAMES[f].text for f in Festival}},
}
#: The day after a dated life note (the reminder's key starts so): the greeting asks how it went.
AFTER = "life_note_after"
#: Words that make a short note say something happened or will (女儿高考 names a thing; 搬家了,
#: 要开分店 say something): such a note is a clause, anything else short is a thing.
_CLAUSE_MARKS = re.compile(r"[了过要在会想将把被给让说去来的得着，,。！？、]")


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
            surname, given = split_surname(n)  # 端木蓉 → 端木, from the pinyin code's table
            if surname and given and 2 <= len(n) <= 4:
                return surname + ("先生" if self.gender == "male" else "女士")
        return self.name


def occasion_name(occasion: str, lang: str) -> str:
    return _OCCASION_NAMES[lang].get(occasion, "")


def is_thing(note: str) -> bool:
    """Whether a note only names something (婚礼, 新店开业) rather than saying something."""
    return len(note) <= 4 and not _CLAUSE_MARKS.search(note)


def touch_sentence(note: str | None, lang: str, after: bool = False) -> str:
    """One sentence around a life note; ``after``: the day after its date, asking how it went."""
    if not note:
        return ""
    core = note.strip().rstrip("。.!！?？;；，,")
    if not core:
        return ""
    if lang == "en":
        core = core[0].lower() + core[1:] if not core[:2].isupper() else core
    thing = lang == "zh" and is_thing(core)
    if after:
        return (TOUCH_AFTER_THING if thing else TOUCH_AFTER)[lang].format(note=core)
    return (TOUCH_THING if thing else TOUCH)[lang].format(note=core)


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
    """The greeting for ``who``. ``occasion`` "life_note_after" (:data:`AFTER`, the day after
    a note's date) asks how it went; a company gets our business text where the template is
    ours."""
    if who.kind == "company":
        template = business_template(template, template_key(occasion), lang)
    values = {
        "address": who.address(lang),
        "name": who.name,
        "occasion": occasion_name(occasion, lang),
        "touch": touch_sentence(note, lang, after=occasion.startswith(AFTER)),
    }
    values.update({ZH_PLACEHOLDERS[k]: v for k, v in list(values.items())})
    return fill(template, values)


# -- templates -------------------------------------------------------------------------------


def template_key(occasion: str) -> str:
    """Life notes asked about the day after share the life-note templates."""
    return "life_note" if occasion.startswith("life_note") else occasion


def clean_overrides(data: Any) -> Templates:
    """The stored overrides, keeping only known languages and tones with some text."""
    if not isinstance(data, dict):
        return {}
    out: Templates = {}
    for occ, langs in data.items():
        if not isinstance(langs, dict):
            continue
        for lang, tones in langs.items():
            if lang in LANGS and isinstance(tones, dict):
                for tone, text in tones.items():
                    if tone in TONES and isinstance(text, str) and text.strip():
                        out.setdefault(occ, {}).setdefault(lang, {})[tone] = text
    return out


def pick_template(overrides: Templates, occasion: str, lang: str, tone: str) -> str:
    """The officer's text for the occasion, language and tone, else ours."""
    key = template_key(occasion)
    custom = overrides.get(key, {}).get(lang, {}).get(tone)
    return custom or default_template(key, lang, tone)


def _differing(overrides: Templates) -> Templates:
    """Texts equal to the default (or blank) are not stored: ours may improve later."""
    clean: Templates = {}
    for occ, langs in overrides.items():
        for lang, tones in langs.items():
            for tone, text in tones.items():
                if text.strip() and text.strip() != default_template(occ, lang, tone):
                    clean.setdefault(occ, {}).setdefault(lang, {})[tone] = text.strip()
    return clean


# -- whom to greet ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    client_id: int
    name: str
    last_contact_at: str | None


def set_optout(conn: sqlite3.Connection, client_id: int, opted_out: bool, now: dt.datetime) -> None:
    """The one write of a festival opt-out, inside a caller's transaction (the service, the
    demo)."""
    if opted_out:
        q.opt_out(conn, client_id, sql_datetime(now))
    else:
        q.opt_in(conn, client_id)


def _log_interaction(conn: sqlite3.Connection, client_id: int, text: str, now: dt.datetime) -> None:
    """Log the greeting as a WeChat contact through the contact log's one insert, which keeps
    the client's last contact and search document too."""
    from crm.domain.relationship_enums import Channel
    from crm.services.interactions import InteractionDraft, insert_interaction

    insert_interaction(conn, client_id, InteractionDraft(Channel.WECHAT, text), now)


class GreetingService:
    """Greetings for the composer, the settings tab, the client pane and the CLI."""

    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    # -- reading ---------------------------------------------------------------------------

    def recipient(self, client_id: int, prefer_note: int | None = None) -> Recipient:
        """What a greeting needs to know about the client; ``prefer_note`` (the note a
        reminder is about) is offered first as the personal touch. LookupError if none."""
        conn = self.book.reader()
        row = q.recipient(conn, client_id)
        if row is None:
            raise LookupError(f"no client {client_id}")
        notes = q.recipient_notes(conn, client_id, prefer_note)
        return Recipient(
            client_id, row[0], row[1], row[2], row[3], tuple(NoteChoice(i, t) for i, t in notes)
        )

    def overrides(self) -> Templates:
        """The officer's edited templates (only those that differ from ours)."""
        return clean_overrides(read_json(self.book.reader(), TEMPLATES_KEY))

    def template(self, occasion: str, lang: str, tone: str) -> str:
        return pick_template(self.overrides(), occasion, lang, tone)

    def festival_optout(self, client_id: int) -> bool:
        """Whether the client asked for no festival greetings."""
        return q.is_opted_out(self.book.reader(), client_id)

    def candidates(self, text: str = "", limit: int = 200) -> list[Candidate]:
        """Clients to greet for a festival: active, not opted out, most recently in touch
        first; ``text`` narrows by the search text."""
        like = f"%{text.strip().lower()}%"
        return [Candidate(*r) for r in q.festival_candidates(self.book.reader(), like, limit)]

    def greeted(self, key: str) -> set[int]:
        """Clients a greeting for the occurrence ``key`` was sent to."""
        return reminder_q.clients_with_action(self.book.reader(), key, GREETED)

    # -- writing ---------------------------------------------------------------------------

    def save_templates(self, overrides: Templates) -> None:
        """Store the officer's templates; texts equal to the default are not stored."""
        clean = _differing(overrides)
        with self.book.write() as conn:
            write_json(conn, TEMPLATES_KEY, clean)
        self.book.changes.publish(Topic.GREETING_TEMPLATES)

    def record_sent(self, occ: Occurrence, client_id: int, text: str) -> None:
        """The officer sent ``text`` to ``client_id`` for ``occ``: log the contact, note whom
        it went to, and close the reminder when it is about this one client (a festival stays
        open until the officer is done greeting everyone)."""
        now = self.clock.now()
        with self.book.write() as conn:
            _log_interaction(conn, client_id, text, now)
            record_greeted(conn, occ, client_id, now, text)
            if occ.client_id is not None:
                set_state(conn, occ, State.DONE, now, note="greeting sent")
        self.book.changes.publish({Topic.INTERACTION, Topic.CLIENT, Topic.REMINDER}, [client_id])

    def set_festival_optout(self, client_id: int, opted_out: bool) -> None:
        with self.book.write() as conn:
            set_optout(conn, client_id, opted_out, self.clock.now())
        self.book.changes.publish(Topic.CLIENT, [client_id])
