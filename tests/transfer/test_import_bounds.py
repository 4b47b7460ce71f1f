"""Imports without bounds (issue 12 item 6): no FIFO waited on, NUL refused anywhere, a million
columns named as such, an over-long xlsx cell refused on stderr, memory under 300 MB."""

from __future__ import annotations

import os
import threading
import zipfile
from pathlib import Path

import pytest

from crm.cli import main
from crm.services.transfer.reader import FileRefused, read_table


def _reason(path: Path) -> str:
    with pytest.raises(FileRefused) as info:
        read_table(path)
    return info.value.message.render()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "clients.csv"
    os.mkfifo(fifo)
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(_reason(fifo)), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader before failing
        with open(fifo, "w"):
            pass
        pytest.fail("reading a FIFO waited forever")
    assert "not a regular file" in result[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030"])
def test_nul_anywhere_is_refused(tmp_path: Path, encoding: str) -> None:
    rows = ["姓名,手机"] + [f"客户{i},138{i:08d}" for i in range(600)] + ["张\0\0三,13800000001"]
    path = tmp_path / "nul.csv"
    path.write_bytes("\n".join(rows).encode(encoding))
    assert path.stat().st_size > 4096
    assert "NUL" in _reason(path)


def test_a_million_columns_get_the_right_reason(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(1_000_000)) + "\n", encoding="utf-8")
    reason = _reason(path)
    assert "columns" in reason and "longer than" not in reason
    path.write_text("x" + "," * 999_999 + "\n", encoding="utf-8")  # short enough to parse
    assert "1,000,000 columns" in _reason(path)


def test_xlsx_wide_sheet_names_its_real_width(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append([f"c{i}" for i in range(500)])
    wb.save(tmp_path / "wide.xlsx")
    assert "500 columns" in _reason(tmp_path / "wide.xlsx")


def test_an_overlong_xlsx_cell_is_refused_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "备注"])
    wb.active.append(["张三", "长" * 10])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    src = tmp_path / "long.xlsx"  # Excel stops a cell at 32,767 characters; a file need not
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, data.replace("长".encode() * 10, "长".encode() * 200_000))
    code = main(["--data-dir", str(tmp_path / "d"), "--lang", "en", "import", str(src)])
    out, err = capsys.readouterr()
    assert code == 1 and "longer than 100,000 characters" in err and out == ""


def test_refusals_of_bad_rows_go_to_stderr_and_dry_run_agrees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("姓名,手机\n张三,13812345678\n李四,123\n", encoding="utf-8")

    def run(*args: str) -> int:
        return main(["--data-dir", str(tmp_path / "d"), "--lang", "en", "import", str(src), *args])

    assert run() == 1
    out, err = capsys.readouterr()
    assert "nothing was imported" in err and "row 3" in out
    assert run("--dry-run") == 1  # the real import refuses: so does its dry run
    out, err = capsys.readouterr()
    assert "Dry run" in out and "nothing was imported" in err
    assert run("--dry-run", "--skip-bad") == 0
    assert run("--skip-bad") == 0


@pytest.mark.parametrize("xlsx", [False, True])
def test_peak_memory_stays_bounded(xlsx: bool) -> None:
    """A small run of tests/perf/bench_transfer_import.py (the 100,000-row figure is its own)."""
    from tests.perf.bench_transfer_import import run

    result = run(3000, 20, xlsx)
    assert result["added"] == 3000 and result["peak_mb"] < 300
