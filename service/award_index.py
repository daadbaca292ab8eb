"""The award search index: rows in as folded text, query words out as `WordMatch`es.

Text goes in folded (`Nguyễn Thị Đào` → `nguyen thi dao`) because neither FTS5's
tokenizer nor PostgreSQL's `simple` configuration folds `đ`, and folding here means both
backends see the very same words; queries are folded the same way, so a query typed with
or without diacritics finds the same rows. What a query asks for is said as data
(`WordMatch`), and each backend (`service.search_backends`) turns it into its own syntax,
so nothing a user types is read as query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy.orm import Session

from extractors.text_normalize import fold
from service.db.models import Award
from service.search_backends import IndexedAward, WordMatch, backend_of

COLUMNS = ("name", "unit", "position", "award_text", "issuer", "subject", "number")
_WORD = re.compile(r"\w+")

__all__ = ["COLUMNS", "WordMatch", "all_words", "index_awards", "phrase", "unindex_document"]


def index_awards(session: Session, awards: Iterable[Award], subject: str | None) -> None:
    """Add award rows (already flushed, so they have ids) to the index."""
    rows = [
        IndexedAward(
            award.id,
            {
                "name": fold(award.name),
                "unit": fold(award.unit or ""),
                "position": fold(award.position or ""),
                "award_text": fold(award.award_text or ""),
                "issuer": fold(award.issuer or ""),
                "subject": fold(subject or ""),
                "number": fold(award.number or ""),
            },
        )
        for award in awards
    ]
    if rows:
        backend_of(session).index_awards(session, rows)


def unindex_document(session: Session, document_id: int) -> None:
    """Drop a document's award rows from the index (before the rows themselves go)."""
    backend_of(session).unindex_document(session, document_id)


def words(query: str) -> list[str]:
    """The folded words of a query, the only part of it that reaches the index."""
    return _WORD.findall(fold(query))


def all_words(query: str, column: str | None = None) -> WordMatch | None:
    """Every word somewhere (in `column` if given), any order; None for a query of no words."""
    found = words(query)
    return WordMatch(tuple(found), column) if found else None


def phrase(query: str, column: str) -> WordMatch | None:
    """The words next to each other in this order in `column` (a whole name, a number)."""
    found = words(query)
    return WordMatch(tuple(found), column, phrase=True) if found else None
