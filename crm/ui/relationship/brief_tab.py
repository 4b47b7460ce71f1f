"""The "Before you call" tab: the pre-contact brief, with its actions one click away."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import (
    QPushButton,
    QTextBrowser,
    QWidget,
)

from crm.domain.changes import Topic
from crm.domain.loan_form import render as render_nested
from crm.domain.masking import mask_phone
from crm.domain.messages import Msg
from crm.domain.relationship_enums import Channel
from crm.services.brief import (
    Brief,
    BriefLoan,
    about_lines,
    brief_text,
    days_ago,
    loan_parts,
    need_parts,
)
from crm.services.post_loan_brief import AFTER_LOAN_TOPICS, after_loan_sections
from crm.services.resources import ShareRow
from crm.ui.i18n import render
from crm.ui.relationship.kit import CLIENT_TAB_TOPICS
from crm.ui.relationship.views import ClientTab

LATE = "#b91c1c"
SOON = "#b45309"
MUTED = "#6b7280"
#: A maturity this close is amber: time to talk about renewal or extension.
SOON_DAYS = 30


def _e(text: str) -> str:
    return html.escape(text)


#: Resources already shared, at the foot of the brief.
SHARES_SHOWN = 3


def loan_html(loan: BriefLoan) -> str:
    """A running loan in one line: the product in bold, an overdue in red, a maturity within
    a month amber (red once past)."""
    days = loan.days_to_maturity
    pieces = []
    for kind, msg in loan_parts(loan):
        text = _e(render_nested(msg, QCoreApplication.translate))
        if kind == "product":
            text = f"<b>{text}</b>"
        elif kind == "overdue":
            text = f"<b style='color:{LATE}'>{text}</b>"
        elif kind == "maturity" and days is not None and days <= SOON_DAYS:
            text = f"<span style='color:{LATE if days < 0 else SOON}'>{text}</span>"
        pieces.append(text)
    return " · ".join(pieces)


def _line(msg: Msg, serious: bool) -> str:
    text = _e(render_nested(msg, QCoreApplication.translate))
    return f"<b style='color:{LATE}'>{text}</b>" if serious else text


class BriefTab(ClientTab):
    topics = CLIENT_TAB_TOPICS | {Topic.LOAN, Topic.NEED} | AFTER_LOAN_TOPICS

    def build(self) -> None:
        self.brief: Brief | None = None
        self.shares: list[ShareRow] = []
        #: The phone numbers shown in full (the officer asked: "Show"), for this client only.
        self._phones_shown_for: int | None = None
        #: Copy the brief once the reload under way brings it.
        self._copy_when_shown = False
        self.browser = QTextBrowser()
        self.browser.setObjectName("briefView")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow_link)
        self.log_button = QPushButton(self.tr("Log contact…"))
        self.log_button.setToolTip(self.tr("Record a call, WeChat chat or visit (Ctrl+L)"))
        self.note_button = QPushButton(self.tr("Note…"))
        self.promise_button = QPushButton(self.tr("Promise…"))
        self.share_button = QPushButton(self.tr("Share…"))
        self.share_button.setToolTip(self.tr("Record a resource you recommended to them"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the brief as plain text"))
        self.lay_out(
            [self.log_button, self.note_button, self.promise_button, self.share_button],
            [self.copy_button],
            self.browser,
        )
        self.log_button.clicked.connect(lambda: self._with_client(self.kit.log_contact))
        self.note_button.clicked.connect(lambda: self._with_client(self.kit.add_note))
        self.promise_button.clicked.connect(lambda: self._with_client(self.kit.make_promise))
        self.share_button.clicked.connect(lambda: self._with_client(self.kit.share_resource))
        self.copy_button.clicked.connect(self.copy_text)

    def _with_client(self, action: Callable[[int, QWidget], object]) -> None:
        if self.client_id is not None:
            action(self.client_id, self)

    def reload(self) -> None:
        cid, services, today = self.client_id, self.kit.ctx.services, self.kit.today

        def read() -> tuple[Brief | None, list[ShareRow]]:
            if cid is None:
                return None, []
            shares = services.resources.shares_for_client(cid)[:SHARES_SHOWN]
            return services.brief.build(cid, today), shares

        self.fetch(self.kit.ctx.runner, read, self._show)

    def _show(self, answer: tuple[Brief | None, list[ShareRow]]) -> None:
        self.brief, self.shares = answer
        if self.brief is None:
            self.browser.clear()
        else:
            self.browser.setHtml(self.html(self.brief))
        if self._copy_when_shown:
            self._copy_when_shown = False
            from crm.ui.security.clipboard import copy_sensitive

            copy_sensitive(self.text())  # cleared after 30 s: it holds the client's details
            self.kit.toast.show_message(self.tr("Brief copied"), msec=2500)

    def text(self) -> str:
        if self.brief is None:
            return ""
        return brief_text(self.brief, self.kit.today, QCoreApplication.translate)

    def copy_text(self) -> None:
        """Copy the brief as it is now (read afresh: the tab may be behind)."""
        self._copy_when_shown = True
        self.reload_now()

    def follow_link(self, url: QUrl) -> None:
        kind, _sep, ref = url.toString().partition(":")
        if self.brief is None or not ref.isdigit():
            return
        if kind == "phones":
            shown = self._phones_shown_for == self.brief.client_id
            self._phones_shown_for = None if shown else self.brief.client_id
            self.browser.setHtml(self.html(self.brief))
            return
        if kind == "ask":
            note = next((n for n in self.brief.talking_points if n.id == int(ref)), None)
            if note is not None:
                self.kit.mark_asked(note, self)
        elif kind == "keep":
            promise = next((p for p in self.brief.promises if p.id == int(ref)), None)
            if promise is not None:
                self.kit.keep_promise(promise, self)

    # -- rendering -----------------------------------------------------------------------------

    def _phones_html(self, b: Brief) -> str:
        """The phones masked (138****5678), in full once the officer clicks "Show"."""
        shown = self._phones_shown_for == b.client_id
        numbers = " · ".join(_e(p if shown else mask_phone(p)) for p in b.phones)
        link = self.tr("Hide") if shown else self.tr("Show")
        label = self.tr("Phone")
        return f"{label}: {numbers} &nbsp;<a href='phones:{b.client_id}'>{link}</a>"

    def html(self, b: Brief) -> str:
        today = self.kit.today
        title = f"<span style='font-size:17px; font-weight:600'>{_e(b.address_as)}</span>"
        if b.form_of_address:
            title += f" <span style='color:{MUTED}'>{_e(b.name)}</span>"
        facts = [render(b.status.label)]
        if b.tags:
            facts.append("、".join(_e(t) for t in b.tags))
        if b.archived:
            facts.append(self.tr("archived"))
        contact = self.tr("Last contact: {when} · every {n} days").format(
            when=render(days_ago(b.last_contact_at, today)), n=b.cadence_days
        )
        if b.contact_due <= today:
            due_text = self.tr("due for contact")
            contact += f" · <b style='color:{LATE}'>{due_text}</b>"
        parts = [
            f"<p style='margin:0'>{title}</p>",
            f"<p style='margin:2px 0'>{' · '.join(facts)}</p>",
            f"<p style='margin:2px 0; color:{MUTED}'>{contact}</p>",
        ]
        if b.phones:
            parts.append(f"<p style='margin:2px 0'>{self._phones_html(b)}</p>")

        def section(heading: str, items: list[str], empty: str) -> None:
            parts.append(f"<h4 style='margin:10px 0 2px 0'>{heading}</h4>")
            if items:
                parts.append("<ul style='margin:0'>" + "".join(f"<li>{i}</li>" for i in items))
                parts.append("</ul>")
            else:
                parts.append(f"<p style='margin:0; color:{MUTED}'>{empty}</p>")

        section(
            self.tr("Running loans"), [loan_html(x) for x in b.loans], self.tr("No running loans.")
        )
        for heading, lines in after_loan_sections(b.after_loan, today):  # 贷后 (post-loan)
            section(render(heading).rstrip(":："), [_line(m, serious) for m, serious in lines], "")
        if b.need is not None:
            section(
                self.tr("Needs record, {date}").format(date=b.need.recorded_on.isoformat()),
                [_e(render(p)) for p in need_parts(b.need)],
                "",
            )
        else:
            section(self.tr("Needs record"), [], self.tr("No needs record yet."))
        ask = self.tr("Mark asked…")
        section(
            self.tr("Ask about"),
            [
                _e(n.text)
                + (f" <span style='color:{MUTED}'>({n.event_date})</span>" if n.event_date else "")
                + f" &nbsp;<a href='ask:{n.id}'>{ask}</a>"
                for n in b.talking_points
            ],
            self.tr("No open talking points."),
        )
        about = about_lines(b)
        if about:
            section(self.tr("About them"), [_e(line) for line in about], "")
        promises = []
        kept = self.tr("Kept…")
        for p in b.promises:
            late = p.days_late(today)
            if late:
                late_text = self.tr("{n} days late").format(n=late)
                when = f"<b style='color:{LATE}'>{late_text}</b>"
            else:
                when = self.tr("due {date}").format(date=p.due_date.isoformat())
            promises.append(f"{_e(p.text)} — {when} &nbsp;<a href='keep:{p.id}'>{kept}</a>")
        section(self.tr("Open promises"), promises, self.tr("No open promises."))
        section(
            self.tr("Last contacts"),
            [
                f"<span style='color:{MUTED}'>{i.occurred_at:%Y-%m-%d}"
                f" {render(Channel(i.channel).label)}</span> {_e(i.summary)}"
                + (f" → {_e(i.next_step)}" if i.next_step else "")
                for i in b.recent
            ],
            self.tr("No contacts logged yet."),
        )
        section(
            self.tr("Coming up"),
            [
                f"{u.date.isoformat()} " + (self.tr("Birthday") if u.birthday else _e(u.text))
                for u in b.upcoming
            ],
            self.tr("No personal dates in the next 60 days."),
        )
        if self.shares:
            section(
                self.tr("Already shared"),
                [f"{s.shared_on} {_e(s.resource_name)}" for s in self.shares],
                "",
            )
        return "".join(parts)
