"""The SQLite backend: FTS5 tables `awards_fts` (award rows) and `lexicon_names` (names).

Both tokenize with `unicode61 remove_diacritics 2` over text the application has folded.
Every query word becomes a quoted FTS5 string, so nothing typed is read as FTS5 syntax.
The index is read first and joined to the rows with `CROSS JOIN`: a plain JOIN plus a
filter let the planner scan the filter's index instead, seconds at a million rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, text

from service.search_backends.base import (
    Executor,
    IndexedAward,
    TextCondition,
    WordMatch,
)


def quoted(text: str) -> str:
    """`text` as one FTS5 string: inside double quotes, each `"` doubled, so no word is
    read as an operator (`AND`, `NEAR`, `*`, `(`) or ends the string early."""
    return '"' + text.replace('"', '""') + '"'


def _expression(match: WordMatch) -> str:
    if match.phrase:
        assert match.column, "a phrase is looked for in one column"
        return f"{match.column} : {quoted(' '.join(match.words))}"
    expression = " AND ".join(quoted(word) for word in match.words)
    return f"{match.column} : ({expression})" if match.column else f"({expression})"


class SqliteFts5:
    source = "awards_fts CROSS JOIN awards ON awards.id = awards_fts.rowid"

    def index_awards(self, session: Executor, rows: Sequence[IndexedAward]) -> None:
        session.execute(
            text(
                "INSERT INTO awards_fts (rowid, name, unit, position, award_text, issuer, "
                "subject, number) VALUES (:rowid, :name, :unit, :position, :award_text, "
                ":issuer, :subject, :number)"
            ),
            [{"rowid": row.id, **row.columns} for row in rows],
        )

    def unindex_document(self, session: Executor, document_id: int) -> None:
        session.execute(
            text(
                "DELETE FROM awards_fts WHERE rowid IN "
                "(SELECT id FROM awards WHERE document_id = :document_id)"
            ),
            {"document_id": document_id},
        )

    def condition(self, matches: Sequence[WordMatch]) -> TextCondition:
        match = " AND ".join(_expression(m) for m in matches)
        return TextCondition("awards_fts MATCH :match", {"match": match}, "awards_fts.rank")

    def index_names(self, session: Executor, keys: Sequence[str]) -> None:
        session.execute(
            text(
                "INSERT INTO lexicon_names (rowid, key) SELECT id, key FROM lexicon "
                "WHERE kind = 'name' AND key IN :names AND NOT EXISTS "
                "(SELECT 1 FROM lexicon_names f WHERE f.rowid = lexicon.id)"
            ).bindparams(bindparam("names", expanding=True)),
            {"names": list(keys)},
        )

    def names_with_words(
        self, session: Executor, alternatives: Sequence[Sequence[str]], limit: int
    ) -> list[tuple[str, int]]:
        groups = [" OR ".join(quoted(w) for w in slot) for slot in alternatives if slot]
        if len(groups) != len(alternatives):
            return []
        match = " AND ".join(f"({group})" for group in groups)
        rows = session.execute(
            text(
                "SELECT lexicon.key, lexicon.count FROM lexicon_names "
                "CROSS JOIN lexicon ON lexicon.id = lexicon_names.rowid "
                "WHERE lexicon_names MATCH :match AND lexicon.count > 0 LIMIT :limit"
            ),
            {"match": match, "limit": limit},
        )
        return [(key, count) for key, count in rows]
