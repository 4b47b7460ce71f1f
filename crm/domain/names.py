"""Surname-aware pinyin for sorting and searching Chinese names.

pypinyin reads each character with its most common reading, which is wrong for many surnames
(曾 ceng, 单 dan, 解 jie, 仇 chou …) and it has no surname mode, so the surname goes through our
own tables and only the given name goes through pypinyin (its readings, from the table in
crm.domain.pinyin_table, so that no process has to import it). Syllables are toneless and ü is
written ``v`` (吕 lv), pypinyin's default, which is also what people type in a search box.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from crm.domain import pinyin_table

# Single surnames whose surname reading differs from pypinyin's default, plus common surnames
# pinned here so a pypinyin data change cannot move them. Left out on purpose, because the
# surname reading is disputed or the character is only ever a given name: 黑 (hei/he),
# 行 (xing/hang), 适 (kuo is for given names such as 南宫适), single 长 (rare; 长孙 is below).
# 尉 alone is Wei; Yu belongs only to 尉迟.
SURNAMES: dict[str, str] = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "覃": "qin",
    "翟": "zhai",
    "乐": "yue",
    "缪": "miao",
    "盖": "ge",
    "尉": "wei",
    "重": "chong",
    "种": "chong",
    "秘": "bi",
    "繁": "po",
    "员": "yun",
    "句": "gou",
    "折": "she",
    "召": "shao",
    "祭": "zhai",
    "阚": "kan",
    "宿": "su",
    "洗": "xian",
    "冼": "xian",
    "乜": "nie",
    "粘": "nian",
    "便": "pian",
    "藏": "zang",
    "卜": "bu",
    "薄": "bo",
    "隗": "wei",
    "都": "du",
    "能": "nai",
    "过": "guo",
    "沈": "shen",
    "石": "shi",
    "柏": "bai",
    "贾": "jia",
    "葛": "ge",
    "车": "che",
    "华": "hua",
    "任": "ren",
    "燕": "yan",
    "那": "na",
    "曲": "qu",
    "莘": "shen",
    "应": "ying",
    "万": "wan",
    "纪": "ji",
    "盛": "sheng",
    "相": "xiang",
    "强": "qiang",
    "褚": "chu",
    "牟": "mou",
    "郗": "xi",
    "朝": "chao",
    "宓": "mi",
}

# Compound surnames, as syllables. A compound is only taken as the surname when a given name
# follows it (three or more characters): 东方 alone is more likely 东 + 方 than a bare surname.
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"),
    "长孙": ("zhang", "sun"),
    "上官": ("shang", "guan"),
    "司徒": ("si", "tu"),
    "司空": ("si", "kong"),
    "东方": ("dong", "fang"),
    "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"),
    "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"),
    "令狐": ("ling", "hu"),
    "慕容": ("mu", "rong"),
    "宇文": ("yu", "wen"),
    "夏侯": ("xia", "hou"),
    "公孙": ("gong", "sun"),
    "轩辕": ("xuan", "yuan"),
    "端木": ("duan", "mu"),
    "西门": ("xi", "men"),
    "南宫": ("nan", "gong"),
    "独孤": ("du", "gu"),
    "澹台": ("tan", "tai"),
    "公冶": ("gong", "ye"),
    "呼延": ("hu", "yan"),
    "闻人": ("wen", "ren"),
    "东郭": ("dong", "guo"),
    "钟离": ("zhong", "li"),
    "宗政": ("zong", "zheng"),
    "濮阳": ("pu", "yang"),
    "太史": ("tai", "shi"),
    "申屠": ("shen", "tu"),
    "百里": ("bai", "li"),
    "赫连": ("he", "lian"),
    "拓跋": ("tuo", "ba"),
    "鲜于": ("xian", "yu"),
    "公羊": ("gong", "yang"),
    "乐正": ("yue", "zheng"),
    "左丘": ("zuo", "qiu"),
    "亓官": ("qi", "guan"),
    "第五": ("di", "wu"),
}


class NamePinyin(NamedTuple):
    spaced: str  # "zeng guo fan": sort key; the spaces make 'zhan ge' sort before 'zhang e'
    compact: str  # "zengguofan": matched by search
    initials: str  # "zgf": matched by search


_WORD = re.compile(r"[^\W_]+")  # runs of letters/digits in any script; drops space, punctuation


def _is_han(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo" and "CJK" in unicodedata.name(ch, "")


def _other_words(text: str) -> list[str]:
    """pypinyin's ``errors`` hook: non-Han runs become lowercase words, accents removed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(plain)


# Two caches: given names repeat far more than whole names, and the phrase segmentation is the
# cost; the small whole-name cache just skips the splitting and joining.
@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    # pypinyin's readings, from a table built once from pypinyin (see pinyin_table: importing
    # pypinyin itself takes ~0.3 s, most of a `crm add`).
    return tuple(pinyin_table.syllables(text, _other_words))


def warm() -> None:
    """Load the pinyin table now (a background thread while a form is open): the first time
    after installing or upgrading pypinyin it is built, ~1-3 s."""
    pinyin_table.table()


def _clean(name: str) -> str:
    # NFKC folds full-width letters and digits (ＡＢ１) to ASCII.
    return unicodedata.normalize("NFKC", name).strip()


def split_surname(name: str) -> tuple[str, str]:
    """(surname, given name). Names not starting with a Han character have no surname."""
    name = _clean(name)
    if not name or not _is_han(name[0]):
        return "", name
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[0], name[1:]


@lru_cache(maxsize=16384)
def _name_pinyin(name: str, personal: bool) -> NamePinyin:
    if personal:
        surname, given = split_surname(name)
        if surname in COMPOUND_SURNAMES:
            head: tuple[str, ...] = COMPOUND_SURNAMES[surname]
        elif surname in SURNAMES:
            head = (SURNAMES[surname],)
        else:
            head = _syllables(surname) if surname else ()
        words = head + _syllables(given)
    else:
        words = _syllables(_clean(name))
    return NamePinyin(" ".join(words), "".join(words), "".join(w[0] for w in words))


def name_pinyin(name: str, *, personal: bool = True) -> NamePinyin:
    """Pinyin of a person's name (surname tables applied) or, with ``personal=False``, of a
    company name (plain pypinyin, whose phrase table reads 重庆银行 as chong qing yin hang)."""
    return _name_pinyin(name, personal)
