"""Splitting free text for the notes search index, and turning a search box query into FTS5.

SQLite's trigram tokenizer cannot find a 2-character word, and 2 characters is the commonest
Chinese word (高考, 装修, 住院). So the text is split here, before SQLite sees it: a run of
Chinese characters becomes its overlapping bigrams (女儿高考 -> 女儿 儿高 高考), a run of
Latin letters or digits stays one word, and a sentinel token separates runs so a phrase never
spans punctuation. The FTS5 ``unicode61`` tokenizer then only has to split on spaces.

A query becomes: a 2+ character Chinese run -> the phrase of its bigrams (exact substring
match); a Latin/digit run or a lone Chinese character -> a prefix term. Runs are ANDed.
Pure Python, no Qt, cheap to import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from crm.domain.text import fold

#: Between runs, so the phrase 高考成绩 does not match "高考。考成绩". A letter (category Lo)
#: nobody types, so unicode61 keeps it as a token of its own.
SEPARATOR = "ǂ"
#: Queries shorter than this (in letters, digits and characters) do not search notes: one
#: character would match most of the book and say nothing.
MIN_QUERY_CHARS = 2
_CJK_FROM = 0x2E80  # CJK radicals onward: Chinese characters and their punctuation-free kin


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= _CJK_FROM


def runs(text: str) -> Iterator[tuple[bool, str]]:
    """(is_chinese, run) for each maximal run of Chinese characters or of Latin letters/digits."""
    current: list[str] = []
    kind = False
    for ch in fold(text).lower():
        if not ch.isalnum() or ch == SEPARATOR:
            if current:
                yield kind, "".join(current)
                current = []
            continue
        cjk = _is_cjk(ch)
        if current and cjk != kind:
            yield kind, "".join(current)
            current = []
        kind = cjk
        current.append(ch)
    if current:
        yield kind, "".join(current)


def _run_tokens(cjk: bool, run: str) -> str:
    if not cjk or len(run) == 1:
        return run
    return " ".join(run[i : i + 2] for i in range(len(run) - 1))


def index_text(texts: Iterable[str]) -> str:
    """The document the search index stores for these texts (one client's memory)."""
    parts = [_run_tokens(cjk, run) for text in texts if text for cjk, run in runs(text)]
    return f" {SEPARATOR} ".join(parts)


def match_query(query: str) -> str | None:
    """The FTS5 MATCH expression for what was typed, or None when notes should not be searched.

    Every token is quoted, and tokens hold only letters and digits, so no input can break the
    FTS5 syntax.
    """
    parts = list(runs(query))
    size = sum(len(r) for _c, r in parts)
    if size < MIN_QUERY_CHARS:
        return None
    terms = []
    for cjk, run in parts:
        if cjk and len(run) > 1:
            terms.append('"' + _run_tokens(cjk, run) + '"')
        else:
            terms.append(f'"{run}"*')
    return " AND ".join(terms)
