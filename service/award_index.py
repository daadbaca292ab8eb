"""The award search index (SQLite FTS5): rows in, folded text, match expressions out.

Text goes in folded (`Nguyễn Thị Đào` → `nguyen thi dao`) because FTS5's tokenizer
removes diacritics but keeps `đ`; queries are folded the same way, so a query typed with
or without diacritics finds the same rows. Query words become quoted FTS5 strings, so
nothing a user types is read as FTS5 syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from extractors.text_normalize import fold
from service.db.models import Award

COLUMNS = ("name", "unit", "position", "award_text", "issuer", "subject", "number")
_WORD = re.compile(r"\w+")


def index_awards(session: Session, awards: Iterable[Award], subject: str | None) -> None:
    """Add award rows (already flushed, so they have ids) to the index."""
    rows = [
        {
            "rowid": award.id,
            "name": fold(award.name),
            "unit": fold(award.unit or ""),
            "position": fold(award.position or ""),
            "award_text": fold(award.award_text or ""),
            "issuer": fold(award.issuer or ""),
            "subject": fold(subject or ""),
            "number": fold(award.number or ""),
        }
        for award in awards
    ]
    if rows:
        session.execute(
            text(
                "INSERT INTO awards_fts (rowid, name, unit, position, award_text, issuer, "
                "subject, number) VALUES (:rowid, :name, :unit, :position, :award_text, "
                ":issuer, :subject, :number)"
            ),
            rows,
        )


def unindex_document(session: Session, document_id: int) -> None:
    """Drop a document's award rows from the index (before the rows themselves go)."""
    session.execute(
        text(
            "DELETE FROM awards_fts WHERE rowid IN "
            "(SELECT id FROM awards WHERE document_id = :document_id)"
        ),
        {"document_id": document_id},
    )


def words(query: str) -> list[str]:
    """The folded words of a query, the only part of it that reaches FTS5."""
    return _WORD.findall(fold(query))


def all_words(query: str, column: str | None = None) -> str | None:
    """Every word somewhere (in `column` if given), any order; None for a query of no words."""
    found = words(query)
    if not found:
        return None
    expression = " AND ".join(f'"{word}"' for word in found)
    return f"{column} : ({expression})" if column else f"({expression})"


def phrase(query: str, column: str) -> str | None:
    """The words next to each other in this order in `column` (a whole name, a number)."""
    found = words(query)
    if not found:
        return None
    return f'{column} : "{" ".join(found)}"'
