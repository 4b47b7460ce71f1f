"""How Prism writes a file: whole or not at all, readable by the user only, never through a link.

Every file Prism writes (exports, reports, backups, the ICS feed, PDFs, caches) goes through
:func:`write_private` or :func:`private_temp_beside`, so that

- a reader never sees half a file (written beside the target, then renamed over it);
- the temporary name is unpredictable and created exclusively (``O_EXCL``, no link followed),
  so nobody can plant a symlink where Prism is about to write;
- the file is 0600 on POSIX from the first byte (client data is sensitive personal information);
- a target that exists and is not a regular file (a device, a FIFO, a folder) is refused.

Leftovers of a killed write carry :data:`TEMP_MARK` in their name; :func:`sweep_leftovers`
removes Prism's own at start.  No Qt here: the CLI, the services and the UI all use it.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
# Every temporary Prism creates is named ".<target>.prism-<random>.tmp".
TEMP_MARK = ".prism-"
TEMP_SUFFIX = ".tmp"


class NotARegularFile(OSError):
    """The target exists and is not a regular file (device, FIFO, folder, socket)."""


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed; a folder Prism owns is 0700 on POSIX."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        # A folder that is not ours to change (a shared parent the user pointed at) stays as is.
        with suppress(PermissionError):
            os.chmod(path, PRIVATE_DIR)
    return path


def make_private(path: Path) -> None:
    """0600 on POSIX; silently nothing where permissions do not apply."""
    if os.name == "posix":
        with suppress(FileNotFoundError):
            os.chmod(path, PRIVATE_FILE)


def check_target(path: Path, *, overwrite: bool = True) -> None:
    """Refuse a target that is not a regular file, or (``overwrite=False``) that exists at all.

    Raises :class:`NotARegularFile` or :class:`FileExistsError`."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return  # a dangling link: the rename replaces the link itself, not its target
    if not stat.S_ISREG(st.st_mode):
        raise NotARegularFile(f"{path} is not a regular file")
    if not overwrite:
        raise FileExistsError(f"{path} exists")


@contextmanager
def private_temp_beside(target: Path) -> Iterator[Path]:
    """A fresh 0600 temporary file beside ``target`` (same folder, so the rename is atomic).

    Yields its path; the caller writes it (by path: sqlite backups, xlsx writers) and calls
    :func:`commit_temp`. On any exception the temporary is removed."""
    import tempfile  # here: with shutil and random, ~4 ms of every start that writes nothing

    target = Path(target)
    fd, name = tempfile.mkstemp(
        prefix=f".{target.name}{TEMP_MARK}", suffix=TEMP_SUFFIX, dir=target.parent
    )
    os.close(fd)  # mkstemp made it O_EXCL and 0600 already
    tmp = Path(name)
    try:
        yield tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def fsync_file(path: Path) -> None:
    """The file's bytes on the disk, not only in the page cache."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """A rename or link in ``folder`` on the disk (POSIX; elsewhere nothing to do)."""
    if os.name == "posix":
        with suppress(OSError):
            fsync_file(folder)


def commit_temp(tmp: Path, target: Path, *, durable: bool = True) -> None:
    """Rename ``tmp`` over ``target``: readers see the old file or the new one, never half."""
    make_private(tmp)
    if durable:
        fsync_file(tmp)
    os.replace(tmp, target)
    if durable:
        fsync_dir(Path(target).parent)


def write_private(
    target: Path,
    write: Callable[[BinaryIO], None],
    *,
    overwrite: bool = True,
    durable: bool = True,
) -> None:
    """Write ``target`` whole or not at all, 0600, through an unpredictable exclusive temporary.

    ``write`` receives the open binary file. Raises :class:`NotARegularFile` /
    :class:`FileExistsError` (see :func:`check_target`) before anything is written."""
    target = Path(target)
    check_target(target, overwrite=overwrite)
    with private_temp_beside(target) as tmp:
        with open(tmp, "r+b") as fh:
            write(fh)
        commit_temp(tmp, target, durable=durable)


def write_private_bytes(target: Path, data: bytes, *, overwrite: bool = True) -> None:
    def write(fh: BinaryIO) -> None:
        fh.write(data)

    write_private(target, write, overwrite=overwrite)


def sweep_leftovers(folder: Path, *, older_than_s: float = 60.0) -> list[Path]:
    """Remove Prism's own temporaries left by a killed write in ``folder`` (not recursive).

    Only names Prism creates (``.*.prism-*.tmp``) older than ``older_than_s`` are removed, so a
    write in progress in another Prism process is left alone. Returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and TEMP_MARK in name and name.endswith(TEMP_SUFFIX)):
            continue
        try:
            st = entry.lstat()
            if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < older_than_s:
                continue
            entry.unlink()
            removed.append(entry)
        except OSError:
            continue
    return removed
