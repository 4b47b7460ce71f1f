"""Reading the referral graph: a client's chain and tree, top referrers, where the book came
from, the whole network.

The SQL is in ``crm.store.queries.referrals``; no recursion in Python. A tree is one
recursive CTE (indexed on ``referred_by_id``); the ranking reads every link once (a covering
index scan) and sums subtrees in one iterative pass, children before parents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from crm.domain.clock import Clock, SystemClock
from crm.domain.enums import ClientKind, ClientStatus
from crm.domain.errors import FieldError, ValidationErrors
from crm.domain.referrals import ReferralSource
from crm.services.referral_links import Person, chain_up, check_referrer, person_from_row
from crm.services.referral_network import Forest, build_forest
from crm.store.book import Book
from crm.store.queries import referrals as q

#: Statuses that count as "became a borrower" (has borrowed at least once).
BORROWED = (ClientStatus.BORROWER.value, ClientStatus.FORMER_BORROWER.value)


@dataclass(frozen=True)
class TreeNode:
    person: Person
    parent_id: int
    depth: int  # 1: brought by the root directly


@dataclass
class ReferralTree:
    """Everyone a client brought, directly and indirectly, in breadth-first order."""

    root: Person
    nodes: list[TreeNode]
    children: dict[int, list[int]] = field(default_factory=dict)

    @property
    def direct(self) -> int:
        return len(self.children.get(self.root.id, []))

    @property
    def indirect(self) -> int:
        return len(self.nodes) - self.direct

    def subtree_sizes(self) -> dict[int, int]:
        """For each person in the tree, how many they brought in turn (all levels)."""
        sizes = {n.person.id: 0 for n in self.nodes}
        sizes[self.root.id] = 0
        for node in reversed(self.nodes):  # breadth-first, so reversed: children first
            sizes[node.parent_id] += sizes[node.person.id] + 1
        return sizes


@dataclass(frozen=True)
class TopReferrer:
    person: Person
    direct: int
    indirect: int
    borrowers_direct: int
    borrowers_total: int
    #: Total lent to the clients they brought. None until Prism records loans (see lent_to).
    amount_lent: Decimal | None = None

    @property
    def total(self) -> int:
        return self.direct + self.indirect


@dataclass(frozen=True)
class SourceShare:
    source: ReferralSource | None  # None: not recorded
    clients: int
    share: float  # of the active clients counted


@dataclass
class Totals:
    """Per referrer: direct and all-level counts, and of those how many borrowed."""

    direct: dict[int, int]
    total: dict[int, int]
    borrowers_direct: dict[int, int]
    borrowers_total: dict[int, int]


def referral_totals(links: Iterable[tuple[int, int, str]]) -> Totals:
    """Sum (child, parent, status) links bottom-up in one iterative pass (no recursion)."""
    parent: dict[int, int] = {}
    borrowed: dict[int, int] = {}
    direct: dict[int, int] = {}
    b_direct: dict[int, int] = {}
    for child, par, status in links:
        parent[child] = par
        b = 1 if status in BORROWED else 0
        borrowed[child] = b
        direct[par] = direct.get(par, 0) + 1
        b_direct[par] = b_direct.get(par, 0) + b
    # Kahn's order from the leaves: a node is summed once all its children are.
    pending = dict(direct)
    total: dict[int, int] = {}
    b_total: dict[int, int] = {}
    stack = [c for c in parent if c not in direct]
    while stack:
        node = stack.pop()
        if node not in parent:
            continue
        par = parent[node]
        total[par] = total.get(par, 0) + 1 + total.get(node, 0)
        b_total[par] = b_total.get(par, 0) + borrowed[node] + b_total.get(node, 0)
        pending[par] -= 1
        if pending[par] == 0:
            stack.append(par)
    return Totals(direct, total, b_direct, b_total)


class ReferralService:
    """Everything the referral views and `crm referrals` read; the writes are the client's
    (a referrer is set by ClientService.add/update) and the thank-you's (ReferralThanks)."""

    def __init__(self, book: Book, clock: Clock | None = None) -> None:
        self.book = book
        self.clock = clock or SystemClock()

    def person(self, client_id: int) -> Person | None:
        row = q.person_row(self.book.reader(), client_id)
        return person_from_row(row) if row else None

    def people(self, ids: Iterable[int]) -> dict[int, Person]:
        rows = q.person_rows(self.book.reader(), list(ids))
        return {row[0]: person_from_row(row) for row in rows}

    def chain(self, client_id: int) -> list[Person]:
        """The client first, then who brought them, and so on up to the root."""
        return chain_up(self.book.reader(), client_id)

    def problems(self, client_id: int | None, referrer_id: int | None) -> list[FieldError]:
        """Why ``referrer_id`` cannot refer ``client_id`` (empty: it can), for the form."""
        try:
            check_referrer(self.book.reader(), client_id, referrer_id)
        except ValidationErrors as exc:
            return list(exc.errors)
        return []

    def referrer_source(self, client_id: int) -> tuple[int | None, str | None]:
        """Who referred the client and the source recorded ((None, None): no such client)."""
        return q.referrer_and_source(self.book.reader(), client_id)

    def linked_under(self, client_ids: Iterable[int], people: Iterable[int]) -> bool:
        """Whether any of ``client_ids`` was referred by one of ``people`` (a view showing
        those people asks this when other clients change: a new link adds to its tree)."""
        return not self.referrers_of(client_ids).isdisjoint(people)

    def referrers_of(self, client_ids: Iterable[int]) -> set[int]:
        """Who referred these clients."""
        return q.referrers_of(self.book.reader(), list(client_ids))

    def tree(self, client_id: int) -> ReferralTree | None:
        """Everyone ``client_id`` brought, all levels (None: no such client)."""
        root = self.person(client_id)
        if root is None:
            return None
        nodes: list[TreeNode] = []
        children: dict[int, list[int]] = {}
        seen = {client_id}
        for row in q.tree_rows(self.book.reader(), client_id):
            if row[0] in seen:  # a circle written from outside Prism
                continue
            seen.add(row[0])
            nodes.append(TreeNode(person_from_row(row), row[6], row[7]))
            children.setdefault(row[6], []).append(row[0])
        return ReferralTree(root, nodes, children)

    def totals(self) -> Totals:
        return referral_totals(q.links(self.book.reader()))

    def lent_to(self, client_ids: Iterable[int]) -> dict[int, Decimal] | None:
        """Per referrer, the total disbursed to the clients they brought (the business a
        referrer is worth); 0.00 for those whose clients have not borrowed."""
        from crm.services.loan_views import LoanReads

        return LoanReads(self.book, self.clock).lent_to(client_ids)

    def top_referrers(self, n: int = 20) -> list[TopReferrer]:
        """Active referrers ranked by clients brought directly, then in all; archived ones are
        left out of the ranking (their links still count for the people above them)."""
        t = self.totals()
        ranked = sorted(t.direct, key=lambda i: (-t.direct[i], -t.total.get(i, 0), i))
        out: list[TopReferrer] = []
        for start in range(0, len(ranked), max(n, 50)):
            batch = ranked[start : start + max(n, 50)]
            people = self.people(batch)
            lent = self.lent_to(batch)
            for pid in batch:
                p = people.get(pid)
                if p is None or p.archived:
                    continue
                direct = t.direct[pid]
                out.append(
                    TopReferrer(
                        person=p,
                        direct=direct,
                        indirect=t.total.get(pid, direct) - direct,
                        borrowers_direct=t.borrowers_direct.get(pid, 0),
                        borrowers_total=t.borrowers_total.get(pid, 0),
                        amount_lent=lent.get(pid) if lent is not None else None,
                    )
                )
                if len(out) >= n:
                    return out
        return out

    def share_by_source(self) -> list[SourceShare]:
        """Active clients (referral partners left out) by how they came, largest first."""
        rows = q.source_counts(self.book.reader(), ClientKind.PARTNER.value)
        total = sum(r[1] for r in rows) or 1
        shares = [SourceShare(ReferralSource(s) if s else None, n, n / total) for s, n in rows if n]
        order = list(ReferralSource)
        return sorted(
            shares,
            key=lambda x: (x.source is None, -x.clients, order.index(x.source) if x.source else 0),
        )

    def forest(self) -> Forest:
        """The whole book's referral trees, for the network view."""
        conn = self.book.reader()
        return build_forest(q.linked_rows(conn), q.active_client_count(conn))
