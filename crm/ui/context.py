"""What every window and page is handed: the services, the change signal, the task runner, the
clock and the preferences.

Passed explicitly (no globals), so tests build one around a temporary book and a fixed clock.
Widgets talk to the book only through :attr:`UiContext.services`, and leave the GUI thread only
through :attr:`UiContext.runner`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from crm.domain.clock import Clock
from crm.services.facade import Services
from crm.ui.changes import ChangeNotifier
from crm.ui.collector import GuiThreadCollector
from crm.ui.tasks import TaskRunner


@dataclass
class UiContext:
    services: Services
    notifier: ChangeNotifier
    clock: Clock
    settings: QSettings
    runner: TaskRunner
    collector: GuiThreadCollector

    @classmethod
    def build(cls, services: Services, settings: QSettings) -> UiContext:
        return cls(
            services=services,
            notifier=ChangeNotifier(services),
            clock=services.clock,
            settings=settings,
            runner=TaskRunner(),
            collector=GuiThreadCollector(),
        )

    def close(self) -> bool:
        """Let running work end, then stop listening (the caller closes the book). True when
        every worker ended: the book may then close the pool threads' connections too."""
        idle = self.runner.wait_for_all()
        self.notifier.close()
        self.collector.stop()
        return idle
