"""Today's rows show the risk badge (▲ per severity step) of a client with a signal open, read
on the worker with the reminders, and follow a signal opened from elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from crm.domain.clock import FixedClock
from crm.services.facade import Services
from crm.services.reminders.engine import compute
from crm.ui.reminders.model import TodayModel, attach_badges, group_reminders
from tests.reminders.test_ui import _wait_loaded


def _birthday_client(add_client: Callable[..., int], name: str) -> int:
    return add_client(name, "solar", 11, 30, 1980)  # due today (a day of lead)


def test_the_model_shows_the_badge_of_a_client_at_risk(
    qtmodeltester, book, add_client, clock: FixedClock
) -> None:
    calm = _birthday_client(add_client, "张三")
    at_risk = _birthday_client(add_client, "李四")
    services = Services(book, clock)
    services.risks.add(at_risk, "涉诉/被执行")  # severity 3: ▲▲▲
    groups = group_reminders(compute(book.reader(), clock.today()), clock.today())
    attach_badges(groups, services.risks.badges)
    model = TodayModel()
    model.set_groups(groups, clock.now())
    qtmodeltester.check(model)
    titles = {}
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        for row in range(model.rowCount(parent)):
            r = model.reminder(model.index(row, 0, parent))
            titles[r.occurrence.client_id] = model.index(row, 1, parent).data()
    assert titles[at_risk].startswith("▲▲▲ ")
    assert not titles[calm].startswith("▲")


def test_today_page_follows_a_signal_opened(qtbot, add_client, main_window, clock) -> None:
    cid = _birthday_client(add_client, "王五")
    page = main_window.reminders.page
    _wait_loaded(qtbot, page)
    index = page.model.index_of_key(f"birthday:{cid}:2026-11-30")
    assert not page.model.index(index.row(), 1, index.parent()).data().startswith("▲")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.ctx.services.risks.add(cid, "经营下滑")  # severity 2
    index = page.model.index_of_key(f"birthday:{cid}:2026-11-30")
    assert page.model.index(index.row(), 1, index.parent()).data().startswith("▲▲ ")


def test_post_loan_check_groups_have_a_title() -> None:
    model = TodayModel()
    assert model.group_title("today", "post_loan_check", 2) == "Today · Post-loan checks (2)"
