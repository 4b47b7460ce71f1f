"""pypinyin's readings in a compact per-user table, so converting a name costs microseconds and
no process has to import pypinyin (~0.3 s and ~56 MB: it loads and indexes 47,000 phrases at
import, which dominated `crm add`).

pypinyin stays the source of truth. The table is built once from pypinyin itself (every
character and every phrase as pypinyin converts it) and kept in the user cache under
pypinyin's version, so an upgrade rebuilds it. Converting here follows pypinyin's own steps
for ``lazy_pinyin(text, style=Style.NORMAL, errors=callable)``: split the text into Han and
other runs (``seg.simpleseg``), cut each Han run into the longest dictionary phrases
(``seg.mmseg``, strict mode), read each phrase or character. Whatever the table cannot answer
(a Han character pypinyin has no reading for) goes to pypinyin. The build checks itself
against pypinyin and stands down on any difference; tests/domain/test_pinyin_table.py
compares the two on thousands of names.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import re
import sys
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any, BinaryIO

# Bump when the layout of the stored tuple changes.
FORMAT = 1

Errors = Callable[[str], list[str]]


class PinyinTable:
    """Readings of single characters and of phrases, looked up without building a dict of
    90,000 entries at load: characters are one sorted string (bisect), phrases are grouped
    by their first character and parsed on first use."""

    def __init__(
        self, hans: str, chars: str, char_py: str, width: int, heads: str, blocks: tuple[str, ...]
    ) -> None:
        self._hans = re.compile(hans)
        self._chars = chars  # sorted by code point
        self._char_py = char_py  # each reading padded to `width`
        self._width = width
        self._heads = heads  # sorted first characters of the phrases
        self._blocks = blocks  # per head: "phrase\treading reading\n..." sorted by phrase
        self._parsed: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}

    # -- storing ---------------------------------------------------------------------------

    def to_bytes(self, version: str) -> bytes:
        fields = (self._hans.pattern, self._chars, self._char_py, self._width)
        return marshal.dumps((FORMAT, version, *fields, self._heads, self._blocks))

    def phrases(self) -> list[str]:
        return [line.split("\t")[0] for block in self._blocks for line in block.split("\n")]

    def chars(self) -> str:
        return self._chars

    # -- converting ------------------------------------------------------------------------

    def syllables(self, text: str, errors: Errors) -> list[str] | None:
        """``lazy_pinyin(text, style=Style.NORMAL, errors=errors)``; None where only pypinyin
        knows. ``errors`` returns a list of non-empty words, as names.py's does."""
        out: list[str] = []
        for run in self._runs(text):
            if not self._hans.match(run):
                out.extend(errors(run))
                continue
            for word in self._cut(run):
                readings = self._read(word)
                if readings is None:
                    return None
                out.extend(readings)
        return out

    def _runs(self, text: str) -> Iterator[str]:
        # simpleseg: consecutive characters grouped by whether each is Han; "" stays one run.
        if not text:
            yield text
            return
        for _han, chars in groupby(text, key=lambda c: self._hans.match(c) is not None):
            yield "".join(chars)

    def _cut(self, run: str) -> Iterator[str]:
        # mmseg.Seg.cut with no_non_phrases=True: the longest phrase starting here, extending
        # one character at a time while the text is still the start of some phrase.
        remain = run
        while remain:
            valid = 0
            for end in range(1, len(remain) + 1):
                is_prefix, is_phrase = self._lookup(remain[:end])
                if not is_prefix:
                    break
                if is_phrase:
                    valid = end
            else:
                # All that remains starts some phrase: take the longest phrase in it, or,
                # if none, every character on its own (pypinyin's rule, kept as it is).
                if valid:
                    yield remain[:valid]
                    remain = remain[valid:]
                    continue
                yield from remain
                return
            if valid:
                yield remain[:valid]
                remain = remain[valid:]
            else:
                yield remain[0]
                remain = remain[1:]

    def _block(self, head: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
        parsed = self._parsed.get(head)
        if parsed is None:
            i = bisect_left(self._heads, head)
            lines = []
            if i < len(self._heads) and self._heads[i] == head:
                lines = [line.split("\t") for line in self._blocks[i].split("\n")]
            phrases = tuple(p for p, _ in lines)
            parsed = (phrases, {p: tuple(r.split(" ")) for p, r in lines})
            self._parsed[head] = parsed  # a race only parses twice
        return parsed

    def _lookup(self, word: str) -> tuple[bool, bool]:
        """(some phrase starts with word, word is a phrase)."""
        phrases, _ = self._block(word[0])
        i = bisect_left(phrases, word)
        if i == len(phrases) or not phrases[i].startswith(word):
            return False, False
        return True, phrases[i] == word

    def _read(self, word: str) -> tuple[str, ...] | None:
        readings = self._block(word[0])[1].get(word)
        if readings is not None or len(word) > 1:
            return readings  # a cut yields phrases and single characters only
        i = bisect_left(self._chars, word)
        if i == len(self._chars) or self._chars[i] != word:
            return None  # no reading: pypinyin hands the character to `errors`
        w = self._width
        return (self._char_py[i * w : (i + 1) * w].rstrip(" "),)


# -- building from pypinyin ----------------------------------------------------------------


def build() -> PinyinTable:
    """Convert every character and phrase pypinyin knows with pypinyin itself (~1-3 s)."""
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
    from pypinyin.converter import UltimateConverter

    class _Remembering(UltimateConverter):
        # The NORMAL style of a reading depends on the reading alone (style/others.py), and
        # 185,000 readings are ~1,500 distinct ones: convert each once.
        def __init__(self) -> None:
            super().__init__()
            self._seen: dict[str, str] = {}

        def convert_style(
            self, han: str, orig_pinyin: str, style: Style, strict: bool, **kwargs: Any
        ) -> str:
            out = self._seen.get(orig_pinyin)
            if out is None:
                out = super().convert_style(han, orig_pinyin, style, strict, **kwargs)
                self._seen[orig_pinyin] = out
            return out

    converter = _Remembering()

    def read(word: str) -> list[str]:
        # What lazy_pinyin does for one Han word pypinyin's cut yields (core.Pinyin.pinyin).
        items = converter.convert(word, Style.NORMAL, False, "default", True)
        return [item[0] for item in items]

    chars = "".join(sorted(chr(code) for code in PINYIN_DICT))
    char_py = [read(c) for c in chars]
    phrases = sorted(PHRASES_DICT)
    phrase_py = [read(p) for p in phrases]
    for word, readings in [
        *zip(chars, char_py, strict=True),
        *zip(phrases, phrase_py, strict=True),
    ]:
        if len(readings) != len(word) or any(not r or " " in r or "\t" in r for r in readings):
            raise ValueError(f"pypinyin reads {word!r} as {readings!r}")
    width = max(len(r[0]) for r in char_py)
    heads: list[str] = []
    blocks: list[str] = []
    for head, group in groupby(zip(phrases, phrase_py, strict=True), key=lambda pair: pair[0][0]):
        heads.append(head)
        blocks.append("\n".join(f"{p}\t{' '.join(r)}" for p, r in group))
    return PinyinTable(
        RE_HANS.pattern,
        chars,
        "".join(r[0].ljust(width) for r in char_py),
        width,
        "".join(heads),
        tuple(blocks),
    )


def agrees_with_pypinyin(table: PinyinTable, texts: list[str]) -> bool:
    from pypinyin import Style, lazy_pinyin

    def errors(run: str) -> list[str]:
        return [run.lower()]

    return all(
        table.syllables(t, errors) == lazy_pinyin(t, style=Style.NORMAL, errors=errors)  # type: ignore[arg-type]
        for t in texts
    )


def probe_texts(table: PinyinTable) -> list[str]:
    """Every 50th phrase, the same cut short (the start of a phrase but none itself: pypinyin
    reads those character by character), runs of three glued together (cuts across phrase
    borders), every 200th character, Latin and punctuation mixed in: ~2,000 texts, ~60 ms."""
    sample = table.phrases()[::50]
    short = [p[:-1] for p in sample if len(p) > 2]
    glued = ["".join(sample[i : i + 3]) for i in range(0, len(sample), 3)]
    chars = table.chars()[::200]
    return [*sample, *short, *glued, chars, f"A{chars[:9]}b·c", "3M中国", "Tony 张"]


# -- the table this process uses ------------------------------------------------------------

_lock = threading.Lock()
_loaded = False
_table: PinyinTable | None = None


def pypinyin_version() -> str:
    """pypinyin's ``__version__``, read from its source so that pypinyin is not imported."""
    module = sys.modules.get("pypinyin")
    if module is not None:
        return str(module.__version__)
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or spec.origin is None:
        raise ImportError("pypinyin is not installed")
    source = Path(spec.origin).read_text(encoding="utf-8")
    found = re.search(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", source, re.MULTILINE)
    return found.group(1) if found else f"unknown-{os.stat(spec.origin).st_mtime_ns}"


def cache_path(version: str) -> Path:
    from crm import config

    return config.cache_dir() / "pinyin" / f"table-{FORMAT}-{version}.bin"


def _stored(path: Path, version: str) -> tuple[bool, PinyinTable | None]:
    """(found, table); a table of None stored means "this pypinyin: use pypinyin"."""
    try:
        stored = marshal.loads(path.read_bytes())
        if stored[0] != FORMAT or stored[1] != version:
            return False, None
        return True, (PinyinTable(*stored[2:]) if len(stored) > 2 else None)
    except (OSError, ValueError, EOFError, TypeError, IndexError, re.error):
        return False, None  # missing or damaged: build it again


def _store(path: Path, data: bytes) -> None:
    # Best effort: an unwritable cache only costs the next process the build again.
    from crm import files

    def write(fh: BinaryIO) -> None:
        fh.write(data)

    try:
        files.ensure_private_dir(path.parent)
        # Whole or nothing (a second Prism never reads half a file), 0600; no fsync: a cache.
        files.write_private(path, write, durable=False)
    except OSError:
        return


def load_or_build(path: Path, version: str) -> PinyinTable | None:
    """The table stored at ``path``, else one built now and stored there. None: the build
    disagreed with pypinyin (a pypinyin change this code does not follow), so use pypinyin."""
    found, table = _stored(path, version)
    if found:
        return table
    table = build()
    if agrees_with_pypinyin(table, probe_texts(table)):
        _store(path, table.to_bytes(version))
        return table
    _store(path, marshal.dumps((FORMAT, version)))
    return None


def table() -> PinyinTable | None:
    global _loaded, _table
    if not _loaded:
        with _lock:
            if not _loaded:
                version = pypinyin_version()
                _table = load_or_build(cache_path(version), version)
                _loaded = True
    return _table


def syllables(text: str, errors: Errors) -> list[str]:
    """``lazy_pinyin(text, style=Style.NORMAL, errors=errors)``, from the table when it can."""
    t = table()
    out = t.syllables(text, errors) if t is not None else None
    if out is None:
        from pypinyin import Style, lazy_pinyin

        # pypinyin's stub types ``errors`` as returning str; returning a list is documented too.
        out = lazy_pinyin(text, style=Style.NORMAL, errors=errors)  # type: ignore[arg-type]
    return out
