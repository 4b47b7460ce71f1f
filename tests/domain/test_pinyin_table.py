"""The pinyin table gives exactly what pypinyin gives, for every name we test and 5,000 demo
clients, and it is built, stored and re-read from the user cache."""

from __future__ import annotations

import ast
import datetime as dt
import marshal
import random
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin

from crm.domain import names, pinyin_table
from crm.domain.pinyin_table import FORMAT, PinyinTable, load_or_build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> PinyinTable:
    """A table built from pypinyin now, stored and read back (not the user's cached one)."""
    path = tmp_path_factory.mktemp("pinyin") / "table.bin"
    built = load_or_build(path, "test")
    assert built is not None and path.exists()
    again = load_or_build(path, "test")  # read from the file this time
    assert again is not None and again is not built
    return again


def _test_name_texts() -> list[str]:
    """Every string literal in tests/domain/test_names.py (names, companies, odd input)."""
    tree = ast.parse((ROOT / "tests/domain/test_names.py").read_text(encoding="utf-8"))
    return sorted(
        {
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        }
    )


def _demo_texts(count: int = 5000) -> list[str]:
    from crm.services.demo import fake_client

    rng = random.Random(20261129)
    today = dt.date(2026, 11, 29)
    out: list[str] = []
    for _ in range(count):
        c = fake_client(rng, today)
        out.append(c.name)
        if c.business_name:
            out.append(c.business_name)
    return out


# The last three start a phrase but are none: pypinyin reads them character by character.
ODD = [
    "张兙",
    "兙",
    "李兙明",
    "",
    " ",
    "Ｚｏｅ王",
    "王\n芳",
    "重庆银行重庆分行",
    "长长长长",
    "下不了",
    "不着边",
    "七返还",
]


@pytest.fixture
def pypinyin_names(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """names.py as it was: pypinyin called directly for every conversion."""

    def direct(text: str, errors: pinyin_table.Errors) -> list[str]:
        return lazy_pinyin(text, style=Style.NORMAL, errors=errors)  # type: ignore[arg-type]

    names._syllables.cache_clear()
    names._name_pinyin.cache_clear()
    monkeypatch.setattr(names, "pinyin_table", types.SimpleNamespace(syllables=direct))
    yield
    names._syllables.cache_clear()
    names._name_pinyin.cache_clear()


def _all_readings(texts: list[str]) -> dict[tuple[str, bool], names.NamePinyin]:
    return {(t, p): names.name_pinyin(t, personal=p) for t in texts for p in (True, False)}


@pytest.mark.parametrize("source", ["test_names", "demo", "odd"])
def test_names_read_as_pypinyin_reads_them(
    source: str, fresh: PinyinTable, request: pytest.FixtureRequest
) -> None:
    texts = {"test_names": _test_name_texts, "demo": _demo_texts, "odd": lambda: ODD}[source]()
    names._syllables.cache_clear()
    names._name_pinyin.cache_clear()
    ours = _all_readings(texts)
    request.getfixturevalue("pypinyin_names")
    theirs = _all_readings(texts)
    wrong = [
        f"{t!r} personal={p}: {ours[t, p]} != {theirs[t, p]}"
        for t, p in ours
        if ours[t, p] != theirs[t, p]
    ]
    assert not wrong, "\n".join(wrong[:20])
    # And the fresh table, word for word, on whole names (not only on the pieces names.py cuts).
    errors = names._other_words
    for text in texts:
        expected = lazy_pinyin(text, style=Style.NORMAL, errors=errors)  # type: ignore[arg-type]
        got = fresh.syllables(text, errors)
        assert got is None or got == expected, text
    assert len(texts) >= (5000 if source == "demo" else 5)


def test_characters_without_a_reading_go_to_pypinyin(fresh: PinyinTable) -> None:
    # 兙 is Han but pypinyin has no reading for it: it hands it to `errors`.
    assert fresh.syllables("张兙", lambda run: [run]) is None
    assert pinyin_table.syllables("张兙", lambda run: [run]) == ["zhang", "兙"]


def test_a_stored_table_of_another_version_or_damaged_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "t.bin"
    path.write_bytes(b"not marshal at all")
    assert pinyin_table._stored(path, "1") == (False, None)
    path.write_bytes(marshal.dumps((FORMAT, "0.1")))
    assert pinyin_table._stored(path, "1") == (False, None)
    assert pinyin_table._stored(tmp_path / "missing.bin", "1") == (False, None)


def test_a_table_that_disagreed_with_pypinyin_stands_down(tmp_path: Path) -> None:
    path = tmp_path / "t.bin"
    path.write_bytes(marshal.dumps((FORMAT, "1")))  # what a failed self-check stores
    assert load_or_build(path, "1") is None  # no rebuild: pypinyin is used directly


def test_version_is_read_without_importing_pypinyin(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypinyin

    expected = pypinyin.__version__
    monkeypatch.delitem(sys.modules, "pypinyin")
    assert pinyin_table.pypinyin_version() == expected
    assert "pypinyin" not in sys.modules


def test_every_start_of_a_phrase_reads_as_pypinyin_reads_it(fresh: PinyinTable) -> None:
    """Where the cut is subtle: text that starts some phrase without a phrase at its start
    (pypinyin then reads what is left character by character, 下不了 xia bu le), plus every
    10th phrase, alone and glued to the next."""
    phrases = fresh.phrases()
    known = set(phrases)
    texts: set[str] = set()
    for p in phrases:
        for end in range(2, len(p)):
            if p[:end] in known:
                break
            texts.add(p[:end])
    texts.update(phrases[::10])
    texts.update(a + b for a, b in zip(phrases[::10], phrases[5::10], strict=False))
    assert pinyin_table.agrees_with_pypinyin(fresh, sorted(texts))


def test_warming_loads_the_process_table() -> None:
    names.warm()
    assert pinyin_table._loaded
    assert pinyin_table.table() is pinyin_table.table()
