"""Smoke hook for the frozen build: run the real program, see it work, quit.

Installed by packaging/prism_main.py when ``PRISM_SMOKE=<report.json>`` is set. It makes the
QApplication before ``run_gui`` does (which takes the existing one), and at the main window's
first painted page (the moment tests/perf/bench.py calls "ready") it prints ``ready``, writes
the loan schedule PDF in the interface language and a screenshot beside the report, writes the
report (menu titles shown, the PDF's font, any error) and quits. Kept in the build so the
packaging tests exercise the frozen program's own Qt plugins, translations and fonts.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()


def install(report: str) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            # The first paint of the main window's content: its first page is on screen.
            if not self.done and event.type() == QEvent.Type.Paint and obj.isWidgetType():
                top = obj.window()  # type: ignore[attr-defined]
                if isinstance(top, QMainWindow) and obj is not top and top.isVisible():
                    self.done = True
                    QTimer.singleShot(0, lambda: _ready(top, Path(report)))
            return False

    watcher = FirstPaint(app)
    app.installEventFilter(watcher)


def _ready(window: Any, report: Path) -> None:
    from PySide6.QtWidgets import QApplication

    ready_ms = (time.perf_counter() - STARTED) * 1000
    if sys.stdout is not None:  # a windowed Windows build has none
        print("ready", flush=True)
    found: dict[str, Any] = {"ready_ms": ready_ms, "title": window.windowTitle()}
    try:
        found["menus"] = [a.text() for a in window.menuBar().actions()]
        # Qt's own strings (standard buttons) come from qtbase_<lang>.qm inside the build.
        found["qt_cancel"] = QApplication.translate("QPlatformTheme", "Cancel")
        found.update(_pdf(report.with_suffix(".pdf")))
        window.resize(1366, 740)  # a common laptop screen, as the screenshots are taken
        shot = report.with_suffix(".png")
        found["screenshot"] = str(shot) if window.grab().save(str(shot)) else None
    except Exception:
        found["error"] = traceback.format_exc()
    report.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    QApplication.quit()


def _pdf(path: Path) -> dict[str, Any]:
    """The calculator's schedule PDF, through the same code as Tools → Loan calculator."""
    import datetime as dt
    from decimal import Decimal

    from crm.domain.loan_enums import RepaymentMethod
    from crm.domain.loan_math import LoanTerms, calculate
    from crm.ui.loans.schedule_print import write_schedule_pdf
    from crm.ui.loans.texts import document_labels
    from crm.ui.pdf import cjk_font_family

    terms = LoanTerms(
        Decimal(100000), Decimal("11.5"), 12, RepaymentMethod.EQUAL_INSTALMENT, Decimal(1000)
    )
    plan = calculate(terms)
    labels = document_labels(plan, dt.date(2026, 11, 30))
    write_schedule_pdf(plan, path, labels)
    return {"pdf": str(path), "pdf_title": labels.title, "pdf_font": cjk_font_family()}
