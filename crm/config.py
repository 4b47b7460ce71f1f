"""Where Prism keeps things. The only module that calls platformdirs.

platformdirs is imported on first use (~15 ms: it pulls in tempfile, shutil, random): a
`crm --version`, or a command given ``--data-dir``, never needs it.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

APP_NAME = "Prism"
APP_AUTHOR = "Prism"
BOOK_FILENAME = "prism.db"
DATA_DIR_ENV = "PRISM_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The book's folder: ``--data-dir``, then ``$PRISM_DATA_DIR``, then the OS default."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    return _default_data_dir()


def _default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def is_default_data_dir(folder: Path) -> bool:
    # The name first: platformdirs' answer ends in APP_NAME on every OS, and asking it costs
    # an import (~4 ms) on every start with --data-dir.
    return folder.name == APP_NAME and folder == _default_data_dir()


def book_path(folder: Path) -> Path:
    return folder / BOOK_FILENAME


def backups_dir(folder: Path) -> Path:
    return folder / "backups"


def settings_path(folder: Path) -> Path:
    """UI preferences (window layout, language).

    A book in a folder of its own (``--data-dir``, the demo, tests) keeps its preferences
    beside it, so a demo never rewrites the officer's real window layout.
    """
    if is_default_data_dir(folder):
        import platformdirs

        return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "settings.ini"
    return folder / "settings.ini"


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


@cache
def resources_dir() -> Path:
    """``resources/`` of a source checkout, or its copy inside an installed wheel (looked up
    once: the sidebar asks for each of its icons at start-up)."""
    packaged = Path(__file__).resolve().parent / "_resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"
