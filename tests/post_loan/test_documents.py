"""A loan application's papers: the checklist from the product's template, marks, expiry,
the "what is still missing" message, and refusals that write nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from crm.domain.changes import Topic
from crm.domain.errors import ValidationErrors
from crm.domain.post_loan import DocState
from tests.post_loan.conftest import add_client, applied, count


def test_checklist_follows_the_product_template(services) -> None:
    cid = add_client(services)
    loan_id = applied(services, cid, "抵押贷")
    sheet = services.checklists.checklist(loan_id)
    names = [i.item for i in sheet.items]
    assert names[:3] == ["身份证", "户口本", "婚姻证明"]
    assert "房产证" in names and "共有人书面同意抵押" in names
    assert all(i.state is DocState.MISSING for i in sheet.items)
    consumer = services.checklists.checklist(applied(services, cid, "消费贷"))
    assert [i.item for i in consumer.items] == ["身份证", "收入证明", "近6个月工资流水", "用途证明"]


def test_mark_received_missing_and_expired(services, published) -> None:
    cid = add_client(services)
    loan_id = applied(services, cid)
    services.checklists.mark(loan_id, " 身份证 ", DocState.RECEIVED, note="原件已核")
    services.checklists.mark(
        loan_id, "营业执照", DocState.RECEIVED, expires_on=dt.date(2026, 11, 1)
    )
    services.checklists.mark(loan_id, "户口本", DocState.RECEIVED, expires_on=dt.date(2027, 6, 1))
    items = {i.item: i for i in services.checklists.checklist(loan_id).items}
    assert items["身份证"].state is DocState.RECEIVED and items["身份证"].note == "原件已核"
    assert items["营业执照"].state is DocState.EXPIRED  # the clock is 2026-11-29
    assert items["户口本"].state is DocState.RECEIVED
    services.checklists.mark(loan_id, "身份证", DocState.MISSING)
    items = {i.item: i for i in services.checklists.checklist(loan_id).items}
    assert items["身份证"].state is DocState.MISSING and items["身份证"].note == "原件已核"
    assert published[-1].topics == {Topic.LOAN_DOCUMENT} and published[-1].client_ids == {cid}


def test_unknown_item_is_refused_with_the_list_and_nothing_written(services, book) -> None:
    loan_id = applied(services, add_client(services), "消费贷")
    with pytest.raises(ValidationErrors) as caught:
        services.checklists.mark(loan_id, "营业执照", DocState.RECEIVED)
    text = caught.value.errors[0].message.render()
    assert "身份证、收入证明、近6个月工资流水、用途证明" in text
    assert count(book, "loan_document") == 0


def test_missing_message_lists_what_is_missing_and_how(services) -> None:
    cid = add_client(services, form_of_address="张总")
    loan_id = applied(services, cid)
    for item in ("身份证", "户口本", "婚姻证明", "营业执照", "财务报表"):
        services.checklists.mark(loan_id, item, DocState.RECEIVED)
    text = services.checklists.checklist(loan_id).message(lambda _c, t: t)
    lines = text.splitlines()
    assert lines[0].startswith("张总, your 经营贷 application")
    assert lines[1].startswith("1. 近6个月经营流水：") and lines[2].startswith(
        "2. 经营场所租赁合同"
    )
    assert len(lines) == 4


def test_sending_the_message_is_logged_as_a_contact(services, book) -> None:
    cid = add_client(services)
    loan_id = applied(services, cid)
    contact = services.checklists.log_sent(loan_id)
    row = services.interactions.get(contact)
    assert row.client_id == cid and "身份证" in row.summary
    assert row.summary.startswith("Sent the list of missing papers (")  # no translate: English
    assert book.reader().execute("SELECT last_contact_at FROM client").fetchone()[0]


def test_the_contact_logged_reads_in_the_callers_language(services) -> None:
    from crm.translations import load_table

    table = load_table("zh_CN")
    loan_id = applied(services, add_client(services))
    contact = services.checklists.log_sent(loan_id, translate=lambda c, t: table.get((c, t), t))
    summary = services.interactions.get(contact).summary
    assert summary.startswith("已发送缺件清单（") and "身份证、" in summary


def test_edited_template_reaches_open_applications(services) -> None:
    loan_id = applied(services, add_client(services), "信用贷")
    services.checklists.save_template("信用贷", [{"item": "身份证"}, {"item": "征信授权书"}])
    assert [i.item for i in services.checklists.checklist(loan_id).items] == [
        "身份证",
        "征信授权书",
    ]
    with pytest.raises(ValidationErrors):
        services.checklists.save_template("信用贷", [{"item": "  "}])


def test_a_loan_already_lent_has_its_papers_on_file(services) -> None:
    from tests.post_loan.conftest import disbursed

    cid = add_client(services)
    loan_id = disbursed(services, cid, dt.date(2026, 6, 1))
    sheet = services.checklists.checklist(loan_id)
    assert sheet.missing == ()
    services.checklists.mark(loan_id, "营业执照", DocState.MISSING)
    assert [i.item for i in services.checklists.checklist(loan_id).missing] == ["营业执照"]
