"""The schema declared once: the SQLModel classes in crm/domain against a book the migrations built.

After writing a migration, run this file: any difference between the classes and the migrated
book fails with the difference printed. Alembic's ``compare_metadata`` compares tables, columns,
types, nullability, server defaults, foreign keys (with ON DELETE) and plain indexes; what it
cannot see on SQLite is checked here directly against ``sqlite_master``: partial and expression
indexes (as whole CREATE INDEX statements), primary keys, and the SQL SQLAlchemy cannot declare
(the FTS5 table and the triggers, ``crm.domain.tables.SQL_ONLY``).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from pprint import pformat
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from crm.domain.tables import SQL_ONLY, TABLE_CLASSES, metadata
from crm.store import migrate
from crm.store.book import Book

ROOT = Path(__file__).resolve().parents[2]

# SQLAlchemy cannot reflect an expression index on SQLite, and Alembic then skips the declared
# one; both say so in a warning. The CREATE INDEX comparison below covers those two indexes.
_EXPRESSION_INDEX_WARNINGS = (
    r"Skipped unsupported reflection of expression-based index",
    r"autogenerate skipping metadata-specified expression-based index",
)


@pytest.fixture
def conn(book: Book) -> Iterator[sa.Connection]:
    """A connection to a fresh book, migrated to head by Book.open."""
    engine = sa.create_engine(f"sqlite:///{book.path}")
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def alembic_diff(conn: sa.Connection, md: sa.MetaData) -> list[Any]:
    """Alembic's autogenerate comparison, with the options the migrations' env uses."""
    context = MigrationContext.configure(conn, opts=migrate.COMPARE_OPTIONS)
    with warnings.catch_warnings():
        for message in _EXPRESSION_INDEX_WARNINGS:
            warnings.filterwarnings("ignore", message=message)
        return list(compare_metadata(context, md))


def _normal(sql: str | None) -> str:
    """SQL with layout and identifier quoting taken out, so equal statements compare equal."""
    text = re.sub(r"\s+", " ", (sql or "").replace('"', "")).strip()
    return re.sub(r" ?([(),]) ?", r"\1", text)


def _book_sql(conn: sa.Connection, type_: str) -> dict[str, str]:
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL", (type_,)
    )
    return {name: sql for name, sql in rows}


def index_differences(conn: sa.Connection, md: sa.MetaData) -> list[str]:
    """Every named index, compared as its whole CREATE INDEX statement: columns and their order,
    expressions, uniqueness and the WHERE of a partial index (which Alembic does not compare)."""
    declared = {
        str(index.name): str(CreateIndex(index).compile(dialect=sqlite.dialect()))
        for table in md.tables.values()
        for index in table.indexes
    }
    book = _book_sql(conn, "index")  # SQLite's own autoindexes have no SQL
    problems = [f"index {name} is not declared" for name in sorted(book.keys() - declared)]
    problems += [f"index {name} is not in the book" for name in sorted(declared.keys() - book)]
    for name in sorted(declared.keys() & book.keys()):
        if _normal(declared[name]) != _normal(book[name]):
            problems.append(f"index {name}: declared {declared[name]!r}, book has {book[name]!r}")
    return problems


def primary_key_differences(conn: sa.Connection, md: sa.MetaData) -> list[str]:
    """Alembic does not compare primary keys; a wrong one changes what a row is."""
    inspector = sa.inspect(conn)
    problems = []
    for name, table in sorted(md.tables.items()):
        if not inspector.has_table(name):
            continue  # reported by Alembic as a table to add
        declared = [c.name for c in table.primary_key.columns]
        book = inspector.get_pk_constraint(name)["constrained_columns"]
        if declared != book:
            problems.append(f"primary key of {name}: declared {declared}, book has {book}")
    return problems


def sql_only_differences(conn: sa.Connection, sql_only: Mapping[str, str]) -> list[str]:
    """The FTS5 table and the triggers, as SQL, against the book's."""
    book = _book_sql(conn, "trigger")
    book.update(
        (name, sql)
        for name, sql in _book_sql(conn, "table").items()
        if sql.upper().startswith("CREATE VIRTUAL TABLE")
    )
    problems = [f"{name} is not declared in SQL_ONLY" for name in sorted(book.keys() - sql_only)]
    for name, sql in sorted(sql_only.items()):
        if name not in book:
            problems.append(f"{name} is not in the book")
        elif _normal(sql) != _normal(book[name]):
            problems.append(f"{name}: declared {sql!r}, book has {book[name]!r}")
    return problems


def differences(
    conn: sa.Connection, md: sa.MetaData, sql_only: Mapping[str, str] = SQL_ONLY
) -> list[Any]:
    return [
        *alembic_diff(conn, md),
        *index_differences(conn, md),
        *primary_key_differences(conn, md),
        *sql_only_differences(conn, sql_only),
    ]


def test_table_classes_match_the_migrated_book(conn: sa.Connection) -> None:
    found = differences(conn, metadata())
    assert not found, "The table classes and the migrations differ:\n" + pformat(found)


def test_every_table_has_a_class(conn: sa.Connection) -> None:
    tables = set(sa.inspect(conn).get_table_names())
    undeclared = {t for t in tables if migrate.UNDECLARED_TABLES.match(t)}
    # Only Alembic's version table and the FTS5 table with its shadow tables are left out.
    assert undeclared == {
        "alembic_version",
        "client_memory_fts",
        *(f"client_memory_fts_{s}" for s in ("config", "content", "data", "docsize", "idx")),
    }
    assert set(TABLE_CLASSES) == tables - undeclared
    assert set(TABLE_CLASSES) == set(metadata().tables)


def _copy() -> sa.MetaData:
    md = sa.MetaData()
    for table in metadata().sorted_tables:
        table.to_metadata(md)
    return md


def _index(md: sa.MetaData, table: str, name: str) -> sa.Index:
    return next(i for i in md.tables[table].indexes if i.name == name)


def _extra_column(md: sa.MetaData) -> None:
    md.tables["client"].append_column(sa.Column("nickname", sa.String))


def _other_type(md: sa.MetaData) -> None:
    md.tables["client"].c.birth_year.type = sa.String()


def _not_null(md: sa.MetaData) -> None:
    md.tables["client"].c.wechat.nullable = False


def _other_default(md: sa.MetaData) -> None:
    md.tables["client"].c.kind.server_default = sa.DefaultClause(sa.text("'company'"))


def _no_default(md: sa.MetaData) -> None:
    md.tables["life_note"].c.ask_next_time.server_default = None


def _other_ondelete(md: sa.MetaData) -> None:
    fk = next(iter(md.tables["client_phone"].c.client_id.foreign_keys))
    assert fk.constraint is not None
    fk.constraint.ondelete = "SET NULL"


def _index_column_dropped(md: sa.MetaData) -> None:
    table = md.tables["client"]
    table.indexes.discard(_index(md, "client", "ix_client_list"))
    sa.Index("ix_client_list", table.c.archived_at, table.c.name_pinyin)


def _other_where(md: sa.MetaData) -> None:
    index = _index(md, "promise", "ix_promise_open_due")
    index.dialect_options["sqlite"]["where"] = sa.text("kept_at IS NULL")


def _other_expression(md: sa.MetaData) -> None:
    table = md.tables["client"]
    table.indexes.discard(_index(md, "client", "ix_client_contact_due"))
    sa.Index(
        "ix_client_contact_due",
        table.c.status,
        sa.text("last_contact_at"),
        sqlite_where=sa.text("archived_at IS NULL AND cadence_days IS NULL"),
    )


def _other_primary_key(md: sa.MetaData) -> None:
    with warnings.catch_warnings():  # "not matching locally specified columns": the point
        warnings.simplefilter("ignore", sa.exc.SAWarning)
        md.tables["book_setting"].append_constraint(sa.PrimaryKeyConstraint("key", "value"))


def _class_missing(md: sa.MetaData) -> None:
    md.remove(md.tables["greeting_optout"])


ALTERATIONS: dict[str, Callable[[sa.MetaData], None]] = {
    "extra column": _extra_column,
    "other type": _other_type,
    "not null": _not_null,
    "other default": _other_default,
    "no default": _no_default,
    "other ondelete": _other_ondelete,
    "index column dropped": _index_column_dropped,
    "partial index, other where": _other_where,
    "expression index, other expression": _other_expression,
    "other primary key": _other_primary_key,
    "class missing": _class_missing,
}


@pytest.mark.parametrize("alteration", ALTERATIONS)
def test_a_difference_is_reported(conn: sa.Connection, alteration: str) -> None:
    """The comparison can fail: each deliberate change to a copy of the metadata shows."""
    md = _copy()
    assert not differences(conn, md)  # the copy itself matches
    ALTERATIONS[alteration](md)
    assert differences(conn, md)


@pytest.mark.parametrize(
    "name", ["client_referrer_deleted", "client_memory_fts", "client_memory_fts_purge"]
)
def test_a_difference_in_raw_sql_is_reported(conn: sa.Connection, name: str) -> None:
    changed = dict(SQL_ONLY)
    changed[name] = changed[name].replace("client", "customer", 1)
    assert sql_only_differences(conn, changed)
    del changed[name]
    assert sql_only_differences(conn, changed)


def test_a_drafted_revision_from_the_classes_is_empty(tmp_path: Path) -> None:
    """The migrations' env autogenerates against the complete metadata: nothing to add."""
    with warnings.catch_warnings():
        for message in _EXPRESSION_INDEX_WARNINGS:
            warnings.filterwarnings("ignore", message=message)
        path = migrate.draft_revision("nothing", tmp_path)
    body = path.read_text()
    assert path.name.startswith(f"{int(migrate.head()) + 1:04d}_")
    upgrade = body.split("def upgrade()", 1)[1]
    assert "op." not in upgrade and "pass" in upgrade, body


def test_migrating_a_book_loads_no_table_class(tmp_path: Path) -> None:
    """Opening a book that is behind runs the migrations without the table classes."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from crm.store.book import Book\n"
        f"Book.open(Path({str(tmp_path / 'prism.db')!r})).close()\n"
        "print(','.join(m for m in ('sqlmodel', 'crm.domain.tables') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == ""
    assert (tmp_path / "prism.db").exists()


# -- column lists of the SQL paths -------------------------------------------------------------


def _query_modules() -> list[Any]:
    import crm.store.queries as queries

    names = [m.name for m in pkgutil.walk_packages(queries.__path__, f"{queries.__name__}.")]
    return [importlib.import_module(name) for name in sorted(names)]


def table_for(constant: str, explicit: Mapping[str, str], tables: set[str]) -> str | None:
    """``LIFE_NOTE_COLUMNS`` -> ``life_note``. A module's ``TABLE = {"CONSTANT": "table"}``
    decides first; otherwise the prefix is a table's name, or starts with one and ``_``
    (``CLIENT_LIST_COLUMNS`` -> ``client``; the longest such name wins)."""
    if constant in explicit:
        return explicit[constant]
    prefix = constant.removesuffix("_COLUMNS").lower()
    if prefix in tables:
        return prefix
    candidates = [t for t in tables if prefix.startswith(f"{t}_")]
    return max(candidates, key=len) if candidates else None


def test_table_for_names() -> None:
    tables = set(TABLE_CLASSES)
    assert table_for("CLIENT_COLUMNS", {}, tables) == "client"
    assert table_for("LIFE_NOTE_COLUMNS", {}, tables) == "life_note"
    assert table_for("CLIENT_PHONE_COLUMNS", {}, tables) == "client_phone"
    assert table_for("CLIENT_LIST_COLUMNS", {}, tables) == "client"
    assert table_for("TODAY_COLUMNS", {}, tables) is None
    assert table_for("TODAY_COLUMNS", {"TODAY_COLUMNS": "promise"}, tables) == "promise"


def test_column_lists_name_real_columns() -> None:
    """Every ``<TABLE>_COLUMNS`` tuple in crm.store.queries lists columns of that table's class."""
    modules = _query_modules()
    assert modules, "crm.store.queries has no modules"
    tables = set(TABLE_CLASSES)
    problems: list[str] = []
    checked = 0
    for module in modules:
        explicit = getattr(module, "TABLE", {})
        if not isinstance(explicit, dict):
            problems.append(f"{module.__name__}.TABLE is not a dict")
            explicit = {}
        for constant, table in explicit.items():
            if table not in tables:
                problems.append(f"{module.__name__}.TABLE maps {constant} to no table: {table}")
        for constant, value in vars(module).items():
            if not (constant.endswith("_COLUMNS") and constant.isupper()):
                continue
            where = f"{module.__name__}.{constant}"
            if not isinstance(value, tuple) or not value:
                problems.append(f"{where} is not a non-empty tuple")
                continue
            table = table_for(constant, explicit, tables)
            if table is None or table not in tables:
                problems.append(f"{where}: no table of that name (map it in the module's TABLE)")
                continue
            columns = set(metadata().tables[table].columns.keys())  # the class's table
            unknown = [c for c in value if c not in columns]
            if unknown:
                problems.append(f"{where}: not columns of {table}: {unknown}")
            checked += 1
    assert not problems, "\n".join(problems)
    assert checked, "crm.store.queries has modules but no <TABLE>_COLUMNS tuple"


def test_query_modules_load_no_table_class() -> None:
    """The SQL paths stay light: sqlmodel and the table modules load only for the ORM."""
    assert _query_modules(), "crm.store.queries has no modules"
    table_modules = sorted({cls.__module__ for cls in TABLE_CLASSES.values()})
    code = (
        "import importlib, pkgutil, sys, crm.store.queries as q\n"
        "for m in pkgutil.walk_packages(q.__path__, q.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        f"heavy = ['sqlmodel', 'sqlalchemy', 'crm.domain.tables', *{table_modules!r}]\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == ""
