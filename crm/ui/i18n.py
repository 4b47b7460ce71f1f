"""Qt translators: every ``resources/translations/*_<lang>.ts``, compiled on demand.

Sources are English; ``zh_CN`` is complete (a test checks). The .qm files are build products:
a wheel carries them, a source checkout compiles them once into the user cache with the
``lrelease`` that ships inside PySide6. Choosing the language is Qt-free and shared with the
CLI (crm/translations.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from crm import config, files, translations
from crm.domain.messages import Msg
from crm.translations import LANGUAGES, SETTING_KEY, translations_dir

__all__ = [
    "LANGUAGES",
    "SETTING_KEY",
    "install_translators",
    "load_translators",
    "qm_files",
    "remove_translators",
    "render",
    "resolve_language",
    "translations_dir",
]


def resolve_language(choice: str | None) -> str:
    """The language to show: an explicit choice, else the system locale (Chinese or English)."""
    return translations.resolve_language(choice, lambda: QLocale.system().name())


def _lrelease() -> Path:
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def qm_files(language: str) -> list[Path]:
    """Compiled translations for ``language``, compiling stale ones into the cache."""
    if language == "en":
        return []
    src = translations_dir()
    out: list[Path] = []
    for ts in sorted(src.glob(f"*_{language}.ts")):
        shipped = ts.with_suffix(".qm")
        if shipped.exists() and shipped.stat().st_mtime >= ts.stat().st_mtime:
            out.append(shipped)
            continue
        # Named by the source's content, not compared by time: two Prisms on one machine (an
        # upgrade, a second checkout) share the cache and must never read each other's file.
        import hashlib  # here: loading OpenSSL is for this rare case, not every start

        digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
        cached = config.cache_dir() / "translations" / f"{shipped.stem}.{digest}.qm"
        if not cached.exists():
            files.ensure_private_dir(cached.parent)
            # Compile beside the target and rename, so a second Prism never reads half a file.
            import subprocess  # compiling is rare: once per translation change

            with files.private_temp_beside(cached) as tmp:
                subprocess.run(
                    [str(_lrelease()), "-silent", str(ts), "-qm", str(tmp)],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
                files.commit_temp(tmp, cached, durable=False)  # a cache: rebuilt if lost
        out.append(cached)
    return out


def load_translators(language: str) -> list[QTranslator]:
    translators: list[QTranslator] = []
    for qm in qm_files(language):
        t = QTranslator()
        if t.load(str(qm)):
            translators.append(t)
    if language != "en":
        qt = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            translators.append(qt)
    return translators


def install_translators(language: str) -> list[QTranslator]:
    """Install into the running application; keep the list alive as long as they are used."""
    translators = load_translators(language)
    for t in translators:
        QCoreApplication.installTranslator(t)
    return translators


def remove_translators(translators: list[QTranslator]) -> None:
    for t in translators:
        QCoreApplication.removeTranslator(t)


def render(msg: Msg) -> str:
    """A message built below the UI (a Msg), in the interface language."""
    return msg.render(QCoreApplication.translate)
