"""Every database error reaches the officer as one translated line saying what to do,
classified by SQLite error code or errno, never a traceback (issue 12 item 5)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from crm.domain.changes import Initiator
from crm.store import book as store_book
from crm.store.book import Book
from crm.store.errors import BookUnavailable, sqlite_code
from tests.hardening.faults import crm
from tests.helpers import draft

pytestmark = pytest.mark.skipif(os.name != "posix", reason="subprocesses of `crm`")


def _one_line(stderr: str, *words: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("crm: ")
    assert "Traceback" not in stderr
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture(scope="module")
def damaged_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A book closed cleanly (no -wal), whose client pages were then overwritten: the schema
    reads fine, the data does not."""
    from crm.services.clients import ClientService

    folder = tmp_path_factory.mktemp("damaged")
    path = folder / "prism.db"
    book = Book.open(path)
    service = ClientService(book)
    drafts = [draft(f"客户{i}", phones=[f"138{i:08d}"], notes="备注" * 50) for i in range(3000)]
    service.save_many([service.validate(d) for d in drafts], [], initiator=Initiator.USER)
    book.close()
    pages = path.stat().st_size // 4096
    with path.open("r+b") as fh:
        for page in range(pages // 2, pages):
            fh.seek(page * 4096 + 1000)
            fh.write(b"\x07" * 2000)
    assert not Path(f"{path}-wal").exists()
    return folder


@pytest.mark.parametrize(
    "args",
    [("list",), ("list", "--search", "客户2"), ("show", "2"), ("export", "--out", "OUT")],
    ids=["list", "search", "show", "export"],
)
def test_damage_in_a_book_without_wal_is_one_line(damaged_folder: Path, args: tuple) -> None:
    args = tuple(str(damaged_folder / "out.csv") if a == "OUT" else a for a in args)
    done = crm(damaged_folder, *args)
    if done.returncode == 0:  # the pages this command reads survived
        assert "Traceback" not in done.stderr
        return
    _one_line(done.stderr, "damaged", "restore a backup")


def test_damage_is_reported_by_list(damaged_folder: Path) -> None:
    done = crm(damaged_folder, "list")
    assert done.returncode == 1
    _one_line(done.stderr, "damaged", "restore a backup")


@pytest.mark.parametrize("args", [("list",), ("add", "--name", "张三"), ("check",)])
def test_data_dir_pointing_at_a_file(tmp_path: Path, args: tuple) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    done = crm(a_file, *args)
    assert done.returncode == 1
    if args != ("check",):
        _one_line(done.stderr, "is a file, not a folder")
    assert "Traceback" not in done.stderr
    assert a_file.read_text(encoding="utf-8") == "mine"


def test_creating_a_book_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while the new book is built (a book that may not grow fails as a full
    disk does): one line, and neither a book nor a temporary is left behind."""
    real = store_book.apply_pragmas

    def tiny(conn: sqlite3.Connection) -> None:
        real(conn)
        conn.execute("PRAGMA max_page_count = 8")

    monkeypatch.setattr(store_book, "apply_pragmas", tiny)
    folder = tmp_path / "data"
    with pytest.raises(BookUnavailable) as err:
        Book.open(folder / "prism.db")
    assert sqlite_code(err.value) == sqlite3.SQLITE_FULL
    assert "full" in str(err.value) and "\n" not in str(err.value)
    assert list(folder.iterdir()) == []


def test_a_disk_full_errno_is_a_full_disk(tmp_path: Path) -> None:
    import errno

    from crm.store.errors import environment_error

    err = environment_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    assert isinstance(err, BookUnavailable) and "full" in str(err)
    assert environment_error(ValueError("a bug"), tmp_path) is None
