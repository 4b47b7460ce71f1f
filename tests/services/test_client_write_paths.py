"""Every way a client is written has every side effect of saving one.

Paths: the service (what the dialog calls), ``crm add``/``crm edit``, the import (service and
CLI), the bulk form itself, the demo. Side effects: the derived search columns, phones and
tags replaced, the thank-you owed when a referred client becomes a borrower, a referrer
circle refused. (The dialog and undo: tests/ui/test_client_write_paths_ui.py.)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from crm.cli import main
from crm.domain.changes import Change, Initiator, Topic
from crm.domain.clock import FixedClock
from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.errors import ValidationErrors
from crm.services.client_query import ClientFilter, ClientQuery
from crm.services.clients import ClientNotFound, ClientService, SaveCancelled, column_values
from crm.services.transfer.fields import suggest_mapping
from crm.services.transfer.import_ import build_preview, commit
from crm.services.transfer.reader import read_table
from crm.store.book import Book
from crm.store.queries.clients import CLIENT_COLUMNS
from tests.helpers import draft

PATHS = ["service", "cli"]


class Writer:
    """Adds and edits a client the way one path does; ``fields`` as a ClientDraft takes them."""

    def __init__(self, path: str, clients: ClientService, data: Path, capsys) -> None:
        self.path, self.clients, self.data, self.capsys = path, clients, data, capsys

    def add(self, name: str, **fields: object) -> int:
        if self.path == "service":
            return self.clients.add(draft(name, **fields))
        return int(self._cli("add", "--name", name, *_options(fields)))

    def edit(self, client_id: int, **fields: object) -> None:
        if self.path == "service":
            d = self.clients.get(client_id).draft
            for key, value in fields.items():
                setattr(d, key, value)
            self.clients.update(client_id, d)
        else:
            self._cli("edit", str(client_id), *_options(fields))

    def refused(self, client_id: int, **fields: object) -> str:
        """Why the edit was refused (it must be)."""
        if self.path == "service":
            with pytest.raises(ValidationErrors) as caught:
                self.edit(client_id, **fields)
            return "; ".join(e.message.render() for e in caught.value.errors)
        code, _out, err = self._run("edit", str(client_id), *_options(fields))
        assert code == 1
        return err

    def _cli(self, *args: str) -> str:
        code, out, err = self._run(*args)
        assert code == 0, err
        return out

    def _run(self, *args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(self.data), "--lang", "en", *args])
        out, err = self.capsys.readouterr()
        return code, out, err


def _options(fields: dict[str, object]) -> list[str]:
    out: list[str] = []
    for key, value in fields.items():
        if key == "phones":
            for p in value:  # type: ignore[attr-defined]
                out += ["--phone", str(p)]
        elif key == "tags":  # replaces the tags (`--tag` adds one)
            out += ["--set-tags", ",".join(str(t) for t in value)]  # type: ignore[attr-defined]
        elif key == "status":
            out += ["--status", str(value)]
        elif key == "referred_by_id":
            out += ["--referred-by", str(value)]
        elif key == "kind":
            out += ["--kind", str(value)]
        else:
            raise KeyError(key)
    return out


@pytest.fixture(params=PATHS)
def writer(request, clients: ClientService, book_path: Path, capsys) -> Writer:
    return Writer(request.param, clients, book_path.parent, capsys)


def _found(book: Book, text: str) -> list[int]:
    return ClientQuery(book).ids(ClientFilter(text=text))


def _children(book: Book, client_id: int) -> tuple[list[str], list[str]]:
    conn = book.reader()
    phones = [
        r[0]
        for r in conn.execute(
            "SELECT national FROM client_phone WHERE client_id = ? ORDER BY position", (client_id,)
        )
    ]
    tags = [
        r[0]
        for r in conn.execute(
            "SELECT tag FROM client_tag WHERE client_id = ? ORDER BY tag", (client_id,)
        )
    ]
    return phones, tags


def _thanks(book: Book) -> list[tuple[int, int]]:
    return book.reader().execute("SELECT referrer_id, referred_id FROM referral_thanks").fetchall()


def _search_row(book: Book, client_id: int) -> tuple[str, str, str, str]:
    return (
        book.reader()
        .execute(
            "SELECT name_pinyin, name_compact, name_initials, search_text FROM client WHERE id = ?",
            (client_id,),
        )
        .fetchone()
    )


# -- the column list ------------------------------------------------------------------------


def test_column_values_are_columns_of_the_client_table(clients: ClientService) -> None:
    clean = clients.validate(draft("曾国藩", phones=["13812345678"], tags=["VIP"]))
    assert set(column_values(clean)) <= set(CLIENT_COLUMNS)


def test_client_columns_are_the_tables(book: Book) -> None:
    table = [r[1] for r in book.reader().execute("PRAGMA table_info(client)")]
    assert tuple(table) == CLIENT_COLUMNS


# -- one record: the service (the dialog's) and the CLI -------------------------------------


def test_add_writes_search_columns_phones_and_tags(writer: Writer, book: Book) -> None:
    cid = writer.add("曾国藩", phones=["13812345678"], tags=["老客户"])
    assert _found(book, "zgf") == [cid] and _found(book, "zengguofan") == [cid]
    assert _found(book, "5678") == [cid] and _found(book, "老客户") == [cid]
    assert _children(book, cid) == (["13812345678"], ["老客户"])
    clean = writer.clients.validate(draft("曾国藩", phones=["13812345678"], tags=["老客户"]))
    values = column_values(clean)
    assert _search_row(book, cid) == tuple(
        values[k] for k in ("name_pinyin", "name_compact", "name_initials", "search_text")
    )


def test_edit_replaces_phones_tags_and_search_columns(writer: Writer, book: Book) -> None:
    cid = writer.add("曾国藩", phones=["13812345678", "13900001111"], tags=["老客户", "VIP"])
    writer.edit(cid, phones=["13722223333"], tags=["经营贷"])
    assert _children(book, cid) == (["13722223333"], ["经营贷"])
    assert _found(book, "3333") == [cid]
    assert _found(book, "5678") == [] and _found(book, "1111") == []
    assert _found(book, "老客户") == [] and _found(book, "经营贷") == [cid]


def test_becoming_a_borrower_owes_the_referrer_thanks(writer: Writer, book: Book) -> None:
    chen = writer.add("陈建国", kind=ClientKind.PARTNER)
    wang = writer.add("王芳", referred_by_id=chen)
    li = writer.add("李娜", referred_by_id=chen, status=ClientStatus.BORROWER)  # at once
    assert _thanks(book) == [(chen, li)]
    writer.edit(wang, status=ClientStatus.APPLYING)
    assert _thanks(book) == [(chen, li)]
    writer.edit(wang, status=ClientStatus.BORROWER)
    assert _thanks(book) == [(chen, li), (chen, wang)]
    writer.edit(wang, tags=["x"])  # still a borrower: owed once
    assert len(_thanks(book)) == 2


def test_a_referrer_circle_is_refused(writer: Writer, book: Book) -> None:
    chen = writer.add("陈建国")
    li = writer.add("李明", referred_by_id=chen)
    wang = writer.add("王芳", referred_by_id=li)
    assert "王芳 cannot have referred 陈建国" in writer.refused(chen, referred_by_id=wang)
    assert "referred by themselves" in writer.refused(chen, referred_by_id=chen)
    assert book.reader().execute(
        "SELECT referred_by_id FROM client WHERE id = ?", (chen,)
    ).fetchone() == (None,)


# -- the bulk form ----------------------------------------------------------------------------


def test_save_many_is_one_transaction_one_change_same_side_effects(
    book: Book, clients: ClientService
) -> None:
    chen = clients.add(draft("陈建国", kind=ClientKind.PARTNER))
    wang = clients.add(draft("王芳", phones=["13912345678"], referred_by_id=chen))
    seen: list[Change] = []
    book.changes.subscribe(seen.append)
    borrower = draft(
        "王芳", phones=["13600000000"], status=ClientStatus.BORROWER, referred_by_id=chen
    )
    adds = [clients.validate(draft(f"客户{i}", phones=[f"1380000{i:04d}"])) for i in range(5)]
    new = clients.save_many(adds, [(wang, clients.validate(borrower))], initiator=Initiator.IMPORT)
    assert len(new) == 5 and _found(book, "客户3") == [new[3]]
    assert _children(book, wang) == (["13600000000"], [])
    assert _thanks(book) == [(chen, wang)]
    assert len(seen) == 1
    change = seen[0]
    assert change.topics == {Topic.CLIENT, Topic.REFERRAL_THANKS}
    assert change.initiator is Initiator.IMPORT
    assert change.client_ids == {*new, wang, chen}


def test_save_many_refuses_a_circle_closed_within_the_batch(
    book: Book, clients: ClientService
) -> None:
    a = clients.add(draft("甲"))
    b = clients.add(draft("乙"))
    a_by_b = clients.validate(draft("甲", referred_by_id=b))
    b_by_a = clients.validate(draft("乙", referred_by_id=a))
    with pytest.raises(ValidationErrors):
        clients.save_many([], [(a, a_by_b), (b, b_by_a)], initiator=Initiator.USER)
    assert book.reader().execute(
        "SELECT count(*) FROM client WHERE referred_by_id IS NOT NULL"
    ).fetchone() == (0,)


def test_save_many_rolls_back_when_cancelled_or_an_id_is_gone(
    book: Book, clients: ClientService
) -> None:
    adds = [clients.validate(draft(f"客户{i}")) for i in range(4500)]
    reports: list[tuple[int, int]] = []
    with pytest.raises(SaveCancelled):
        clients.save_many(
            adds,
            [],
            initiator=Initiator.IMPORT,
            progress=lambda done, total: reports.append((done, total)),
            cancelled=lambda: bool(reports),
        )
    assert reports == [(2000, 4500)]
    assert book.reader().execute("SELECT count(*) FROM client").fetchone() == (0,)
    with pytest.raises(ClientNotFound):
        clients.save_many(adds[:1], [(999, adds[1])], initiator=Initiator.USER)
    assert book.reader().execute("SELECT count(*) FROM client").fetchone() == (0,)


# -- the import -------------------------------------------------------------------------------


def _en(_c: str, t: str) -> str:
    return t


def _csv(folder: Path, *rows: str) -> Path:
    path = folder / "in.csv"
    path.write_text("姓名,手机号码,标签,客户状态\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


ImportFn = Callable[[Path], None]


@pytest.fixture(params=["service", "cli"])
def import_update(request, book: Book, clock: FixedClock, book_path: Path, capsys) -> ImportFn:
    def service(path: Path) -> None:
        table = read_table(path)
        mapping = suggest_mapping(table.headers, _en)
        preview = build_preview(book, table, mapping, clock.today(), _en)
        commit(book, preview, clock, on_duplicate="update")

    def cli(path: Path) -> None:
        args = [
            "--data-dir",
            str(book_path.parent),
            "import",
            str(path),
            "--on-duplicate",
            "update",
        ]
        assert main(args) == 0
        capsys.readouterr()

    return service if request.param == "service" else cli


def test_import_adds_with_search_columns_phones_and_tags(
    import_update: ImportFn, book: Book, tmp_path: Path
) -> None:
    import_update(_csv(tmp_path, "曾国藩,13812345678,老客户、VIP,潜在客户"))
    (cid,) = _found(book, "zgf")
    assert _found(book, "5678") == [cid] and _found(book, "vip") == [cid]
    assert _children(book, cid) == (["13812345678"], ["VIP", "老客户"])


def test_import_update_rewrites_phones_tags_search_and_owes_thanks(
    import_update: ImportFn, book: Book, clients: ClientService, tmp_path: Path
) -> None:
    chen = clients.add(draft("陈建国", kind=ClientKind.PARTNER))
    wang = clients.add(draft("王芳", phones=["13912345678"], tags=["老客户"], referred_by_id=chen))
    # The same phone: an update. Phones and tags are added to the client's; status replaced.
    import_update(_csv(tmp_path, '王芳,"13912345678, 13722223333",经营贷,在贷'))
    assert _children(book, wang) == (["13912345678", "13722223333"], ["经营贷", "老客户"])
    assert _found(book, "3333") == [wang] and _found(book, "经营贷") == [wang]
    assert clients.get(wang).draft.status is ClientStatus.BORROWER
    assert _thanks(book) == [(chen, wang)]


# -- the demo ---------------------------------------------------------------------------------


def test_demo_clients_have_search_columns_phones_and_tags(book: Book, clock: FixedClock) -> None:
    from crm.services.facade import Services

    seen: list[Change] = []
    book.changes.subscribe(seen.append)
    ids = Services(book, clock).demo.fill(300, seed=2)
    assert len(ids) == 300 and len(seen) == 1 and seen[0].initiator is Initiator.DEMO
    conn = book.reader()
    assert conn.execute("SELECT count(*) FROM client WHERE search_text = ''").fetchone() == (0,)
    without_phone = conn.execute(
        "SELECT count(*) FROM client c WHERE NOT EXISTS "
        "(SELECT 1 FROM client_phone p WHERE p.client_id = c.id)"
    ).fetchone()
    assert without_phone == (0,)
    some = ClientService(book, clock).get(ids[10])
    clean = ClientService(book, clock).validate(some.draft)
    assert _search_row(book, ids[10]) == tuple(
        column_values(clean)[k]
        for k in ("name_pinyin", "name_compact", "name_initials", "search_text")
    )
    assert ids[10] in _found(book, some.draft.phones[0][-4:])
    # Created over the last years, not all at once (the demo's own creation times).
    assert conn.execute("SELECT count(DISTINCT created_at) FROM client").fetchone()[0] > 250


def test_cli_demo_fills_through_services(tmp_path: Path, capsys) -> None:
    assert main(["--data-dir", str(tmp_path), "demo", "--clients", "50", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 50
