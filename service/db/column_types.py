"""Column types the migrations share."""

from __future__ import annotations

import sqlalchemy as sa


def key_string(length: int) -> sa.types.TypeEngine[str]:
    """A string that sorts by code point on every backend, as SQLite's BINARY does
    (PostgreSQL: collation "C"), so facet ties and key lists come out in one order."""
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")
