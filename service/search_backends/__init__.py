"""Search backends, one per database dialect: the only SQL that differs between them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from service.search_backends.base import (
    Executor,
    IndexedAward,
    SearchBackend,
    TextCondition,
    WordMatch,
)
from service.search_backends.postgres_tsvector import PostgresTsvector
from service.search_backends.sqlite_fts5 import SqliteFts5

__all__ = [
    "IndexedAward",
    "SearchBackend",
    "TextCondition",
    "WordMatch",
    "backend_of",
    "for_dialect",
]

_BACKENDS: dict[str, SearchBackend] = {"sqlite": SqliteFts5(), "postgresql": PostgresTsvector()}


def for_dialect(name: str) -> SearchBackend:
    try:
        return _BACKENDS[name]
    except KeyError:
        raise ValueError(f"no search backend for {name} databases") from None


def backend_of(session: Executor) -> SearchBackend:
    """The backend of the database `session` (or connection) talks to."""
    dialect = session.get_bind().dialect if isinstance(session, Session) else session.dialect
    return for_dialect(dialect.name)
