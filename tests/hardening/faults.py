"""Helpers for the hardening tests: the `crm` command in a subprocess, hashes of a book's
files, a crash-left -wal, a book's file modes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = ("", "-wal", "-shm", "-journal")


def crm(
    data_dir: Path, *args: str, user: int | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `crm --data-dir DATA_DIR ARGS...` (as ``user``, a uid, when given: root only)."""
    env = {**os.environ, "LANGUAGE": "en", "PYTHONPATH": str(ROOT)}

    def drop() -> None:
        if user is not None:
            os.setgid(user)
            os.setuid(user)

    return subprocess.run(
        [sys.executable, "-m", "crm", "--data-dir", str(data_dir), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=drop if user is not None else None,
    )


def hashes(book: Path) -> dict[str, str | None]:
    """Every byte of the book and its side files (None: the file does not exist)."""
    found: dict[str, str | None] = {}
    for suffix in SUFFIXES:
        p = Path(f"{book}{suffix}")
        found[suffix or "book"] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return found


def crash_after(path: Path, sql: str) -> None:
    """Run ``sql`` on the database at ``path`` in a process that then dies without closing it,
    leaving the -wal (with frames) and -shm a crash leaves."""
    code = f"""
        import os, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.executescript({sql!r})
        os._exit(0)
    """
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=True, timeout=60)
    assert Path(f"{path}-wal").stat().st_size > 0


def scribble(path: Path, *, skip_pages: int = 1) -> None:
    """Overwrite the middle of every page after the first few (the header stays valid)."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        for page in range(skip_pages, size // 4096):
            fh.seek(page * 4096 + 1000)
            fh.write(b"\x07" * 2000)


def mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777
