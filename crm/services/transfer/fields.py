"""The columns of an exported list, and how an imported file's headers map onto them.

One list of fields for export headers, the import mapping step and the CLI's ``--columns``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crm.domain.enums import ClientKind, ClientStatus, Gender
from crm.domain.messages import QT_TRANSLATE_NOOP, Msg, Translate
from crm.domain.referrals import ReferralSource

#: Text starting with one of these is a formula to Excel and LibreOffice (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Field:
    key: str
    label: Msg
    synonyms: tuple[str, ...] = ()  # normalised header words that mean this field
    importable: bool = True
    exported: bool = True  # False: only read (a contact file's first and last names)


FIELDS: tuple[Field, ...] = (
    Field(
        "name",
        QT_TRANSLATE_NOOP("Transfer", "Name"),
        ("姓名", "名字", "客户姓名", "客户名称", "客户名", "客户", "name", "fullname", "client"),
    ),
    Field(
        "kind", QT_TRANSLATE_NOOP("Transfer", "Kind"), ("类型", "客户类型", "类别", "kind", "type")
    ),
    Field("gender", QT_TRANSLATE_NOOP("Transfer", "Gender"), ("性别", "gender", "sex")),
    Field(
        "phones",
        QT_TRANSLATE_NOOP("Transfer", "Phones"),
        (
            "手机",
            "手机号",
            "手机号码",
            "电话",
            "电话号码",
            "联系电话",
            "联系方式",
            "号码",
            "phone",
            "phones",
            "mobile",
            "tel",
            "telephone",
            "phonenumber",
            "mobilephone",
            "cellphone",
            "homephone",
            "businessphone",
            "otherphone",
            "primaryphone",
            "companymainphone",
            "carphone",
        ),
    ),
    Field(
        "id_number",
        QT_TRANSLATE_NOOP("Transfer", "ID number"),
        (
            "身份证",
            "身份证号",
            "身份证号码",
            "证件号",
            "证件号码",
            "idnumber",
            # not a bare "id": Outlook's and many programs' record number
            "idno",
            "idcard",
            "idcardnumber",
        ),
    ),
    Field(
        "birthday",
        QT_TRANSLATE_NOOP("Transfer", "Birthday"),
        (
            "生日",
            "出生日期",
            "出生年月日",
            "出生年月",
            "birthday",
            "dateofbirth",
            "dob",
            "birthdate",
        ),
    ),
    Field(
        "wechat", QT_TRANSLATE_NOOP("Transfer", "WeChat"), ("微信", "微信号", "wechat", "weixin")
    ),
    Field(
        "business_name",
        QT_TRANSLATE_NOOP("Transfer", "Business"),
        (
            "单位",
            "公司",
            "工作单位",
            "单位名称",
            "店名",
            "商户",
            "商户名称",
            "企业名称",
            "公司名称",
            "company",
            "business",
            "businessname",
            "shop",
            "organisation",
            "organization",
            "organizationname",
            "organization1name",
            "employer",
        ),
    ),
    Field("industry", QT_TRANSLATE_NOOP("Transfer", "Industry"), ("行业", "所属行业", "industry")),
    Field(
        "uscc",
        QT_TRANSLATE_NOOP("Transfer", "Credit code"),
        ("统一社会信用代码", "信用代码", "社会信用代码", "uscc", "creditcode"),
    ),
    Field(
        "address",
        QT_TRANSLATE_NOOP("Transfer", "Address"),
        (
            "地址",
            "住址",
            "联系地址",
            "家庭住址",
            "经营地址",
            "通讯地址",
            "address",
            "address1formatted",
            "homeaddress",
            "businessaddress",
            "homestreet",
            "businessstreet",
        ),
    ),
    Field("status", QT_TRANSLATE_NOOP("Transfer", "Status"), ("状态", "客户状态", "status")),
    Field(
        "tags",
        QT_TRANSLATE_NOOP("Transfer", "Tags"),
        ("标签", "分组", "tags", "tag", "labels", "groupmembership", "categories"),
    ),
    Field(
        "notes",
        QT_TRANSLATE_NOOP("Transfer", "Notes"),
        ("备注", "说明", "附注", "notes", "note", "remarks", "remark", "comments", "comment"),
    ),
    Field(
        "form_of_address",
        QT_TRANSLATE_NOOP("Transfer", "Form of address"),
        ("称呼", "formofaddress", "salutation"),
    ),
    Field(
        "cadence_days",
        QT_TRANSLATE_NOOP("Transfer", "Keep in touch (days)"),
        (
            "回访周期",
            "联系周期",
            "回访间隔",
            "回访周期天",
            "cadence",
            "cadencedays",
            "keepintouchdays",
        ),
    ),
    # Who brought the client and when they were last in touch: a round trip keeps the
    # referral chains (the referrer by name: a client of the book or a row of the same file).
    Field(
        "referrer",
        QT_TRANSLATE_NOOP("Transfer", "Referred by"),
        ("介绍人", "推荐人", "转介绍人", "引荐人", "referrer", "referredby"),
    ),
    Field("source", QT_TRANSLATE_NOOP("Transfer", "Source"), ("来源", "客户来源", "source")),
    Field(
        "last_contact",
        QT_TRANSLATE_NOOP("Transfer", "Last contact"),
        ("最近联系", "上次联系", "最后联系", "最近联系时间", "lastcontact", "lastcontacted"),
    ),
    Field(
        "created",
        QT_TRANSLATE_NOOP("Transfer", "Added on"),
        ("添加日期", "录入日期", "创建日期", "建档日期", "addedon", "dateadded", "created"),
    ),
    # Contact files (Google, Outlook, phones) split the name: joined again on import.
    Field(
        "given_name",
        QT_TRANSLATE_NOOP("Transfer", "Given name"),
        ("名", "firstname", "givenname"),
        exported=False,
    ),
    Field(
        "family_name",
        QT_TRANSLATE_NOOP("Transfer", "Family name"),
        ("姓", "lastname", "familyname", "surname"),
        exported=False,
    ),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
DEFAULT_COLUMNS = tuple(f.key for f in FIELDS if f.exported)
#: Either is enough for the import to know the name.
NAME_KEYS = frozenset({"name", "given_name", "family_name"})
#: Headers that are phones by their pattern: Google's "Phone 1 - Value", Outlook's
#: "Business Phone 2" (normalised: "phone1value", "businessphone2").
_PHONE_PATTERN = re.compile(r"phone\d+value|(home|business|mobile|other|primary|car)phone\d*")
#: Fields several columns may feed (a 手机 and a 电话 column): their cells are joined.
REPEATABLE = frozenset({"phones", "tags"})
IMPORTABLE = tuple(f.key for f in FIELDS if f.importable)

LUNAR = QT_TRANSLATE_NOOP("Transfer", "lunar")
LEAP = QT_TRANSLATE_NOOP("Transfer", "leap")

_HEADER_NOISE = re.compile(r"[\s*:：()（）\[\]【】_\-./#＃·]+")

#: Words for enum values beyond the values themselves and their labels (both languages).
ENUM_SYNONYMS: dict[str, dict[str, str]] = {
    "kind": {
        "个人": ClientKind.PERSON,
        "自然人": ClientKind.PERSON,
        "个体": ClientKind.SOLE_PROPRIETOR,
        "个体户": ClientKind.SOLE_PROPRIETOR,
        "个体工商户": ClientKind.SOLE_PROPRIETOR,
        "企业": ClientKind.COMPANY,
        "公司": ClientKind.COMPANY,
        "单位": ClientKind.COMPANY,
    },
    "gender": {"男": Gender.MALE, "女": Gender.FEMALE, "m": Gender.MALE, "f": Gender.FEMALE},
    "status": {
        "潜在": ClientStatus.PROSPECT,
        "潜在客户": ClientStatus.PROSPECT,
        "意向": ClientStatus.PROSPECT,
        "申请中": ClientStatus.APPLYING,
        "在贷": ClientStatus.BORROWER,
        "贷款中": ClientStatus.BORROWER,
        "已结清": ClientStatus.FORMER_BORROWER,
        "结清": ClientStatus.FORMER_BORROWER,
        "拒绝": ClientStatus.DECLINED,
        "已拒绝": ClientStatus.DECLINED,
    },
    "source": {
        "转介绍": ReferralSource.REFERRAL,
        "介绍": ReferralSource.REFERRAL,
        "推荐": ReferralSource.REFERRAL,
        "上门": ReferralSource.WALK_IN,
        "自然到店": ReferralSource.WALK_IN,
        "网点": ReferralSource.BRANCH,
        "电话": ReferralSource.PHONE,
        "活动": ReferralSource.EVENT,
        "网络": ReferralSource.ONLINE,
        "线上": ReferralSource.ONLINE,
        "其他": ReferralSource.OTHER,
    },
}
ENUMS: dict[str, type[ClientKind] | type[Gender] | type[ClientStatus] | type[ReferralSource]] = {
    "kind": ClientKind,
    "gender": Gender,
    "status": ClientStatus,
    "source": ReferralSource,
}


def normalise_header(text: str) -> str:
    return _HEADER_NOISE.sub("", str(text)).lower()


def enum_lookup(key: str, translate: Translate) -> dict[str, str]:
    """Every spelling of the enum ``key`` accepted on import, normalised, to its value."""
    table: dict[str, str] = {}
    for member in ENUMS[key]:
        table[member.value] = member.value
        label = member.label
        table[normalise_header(label.text)] = member.value
        table[normalise_header(label.render(translate))] = member.value
    for word, value in ENUM_SYNONYMS[key].items():
        table[normalise_header(word)] = str(value)
    return table


def suggest_mapping(headers: list[str], translate: Translate) -> list[str | None]:
    """The field each column most likely holds (None: ignore), each field used at most once."""
    exact: dict[str, str] = {}
    for f in FIELDS:
        if not f.importable:
            continue
        for word in (*f.synonyms, f.label.text, f.label.render(translate)):
            exact.setdefault(normalise_header(word), f.key)
    out: list[str | None] = [None] * len(headers)
    used: set[str] = set()
    normal = [normalise_header(h) for h in headers]
    for i, h in enumerate(normal):  # exact matches first, so "手机" beats "备用手机"
        key = exact.get(h) or ("phones" if _PHONE_PATTERN.fullmatch(h) else None)
        if key and (key not in used or key in REPEATABLE):
            out[i] = key
            used.add(key)
    by_length = sorted(exact.items(), key=lambda kv: -len(kv[0]))
    for i, h in enumerate(normal):
        if out[i] is not None or not h:
            continue
        for word, key in by_length:
            fits = key not in used or key in REPEATABLE
            if len(word) >= 2 and word in h and fits and not word.isascii():
                out[i] = key
                used.add(key)
                break
    return out
