"""THE client write is the only writer of client records (issue 9, rule 3).

Every statement that writes the ``client``, ``client_phone`` or ``client_tag`` table lives in a
function of ``crm/store/queries/clients.py``, behind ``crm.services.clients.write_clients``
(and ``set_statuses``), ``ClientService.archive/restore`` and the trash's purge. The named
exceptions below write one or two columns that are not the officer's record of the client;
each may set only the columns named for it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from crm.domain.client_form import clean_client
from crm.services.clients import column_values, read_details
from crm.services.demo import fill_demo
from crm.store.book import Book
from crm.store.queries.relationship import SOFT_DELETED
from tests.conftest import NOW

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "crm" / "store" / "queries"
#: Below these the SQL is the schema's own (table classes, triggers, migrations), not a writer.
SCHEMA = (ROOT / "crm" / "domain", ROOT / "crm" / "store" / "migrations")

CLIENT_TABLES = ("client", "client_phone", "client_tag")
_WRITE = (
    r"\b(?:INSERT(?:\s+OR\s+[A-Z]+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+[A-Z]+)?"
    r"|DELETE\s+FROM)\s+"
)
WRITES_CLIENT = re.compile(_WRITE + r"(client|client_phone|client_tag)\b")
#: A write whose table is put in at run time (``UPDATE {table} ...``).
WRITES_SOME_TABLE = re.compile(_WRITE + r"\{")

#: (module, function) -> the client columns it may set, and why it is not the client write.
EXCEPTIONS: dict[tuple[str, str], frozenset[str]] = {
    # The demo's referrer links, in bulk: through the client write every referred borrower
    # would owe a thank-you and every demo client would be written twice (demo_referrals).
    ("referrals.py", "link_referrers"): frozenset({"referred_by_id", "source"}),
    # Last contact is kept by the interaction side effects (crm/services/memory_base.py).
    ("relationship.py", "set_last_contacts"): frozenset({"last_contact_at"}),
}
#: Functions writing a table named at run time, and the tables they may be given.
DYNAMIC = {("relationship.py", "set_deleted"): SOFT_DELETED}


def _sql_texts(tree: ast.Module) -> Iterator[tuple[str, int, str]]:
    """(enclosing top-level name, line, text) of every string in a module but docstrings;
    an f-string reads as one text with ``{}`` where values go in."""
    for top in tree.body:
        name = getattr(top, "name", None)
        if name is None and isinstance(top, (ast.Assign, ast.AnnAssign)):
            target = top.targets[0] if isinstance(top, ast.Assign) else top.target
            name = getattr(target, "id", "<module>")
        docstring = None
        body = getattr(top, "body", None)
        if isinstance(top, (ast.FunctionDef, ast.ClassDef)) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstring = id(first.value)
        in_fstrings = set()
        for node in ast.walk(top):
            if isinstance(node, ast.JoinedStr):
                parts = []
                for value in node.values:
                    in_fstrings.add(id(value))
                    parts.append(value.value if isinstance(value, ast.Constant) else "{}")
                yield name or "<module>", node.lineno, "".join(str(p) for p in parts)
        for node in ast.walk(top):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in in_fstrings
                and id(node) != docstring
            ):
                yield name or "<module>", node.lineno, node.value


def _client_writes(folder: Path) -> Iterator[tuple[Path, str, int, str]]:
    for path in sorted(folder.rglob("*.py")):
        if any(path.is_relative_to(s) for s in SCHEMA):
            continue
        for name, line, text in _sql_texts(ast.parse(path.read_text(encoding="utf-8"))):
            if WRITES_CLIENT.search(text) or WRITES_SOME_TABLE.search(text):
                yield path, name, line, " ".join(text.split())


def _set_columns(sql: str) -> set[str]:
    found = re.search(r"\bSET\s+(.*?)(?:\bWHERE\b|$)", sql)
    return set(re.findall(r"(\w+)\s*=", found.group(1))) if found else set()


def test_only_the_client_write_writes_client_tables() -> None:
    bad = []
    seen = set()
    for path, name, line, sql in _client_writes(ROOT / "crm"):
        key = (path.name, name)
        where = f"{path.relative_to(ROOT)}:{line} {name}"
        if path == QUERIES / "clients.py":
            continue
        if key in DYNAMIC and not WRITES_CLIENT.search(sql):
            seen.add(key)
            continue
        if key in EXCEPTIONS and path.parent == QUERIES:
            seen.add(key)
            extra = _set_columns(sql) - EXCEPTIONS[key]
            if extra or not sql.startswith("UPDATE client SET"):
                bad.append(f"{where} sets more than {sorted(EXCEPTIONS[key])}: {sql[:80]}")
            continue
        bad.append(f"{where}: {sql[:80]}")
    assert not bad, (
        "client/client_phone/client_tag written outside crm/store/queries/clients.py; route it "
        "through crm.services.clients.write_clients/set_statuses:\n  " + "\n  ".join(bad)
    )
    # A stale exception is a hole: drop it from the list when its writer goes.
    assert seen == set(EXCEPTIONS) | set(DYNAMIC)


def test_tables_named_at_run_time_are_never_client_tables() -> None:
    for tables in DYNAMIC.values():
        assert not set(tables) & set(CLIENT_TABLES)


def test_the_scan_finds_what_it_looks_for() -> None:
    """The patterns catch each form the store writes in (so an empty report means something)."""
    tree = ast.parse((QUERIES / "clients.py").read_text(encoding="utf-8"))
    writers = {name for name, _l, text in _sql_texts(tree) if WRITES_CLIENT.search(text)}
    assert {
        "_insert_sql",
        "_update_sql",
        "delete_children",
        "insert_phones",
        "insert_tags",
        "set_archived_at",
        "delete_clients",
    } <= writers
    assert not WRITES_CLIENT.search("DELETE FROM client_memory_fts WHERE rowid = ?")
    assert not WRITES_CLIENT.search("to update client records")  # prose, not SQL


def test_demo_clients_are_what_the_client_write_makes(book: Book, clock) -> None:
    """Every demo client, partners and edited birthdays and statuses included, stores what
    the client write derives from its record: phones and tags in their tables, the search
    text from the phones it has."""
    fill_demo(book, 400, seed=4, clock=clock)
    conn = book.reader()
    ids = [r[0] for r in conn.execute("SELECT id FROM client ORDER BY id")]
    stored = {
        r[0]: r[1:]
        for r in conn.execute("SELECT id, name_pinyin, name_compact, search_text FROM client")
    }
    details = read_details(conn, ids)
    partners = 0
    for cid, detail in details.items():
        clean = clean_client(detail.draft, NOW.date())  # every demo record is valid as stored
        derived = column_values(clean)
        pinyin, compact, text = stored[cid]
        assert (pinyin, compact) == (derived["name_pinyin"], derived["name_compact"])
        # Tags come back sorted, so the search text's lines may stand in another order.
        assert sorted(text.split("\n")) == sorted(str(derived["search_text"]).split("\n"))
        partners += clean.kind.value == "partner"
    assert partners >= 3


def test_demo_edits_keep_the_demo_shape(book: Book, clock) -> None:
    """The demo's client edits, now through the client write, still give what the features
    show: forms of address (none for companies), birthdays in view today and tomorrow,
    partners with one phone and the partner tag, thank-yous dated when the status changed."""
    import datetime as dt

    from crm.services.demo_referrals import PARTNER_TAG

    fill_demo(book, 400, seed=4, clock=clock)
    conn = book.reader()
    addressed = conn.execute(
        "SELECT kind, count(*) FROM client WHERE form_of_address IS NOT NULL GROUP BY kind"
    ).fetchall()
    kinds = dict(addressed)
    assert "company" not in kinds and kinds.get("person", 0) > 100
    assert conn.execute(
        "SELECT count(*) FROM client WHERE form_of_address LIKE '%总' OR form_of_address LIKE '%姐'"
    ).fetchone()[0]
    today, tomorrow = NOW.date(), NOW.date() + dt.timedelta(days=1)
    solar = {
        (m, d)
        for m, d in conn.execute(
            "SELECT birth_month, birth_day FROM client WHERE birthday_calendar = 'solar'"
        )
    }
    assert {(today.month, today.day), (tomorrow.month, tomorrow.day)} <= solar
    partners = conn.execute(
        "SELECT c.id, (SELECT count(*) FROM client_phone p WHERE p.client_id = c.id), "
        "(SELECT group_concat(tag) FROM client_tag t WHERE t.client_id = c.id) "
        "FROM client c WHERE c.kind = 'partner'"
    ).fetchall()
    assert partners and all(n == 1 and tags == PARTNER_TAG for _id, n, tags in partners)
    owed = conn.execute(
        "SELECT t.became_borrower_on, c.updated_at, c.status FROM referral_thanks t "
        "JOIN client c ON c.id = t.referred_id"
    ).fetchall()
    assert len(owed) == 6
    assert all(day == updated[:10] and status == "borrower" for day, updated, status in owed)
