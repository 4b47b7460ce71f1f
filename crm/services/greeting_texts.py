"""The default greeting templates: our own words, per occasion, in Chinese and English, in three
tones. Placeholders: ``{address}`` (张总, 李姐), ``{name}``, ``{occasion}`` and ``{touch}`` (one
sentence drawn from the client's life notes, or nothing); Chinese texts write them
``{称呼}``, ``{姓名}``, ``{节日}``, ``{关怀}`` (:data:`ZH_PLACEHOLDERS`), and either is filled.

Festival templates are built from a frame per tone and a greeting and wish per festival, then
stored and edited as whole texts.
"""

from __future__ import annotations

LANGS = ("zh", "en")
TONES = ("formal", "warm", "brief")

#: The personal touch, built around one life note: a note that says something (女儿明年高考)…
TOUCH = {
    "zh": "还记得您说过{note}，盼一切顺利。",
    "en": "I remember you mentioned {note}; I hope it is all going well.",
}
#: …a note that only names something (婚礼), woven in as a thing…
TOUCH_THING = {
    "zh": "还记得您提到的{note}，盼一切顺利。",
    "en": "I remember you mentioned {note}; I hope it is all going well.",
}
#: …and the day after the note's date: asking how it went.
TOUCH_AFTER = {
    "zh": "{note}，一切还顺利吧？",
    "en": "How did it go with {note}? I hope all went well.",
}
TOUCH_AFTER_THING = {
    "zh": "{note}还顺利吧？",
    "en": "How did {note} go? I hope all went well.",
}

#: The Chinese names of the placeholders, which zh templates use (the English ones still work).
ZH_PLACEHOLDERS = {"address": "称呼", "name": "姓名", "occasion": "节日", "touch": "关怀"}

#: What a festival wishes a company: its business, not its health or family.
_BUSINESS_WISH = {
    "zh": "祝贵公司生意兴隆、事业蒸蒸日上。",
    "en": "Wishing your company a thriving year of business.",
}
#: Words for a person, and what a company's text says instead.
_BUSINESS_WORDS = {
    "zh": (
        ("衷心祝您身体健康、事业兴旺、阖家幸福。", "衷心祝贵公司事业兴旺、蒸蒸日上。"),
        ("最近生意和身体都还好吧？", "最近生意还顺利吧？"),
        ("愿新的一岁平安顺遂、笑口常开。", "祝生意兴隆、越做越好。"),
    ),
    "en": (
        (
            "Wishing you good health, continued success and happiness for your whole family.",
            "Wishing your company continued success.",
        ),
        ("How are business and family?", "How is business?"),
    ),
}

_FESTIVAL_FRAMES = {
    "zh": {
        "formal": "{address}您好！值此{occasion}之际，{wish}感谢您一直以来的信任与支持。{touch}",
        "warm": "{address}，{greet}！{wish}{touch}有什么需要随时找我。",
        "brief": "{address}，{greet}！",
    },
    "en": {
        "formal": "Dear {address}, {greet}! {wish} Thank you for your continued trust. {touch}",
        "warm": "Hi {address}, {greet}! {wish} {touch} Just let me know if I can help with "
        "anything.",
        "brief": "{greet}, {address}!",
    },
}

#: festival key -> language -> (greet, wish)
_FESTIVAL_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "new_year": {
        "zh": ("元旦快乐", "新的一年，祝您事业更上一层楼，日子红红火火。"),
        "en": ("happy New Year", "May the year ahead bring you and your business every success."),
    },
    "laba": {
        "zh": ("腊八节快乐", "喝碗腊八粥暖暖身子，年味儿也越来越近了。"),
        "en": ("happy Laba Festival", "A warm bowl of Laba porridge, and New Year is close."),
    },
    "new_years_eve": {
        "zh": ("除夕快乐", "辞旧迎新，祝您阖家团圆，来年顺顺利利。"),
        "en": (
            "happy New Year's Eve",
            "Enjoy the reunion dinner; may the coming year go smoothly.",
        ),
    },
    "spring_festival": {
        "zh": ("新春快乐", "祝您新的一年生意兴隆、身体健康、万事如意。"),
        "en": (
            "happy Spring Festival",
            "Wishing you good health and a thriving business this year.",
        ),
    },
    "lantern": {
        "zh": ("元宵节快乐", "月圆人团圆，祝您和家人甜甜蜜蜜、圆圆满满。"),
        "en": (
            "happy Lantern Festival",
            "May the full moon keep your whole family together and well.",
        ),
    },
    "qingming": {
        "zh": ("清明安康", "春和景明，出行注意安全，愿您与家人平安康健。"),
        "en": ("peaceful Qingming", "Travel safely in this season of remembrance, and stay well."),
    },
    "labour_day": {
        "zh": ("劳动节快乐", "忙了这么久，也给自己放个假，好好歇一歇。"),
        "en": (
            "happy Labour Day",
            "You have worked hard; I hope the holiday gives you a good rest.",
        ),
    },
    "dragon_boat": {
        "zh": ("端午安康", "粽叶飘香，愿您和家人安康顺意。"),
        "en": ("happy Dragon Boat Festival", "Wishing you and your family health and peace."),
    },
    "qixi": {
        "zh": ("七夕快乐", "愿您与家人相伴相守，日子甜甜美美。"),
        "en": ("happy Qixi", "May your days together be sweet."),
    },
    "mid_autumn": {
        "zh": ("中秋快乐", "月圆人圆事事圆，祝您阖家团圆、生意兴隆。"),
        "en": ("happy Mid-Autumn Festival", "Wishing your family a full moon and a full table."),
    },
    "national_day": {
        "zh": ("国庆快乐", "长假愉快，出行平安，多陪陪家人。"),
        "en": ("happy National Day", "Enjoy the long holiday and travel safely."),
    },
    "double_ninth": {
        "zh": ("重阳安康", "登高望远，祝家中长辈福寿安康。"),
        "en": ("peaceful Double Ninth", "Wishing the elders of your family long life and health."),
    },
}

_OWN: dict[str, dict[str, dict[str, str]]] = {
    "birthday": {
        "zh": {
            "formal": "{address}您好！今天是您的生日，"
            "衷心祝您身体健康、事业兴旺、阖家幸福。{touch}",
            "warm": "{address}，生日快乐！愿新的一岁平安顺遂、笑口常开。{touch}改天一起喝茶！",
            "brief": "{address}，生日快乐，万事顺意！",
        },
        "en": {
            "formal": "Dear {address}, happy birthday! Wishing you good health, continued "
            "success and happiness for your whole family. {touch}",
            "warm": "Happy birthday, {address}! I hope the year ahead treats you well. {touch} "
            "Let's catch up over tea soon.",
            "brief": "Happy birthday, {address}!",
        },
    },
    "life_note": {
        "zh": {
            "formal": "{address}您好！{touch}如有需要我帮忙的地方，请随时告诉我。",
            "warm": "{address}，{touch}有空聊聊，需要帮忙尽管开口。",
            "brief": "{address}，{touch}",
        },
        "en": {
            "formal": "Dear {address}, {touch} Please let me know if there is anything I can do.",
            "warm": "Hi {address}! {touch} Happy to help if you need anything.",
            "brief": "Hi {address}, {touch}",
        },
    },
    "contact_due": {
        "zh": {
            "formal": "{address}您好！有段时间没联系了，近来一切可好？{touch}"
            "如有资金或业务上的需要，欢迎随时与我联系。",
            "warm": "{address}，好久没联系啦，最近生意和身体都还好吧？{touch}有空我过去看看您。",
            "brief": "{address}，最近好吗？有需要随时找我。",
        },
        "en": {
            "formal": "Dear {address}, it has been a while; I hope all is well. {touch} "
            "If your business needs anything, I am always glad to help.",
            "warm": "Hi {address}, it's been a while! How are business and family? {touch} "
            "I'd love to drop by sometime.",
            "brief": "Hi {address}, how are you? Call me anytime.",
        },
    },
}


def default_template(occasion: str, lang: str, tone: str, business: bool = False) -> str:
    """The built-in template (``business``: the one for a company); occasions without their
    own use the keep-in-touch one. Chinese texts name their placeholders in Chinese."""
    if occasion in _FESTIVAL_WORDS:
        greet, wish = _FESTIVAL_WORDS[occasion][lang]
        if business:
            wish = _BUSINESS_WISH[lang]
        if lang == "en" and tone in ("brief",):
            greet = greet[0].upper() + greet[1:]
        text = _FESTIVAL_FRAMES[lang][tone].replace("{greet}", greet).replace("{wish}", wish)
    else:
        text = _OWN.get(occasion, _OWN["contact_due"])[lang][tone]
        if business:
            for person, company in _BUSINESS_WORDS[lang]:
                text = text.replace(person, company)
    if lang == "zh":
        for english, chinese in ZH_PLACEHOLDERS.items():
            text = text.replace("{" + english + "}", "{" + chinese + "}")
    return text


def business_template(template: str, occasion: str, lang: str) -> str:
    """A company's text for a template left as ours (the officer's own texts stay as typed):
    a business wish, not 身体健康."""
    for tone in TONES:
        if template == default_template(occasion, lang, tone):
            return default_template(occasion, lang, tone, business=True)
    return template


def template_occasions() -> list[str]:
    """Occasions with templates of their own, in the settings page's order."""
    return ["birthday", *_FESTIVAL_WORDS, "life_note", "contact_due"]
