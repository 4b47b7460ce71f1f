"""The one services object the GUI (and the CLI) talks to.

Built once per open book in ``crm/ui/app.py`` (and per command in ``crm/commands/base.py``);
every area's service is an attribute, built on first use so start-up imports only what the
first screen needs. Every service is a class built on ``(book, clock)``; its methods own their
transactions and side effects and publish one change per committed write.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from crm.domain.clock import Clock, SystemClock
from crm.store.book import Book
from crm.store.changes import ChangeBus

if TYPE_CHECKING:
    from crm.services.brief import BriefService
    from crm.services.cadence import CadenceService
    from crm.services.client_query import ClientQuery
    from crm.services.clients import ClientService
    from crm.services.demo import DemoService
    from crm.services.greetings import GreetingService
    from crm.services.interactions import InteractionService
    from crm.services.loan_checklist import ChecklistService
    from crm.services.loans import LoanService
    from crm.services.needs import NeedService
    from crm.services.notes import NoteService
    from crm.services.post_loan import PostLoanService
    from crm.services.promises import PromiseService
    from crm.services.referral_thanks import ReferralThanks
    from crm.services.referrals import ReferralService
    from crm.services.related import RelatedService
    from crm.services.reminders.service import ReminderService
    from crm.services.resources import ResourceService
    from crm.services.risks import RiskService
    from crm.services.safekeeping import SafekeepingService
    from crm.services.security import SecurityService
    from crm.services.stats import StatsService
    from crm.services.timeline import TimelineService
    from crm.services.transfer.service import TransferService
    from crm.services.trash import TrashService


class Services:
    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    @classmethod
    def open(cls, folder: Path, clock: Clock | None = None) -> Services:
        """Open (and migrate) the book in this data folder; BookError says why not."""
        from crm import config

        return cls(Book.open(config.book_path(folder)), clock)

    @property
    def changes(self) -> ChangeBus:
        return self.book.changes

    @property
    def book_path(self) -> Path:
        return self.book.path

    def close(self, *, workers_idle: bool = False) -> None:
        """Close the book (see :meth:`Book.close`: ``workers_idle`` once no worker runs)."""
        self.book.close(workers_idle=workers_idle)

    # -- clients ---------------------------------------------------------------------------

    @cached_property
    def clients(self) -> ClientService:
        from crm.services.clients import ClientService

        return ClientService(self.book, self.clock)

    @cached_property
    def client_query(self) -> ClientQuery:
        from crm.services.client_query import ClientQuery

        return ClientQuery(self.book)

    @cached_property
    def demo(self) -> DemoService:
        from crm.services.demo import DemoService

        return DemoService(self.book, self.clock)

    # -- relationship memory ---------------------------------------------------------------

    @cached_property
    def notes(self) -> NoteService:
        from crm.services.notes import NoteService

        return NoteService(self.book, self.clock)

    @cached_property
    def interactions(self) -> InteractionService:
        from crm.services.interactions import InteractionService

        return InteractionService(self.book, self.clock)

    @cached_property
    def promises(self) -> PromiseService:
        from crm.services.promises import PromiseService

        return PromiseService(self.book, self.clock)

    @cached_property
    def resources(self) -> ResourceService:
        from crm.services.resources import ResourceService

        return ResourceService(self.book, self.clock)

    @cached_property
    def cadence(self) -> CadenceService:
        from crm.services.cadence import CadenceService

        return CadenceService(self.book, self.clock)

    @cached_property
    def brief(self) -> BriefService:
        from crm.services.brief import BriefService

        return BriefService(self.book, self.clock)

    @cached_property
    def timeline(self) -> TimelineService:
        from crm.services.timeline import TimelineService

        return TimelineService(self.book, self.clock)

    # -- reminders and greetings -----------------------------------------------------------

    @cached_property
    def reminders(self) -> ReminderService:
        from crm.services.reminders.service import ReminderService

        return ReminderService(self.book, self.clock)

    @cached_property
    def greetings(self) -> GreetingService:
        from crm.services.greetings import GreetingService

        return GreetingService(self.book, self.clock)

    # -- referrals -------------------------------------------------------------------------

    @cached_property
    def referrals(self) -> ReferralService:
        from crm.services.referrals import ReferralService

        return ReferralService(self.book, self.clock)

    @cached_property
    def thanks(self) -> ReferralThanks:
        from crm.services.referral_thanks import ReferralThanks

        return ReferralThanks(self.book, self.clock)

    # -- lists in and out, safekeeping, trash, demo ----------------------------------------

    @cached_property
    def transfer(self) -> TransferService:
        from crm.services.transfer.service import TransferService

        return TransferService(self.book, self.clock)

    @cached_property
    def safekeeping(self) -> SafekeepingService:
        from crm.services.safekeeping import SafekeepingService

        return SafekeepingService(self.book, self.clock)

    @cached_property
    def trash(self) -> TrashService:
        from crm.services.trash import TrashService

        return TrashService(self.book, self.clock)

    # -- loans -----------------------------------------------------------------------------

    @cached_property
    def loans(self) -> LoanService:
        from crm.services.loans import LoanService

        return LoanService(self.book, self.clock)

    @cached_property
    def needs(self) -> NeedService:
        from crm.services.needs import NeedService

        return NeedService(self.book, self.clock)

    # -- the officer's own numbers ---------------------------------------------------------

    @cached_property
    def stats(self) -> StatsService:
        from crm.services.stats import StatsService

        return StatsService(self.book, self.clock)

    # -- after the money goes out: papers, post-loan checks, risks, related parties, 流水 ----

    @cached_property
    def checklists(self) -> ChecklistService:
        from crm.services.loan_checklist import ChecklistService

        return ChecklistService(self.book, self.clock)

    @cached_property
    def post_loan(self) -> PostLoanService:
        from crm.services.post_loan import PostLoanService

        return PostLoanService(self.book, self.clock)

    @cached_property
    def risks(self) -> RiskService:
        from crm.services.risks import RiskService

        return RiskService(self.book, self.clock)

    @cached_property
    def related(self) -> RelatedService:
        from crm.services.related import RelatedService

        return RelatedService(self.book, self.clock)

    # -- security (issue 17) --

    @cached_property
    def security(self) -> SecurityService:
        from crm.services.security import SecurityService

        return SecurityService(self.book, self.clock)
