"""Trash (delete permanently) and the `crm export/import/backup/restore/check` commands."""

from __future__ import annotations

import json

from crm.cli import main
from crm.services.trash import TrashService
from tests.helpers import draft


def test_purge_removes_everything_attached_and_logs_no_personal_details(
    book, clients, clock
) -> None:
    trash = TrashService(book, clock)
    keep = clients.add(draft("留下", phones=["13800000001"]))
    gone = clients.add(draft("忘记我", phones=["13800000002"], tags=["VIP"]))
    assert trash.purge([gone]).clients == 0  # only archived clients can be purged
    clients.archive([gone])
    done = trash.purge([gone, keep])
    assert done.clients == 1 and done.records == 3  # client, phone, tag
    conn = book.reader()
    assert (
        conn.execute("SELECT count(*) FROM client_phone WHERE client_id = ?", (gone,)).fetchone()[0]
        == 0
    )
    log = trash.deletion_log()
    assert log == [("2026-11-29 09:30:00.000000", 1, 3)]
    assert "忘记我" not in json.dumps(log, ensure_ascii=False)


def _crm(tmp_path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path), "--lang", "en", *args])


def test_cli_round_trip_and_exit_codes(tmp_path, capsys) -> None:
    assert _crm(tmp_path, "add", "--name", "张三", "--phone", "13812345678") == 0
    out = tmp_path / "x.csv"
    assert _crm(tmp_path, "export", "--out", str(out), "--unmasked") == 0
    assert "13812345678" in out.read_text(encoding="utf-8-sig")
    capsys.readouterr()
    assert _crm(tmp_path, "import", str(out), "--dry-run", "--json") == 0
    assert json.loads(capsys.readouterr().out)["duplicates"] == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,手机\n李四,123\n王五,13900000000\n", encoding="utf-8")
    assert _crm(tmp_path, "import", str(bad)) == 1
    out_text, err = capsys.readouterr()  # the refusal is an error: stderr (issue 12 item 6)
    assert "row 2, 手机" in out_text and "nothing was imported" in err
    assert _crm(tmp_path, "import", str(bad), "--skip-bad") == 0
    assert "Added 1" in capsys.readouterr().out


def test_cli_backup_check_restore(tmp_path, capsys) -> None:
    assert _crm(tmp_path, "add", "--name", "张三") == 0
    assert _crm(tmp_path, "backup") == 0
    made = capsys.readouterr().out.strip().splitlines()[-1]
    assert _crm(tmp_path, "add", "--name", "李四") == 0
    assert _crm(tmp_path, "check") == 0
    assert "passed" in capsys.readouterr().out
    assert _crm(tmp_path, "restore", made) == 0
    assert "Restored" in capsys.readouterr().out
    assert _crm(tmp_path, "list", "--json") == 0
    assert [c["name"] for c in json.loads(capsys.readouterr().out)] == ["张三"]
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 10)
    assert _crm(tmp_path, "restore", str(bogus)) == 1
    assert "fails its check" in capsys.readouterr().err
    # `crm restore CLIENT` still restores archived clients
    assert _crm(tmp_path, "archive", "张三") == 0
    assert _crm(tmp_path, "restore", "张三") == 0
