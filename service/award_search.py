"""Finding award rows: words anywhere, a name, a unit, and exact filters, ranked and counted.

Text conditions become one FTS5 match expression; the index is read first and joined to
the award rows (`CROSS JOIN` keeps SQLite from scanning a filter's index instead, which
costs seconds at a million rows). Without text, rows come newest period first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from service import award_index
from service.db.models import Award

MAX_LIMIT = 200


@dataclass(frozen=True)
class AwardQuery:
    q: str | None = None
    name: str | None = None
    unit: str | None = None
    issuer: str | None = None
    number: str | None = None
    award_code: str | None = None
    kind: str | None = None
    period: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    document_id: int | None = None
    limit: int = 20
    offset: int = 0


@dataclass
class AwardPage:
    total: int
    awards: list[Award] = field(default_factory=list)


def _match_expression(query: AwardQuery) -> str | None:
    parts = [
        award_index.all_words(query.q) if query.q else None,
        award_index.phrase(query.name, "name") if query.name else None,
        award_index.all_words(query.unit, "unit") if query.unit else None,
        award_index.all_words(query.issuer, "issuer") if query.issuer else None,
        award_index.phrase(query.number, "number") if query.number else None,
    ]
    present = [part for part in parts if part]
    return " AND ".join(present) if present else None


def _has_text(query: AwardQuery) -> bool:
    return any((query.q, query.name, query.unit, query.issuer, query.number))


def search_awards(session: Session, query: AwardQuery) -> AwardPage:
    """The page of awards `query` asks for, and how many match in all."""
    match = _match_expression(query)
    if _has_text(query) and match is None:
        return AwardPage(total=0)  # only punctuation was typed: nothing can match
    where: list[str] = []
    params: dict[str, Any] = {}
    if match:
        source = "awards_fts CROSS JOIN awards ON awards.id = awards_fts.rowid"
        where.append("awards_fts MATCH :match")
        params["match"] = match
        order = "awards_fts.rank, awards.id"
    else:
        source = "awards"
        order = "awards.year_end DESC NULLS LAST, awards.id DESC"
    for column, value in (
        ("award_code", query.award_code),
        ("recipient_kind", query.kind),
        ("period", query.period),
        ("document_id", query.document_id),
    ):
        if value is not None:
            where.append(f"awards.{column} = :{column}")
            params[column] = value
    if query.year_from is not None:
        where.append("awards.year_end >= :year_from")
        params["year_from"] = query.year_from
    if query.year_to is not None:
        where.append("awards.year_start <= :year_to")
        params["year_to"] = query.year_to
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    total = session.execute(text(f"SELECT count(*) FROM {source}{condition}"), params).scalar_one()
    if not total:
        return AwardPage(total=0)
    ids = list(
        session.execute(
            text(
                f"SELECT awards.id FROM {source}{condition} ORDER BY {order} "
                "LIMIT :limit OFFSET :offset"
            ),
            {**params, "limit": min(query.limit, MAX_LIMIT), "offset": query.offset},
        ).scalars()
    )
    rows = {a.id: a for a in session.scalars(select(Award).where(Award.id.in_(ids)))}
    return AwardPage(total=total, awards=[rows[i] for i in ids if i in rows])
