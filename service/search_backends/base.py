"""What a search backend does: keep the word index of award rows and of names, and say a
list of word matches as a condition the award query can use.

One backend per database dialect (`sqlite_fts5`, `postgres_tsvector`); the rest of the
search builds the same SQL for both and asks the backend only for these pieces, so both
find the same rows for the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection
from sqlalchemy.orm import Session

Executor = Session | Connection


@dataclass(frozen=True)
class WordMatch:
    """Every word in one row (in `column` if given); with `phrase`, next to each other in
    this order. Words are folded (`service.award_index.words`)."""

    words: tuple[str, ...]
    column: str | None = None
    phrase: bool = False


@dataclass(frozen=True)
class IndexedAward:
    """An award row as the index sees it: its id and the folded text of each column."""

    id: int
    columns: dict[str, str]


@dataclass(frozen=True)
class TextCondition:
    """Word matches said in a backend's SQL: a condition over `source`, its parameters and
    the ORDER BY term that puts the best match first."""

    where: str
    params: dict[str, Any]
    rank: str


class SearchBackend(Protocol):
    source: str
    """The FROM clause joining the index to `awards` (the index read first)."""

    def index_awards(self, session: Executor, rows: Sequence[IndexedAward]) -> None: ...

    def unindex_document(self, session: Executor, document_id: int) -> None: ...

    def condition(self, matches: Sequence[WordMatch]) -> TextCondition: ...

    def index_names(self, session: Executor, keys: Sequence[str]) -> None:
        """Make lexicon names (folded keys) not indexed yet findable by their words."""
        ...

    def names_with_words(
        self, session: Executor, alternatives: Sequence[Sequence[str]], limit: int
    ) -> list[tuple[str, int]]:
        """(name key, award count) of names holding one alternative of every word slot."""
        ...
