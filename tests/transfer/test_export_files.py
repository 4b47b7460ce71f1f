"""Exported files and reports go through crm/files.py: 0600, no predictable temporary, no
replacement of an existing file without --force, never a device or a FIFO (issue 12 item 4)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from crm.cli import main
from crm.services.transfer.export import ExportError, ExportOptions
from crm.services.transfer.service import TransferService


def _en(_c: str, t: str) -> str:
    return t


def _cli(tmp_path: Path, *args: str) -> int:
    return main(["--data-dir", str(tmp_path / "data"), "--lang", "en", *args])


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert _cli(tmp_path, "add", "--name", "张伟", "--phone", "13812345678") == 0
    capsys.readouterr()
    return tmp_path


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize("fmt", ["xlsx", "csv", "vcf"])
def test_export_is_user_only_even_with_umask_022(data: Path, fmt: str) -> None:
    old = os.umask(0o022)
    try:
        out = data / f"list.{fmt}"
        assert _cli(data, "export", "--unmasked", "--out", str(out)) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_existing_out_needs_force(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = data / "list.csv"
    out.write_text("mine")
    assert _cli(data, "export", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and len(err.strip().splitlines()) == 1
    assert out.read_text() == "mine"
    assert _cli(data, "export", "--force", "--out", str(out)) == 0
    assert "张伟" in out.read_text(encoding="utf-8-sig")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_folder_is_never_replaced(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = data / "pipe.csv"
    os.mkfifo(fifo)
    for target in (fifo, data / "data"):
        assert _cli(data, "export", "--force", "--out", str(target)) == 1
        assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert (data / "data").is_dir()


def test_service_refuses_non_regular_even_with_overwrite(book, tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        TransferService(book).export([], tmp_path, ExportOptions(format="csv"), _en)


def test_no_predictable_part_file_is_followed(data: Path) -> None:
    """A link planted at the old predictable name ``.NAME.part`` is not written through."""
    victim = data / "victim.txt"
    victim.write_text("untouched")
    out = data / "list.csv"
    (data / ".list.csv.part").symlink_to(victim)
    assert _cli(data, "export", "--unmasked", "--out", str(out)) == 0
    assert victim.read_text() == "untouched"
    assert "13812345678" in out.read_text(encoding="utf-8-sig")
    assert not [p for p in data.iterdir() if ".prism-" in p.name]  # no leftover


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_problem_report_is_user_only(data: Path) -> None:
    src = data / "in.csv"
    src.write_text("姓名,手机\n李四,123\n", encoding="utf-8")
    report = data / "problems.csv"
    old = os.umask(0o022)
    try:
        _cli(data, "import", str(src), "--dry-run", "--report", str(report))
    finally:
        os.umask(old)
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "11 digits" in report.read_text(encoding="utf-8-sig")
