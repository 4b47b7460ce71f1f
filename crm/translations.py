"""The interface language and the translations, without Qt: the CLI never loads PySide6.

The GUI installs Qt translators compiled from ``resources/translations/*_<lang>.ts``
(crm/ui/i18n.py); the CLI reads the same .ts files here, and only when it first renders a
message (most commands that succeed render none). Both pick the language with
:func:`resolve_language`, and the CLI reads the saved choice from the GUI's settings file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from crm import config
from crm.domain.messages import Translate

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SETTING_KEY = "ui/language"  # "system", "en" or "zh_CN"; QSettings key: [ui] language=


def translations_dir() -> Path:
    return config.resources_dir() / "translations"


def resolve_language(choice: str | None, system_locale: Callable[[], str]) -> str:
    """The language to show: an explicit choice, else the environment, else the system locale
    (``system_locale()``: QLocale's in the GUI, :func:`system_locale_name` in the CLI)."""
    if choice and choice != "system":
        return "zh_CN" if choice.lower().startswith("zh") else "en"
    env = os.environ.get("LANGUAGE") or os.environ.get("LC_ALL") or os.environ.get("LANG")
    name = env or system_locale()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def system_locale_name() -> str:
    """What ``QLocale.system().name()`` reports, without Qt: the user's locale on Windows and
    macOS; on other systems Qt reads LC_ALL, LC_MESSAGES, LANG (the caller has read the rest)."""
    if sys.platform == "win32":
        import ctypes

        buf = ctypes.create_unicode_buffer(85)
        if ctypes.windll.kernel32.GetUserDefaultLocaleName(buf, len(buf)):  # type: ignore[attr-defined]
            return buf.value.replace("-", "_")
        return ""
    if sys.platform == "darwin":
        import subprocess

        try:
            done = subprocess.run(
                ["defaults", "read", "-g", "AppleLocale"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return done.stdout.strip()
    return os.environ.get("LC_MESSAGES", "")


def saved_language(folder: Path) -> str | None:
    """The language chosen in the GUI's settings (QSettings' IniFormat: ``[ui]``,
    ``language=zh_CN``), or None when there is no choice or the file cannot be read."""
    import configparser

    section, key = SETTING_KEY.split("/")
    # QSettings writes values such as @ByteArray(...) and %-escapes: read them raw.
    parser = configparser.ConfigParser(interpolation=None, strict=False, allow_no_value=True)
    try:
        parser.read(config.settings_path(folder), encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    value = (parser.get(section, key, fallback=None) or "").strip().strip('"')
    return value or None


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """The finished translations of one .ts file, by (context, source).

    What a Qt translator answers for ``translate(context, source)``: messages with a
    disambiguating <comment> or plural forms are looked up differently and are left out;
    unfinished and obsolete ones are left out (the zh_CN file has none: a test checks).
    """
    from xml.etree import ElementTree as ET

    table: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or msg.get("numerus") == "yes" or msg.findtext("comment"):
                continue
            if tr.get("type") in ("unfinished", "obsolete", "vanished") or not tr.text:
                continue
            table.setdefault((name, msg.findtext("source") or ""), tr.text)
    return table


def load_table(language: str) -> dict[tuple[str, str], str]:
    """Every ``*_<language>.ts``, the first file to translate a string winning (as with Qt's
    translators installed in the same order)."""
    table: dict[tuple[str, str], str] = {}
    if language == "en":
        return table
    for ts in sorted(translations_dir().glob(f"*_{language}.ts")):
        for k, v in read_ts(ts).items():
            table.setdefault(k, v)
    return table


class CliTranslator:
    """A translate function for the CLI. The language and the .ts file are read on the first
    message rendered, not when the command starts."""

    def __init__(self, folder: Path, choice: str | None) -> None:
        self.folder = folder
        self.choice = choice
        self._table: dict[tuple[str, str], str] | None = None

    @property
    def language(self) -> str:
        return resolve_language(self.choice or saved_language(self.folder), system_locale_name)

    def __call__(self, context: str, text: str) -> str:
        if self._table is None:
            self._table = load_table(self.language)
        return self._table.get((context, text), text)


def cli_translate(folder: Path, choice: str | None) -> Translate:
    return CliTranslator(folder, choice)
