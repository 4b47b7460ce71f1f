"""Demo data for referrals (filled in by its issue), run inside ``fill_demo``'s transaction."""

from __future__ import annotations

from crm.services.demo import DemoContext


def fill(ctx: DemoContext) -> None:
    """Add this area's demo records for ``ctx.client_ids`` using ``ctx.conn`` and ``ctx.rng``."""
