"""The SQL of the book, one module per area; services call these and keep the rules.

Conventions:
- a function takes the ``sqlite3.Connection`` first (a reader, or the write transaction the
  service opened with ``Book.write()``), then plain values; it returns plain values, tuples
  or row tuples, never ORM objects, and never commits;
- column lists are module constants named ``<TABLE>_COLUMNS`` (tuples of column names), so
  ``tests/store/test_schema.py`` can tie each to its SQLModel table class;
- no rule lives here (validation, side effects, what counts as due): that is the service's.
"""
