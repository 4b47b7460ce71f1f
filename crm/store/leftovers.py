"""What killed writes of Prism left in the data folder: swept at every open of the book.

A module of its own, light to import: every start of the GUI and every `crm` command opens the
book, and the rest of :mod:`crm.store.recovery` (checking and restoring) is rarely needed.
"""

from __future__ import annotations

import time
from pathlib import Path

from crm import config, files

SIDE_FILES = ("-wal", "-shm", "-journal")
#: A leftover younger than this may be a write in progress in another Prism process.
LEFTOVER_AGE_S = 60.0

#: What an older Prism left of a killed restore (a full copy of a book).
_LEGACY_RESTORING = ".restoring"


def sweep_leftovers(folder: Path) -> list[Path]:
    """Remove what killed writes of Prism left in the data folder and its backups folder: the
    temporaries (:func:`crm.files.sweep_leftovers`) with SQLite's side files of them, and an
    older Prism's ``.prism.db.restoring``. Cheap (two folder listings); called at every open."""
    removed: list[Path] = []
    for place in (folder, config.backups_dir(folder)):
        removed += files.sweep_leftovers(place)
        try:
            entries = list(place.iterdir())
        except OSError:
            continue
        now = time.time()
        for entry in entries:
            name = entry.name
            base, _, side = name.rpartition("-")
            leftover = (
                name.startswith(".")
                and files.TEMP_MARK in name
                and base.endswith(files.TEMP_SUFFIX)
                and f"-{side}" in SIDE_FILES
                and not Path(place, base).exists()
            ) or (name.startswith(".") and name.endswith(_LEGACY_RESTORING))
            if not leftover:
                continue
            try:
                if now - entry.lstat().st_mtime < LEFTOVER_AGE_S:
                    continue
                entry.unlink()
                removed.append(entry)
            except OSError:
                continue
    return removed
