"""Risk signals: by hand, detected (contact changes, overdue, silence, turnover), history,
closing, badges; related parties and turnover; refusals write nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.domain.changes import Initiator, Topic
from crm.domain.errors import ValidationErrors
from crm.domain.loan_status import LoanStatus
from crm.domain.related import PartyRole
from crm.domain.risk import RiskKind
from tests.post_loan.conftest import add_client, count, disbursed

D = dt.date


def test_manual_signal_history_and_close(services, published) -> None:
    cid = add_client(services)
    sid = services.risks.add(cid, RiskKind.LITIGATION, note="法院公告")
    services.risks.note(sid, "已核实，金额不大")
    assert services.risks.badges() == {cid: 3001}
    with pytest.raises(ValidationErrors):
        services.risks.close(sid, "  ")
    services.risks.close(sid, "已结案")
    (row,) = services.risks.for_client(cid)
    assert [e.action for e in row.history] == ["opened", "noted", "closed"]
    assert row.close_note == "已结案" and not row.open
    assert services.risks.badges() == {} and services.risks.open() == []
    assert published[-1].topics == {Topic.RISK}
    with pytest.raises(ValidationErrors):
        services.risks.close(sid, "again")


def test_contact_changes_are_kept_and_detected(services, book) -> None:
    from crm.services.clients import read_details

    cid = add_client(services, phones=["13800138000"], wechat="zw1")
    for phone, wechat in (("13900139000", "zw1"), ("13900139000", "zw2")):
        detail = read_details(book.reader(), [cid])[cid]
        detail.draft.phones = [phone]
        detail.draft.wechat = wechat
        services.clients.update(cid, detail.draft)
    assert count(book, "contact_change") == 2
    (_new,) = services.risks.detect([cid])
    assert services.risks.open()[0].kind is RiskKind.CONTACT_CHANGED
    assert services.risks.detect() == []  # already open: not twice


def test_overdue_and_turnover_detected_and_open_signal_worst_first(services) -> None:
    a = add_client(services)
    loan_id = disbursed(services, a, D(2026, 6, 1))
    services.loans.change_status(loan_id, LoanStatus.OVERDUE, D(2026, 11, 20))
    b = add_client(services, "李娜")
    months = [(f"2026-{m:02d}", Decimal("100000")) for m in range(4, 10)]
    services.related.record_turnover(b, [*months, ("2026-10", Decimal("60000"))])
    services.risks.add(b, RiskKind.BIG_SPENDING)
    services.risks.detect()
    kinds = [(s.client_id, s.kind) for s in services.risks.open()]
    assert kinds[0] == (a, RiskKind.REPAYMENT_OVERDUE)
    assert (b, RiskKind.BUSINESS_DOWN) in kinds and kinds[-1] == (b, RiskKind.BIG_SPENDING)


def test_no_answer_beyond_cadence_detected(services) -> None:
    cid = add_client(services)
    disbursed(services, cid, D(2026, 6, 1))
    services.risks.log_no_answer(cid, translate=_zh())
    assert services.interactions.for_client(cid)[0].summary == "未接通"
    services.risks.detect([cid])
    assert [s.kind for s in services.risks.open()] == [RiskKind.NO_ANSWER]


def test_detection_is_incremental(services, published) -> None:
    a = add_client(services)
    b = add_client(services, "李娜")
    for cid in (a, b):
        loan_id = disbursed(services, cid, D(2026, 6, 1))
        services.loans.change_status(loan_id, LoanStatus.OVERDUE, D(2026, 11, 20))
    services.risks.detect([a])
    assert {s.client_id for s in services.risks.open()} == {a}
    assert published[-1].initiator is Initiator.SYSTEM and published[-1].client_ids == {a}


def test_related_parties_and_mutual_guarantee(services, book) -> None:
    a = add_client(services)
    b = add_client(services, "李娜")
    services.related.relate(a, PartyRole.GUARANTOR, other_client_id=b)
    services.related.relate(a, PartyRole.SPOUSE, other_name="王芳")
    assert services.related.guarantors(a) == [b]
    assert services.related.mutual_guarantees() == []
    services.related.relate(b, PartyRole.GUARANTOR, other_client_id=a)
    assert services.related.mutual_guarantees([a]) == [(a, b)]
    before = count(book, "related_party")
    with pytest.raises(ValidationErrors):
        services.related.relate(a, PartyRole.SPOUSE, other_client_id=a)
    with pytest.raises(ValidationErrors):
        services.related.relate(a, PartyRole.GUARANTOR, other_client_id=b)
    assert count(book, "related_party") == before


def test_turnover_refusals_and_stats(services, book) -> None:
    cid = add_client(services)
    for month, amount in (("2026-12", "1"), ("2026-11", "1"), ("2026-13", "1"), ("2026-10", "-1")):
        with pytest.raises(ValidationErrors):
            services.related.record_turnover(cid, [(month, Decimal(amount))])
    assert count(book, "turnover") == 0
    months = [(f"2025-{m:02d}", Decimal(200000 if m in (1, 2) else 100000)) for m in range(1, 13)]
    services.related.record_turnover(cid, months)
    stats = services.related.turnover_stats(cid)
    assert stats.average6 == 100000 and stats.peak_months == (1, 2)
    assert stats.cv is not None and 0.3 < stats.cv < 0.4


def test_turnover_imported_from_xlsx(services, book, tmp_path) -> None:
    import xlsxwriter

    cid = add_client(services)
    good = tmp_path / "流水.xlsx"
    wb = xlsxwriter.Workbook(str(good))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["月份", "金额"])
    ws.write_row(1, 0, ["2026-08", 120000])
    ws.write_row(2, 0, ["2026年9月", "130,000.50"])
    ws.write_datetime(3, 0, dt.datetime(2026, 10, 1), wb.add_format({"num_format": "yyyy-mm"}))
    ws.write_number(3, 1, 90000)
    wb.close()
    assert services.related.import_turnover(cid, good) == ["2026-08", "2026-09", "2026-10"]
    assert services.related.turnover(cid)[1] == ("2026-09", Decimal("130000.50"))
    bad = tmp_path / "bad.csv"
    bad.write_text("month,amount\n2026-07,1000\nsoon,5\n", encoding="utf-8")
    before = count(book, "turnover")
    with pytest.raises(ValidationErrors) as caught:
        services.related.import_turnover(cid, bad)
    assert "Row 3" in caught.value.errors[0].message.render()
    assert count(book, "turnover") == before


def _zh():
    from crm.translations import load_table

    table = load_table("zh_CN")
    return lambda context, text: table.get((context, text), text)


def test_contact_summaries_are_in_the_callers_language(services) -> None:
    cid = add_client(services)
    services.risks.log_no_answer(cid)  # no translate: the source language
    assert services.interactions.for_client(cid)[0].summary == "No answer"
