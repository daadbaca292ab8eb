"""The PostgreSQL backend: tsvector columns with GIN indexes, built from the same folded
words FTS5 indexes on SQLite.

Vectors and queries are written by this module, lexeme by lexeme, rather than by
`to_tsvector`: PostgreSQL's parser reads `2019-2020` as `2019` and `-2020` and
`101/qd-sgddt` as a file path, where FTS5 sees plain words. Splitting here on what
`unicode61` splits on (anything not a letter or digit) keeps the two backends' words
identical, so they find the same rows.

`award_words.words` holds every indexed column; `award_words.fields` holds the columns a
search can name, each under its own weight (name A, unit B, issuer C, number D), so
`'nguyen':A <-> 'thi':A` is a phrase in the name alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, text

from service.search_backends.base import (
    Executor,
    IndexedAward,
    TextCondition,
    WordMatch,
)

EVERY_COLUMN = ("name", "unit", "position", "award_text", "issuer", "subject", "number")
WEIGHTS = {"name": "A", "unit": "B", "issuer": "C", "number": "D"}
_TOKEN = re.compile(r"[^\W_]+")


def tokens(folded: str) -> list[str]:
    """The words FTS5's `unicode61` would index in folded text (`x_y` is `x`, `y`)."""
    return _TOKEN.findall(folded)


def _lexeme(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def vector(columns: Iterable[tuple[str, str]]) -> str:
    """A tsvector literal of (folded text, weight) columns, a position apart between
    columns so no phrase runs from one into the next."""
    entries = []
    position = 0
    for folded, weight in columns:
        for token in tokens(folded):
            position += 1
            entries.append(f"{_lexeme(token)}:{position}{weight}")
        position += 1
    return " ".join(entries)


def _operand(word: str, weight: str) -> str | None:
    """One query word as a tsquery operand; None for a word of no letters or digits."""
    found = tokens(word)
    if not found:
        return None
    parts = [f"{_lexeme(t)}{weight}" for t in found]
    return parts[0] if len(parts) == 1 else f"({' <-> '.join(parts)})"


def _query(match: WordMatch) -> str | None:
    """The tsquery of one match; None when it can match nothing (as FTS5's empty string)."""
    weight = f":{WEIGHTS[match.column]}" if match.column else ""
    if match.phrase:
        found = [t for word in match.words for t in tokens(word)]
        return " <-> ".join(f"{_lexeme(t)}{weight}" for t in found) or None
    operands = [_operand(word, weight) for word in match.words]
    if not operands or None in operands:
        return None
    return " & ".join(f"{o}" for o in operands if o)


class PostgresTsvector:
    source = "award_words JOIN awards ON awards.id = award_words.award_id"

    def index_awards(self, session: Executor, rows: Sequence[IndexedAward]) -> None:
        session.execute(
            text(
                "INSERT INTO award_words (award_id, words, fields) "
                "VALUES (:id, CAST(:words AS tsvector), CAST(:fields AS tsvector))"
            ),
            [
                {
                    "id": row.id,
                    "words": vector((row.columns[c], "") for c in EVERY_COLUMN),
                    "fields": vector((row.columns[c], w) for c, w in WEIGHTS.items()),
                }
                for row in rows
            ],
        )

    def unindex_document(self, session: Executor, document_id: int) -> None:
        session.execute(
            text(
                "DELETE FROM award_words WHERE award_id IN "
                "(SELECT id FROM awards WHERE document_id = :document_id)"
            ),
            {"document_id": document_id},
        )

    def condition(self, matches: Sequence[WordMatch]) -> TextCondition:
        queries: dict[str, list[str]] = {"words": [], "fields": []}
        for match in matches:
            query = _query(match)
            if query is None:
                return TextCondition("1 = 0", {}, "awards.id")
            queries["fields" if match.column else "words"].append(f"({query})")
        where, ranks, params = [], [], {}
        for column, parts in queries.items():
            if parts:
                tsquery = f"CAST(:fts_{column} AS tsquery)"
                where.append(f"award_words.{column} @@ {tsquery}")
                ranks.append(f"ts_rank(award_words.{column}, {tsquery})")
                params[f"fts_{column}"] = " & ".join(parts)
        return TextCondition(" AND ".join(where), params, f"{' + '.join(ranks)} DESC")

    def index_names(self, session: Executor, keys: Sequence[str]) -> None:
        new = session.execute(
            text(
                "SELECT id, key FROM lexicon WHERE kind = 'name' AND key IN :names "
                "AND NOT EXISTS (SELECT 1 FROM lexicon_names f WHERE f.id = lexicon.id)"
            ).bindparams(bindparam("names", expanding=True)),
            {"names": list(keys)},
        ).all()
        if new:
            session.execute(
                text(
                    "INSERT INTO lexicon_names (id, words) VALUES (:id, CAST(:words AS tsvector)) "
                    "ON CONFLICT (id) DO NOTHING"
                ),
                [{"id": name_id, "words": vector([(key, "")])} for name_id, key in new],
            )

    def names_with_words(
        self, session: Executor, alternatives: Sequence[Sequence[str]], limit: int
    ) -> list[tuple[str, int]]:
        groups = []
        for slot in alternatives:
            operands = [o for w in slot if (o := _operand(w, ""))]
            if not operands:
                return []
            groups.append(f"({' | '.join(operands)})")
        if not groups:
            return []
        rows = session.execute(
            text(
                "SELECT lexicon.key, lexicon.count FROM lexicon_names "
                "JOIN lexicon ON lexicon.id = lexicon_names.id "
                "WHERE lexicon_names.words @@ CAST(:match AS tsquery) AND lexicon.count > 0 "
                "LIMIT :limit"
            ),
            {"match": " & ".join(groups), "limit": limit},
        )
        return [(key, count) for key, count in rows]
