"""Greetings that read as a person wrote them (issue 10): compound surnames from the pinyin
code's table, a business text for companies, the day after asking how it went, a note that only
names something woven in as a thing, Chinese placeholders in zh templates."""

from __future__ import annotations

from crm.services.greeting_texts import default_template
from crm.services.greetings import AFTER, Recipient, compose, fill, pick_template, touch_sentence


def _who(name: str, kind: str = "person", gender: str | None = "female") -> Recipient:
    return Recipient(1, name, None, gender, kind, ())


def test_compound_surnames_beyond_ten() -> None:
    for name, address in (("端木蓉", "端木女士"), ("公孙丽", "公孙女士"), ("夏侯静", "夏侯女士")):
        assert _who(name).address("zh") == address
    assert _who("欧阳娜娜").address("zh") == "欧阳女士"
    assert _who("张伟", gender="male").address("zh") == "张先生"


def test_a_company_gets_a_business_greeting() -> None:
    company = _who("杭州宏达印刷厂有限公司", kind="company", gender=None)
    for tone in ("formal", "warm"):
        text = compose(
            pick_template({}, "spring_festival", "zh", tone), company, "spring_festival", "zh", None
        )
        assert "身体健康" not in text and "生意兴隆" in text, text
    person = compose(
        pick_template({}, "spring_festival", "zh", "warm"),
        _who("李娜"),
        "spring_festival",
        "zh",
        None,
    )
    assert "身体健康" in person
    due = compose(
        pick_template({}, "contact_due", "zh", "warm"), company, "contact_due", "zh", None
    )
    assert "身体" not in due
    own = "{称呼}，新年好，祝身体健康！"  # the officer's own words stay as typed
    assert "身体健康" in compose(own, company, "spring_festival", "zh", None)


def test_day_after_asks_how_it_went() -> None:
    template = pick_template({}, AFTER, "zh", "warm")
    text = compose(template, _who("李娜"), AFTER, "zh", "婚礼")
    assert "婚礼还顺利吧？" in text
    assert "？" in touch_sentence("女儿明天高考了", "zh", after=True)
    assert "How did" in touch_sentence("the wedding", "en", after=True)


def test_a_noun_note_is_woven_in_as_a_thing() -> None:
    assert touch_sentence("婚礼", "zh") == "还记得您提到的婚礼，盼一切顺利。"
    assert (
        touch_sentence("女儿明年六月要高考", "zh") == "还记得您说过女儿明年六月要高考，盼一切顺利。"
    )


def test_chinese_placeholders() -> None:
    zh = default_template("birthday", "zh", "brief")
    assert "{称呼}" in zh and "{address}" not in zh
    assert fill("{称呼}，{姓名}", {"称呼": "李姐", "姓名": "李娜"}) == "李姐，李娜"
    text = compose("{address}好，{称呼}好", _who("李娜"), "birthday", "zh", None)
    assert text == "李女士好，李女士好"
