"""`crm check`, and identifying a book at open, never change a byte of the book, its -wal
or its -shm (issue 12 item 1), and the schema is read from both alembic_version and the
header's user_version (item 8)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm.store import migrate
from crm.store.book import Book
from crm.store.errors import BookTooNew
from tests.hardening.faults import crash_after, crm, hashes, scribble
from tests.helpers import draft

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX processes and modes")


def _book_with_clients(folder: Path, n: int = 200) -> Path:
    from crm.services.clients import ClientService

    path = folder / "prism.db"
    book = Book.open(path)
    try:
        service = ClientService(book)
        for i in range(n):
            service.add(draft(f"客户{i}", phones=[f"138{i:08d}"]))
    finally:
        book.close()
    return path


def test_damaged_book_with_a_crash_left_wal_is_checked_untouched(tmp_path: Path) -> None:
    path = _book_with_clients(tmp_path)
    crash_after(path, "UPDATE client SET notes = 'after the last checkpoint';")
    scribble(path, skip_pages=2)
    before = hashes(path)
    assert before["-wal"] and before["-shm"]

    for _ in range(2):  # the second look finds what the first one did
        checked = crm(tmp_path, "check")
        assert checked.returncode == 1, checked.stderr
        assert "damaged" in checked.stdout
        assert hashes(path) == before
        listed = crm(tmp_path, "list")
        assert listed.returncode == 1
        assert "not closed properly and is damaged" in listed.stderr
        assert "Traceback" not in listed.stderr
        assert hashes(path) == before


def test_another_programs_wal_database_is_identified_untouched(tmp_path: Path) -> None:
    path = tmp_path / "prism.db"
    crash_after(path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('theirs');")
    before = hashes(path)
    listed = crm(tmp_path, "list")
    assert listed.returncode == 1
    assert "another program's database" in listed.stderr
    assert hashes(path) == before
    checked = crm(tmp_path, "check")
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr
    assert hashes(path) == before


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can read (pytest's tmp_path is root's own when run as root)."""
    folder = Path(tempfile.mkdtemp(prefix="prism-ro-"))
    try:
        yield folder
    finally:
        os.chmod(folder, 0o700)
        shutil.rmtree(folder, ignore_errors=True)


def _check_as_nobody(path: Path) -> tuple[bool, list[str], int]:
    """recovery.check_book in a forked child that is not root (root writes read-only files
    anyway; the child needs no exec, which nobody may not do on root's Python)."""
    import json

    from crm.store.recovery import check_book

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            result = check_book(path)
            os.write(write_end, json.dumps([result.ok, result.problems, result.clients]).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    ok, problems, clients = json.loads(data)
    return ok, problems, clients


def test_a_healthy_read_only_book_passes_its_check(shared_folder: Path) -> None:
    path = _book_with_clients(shared_folder, 20)
    os.chmod(path, 0o444)
    os.chmod(shared_folder, 0o555)
    before = hashes(path)
    if os.geteuid() == 0:
        assert _check_as_nobody(path) == (True, [], 20)
    else:
        checked = crm(shared_folder, "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "passed its check (20 clients)" in checked.stdout
    assert hashes(path) == before


def _newer(path: Path, *, revision: str | None, user_version: int | None) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        if revision is not None:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        if user_version is not None:
            conn.execute(f"PRAGMA user_version = {user_version}")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("revision", "user_version"), [("9999", None), (None, 9999)], ids=["alembic", "user_version"]
)
def test_a_newer_rollback_journal_book_is_refused_untouched(
    tmp_path: Path, revision: str | None, user_version: int | None
) -> None:
    path = _book_with_clients(tmp_path, 3)
    _newer(path, revision=revision, user_version=user_version)
    before = hashes(path)
    with open(path, "rb") as fh:
        assert fh.read(20)[18] == 1  # rollback journal, not WAL
    with pytest.raises(BookTooNew) as err:
        Book.open(path)
    assert "9999" in str(err.value)
    listed = crm(tmp_path, "list")
    assert listed.returncode == 1 and "newer version of Prism" in listed.stderr
    checked = crm(tmp_path, "check")
    assert "Traceback" not in checked.stderr
    assert hashes(path) == before  # not switched to WAL, no -wal or -shm made


def test_the_header_is_stamped_with_the_schema_number(book: Book) -> None:
    conn = book.reader()
    assert migrate.user_version(conn) == int(migrate.head())


def test_an_older_unstamped_book_is_stamped_at_open(book_path: Path) -> None:
    Book.open(book_path).close()
    conn = sqlite3.connect(book_path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    Book.open(book_path).close()
    conn = sqlite3.connect(book_path)
    try:
        assert migrate.user_version(conn) == int(migrate.head())
    finally:
        conn.close()


def test_no_room_for_a_copy_still_checks_the_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crm.store import still
    from crm.store.recovery import check_book

    path = _book_with_clients(tmp_path, 5)
    crash_after(path, "UPDATE client SET notes = 'x';")

    def full(*_args: object, **_kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(still.shutil, "copyfile", full)
    result = check_book(path)
    assert (result.ok, result.clients) == (True, 5)


def test_a_book_that_keeps_changing_is_read_live_not_called_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer committing while the copy is taken (the pair might not match): after a few
    tries the book is read through a read-only connection instead of a torn copy."""
    import itertools

    from crm.store import still
    from crm.store.recovery import check_book

    path = _book_with_clients(tmp_path, 5)
    crash_after(path, "UPDATE client SET notes = 'x';")
    ticks = itertools.count()
    monkeypatch.setattr(still, "_stamps", lambda book: (next(ticks),))
    result = check_book(path)
    assert (result.ok, result.clients) == (True, 5)
