"""Alembic environment: runs on the connection crm.store.migrate hands over.

When a revision is drafted (``crm.store.migrate.draft_revision``), ``target_metadata`` is every
table class (crm.domain.tables), so autogenerate proposes just what the classes changed.
Upgrading a book needs no metadata, so opening a book that is behind (after an update of
Prism) does not load sqlmodel and the table classes (~0.6 s, ~16 MB) into the GUI.
"""

from alembic import context

from crm.store.migrate import COMPARE_OPTIONS

target_metadata = None
if context.config.attributes.get("drafting"):
    from crm.domain.tables import metadata

    target_metadata = metadata()

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=target_metadata,
    render_as_batch=True,
    transaction_per_migration=False,
    **COMPARE_OPTIONS,
)
with context.begin_transaction():
    context.run_migrations()
