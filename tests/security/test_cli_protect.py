"""`crm protect` / `crm unprotect` and the passphrase of every command on a protected book."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crm.cli import main
from crm.store import crypto, tries

PASS = "长城 wall 1984"


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("PRISM_PASSPHRASE", raising=False)
    yield
    crypto._keys.clear()


def crm(tmp_path: Path, *args: str) -> int:
    crypto._keys.clear()  # every command is a new process as far as keys go
    return main(["--data-dir", str(tmp_path), "--lang", "en", *args])


def test_protect_list_unprotect(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert crm(tmp_path, "add", "--name", "张伟") == 0
    monkeypatch.setenv("PRISM_PASSPHRASE", PASS)
    assert crm(tmp_path, "protect") == 0
    assert "cannot be recovered" in capsys.readouterr().out
    assert (tmp_path / "prism.db").read_bytes()[:16] != crypto.SQLITE_MAGIC

    assert crm(tmp_path, "list") == 0
    assert "张伟" in capsys.readouterr().out
    monkeypatch.delenv("PRISM_PASSPHRASE")
    # No terminal, no variable, no fd: one line saying so.
    assert crm(tmp_path, "list") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "passphrase" in err

    monkeypatch.setenv("PRISM_PASSPHRASE", "wrong")
    assert crm(tmp_path, "list") == 1
    err = capsys.readouterr().err
    assert err.startswith("crm: Wrong passphrase") and err.count("\n") == 1

    monkeypatch.setenv("PRISM_PASSPHRASE", PASS)
    assert crm(tmp_path, "unprotect") == 0
    monkeypatch.delenv("PRISM_PASSPHRASE")
    assert (tmp_path / "prism.db").read_bytes()[:16] == crypto.SQLITE_MAGIC
    capsys.readouterr()
    assert crm(tmp_path, "list") == 0
    assert "张伟" in capsys.readouterr().out


def test_passphrase_fd(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert crm(tmp_path, "add", "--name", "李娜") == 0

    def with_fd(*args: str) -> int:
        r, w = os.pipe()
        os.write(w, (PASS + "\n").encode())
        os.close(w)
        try:
            return crm(tmp_path, "--passphrase-fd", str(r), *args)
        finally:
            os.close(r)

    assert with_fd("protect") == 0
    capsys.readouterr()
    assert with_fd("list") == 0
    assert "李娜" in capsys.readouterr().out


def test_five_wrong_tries_slow_down(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert crm(tmp_path, "add", "--name", "王芳") == 0
    monkeypatch.setenv("PRISM_PASSPHRASE", PASS)
    assert crm(tmp_path, "protect") == 0
    waits: list[float] = []
    monkeypatch.setattr(tries.time, "sleep", waits.append)
    monkeypatch.setenv("PRISM_PASSPHRASE", "nope")
    for _ in range(7):
        assert crm(tmp_path, "list") == 1
    assert waits == [1.0, 2.0]  # the 6th and 7th tries waited
    assert tries.failures(tmp_path) == 7
    assert PASS.encode() not in (tmp_path / tries.FILENAME).read_bytes()
    monkeypatch.setenv("PRISM_PASSPHRASE", PASS)
    assert crm(tmp_path, "list") == 0
    assert tries.failures(tmp_path) == 0


def test_backup_check_restore_and_export_of_a_protected_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    assert crm(tmp_path, "add", "--name", "赵六") == 0
    monkeypatch.setenv("PRISM_PASSPHRASE", PASS)
    assert crm(tmp_path, "protect") == 0
    out_file = tmp_path / "copy.db"
    assert crm(tmp_path, "backup", "--out", str(out_file)) == 0
    # The backup is encrypted: plain sqlite3 cannot read it.
    conn = sqlite3.connect(out_file)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM client").fetchone()
    conn.close()
    capsys.readouterr()
    assert crm(tmp_path, "check", "--json") == 0
    assert '"ok": true' in capsys.readouterr().out

    assert crm(tmp_path, "add", "--name", "钱七") == 0
    monkeypatch.setenv("PRISM_PASSPHRASE", "wrong")
    assert crm(tmp_path, "restore", "--backup", str(out_file)) == 1
    assert "Wrong passphrase" in capsys.readouterr().err
    monkeypatch.setenv("PRISM_PASSPHRASE", PASS)
    assert crm(tmp_path, "restore", "--backup", str(out_file)) == 0
    capsys.readouterr()
    assert crm(tmp_path, "list") == 0
    out = capsys.readouterr().out
    assert "赵六" in out and "钱七" not in out

    assert crm(tmp_path, "export", "--out", str(tmp_path / "c.csv")) == 0
    assert "not encrypted" in capsys.readouterr().err
