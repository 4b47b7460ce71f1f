"""The calculator's right-hand side: what to fix (or a warning), the key figures, the methods
side by side and the full schedule."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm.domain.loan_enums import RepaymentMethod
from crm.domain.loan_math import LEGAL_CEILING, RepaymentPlan
from crm.domain.messages import Msg
from crm.ui.i18n import render
from crm.ui.loans import texts as T
from crm.ui.loans.compare_model import CompareModel
from crm.ui.loans.schedule_model import ScheduleModel

_DASH = "—"
_STYLE = """
#figures { background: #f9fafb; border: 1px solid #e5e7eb; border-radius: 6px; }
#figures QLabel[role="title"] { color: #4b5563; }
#figures QLabel[role="value"] { font-size: 17px; font-weight: 600; color: #111827; }
#figures QLabel[role="rate"] { font-size: 17px; font-weight: 600; color: #1d4ed8; }
#figures QLabel[role="rate"][high="true"] { color: #b91c1c; }
QLabel[role="section"] { font-weight: 600; margin-top: 4px; }
#message[kind="error"] { background: #fef2f2; border: 1px solid #fecaca; border-radius: 4px; }
#message[kind="error"] QLabel { color: #991b1b; }
#message[kind="warning"] { background: #fffbeb; border: 1px solid #fde68a; border-radius: 4px; }
#message[kind="warning"] QLabel { color: #92400e; }
#message[kind="info"] { border: 1px solid transparent; }
#message[kind="info"] QLabel { color: #4b5563; }
"""


def _restyle(widget: QWidget, name: str, value: object, *children: QWidget) -> None:
    """Set a property the style sheet selects on; it applies once the sheet is re-polished
    (on the children too when their rules name the property of this parent)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    for w in (widget, *children):
        w.style().unpolish(w)
        w.style().polish(w)


def _table(model: ScheduleModel | CompareModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    # Compact rows: more of the schedule on a 768-pixel screen.
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


class ResultsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        # The frame carries the colours and the room around the text: a word-wrapped label's
        # height ignores style-sheet padding, so the text would be cut.
        self.message_box = QFrame()
        self.message_box.setObjectName("message")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self.message_box)
        box.setContentsMargins(8, 5, 8, 5)
        box.addWidget(self.message)

        self.figures = QFrame()
        self.figures.setObjectName("figures")
        grid = QGridLayout(self.figures)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(0)
        # (title, key, is a rate): two rows of four, the annual rates last and in blue.
        cards: list[tuple[Msg, str, bool]] = [
            (T.MONTHLY_PAYMENT, "first", False),
            (T.LAST_PAYMENT, "last", False),
            (T.TOTAL_INTEREST, "total_interest", False),
            (T.TOTAL_REPAYMENT, "total_repayment", False),
            (T.FEE, "fee", False),
            (T.TOTAL_COST, "total_cost", False),
            (T.APR, "apr", True),
            (T.APR_COMPOUND, "apr_compound", True),
        ]
        self.titles: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for i, (title, key, is_rate) in enumerate(cards):
            name = QLabel(render(title))
            name.setProperty("role", "title")
            value = QLabel(_DASH)
            value.setProperty("role", "rate" if is_rate else "value")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(i, 4)
            grid.addWidget(name, row * 3, column)
            grid.addWidget(value, row * 3 + 1, column)
            grid.setColumnStretch(column, 1)
            self.titles[key] = name
            self.values[key] = value
        grid.setRowMinimumHeight(2, 10)  # between the two rows of figures
        rate_tip = self.tr(
            "The annual rate as PBOC notice 〔2021〕 No. 3 asks: the internal rate of return of "
            "what the client receives (the amount less the fee) and what they repay, monthly "
            "× 12. The compounded rate is (1 + monthly IRR)¹² − 1."
        )
        for key in ("apr", "apr_compound"):
            self.titles[key].setToolTip(rate_tip)
            self.values[key].setToolTip(rate_tip)

        self.compare = CompareModel(self)
        self.compare_view = _table(self.compare)
        self.compare_view.setToolTip(self.tr("Click a method to see its schedule."))
        header = self.compare_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.compare_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compare_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.schedule = ScheduleModel(self)
        self.schedule_view = _table(self.schedule)
        header = self.schedule_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 70)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message_box)
        layout.addWidget(self.figures)
        compare_title = QLabel(self.tr("The methods side by side"))
        compare_title.setProperty("role", "section")
        layout.addWidget(compare_title)
        layout.addWidget(self.compare_view)
        self.schedule_title = QLabel(self.tr("Repayment schedule"))
        self.schedule_title.setProperty("role", "section")
        layout.addWidget(self.schedule_title)
        layout.addWidget(self.schedule_view, 1)
        self._fit_compare()

    def _fit_compare(self) -> None:
        """Five rows, no scroll bar: the table is exactly as tall as its header and rows."""
        view = self.compare_view
        rows = len(RepaymentMethod)
        height = view.horizontalHeader().sizeHint().height()
        height += rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()
        view.setFixedHeight(height)

    def _say(self, kind: str, lines: Sequence[str]) -> None:
        self.message.setText("\n".join(lines))
        self.message_box.setVisible(bool(lines))
        _restyle(self.message_box, "kind", kind, self.message)

    def show_plans(
        self, plans: Mapping[RepaymentMethod, RepaymentPlan], method: RepaymentMethod
    ) -> None:
        plan = plans[method]
        warnings = [render(w) for w in plan.warnings]
        self._say("warning" if warnings else "info", warnings or [self._headline(plan)])
        title, _text = T.payment_summary(plan)
        self.titles["first"].setText(render(title if title != T.PAYMENTS else T.FIRST_PAYMENT))
        first, last = plan.schedule[0].payment, plan.schedule[-1].payment
        figures = {
            "first": T.money(first),
            "last": T.money(last),
            "total_interest": T.money(plan.total_interest),
            "total_repayment": T.money(plan.total_repayment),
            "fee": T.money(plan.fee),
            "total_cost": T.money(plan.total_cost),
            "apr": T.percent(plan.apr),
            "apr_compound": T.percent(plan.apr_compound),
        }
        for key, text in figures.items():
            self.values[key].setText(text)
        for key, rate in (("apr", plan.apr), ("apr_compound", plan.apr_compound)):
            _restyle(self.values[key], "high", rate > LEGAL_CEILING)
        self.compare.set_plans(plans, method)
        self.schedule.set_rows(plan.schedule)
        self.schedule_title.setText(
            self.tr("Repayment schedule: {method}, {count} payment(s)").format(
                method=render(plan.method.label), count=len(plan.schedule)
            )
        )

    def _headline(self, plan: RepaymentPlan) -> str:
        return self.tr("{amount} yuan over {months} at {rate}, {method}.").format(
            amount=T.money(plan.amount),
            months=T.months(plan.terms.months),
            rate=T.rate_line(plan),
            method=render(plan.method.label),
        )

    def clear(self, lines: Sequence[str], *, error: bool) -> None:
        """No figures while the inputs are not a loan, nothing stale to quote by mistake;
        ``lines`` say what to fix (``error``) or what to type first."""
        self._say("error" if error else "info", lines)
        self.titles["first"].setText(render(T.MONTHLY_PAYMENT))
        for value in self.values.values():
            value.setText(_DASH)
            _restyle(value, "high", False)
        self.compare.set_plans({}, None)
        self.schedule.set_rows(())
        self.schedule_title.setText(self.tr("Repayment schedule"))
