"""Regression (issue 9): a referred client made a borrower by an import's update owes the
referrer a thank-you, exactly as when ``crm edit --status borrower`` makes them one.

The import's update path used to write the client row itself and skipped that side effect.
Real book files, real xlsx/csv files, imported through the CLI and through the service.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm.cli import main
from crm.domain.clock import FixedClock
from crm.domain.enums import ClientKind
from crm.services.clients import ClientService
from crm.services.transfer.fields import suggest_mapping
from crm.services.transfer.import_ import build_preview, commit
from crm.services.transfer.reader import read_table
from crm.store.book import Book
from tests.conftest import NOW
from tests.helpers import draft

REFERRED_PHONE = "13912345678"


def _en(_c: str, t: str) -> str:
    return t


def _cli(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--data-dir", str(data), "--lang", "en", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def _referred_pair(data: Path) -> tuple[int, int]:
    """A referral partner and the prospect they brought, in the book under ``data``."""
    from crm import config

    book = Book.open(config.book_path(data))
    try:
        clients = ClientService(book, FixedClock(NOW))
        chen = clients.add(draft("陈建国", form_of_address="陈会长", kind=ClientKind.PARTNER))
        wang = clients.add(draft("王芳", phones=[REFERRED_PHONE], referred_by_id=chen))
    finally:
        book.close()
    return chen, wang


def _sheet(folder: Path, kind: str) -> Path:
    """The referred client's row as a bank export would have it: now a borrower (在贷)."""
    rows = [["姓名", "手机号码", "客户状态"], ["王芳", REFERRED_PHONE, "在贷"]]
    if kind == "csv":
        path = folder / "update.csv"
        path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
        return path
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    path = folder / "update.xlsx"
    wb.save(path)
    return path


def _thanks(data: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    out = json.loads(_cli(data, capsys, "referrals", "--thanks", "--json"))
    assert isinstance(out, list)
    return out


def test_edit_to_borrower_owes_thanks(tmp_path: Path, capsys) -> None:
    data = tmp_path / "book"
    chen, wang = _referred_pair(data)
    _cli(data, capsys, "edit", str(wang), "--status", "borrower")
    due = _thanks(data, capsys)
    assert [(d["referrer"]["id"], d["client"]["id"]) for d in due] == [(chen, wang)]  # type: ignore[index]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_import_update_to_borrower_owes_thanks_cli(tmp_path: Path, capsys, kind: str) -> None:
    data = tmp_path / "book"
    chen, wang = _referred_pair(data)
    sheet = _sheet(tmp_path, kind)
    out = _cli(data, capsys, "import", str(sheet), "--on-duplicate", "update", "--json")
    assert json.loads(out)["updated"] == 1
    due = _thanks(data, capsys)
    assert [(d["referrer"]["id"], d["client"]["id"]) for d in due] == [(chen, wang)]  # type: ignore[index]
    # Importing the same file again changes no status: no second thank-you.
    _cli(data, capsys, "import", str(sheet), "--on-duplicate", "update")
    assert len(_thanks(data, capsys)) == 1


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_import_update_to_borrower_owes_thanks_service(
    tmp_path: Path, book: Book, clients: ClientService, clock: FixedClock, kind: str
) -> None:
    chen = clients.add(draft("陈建国", form_of_address="陈会长", kind=ClientKind.PARTNER))
    wang = clients.add(draft("王芳", phones=[REFERRED_PHONE], referred_by_id=chen))
    table = read_table(_sheet(tmp_path, kind))
    preview = build_preview(book, table, suggest_mapping(table.headers, _en), clock.today(), _en)
    summary = commit(book, preview, clock, on_duplicate="update")
    assert summary.updated == 1
    rows = (
        book.reader()
        .execute("SELECT referrer_id, referred_id, became_borrower_on FROM referral_thanks")
        .fetchall()
    )
    assert rows == [(chen, wang, clock.today().isoformat())]
    assert clients.get(wang).draft.referred_by_id == chen  # the link survives the update
