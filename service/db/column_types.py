"""Column types and index options the migrations share."""

from __future__ import annotations

import sqlalchemy as sa


def key_string(length: int) -> sa.types.TypeEngine[str]:
    """A string that sorts by code point on every backend, as SQLite's BINARY does
    (PostgreSQL: collation "C"), so facet ties and key lists come out in one order."""
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


# GIN indexes updated in place: with PostgreSQL's default pending list, words written since
# the last vacuum are scanned row by row, and a search right after a batch costs 10-20x.
GIN_WITH = {"fastupdate": "off"}
