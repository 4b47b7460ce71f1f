"""crm/files.py: whole-or-nothing, user-only, link-safe writes."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from crm.files import (
    NotARegularFile,
    ensure_private_dir,
    sweep_leftovers,
    write_private,
    write_private_bytes,
)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@posix_only
def test_written_file_is_user_only_under_a_lax_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "out.csv"
        write_private_bytes(target, b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes() == b"x"


@posix_only
def test_private_dir_is_0700(tmp_path: Path) -> None:
    folder = ensure_private_dir(tmp_path / "a" / "book")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_failed_write_leaves_neither_file_nor_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"

    def boom(fh: object) -> None:
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        write_private(target, boom)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(NotARegularFile):
        write_private_bytes(tmp_path, b"x")


def test_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_private_bytes(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old"


@posix_only
def test_a_planted_link_at_the_old_predictable_name_is_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"mine")
    (tmp_path / ".out.csv.part").symlink_to(victim)
    write_private_bytes(tmp_path / "out.csv", b"secret")
    assert victim.read_bytes() == b"mine"


def test_sweep_removes_only_old_prism_temporaries(tmp_path: Path) -> None:
    old = tmp_path / ".book.xlsx.prism-abc123.tmp"
    fresh = tmp_path / ".book.xlsx.prism-def456.tmp"
    foreign = tmp_path / ".other.tmp"
    for f in (old, fresh, foreign):
        f.write_bytes(b"x")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(foreign, (long_ago, long_ago))
    assert sweep_leftovers(tmp_path) == [old]
    assert fresh.exists() and foreign.exists()
