"""Backups of the book: SQLite's online backup API into a temp file, checked, renamed into place.

A backup is a single self-contained SQLite file (journal_mode DELETE) named
``prism-YYYYMMDD-HHMMSS.db`` in the data folder's ``backups/`` (0700; each backup 0600). Until
it has passed ``integrity_check`` it lives under an unpredictable hidden temporary name
(:func:`crm.files.private_temp_beside`), which nothing treats as a backup, so a crash or a kill
mid-way never leaves half a backup in the rotation; such leftovers are swept at the next open
(:func:`crm.store.leftovers.sweep_leftovers`).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crm import files
from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.store.errors import BookError, environment_error

BACKUP_NAME = re.compile(r"^prism-(\d{8})-(\d{6})(?:-(\d+))?\.db$")
PART_SUFFIX = ".part"  # an older Prism's half-written backups: still removed by the rotation
PAGES_PER_STEP = 1024
#: The rotation: newest backup of each of the last N days, ISO weeks and months (~ a year).
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9
KEEP_LATEST = 3  # whatever their dates: the last few (a restore's safety copy among them)
STALE_PART = dt.timedelta(days=1)

#: progress(copied_pages, total_pages) after each step of the copy.
Progress = Callable[[int, int], None]


class BackupRefused(BookError):
    """A backup file that fails its check, or is not a Prism book: never restored."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    problems: tuple[str, ...]


def backup_time(path: Path) -> dt.datetime | None:
    m = BACKUP_NAME.match(path.name)
    if not m:
        return None
    try:
        return dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first (half-written ``.part`` files are not backups)."""
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        when = backup_time(p)
        if when is not None and p.is_file():
            found.append(BackupInfo(p, when))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def newest_good_backup(folder: Path) -> BackupInfo | None:
    for info in list_backups(folder):
        if check_file(info.path).ok:
            return info
    return None


def is_due(folder: Path, now: dt.datetime, max_age: dt.timedelta) -> bool:
    backups = list_backups(folder)
    return not backups or now - backups[0].taken_at >= max_age


def integrity_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    problems = [] if rows == ["ok"] else [str(r) for r in rows]
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid}: missing {parent}")
        if len(problems) >= limit:
            break
    return problems


def check_file(path: Path, key: str | None = None) -> CheckResult:
    """Is this file a whole, undamaged Prism book? Opened read-only; never modified. An
    encrypted backup is read with ``key`` (its book's, :mod:`crm.store.crypto`)."""
    from crm.store.identify import APPLICATION_ID, SQLITE_MAGIC

    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return CheckResult(False, (str(exc),))
    if not header.startswith(SQLITE_MAGIC) and key is None:
        from crm.store import crypto

        # A backup of a book unlocked in this process carries that book's key.
        for known in crypto.known_keys():
            if check_file(path, known).ok:
                return CheckResult(True, ())
        return CheckResult(False, ("not an SQLite database",))
    from crm.store import still

    def read(conn: sqlite3.Connection) -> list[str]:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return ["not a Prism book"]
        return integrity_problems(conn)

    try:
        problems = still.look(path, read, key=key)  # a file the officer chose: not a byte changed
    except (sqlite3.DatabaseError, OSError) as exc:
        return CheckResult(False, (str(exc),))
    return CheckResult(not problems, tuple(problems))


def copy_book(
    source: Path, dest: Path, progress: Progress | None = None, key: str | None = None
) -> None:
    """Copy a live book to ``dest`` with the online backup API; ``dest`` appears only whole
    and checked, 0600 (and its folder 0700 when Prism makes it). Raises BackupRefused when the
    copy fails its check, NotARegularFile when ``dest`` is a device, FIFO or folder."""
    if not dest.parent.exists():  # a folder the officer chose for --out keeps its mode
        files.ensure_private_dir(dest.parent)
    try:
        try:
            files.check_target(dest)
        except files.NotARegularFile as exc:
            raise BackupRefused(
                QT_TRANSLATE_NOOP(
                    "Backup",
                    "{path} is not a regular file (a device, a folder ...); "
                    "give the backup a file name.",
                ),
                dest,
            ) from exc
        if not source.is_file():  # connect() would create an empty database there
            raise FileNotFoundError(2, "No such file", str(source))
        with files.private_temp_beside(dest) as part:
            try:
                # (Called as before for a book opened without a key: tests wrap _copy_into.)
                problems = (
                    _copy_into(source, part, progress)
                    if key is None
                    else _copy_into(source, part, progress, key)
                )
                if problems:
                    raise BackupRefused(
                        QT_TRANSLATE_NOOP(
                            "Backup", "The copy of the book failed its check ({problem}); not kept."
                        ).with_(problem=problems[0])
                    )
                files.commit_temp(part, dest)
            finally:
                Path(f"{part}-journal").unlink(missing_ok=True)
    except (sqlite3.Error, OSError) as exc:
        err = environment_error(exc, source)
        if err is not None:
            raise err from exc
        raise


def _copy_into(
    source: Path, part: Path, progress: Progress | None, key: str | None = None
) -> list[str]:
    """The online backup of ``source`` into the (empty, private) file ``part``; its problems."""
    from crm.store import crypto

    # An encrypted book's backup is encrypted with the book's key (SQLCipher's backup API
    # re-encrypts each page); a plain book's stays plain.
    if key is None:
        key = crypto.key_for(source)
    src = crypto.connect(source, key)
    try:
        src.execute("PRAGMA busy_timeout = 5000")
        dst = crypto.connect(part, crypto.copy_key(source, key) if key else None)
        try:

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            # A single self-contained file: no -wal beside it to lose when copied.
            dst.execute("PRAGMA journal_mode = DELETE")
            return integrity_problems(dst)
        finally:
            dst.close()
    finally:
        src.close()


def take_backup(
    book_path: Path, folder: Path, now: dt.datetime, progress: Progress | None = None
) -> Path:
    """A new backup in ``folder`` named for ``now``, then the rotation. Returns its path."""
    files.ensure_private_dir(folder)  # Prism's own: 0700 even if an older Prism made it 0755
    base = f"prism-{now:%Y%m%d-%H%M%S}"
    dest = folder / f"{base}.db"
    n = 1
    while dest.exists():
        dest = folder / f"{base}-{n}.db"
        n += 1
    copy_book(book_path, dest, progress)
    rotate(folder, now)
    return dest


def keep_set(backups: list[BackupInfo]) -> set[Path]:
    """Grandfather-father-son, as borg prune does it: the newest backup of each of the last
    12 days, then of 10 weeks before those, then of 9 months before those (about a year);
    each rule starts where the one before it stopped, so together they reach back a year."""
    keep: set[Path] = {info.path for info in backups[:KEEP_LATEST]}
    buckets: tuple[tuple[Callable[[dt.datetime], object], int], ...] = (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    )
    for bucket_of, count in buckets:
        seen: set[object] = set()
        chosen: set[Path] = set()
        if keep:
            seen.add(bucket_of(min(b.taken_at for b in backups if b.path in keep)))
        horizon = min((b.taken_at for b in backups if b.path in keep), default=None)
        for info in backups:  # newest first: the first of each bucket is its newest
            if info.path in keep or (horizon is not None and info.taken_at >= horizon):
                continue
            bucket = bucket_of(info.taken_at)
            if bucket in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(bucket)
            chosen.add(info.path)
        keep |= chosen
    return keep


def rotate(folder: Path, now: dt.datetime) -> list[Path]:
    """Remove backups the rotation no longer keeps, and stale half-written copies."""
    backups = list_backups(folder)
    keep = keep_set(backups)
    removed = []
    for info in backups:
        if info.path not in keep:
            info.path.unlink(missing_ok=True)
            removed.append(info.path)
    for part in folder.glob(f".*{PART_SUFFIX}*"):  # with a -journal of its own, maybe
        try:
            age = now - dt.datetime.fromtimestamp(part.stat().st_mtime)
        except OSError:
            continue
        if age > STALE_PART:
            part.unlink(missing_ok=True)
            removed.append(part)
    return removed
