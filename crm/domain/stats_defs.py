"""Every figure of the dashboard defined once: title, definition (tooltip, README, report),
unit and what its click-through lists. Keys are stable: ``crm stats --json`` prints them.

The post-loan and risk figures are defined here too; they show "not available yet" until the
book records post-loan checks and risk signals (issue 14) and their functions are registered
in ``crm.services.stats_figures``.
"""

from __future__ import annotations

from types import MappingProxyType

from crm.domain.messages import QT_TRANSLATE_NOOP
from crm.domain.stats import FigureDef, Unit

REPEAT_BORROW = FigureDef(
    "repeat_borrow",
    QT_TRANSLATE_NOOP("Stats", "Repeat-borrow rate"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Clients with a loan disbursed in the period who had a loan disbursed before the "
        "period began, out of all clients with a loan disbursed in the period.",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Repeat borrowers"),
)
OVERDUE_COUNT = FigureDef(
    "overdue_count",
    QT_TRANSLATE_NOOP("Stats", "Overdue rate (loans)"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Loans that fell overdue in the period, out of the loans running in it (disbursed "
        "by its end and not repaid before its start).",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Clients with a loan that fell overdue"),
)
OVERDUE_AMOUNT = FigureDef(
    "overdue_amount",
    QT_TRANSLATE_NOOP("Stats", "Overdue rate (amount)"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "The principal lent on the loans that fell overdue in the period, out of the "
        "principal lent on the loans running in it (Prism does not know the bank's balances: "
        "it weighs each loan by the amount disbursed).",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Clients with a loan that fell overdue"),
)
CONTACT_COVERAGE = FigureDef(
    "contact_coverage",
    QT_TRANSLATE_NOOP("Stats", "Contact coverage"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Borrowers (active clients whose status is borrower) not due for contact at the period's "
        "end: their last contact, or the day they were added if never contacted, lies within "
        "their keep-in-touch cadence; out of all borrowers.",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Borrowers not contacted within their cadence"),
)
PROMISES_KEPT = FigureDef(
    "promises_kept",
    QT_TRANSLATE_NOOP("Stats", "Promises kept on time"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Promises due in the period that were kept on or before their due day, out of all "
        "promises due in the period.",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Clients with a promise not kept on time"),
)
BIRTHDAY_GREETINGS = FigureDef(
    "birthday_greetings",
    QT_TRANSLATE_NOOP("Stats", "Birthday greetings sent"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Active clients whose birthday (solar or lunar) fell in the period and who were sent "
        "a greeting for it from Prism, out of all active clients whose birthday fell in it.",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Birthdays not greeted"),
)
FESTIVAL_GREETINGS = FigureDef(
    "festival_greetings",
    QT_TRANSLATE_NOOP("Stats", "Festival greetings sent"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Greetings sent to borrowers for the festivals you greet that fell in the period, "
        "out of one greeting per festival for every borrower who did not opt out.",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Borrowers not greeted for a festival"),
)
REFERRED_CLIENTS = FigureDef(
    "referred_clients",
    QT_TRANSLATE_NOOP("Stats", "New clients through referral"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Clients added in the period whom someone in the book referred (or whose source "
        "is a referral).",
    ),
    Unit.COUNT,
    QT_TRANSLATE_NOOP("Stats", "Referred clients"),
)
REFERRED_LOANS = FigureDef(
    "referred_loans",
    QT_TRANSLATE_NOOP("Stats", "Referred clients' share of loans"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Loans disbursed in the period to clients who came through a referral, out of all "
        "loans disbursed in the period.",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Referred clients with a loan"),
)
APPLICATIONS = FigureDef(
    "applications",
    QT_TRANSLATE_NOOP("Stats", "Applications"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Loans applied for in the period, broken down by the stage they stand at now.",
    ),
    Unit.COUNT,
    QT_TRANSLATE_NOOP("Stats", "Applicants"),
)
CONVERSION = FigureDef(
    "conversion",
    QT_TRANSLATE_NOOP("Stats", "Conversion"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Loans applied for in the period that have been disbursed since, out of all loans "
        "applied for in the period.",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Applications not disbursed"),
)
DAYS_TO_APPROVE = FigureDef(
    "days_to_approve",
    QT_TRANSLATE_NOOP("Stats", "Days from application to approval"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "For the loans approved in the period: the average number of days between the "
        "application and the approval, as dated in the loan's history.",
    ),
    Unit.DAYS,
    QT_TRANSLATE_NOOP("Stats", "Clients approved"),
)
DAYS_TO_DISBURSE = FigureDef(
    "days_to_disburse",
    QT_TRANSLATE_NOOP("Stats", "Days from application to disbursement"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "For the loans disbursed in the period with a dated application: the average number "
        "of days between the application and the disbursement.",
    ),
    Unit.DAYS,
    QT_TRANSLATE_NOOP("Stats", "Clients disbursed"),
)
POST_LOAN_CHECKS = FigureDef(
    "post_loan_checks",
    QT_TRANSLATE_NOOP("Stats", "Post-loan checks done on time"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Post-loan checks due in the period that were done by their due day, out of all "
        "post-loan checks due in the period.",
    ),
    Unit.RATE,
    QT_TRANSLATE_NOOP("Stats", "Clients with a check not done on time"),
)
RISK_SIGNALS = FigureDef(
    "risk_signals",
    QT_TRANSLATE_NOOP("Stats", "Risk signals open"),
    QT_TRANSLATE_NOOP(
        "Stats",
        "Risk signals open at the period's end; below, how many were opened and closed "
        "in the period.",
    ),
    Unit.COUNT,
    QT_TRANSLATE_NOOP("Stats", "Clients with an open risk signal"),
)

#: Every figure in the order the dashboard, the CLI and the report show them.
FIGURES: tuple[FigureDef, ...] = (
    REPEAT_BORROW,
    OVERDUE_COUNT,
    OVERDUE_AMOUNT,
    CONTACT_COVERAGE,
    POST_LOAN_CHECKS,
    PROMISES_KEPT,
    BIRTHDAY_GREETINGS,
    FESTIVAL_GREETINGS,
    REFERRED_CLIENTS,
    REFERRED_LOANS,
    APPLICATIONS,
    CONVERSION,
    DAYS_TO_APPROVE,
    DAYS_TO_DISBURSE,
    RISK_SIGNALS,
)
BY_KEY = MappingProxyType({f.key: f for f in FIGURES})

#: Stage labels of the applications' breakdown.
STAGE_OPENED = QT_TRANSLATE_NOOP("Stats", "Opened in the period")
STAGE_CLOSED = QT_TRANSLATE_NOOP("Stats", "Closed in the period")
