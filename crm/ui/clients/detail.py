"""The detail pane beside the list: who the client is, at a glance.

ID numbers and phones are masked until the officer asks to see them ("Show numbers"), and
masked again when another client is selected. Later features add tabs with :meth:`add_tab`;
a tab widget with a ``set_client(client_id | None)`` method is told about every selection
(and follows the book itself). The pane reads the client off the GUI thread, and again when
a change is about them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crm.domain.changes import Change, Topic
from crm.domain.client_form import ClientDraft
from crm.domain.enums import Calendar
from crm.domain.masking import mask_id_number, mask_phone
from crm.ui.book_page import BookPage
from crm.ui.clients.model import status_colour, status_label
from crm.ui.i18n import render
from crm.ui.lazy_page import LazyPage
from crm.ui.tasks import LatestOnly

T = TypeVar("T", bound=QWidget)

if TYPE_CHECKING:
    from crm.services.clients import ClientDetail
    from crm.services.facade import Services
    from crm.ui.context import UiContext


class ClientPane(BookPage):
    topics = frozenset({Topic.CLIENT})

    edit_requested = Signal(int)
    archive_requested = Signal(int)
    restore_requested = Signal(int)
    #: the id of the client now drawn (None: nothing), after each read of the book
    loaded = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx.notifier, parent)
        self.ctx = ctx
        #: the client selected; what is drawn follows once its read is back (:attr:`shown_id`)
        self.client_id: int | None = None
        self._detail: ClientDetail | None = None
        self._no_greetings = False
        self.loader = LatestOnly(ctx.runner, self)
        self.loader.finished.connect(self._loaded)

        self.title = QLabel()
        self.title.setObjectName("clientTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.reveal = QToolButton()
        self.reveal.setText(self.tr("Show numbers"))
        self.reveal.setCheckable(True)
        self.reveal.setToolTip(self.tr("Show the full phone and ID numbers of this client"))
        self.reveal.toggled.connect(self._render)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_requested))
        self.archive_button.clicked.connect(self._archive_or_restore)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status)
        header.addStretch()
        header.addWidget(self.reveal)
        header.addWidget(self.edit_button)
        header.addWidget(self.archive_button)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.fields: dict[str, QLabel] = {}
        labels = {
            "kind": self.tr("Kind"),
            "phones": self.tr("Phones"),
            "wechat": self.tr("WeChat"),
            "id_number": self.tr("ID number"),
            "gender": self.tr("Gender"),
            "birthday": self.tr("Birthday"),
            "business": self.tr("Business"),
            "uscc": self.tr("Credit code"),
            "address": self.tr("Address"),
            "tags": self.tr("Tags"),
            "notes": self.tr("Notes"),
            "dates": self.tr("Record"),
        }
        for key, label in labels.items():
            value = QLabel()
            value.setWordWrap(True)
            value.setObjectName(f"field_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
            self.fields[key] = value
        # Kept with the reminders (greeting_optout), set here or in the greeting composer.
        self.no_greetings = QCheckBox(self.tr("No festival greetings"))
        self.no_greetings.setObjectName("noFestivalGreetings")
        self.no_greetings.setToolTip(
            self.tr("Leave this client out of festival greetings (birthdays still remind)")
        )
        self.no_greetings.toggled.connect(self._set_no_greetings)
        self.form.addRow("", self.no_greetings)
        profile = QWidget()
        profile.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(profile)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("Profile"))
        self.empty = QLabel(self.tr("Select a client to see their details."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #6b7280;")

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.empty, 1)
        self.set_client(None)

    @property
    def shown_id(self) -> int | None:
        """The client whose details are drawn (lags :attr:`client_id` while a read runs)."""
        return self._detail.id if self._detail is not None else None

    def add_tab(self, title: str, build: Callable[[], T]) -> LazyPage[T]:
        """A tab another area adds, built (and its modules imported) when first shown or asked
        for: start-up paints the Profile tab only. A built tab follows the selected client."""
        lazy: LazyPage[T] = LazyPage(lambda: self.for_client(build()))
        self.adopt_tab(lazy, title)
        return lazy

    def adopt_tab(self, tab: LazyPage[T], title: str) -> None:
        """Put a tab made beside the pane (see :class:`~crm.ui.clients.pane_slot.PaneSlot`)."""
        self.tabs.addTab(tab, title)

    def for_client(self, tab: T) -> T:
        """``tab``, just built, set to the selected client when it follows one."""
        set_client = getattr(tab, "set_client", None)
        if set_client is not None:
            set_client(self.client_id)
        return tab

    def tab_index(self, tab: QWidget) -> int:
        """The index of an added tab, given its stand-in or the tab built in it (-1: none)."""
        for i in range(self.tabs.count()):
            lazy = self.tabs.widget(i)
            if lazy is tab or (isinstance(lazy, LazyPage) and lazy.built and lazy.page() is tab):
                return i
        return -1

    def show_tab(self, tab: QWidget) -> None:
        """Bring an added tab forward (built now if it was not)."""
        self.tabs.setCurrentIndex(self.tab_index(tab))

    def _emit(self, signal: SignalInstance) -> None:
        if self.client_id is not None:
            signal.emit(self.client_id)

    def _archive_or_restore(self) -> None:
        if self._detail is not None and self._detail.archived_at is not None:
            self._emit(self.restore_requested)
        else:
            self._emit(self.archive_requested)

    def set_client(self, client_id: int | None) -> None:
        if client_id != self.client_id:
            self.reveal.setChecked(False)  # numbers are shown for one client at a time
        self.client_id = client_id
        for i in range(1, self.tabs.count()):
            lazy = self.tabs.widget(i)
            if isinstance(lazy, LazyPage) and lazy.built:
                set_client = getattr(lazy.page(), "set_client", None)
                if set_client is not None:
                    set_client(client_id)
        self._show_selected()
        if client_id is None:
            self.reload_now()  # nothing to read: empty at once, seen or not
        else:
            self.mark_dirty()

    def concerns(self, change: Change) -> bool:
        return (
            self.client_id is not None and super().concerns(change) and change.about(self.client_id)
        )

    def reload(self) -> None:
        client_id = self.client_id
        if client_id is None:
            self._loaded((None, None, False))
            return
        services = self.ctx.services

        def read() -> tuple[int, ClientDetail | None, bool]:
            from crm.services.clients import ClientNotFound

            try:
                detail = services.clients.get(client_id)
            except ClientNotFound:  # gone meanwhile (emptied from the trash)
                return client_id, None, False
            return client_id, detail, _festival_optout(services, client_id)

        self.loader.submit(read)

    def _loaded(self, result: object) -> None:
        assert isinstance(result, tuple)
        client_id, detail, no_greetings = result
        if client_id != self.client_id:
            return  # an answer about a client no longer selected
        self._detail, self._no_greetings = detail, no_greetings
        self._render()
        self.loaded.emit(self.shown_id)

    def _show_selected(self) -> None:
        """The pane's parts for a selection (its tabs load on their own, not waiting for the
        profile), or the hint when nothing is selected."""
        has = self.client_id is not None
        for w in (self.title, self.status, self.reveal, self.edit_button, self.archive_button):
            w.setVisible(has)
        self.tabs.setVisible(has)
        self.empty.setVisible(not has)

    def _render(self) -> None:
        self._show_selected()
        d = self._detail
        if d is None:
            return
        draft = d.draft
        show = self.reveal.isChecked()
        self.title.setText(draft.name)
        colour = status_colour(draft.kind, draft.status)
        status = status_label(draft.kind, draft.status)
        if d.archived_at is not None:
            status += " · " + self.tr("Archived")
        self.status.setText(status)
        self.status.setStyleSheet(
            f"color: white; background: {colour}; border-radius: 4px; padding: 1px 6px;"
        )
        self.archive_button.setText(
            self.tr("Restore") if d.archived_at is not None else self.tr("Archive")
        )
        phones = [p.shown if show else mask_phone(p.shown) for p in d.phones]
        values = {
            "kind": render(draft.kind.label),
            "phones": "\n".join(phones),
            "wechat": draft.wechat,
            "id_number": (draft.id_number if show else mask_id_number(draft.id_number))
            if draft.id_number
            else "",
            "gender": render(draft.gender.label) if draft.gender else "",
            "birthday": self._birthday_text(draft),
            "business": " · ".join(x for x in (draft.business_name, draft.industry) if x),
            "uscc": draft.uscc,
            "address": draft.address,
            "tags": "、".join(draft.tags),
            "notes": draft.notes,
            "dates": self.tr("Added {created}, updated {updated}").format(
                created=d.created_at.strftime("%Y-%m-%d"), updated=d.updated_at.strftime("%Y-%m-%d")
            ),
        }
        for key, label in self.fields.items():
            text = values.get(key) or ""
            label.setText(text)
            label.setVisible(bool(text))
            self.form.labelForField(label).setVisible(bool(text))
        self.reveal.setEnabled(bool(draft.id_number or d.phones))
        self.no_greetings.blockSignals(True)
        self.no_greetings.setChecked(self._no_greetings)
        self.no_greetings.blockSignals(False)

    def _set_no_greetings(self, checked: bool) -> None:
        if self.client_id is None:
            return
        self._no_greetings = checked
        # One tiny row: written on the GUI thread, so the box and the book never disagree.
        self.ctx.services.greetings.set_festival_optout(self.client_id, checked)

    def _birthday_text(self, draft: ClientDraft) -> str:
        b = draft.birthday
        if b is None:
            return ""
        from crm.domain.lunar import (
            age_on,
            format_lunar,
            next_lunar_birthday,
            next_solar_birthday,
        )

        today = self.ctx.clock.today()
        if b.calendar is Calendar.LUNAR:
            text = self.tr("Lunar {date}").format(date=format_lunar(b.month, b.day, b.leap))
            if b.year:
                text = f"{b.year} " + text
            upcoming = next_lunar_birthday(b.month, b.day, b.leap, today)
        else:
            text = f"{b.year}-{b.month:02d}-{b.day:02d}" if b.year else f"{b.month:02d}-{b.day:02d}"
            upcoming = next_solar_birthday(b.month, b.day, today)
        days = (upcoming - today).days
        when = self.tr("today") if days == 0 else self.tr("in {n} days").format(n=days)
        text += " · " + self.tr("next {date} ({when})").format(date=upcoming.isoformat(), when=when)
        if b.year and b.calendar is Calendar.SOLAR:
            age = age_on(b.year, today, b.month, b.day)
            if age is not None:
                text += " · " + self.tr("age {n}").format(n=age)
        elif b.year:
            age = age_on(b.year, today)
            if age is not None:
                text += " · " + self.tr("age {n}").format(n=age)
        return text


def _festival_optout(services: Services, client_id: int) -> bool:
    """On the pool thread, with the client's details: kept with the reminders."""
    return services.greetings.festival_optout(client_id)
