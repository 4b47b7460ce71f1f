"""Settings → "Papers and checks": each product's checklist (one paper a line, with how the
client gets it after a colon) and its post-loan check schedule."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QSpinBox, QWidget

from crm.domain.post_loan import FALLBACK_SCHEDULE, FALLBACK_TEMPLATE, CheckKind
from crm.services.facade import Services
from crm.ui.context import UiContext
from crm.ui.i18n import render


@dataclass
class _Product:
    text: str  # the checklist as typed
    days: dict[str, int]


@dataclass(frozen=True)
class _Loaded:
    products: list[str]
    templates: dict[str, list[dict[str, str]]]
    schedule: dict[str, dict[str, int]]


def _read(services: Services) -> _Loaded:
    return _Loaded(
        services.loans.products(), services.checklists.templates(), services.post_loan.schedule()
    )


def as_text(items: list[dict[str, str]]) -> str:
    return "\n".join(f"{i['item']}：{i['how']}" if i.get("how") else i["item"] for i in items)


def from_text(text: str) -> list[dict[str, str]]:
    out = []
    for line in text.splitlines():
        item, _sep, how = line.replace(":", "：", 1).partition("：")
        if item.strip():
            out.append({"item": item.strip(), "how": how.strip()})
    return out


class PapersAndChecksPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = ctx.services
        self.title = self.tr("Papers and checks")
        self.loaded: _Loaded | None = None
        self.edits: dict[str, _Product] = {}
        self.current = ""
        form = QFormLayout(self)
        hint = QLabel(
            self.tr(
                "Each product's papers, one a line; after a colon, how the client gets it "
                "(the “still missing” message quotes it). Then the post-loan checks: days "
                "after disbursement for the use-of-funds check, days between visits and calls."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.product = QComboBox()
        self.product.setEnabled(False)
        self.product.currentTextChanged.connect(self._switch)
        form.addRow(self.tr("Product"), self.product)
        self.papers = QPlainTextEdit()
        self.papers.setObjectName("paperTemplate")
        form.addRow(self.tr("Papers"), self.papers)
        self.days: dict[str, QSpinBox] = {}
        for kind in CheckKind:
            box = QSpinBox()
            box.setRange(1, 365)
            box.setSuffix(self.tr(" days"))
            form.addRow(render(kind.label), box)
            self.days[kind.value] = box
        services = self.services
        ctx.runner.run(lambda: _read(services), self._show, owner=self)

    def _show(self, loaded: _Loaded) -> None:
        self.loaded = loaded
        names = list(dict.fromkeys([*loaded.products, *loaded.templates]))
        self.product.addItems(names)
        self.product.setEnabled(True)

    def _entry(self, product: str) -> _Product:
        assert self.loaded is not None
        if product not in self.edits:
            items = self.loaded.templates.get(product, FALLBACK_TEMPLATE)
            days = {**FALLBACK_SCHEDULE, **self.loaded.schedule.get(product, {})}
            self.edits[product] = _Product(as_text(items), days)
        return self.edits[product]

    def _keep(self) -> None:
        if self.current and self.current in self.edits:
            entry = self.edits[self.current]
            entry.text = self.papers.toPlainText()
            entry.days = {k: b.value() for k, b in self.days.items()}

    def _switch(self, product: str) -> None:
        if self.loaded is None or not product:
            return
        self._keep()
        self.current = product
        entry = self._entry(product)
        self.papers.setPlainText(entry.text)
        for key, box in self.days.items():
            box.setValue(entry.days[key])

    def save(self) -> None:
        if self.loaded is None:
            return
        self._keep()
        for product, entry in self.edits.items():
            items = from_text(entry.text)
            if items and items != self.loaded.templates.get(product, FALLBACK_TEMPLATE):
                self.services.checklists.save_template(product, items)
            if entry.days != {**FALLBACK_SCHEDULE, **self.loaded.schedule.get(product, {})}:
                self.services.post_loan.save_schedule(product, entry.days)
