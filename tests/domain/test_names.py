import random
import time

import pytest

from crm.domain.names import NamePinyin, name_pinyin, split_surname
from crm.domain.text import normalise_query


@pytest.mark.parametrize(
    ("name", "spaced", "initials"),
    [
        ("曾国藩", "zeng guo fan", "zgf"),
        ("单雄信", "shan xiong xin", "sxx"),
        ("解缙", "xie jin", "xj"),
        ("仇英", "qiu ying", "qy"),
        ("区志明", "ou zhi ming", "ozm"),
        ("查良镛", "zha liang yong", "zly"),
        ("朴智星", "piao zhi xing", "pzx"),
        ("覃海", "qin hai", "qh"),
        ("翟天临", "zhai tian lin", "ztl"),
        ("乐嘉", "yue jia", "yj"),
        ("缪斯", "miao si", "ms"),
        ("盖聂", "ge nie", "gn"),
        ("种师道", "chong shi dao", "csd"),
        ("秘书华", "bi shu hua", "bsh"),
        ("繁钦", "po qin", "pq"),
        ("员半千", "yun ban qian", "ybq"),
        ("句龙", "gou long", "gl"),
        ("折克行", "she ke xing", "skx"),
        ("召伯", "shao bo", "sb"),
        ("祭遵", "zhai zun", "zz"),
        ("阚泽", "kan ze", "kz"),
        ("洗星海", "xian xing hai", "xxh"),
        ("薄一波", "bo yi bo", "byb"),
        ("卜算", "bu suan", "bs"),
        ("隗嚣", "wei xiao", "wx"),
        ("能静", "nai jing", "nj"),
        ("藏明", "zang ming", "zm"),
        ("尉缭", "wei liao", "wl"),
        ("吕布", "lv bu", "lb"),
    ],
)
def test_polyphonic_surnames(name: str, spaced: str, initials: str) -> None:
    assert name_pinyin(name) == NamePinyin(spaced, spaced.replace(" ", ""), initials)


@pytest.mark.parametrize(
    ("name", "surname", "spaced", "initials"),
    [
        ("欧阳修", "欧阳", "ou yang xiu", "oyx"),
        ("诸葛亮", "诸葛", "zhu ge liang", "zgl"),
        ("长孙无忌", "长孙", "zhang sun wu ji", "zswj"),
        ("尉迟恭", "尉迟", "yu chi gong", "ycg"),
        ("万俟卨", "万俟", "mo qi xie", "mqx"),
        ("单于琼", "单于", "chan yu qiong", "cyq"),
        ("澹台灭明", "澹台", "tan tai mie ming", "ttmm"),
        ("司马光", "司马", "si ma guang", "smg"),
    ],
)
def test_compound_surnames(name: str, surname: str, spaced: str, initials: str) -> None:
    assert split_surname(name) == (surname, name[len(surname) :])
    assert name_pinyin(name) == NamePinyin(spaced, spaced.replace(" ", ""), initials)


def test_two_characters_are_never_a_bare_compound_surname() -> None:
    assert split_surname("东方") == ("东", "方")
    assert split_surname("张三") == ("张", "三")
    assert split_surname("曾") == ("曾", "")
    assert name_pinyin("曾").spaced == "zeng"


def test_surname_table_applies_only_to_the_surname() -> None:
    # 曾 inside a given name keeps pypinyin's reading (曾经 ceng jing).
    assert name_pinyin("张曾经").spaced == "zhang ceng jing"


def test_company_names_skip_the_surname_table() -> None:
    company = name_pinyin("曾氏贸易有限公司", personal=False)
    assert company.spaced == "ceng shi mao yi you xian gong si"
    assert name_pinyin("曾氏贸易有限公司").spaced.startswith("zeng shi")
    assert name_pinyin("重庆银行", personal=False).initials == "cqyh"
    assert name_pinyin("3M中国", personal=False) == NamePinyin("3m zhong guo", "3mzhongguo", "3zg")


def test_latin_digits_and_punctuation() -> None:
    assert name_pinyin("John Smith") == NamePinyin("john smith", "johnsmith", "js")
    assert split_surname("John Smith") == ("", "John Smith")
    assert name_pinyin("Tony 张") == NamePinyin("tony zhang", "tonyzhang", "tz")
    assert name_pinyin("José García").spaced == "jose garcia"
    assert name_pinyin("ＡＢＣ").compact == "abc"  # full-width letters
    assert name_pinyin("阿依古丽·买买提").spaced == "a yi gu li mai mai ti"
    assert name_pinyin("  ").spaced == ""


def test_sorting_by_spaced_follows_pinyin_not_code_points() -> None:
    names = ["张鄂", "曾国藩", "詹戈", "安娜", "欧阳修", "吕布", "李四", "Zoe Wang"]
    ordered = sorted(names, key=lambda n: name_pinyin(n).spaced)
    assert ordered == ["安娜", "李四", "吕布", "欧阳修", "曾国藩", "詹戈", "张鄂", "Zoe Wang"]
    assert sorted(names) != ordered  # code-point order would be wrong
    # zhan ge before zhang e: the space separates syllables
    assert name_pinyin("詹戈").spaced < name_pinyin("张鄂").spaced
    assert name_pinyin("詹戈").compact == name_pinyin("张鄂").compact  # compact cannot tell


def test_normalise_query() -> None:
    assert normalise_query("  Xi'an Lu ") == "xianlu"
    assert normalise_query("ZHANG　San’") == "zhangsan"  # ideographic space, curly quote
    assert normalise_query("ＺＧＦ") == "zgf"
    assert normalise_query(" 138 1234 ") == "1381234"


@pytest.mark.perf
def test_100k_names_are_fast() -> None:
    rng = random.Random(7)
    surnames = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁")
    chars = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红梅玉文斌宇浩然子涵欣怡"
    names = [
        rng.choice(surnames) + "".join(rng.choice(chars) for _ in range(rng.choice((1, 2, 2))))
        for _ in range(100_000)
    ]
    started = time.perf_counter()
    for name in names:
        name_pinyin(name)
    # Measured about 0.25 s; the bound leaves room for slow CI machines.
    assert time.perf_counter() - started < 3.0
