"""The archive's small dictionaries: every name, name word, unit, issuer, award code and
period it holds, with how many award rows carry each.

A million award rows hold only tens of thousands of distinct names and a few thousand
units. Looking words up here first — which names are near `nguyen van thinh`, which
units contain `nguyen khuyen` — turns a fuzzy or partial condition into exact keys the
award table's indexes answer at once, and the counts are the facets of an unfiltered
search. Rows are counted up when a document's awards are written and down when they are
replaced; a value whose count falls to zero stays (it costs nothing and matches nothing).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from sqlalchemy import Connection, bindparam, text
from sqlalchemy.orm import Session

from service.search_backends import backend_of

NAME = "name"
NAME_WORD = "name_word"
UNIT = "unit"
ISSUER = "issuer"
AWARD_CODE = "award_code"
PERIOD = "period"


class Keyed(Protocol):
    """What the dictionaries read of an award row (an `Award`, or a row in a migration)."""

    @property
    def name(self) -> str: ...
    @property
    def name_fold(self) -> str: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def unit_key(self) -> str | None: ...
    @property
    def issuer(self) -> str | None: ...
    @property
    def issuer_key(self) -> str | None: ...
    @property
    def award_code(self) -> str: ...
    @property
    def period(self) -> str | None: ...
    @property
    def year_start(self) -> int | None: ...
    @property
    def year_end(self) -> int | None: ...


def _entries(awards: Iterable[Keyed]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for award in awards:
        counts[(NAME, award.name_fold)] += 1
        for word in set(award.name_fold.split()):
            counts[(NAME_WORD, word)] += 1
        if award.unit_key:
            counts[(UNIT, award.unit_key)] += 1
        if award.issuer_key:
            counts[(ISSUER, award.issuer_key)] += 1
        counts[(AWARD_CODE, award.award_code)] += 1
        if award.period:
            counts[(PERIOD, award.period)] += 1
    return counts


def _displays(awards: Iterable[Keyed]) -> dict[tuple[str, str], str]:
    """How each key is shown: the first printed form seen (units and issuers keep theirs)."""
    shown: dict[tuple[str, str], str] = {}
    for award in awards:
        shown.setdefault((NAME, award.name_fold), award.name)
        if award.unit_key and award.unit:
            shown.setdefault((UNIT, award.unit_key), award.unit)
        if award.issuer_key and award.issuer:
            shown.setdefault((ISSUER, award.issuer_key), award.issuer)
    return shown


def count_in(session: Session | Connection, awards: Sequence[Keyed]) -> None:
    """Count newly written award rows in; new names become findable by their words."""
    counts = _entries(awards)
    if not counts:
        return
    shown = _displays(awards)
    _execute_many(
        session,
        "INSERT INTO lexicon (kind, key, display, count) VALUES (:kind, :key, :display, :n) "
        "ON CONFLICT (kind, key) DO UPDATE SET count = lexicon.count + excluded.count",
        [
            {"kind": kind, "key": key, "display": shown.get((kind, key), key), "n": n}
            for (kind, key), n in counts.items()
        ],
    )
    _count_pairs(session, awards, 1)
    backend_of(session).index_names(session, sorted({k for kind, k in counts if kind == NAME}))


_PAIR_DIMS = ("award_code", "period", "issuer", "unit")
# Cells: an award code with a span of years or with one unit. The facets (and the number)
# of a search for one award code over some years, or at some schools, are sums of cells.
CODE_SPAN = "award_code+span"
CODE_UNIT = "award_code+unit"


def span_value(award_code: str, year_start: int, year_end: int) -> str:
    return f"{award_code} {year_start} {year_end}"


def unit_value(award_code: str, unit_key: str) -> str:
    return f"{award_code} {unit_key}"


def _dims(award: Keyed) -> dict[str, str]:
    values = {
        "award_code": award.award_code,
        "period": award.period,
        "issuer": award.issuer_key,
        "unit": award.unit_key,
    }
    return {dim: value for dim, value in values.items() if value}


def _cells(award: Keyed) -> dict[str, str]:
    cells = {}
    if award.year_start is not None and award.year_end is not None:
        cells[CODE_SPAN] = span_value(award.award_code, award.year_start, award.year_end)
    if award.unit_key:
        cells[CODE_UNIT] = unit_value(award.award_code, award.unit_key)
    return cells


def _pairs(awards: Iterable[Keyed]) -> Counter[tuple[str, str, str, str]]:
    """(dimension, value, other dimension, its value) for each award: the facets of a
    search filtered on one value (all Chiến sĩ thi đua cơ sở: which years, units, issuers),
    and every facet of each cell the award is in."""
    alike: Counter[tuple[tuple[str, str], ...]] = Counter()  # a decision's rows share most
    for award in awards:
        dims = _dims(award)
        alike[tuple(dims.items()) + tuple(_cells(award).items())] += 1
    counts: Counter[tuple[str, str, str, str]] = Counter()
    for values, n in alike.items():
        facets = [(d, v) for d, v in values if d in _PAIR_DIMS]
        for dim, value in values:
            for facet, facet_value in facets:
                if facet != dim:
                    counts[(dim, value, facet, facet_value)] += n
    return counts


def count_pairs_in(connection: Session | Connection, awards: Sequence[Keyed]) -> None:
    """Count award rows into the pairs and cells alone (when those are counted afresh)."""
    _count_pairs(connection, awards, 1)


def _count_pairs(session: Session | Connection, awards: Sequence[Keyed], sign: int) -> None:
    rows = [
        {"dim": d, "value": v, "facet": f, "facet_value": fv, "n": n * sign}
        for (d, v, f, fv), n in _pairs(awards).items()
    ]
    if rows:
        _execute_many(
            session,
            "INSERT INTO facet_pairs (dim, value, facet, facet_value, count) "
            "VALUES (:dim, :value, :facet, :facet_value, CASE WHEN :n > 0 THEN :n ELSE 0 END) "
            "ON CONFLICT (dim, value, facet, facet_value) DO UPDATE SET count = "
            "CASE WHEN facet_pairs.count + :n > 0 THEN facet_pairs.count + :n ELSE 0 END",
            rows,
        )


_NAMED = re.compile(r":(\w+)")


def _execute_many(
    session: Session | Connection, statement: str, rows: Sequence[dict[str, object]]
) -> None:
    """One statement for many rows, handed straight to the driver: a document's hundreds
    of counter rows skip SQLAlchemy's handling of each row's parameters. `statement` names
    its parameters `:name` (SQLite's own style; PostgreSQL's driver is told `%(name)s`)."""
    connection = session.connection() if isinstance(session, Session) else session
    if connection.dialect.paramstyle == "pyformat":
        statement = _NAMED.sub(r"%(\1)s", statement)
    connection.exec_driver_sql(statement, list(rows))


def pair_top(
    session: Session, dim: str, value: str, facet: str, limit: int
) -> list[tuple[str, int]]:
    """The commonest values of `facet` among awards whose `dim` is `value`."""
    rows = session.execute(
        text(
            "SELECT facet_value, count FROM facet_pairs WHERE dim = :dim AND value = :value "
            "AND facet = :facet AND count > 0 ORDER BY count DESC, facet_value LIMIT :limit"
        ),
        {"dim": dim, "value": value, "facet": facet, "limit": limit},
    )
    return [(key, n) for key, n in rows]


def pair_count(session: Session, dim: str, value: str, facet: str, facet_value: str) -> int:
    """How many awards whose `dim` is `value` have `facet_value` as their `facet`."""
    count = session.execute(
        text(
            "SELECT count FROM facet_pairs WHERE dim = :dim AND value = :value "
            "AND facet = :facet AND facet_value = :facet_value"
        ),
        {"dim": dim, "value": value, "facet": facet, "facet_value": facet_value},
    ).scalar()
    return int(count or 0)


def cell_top(
    session: Session, cell: str, values: Sequence[str], facet: str, limit: int | None
) -> list[tuple[str, int]]:
    """The commonest values of `facet` among awards in any of these cells (all of them
    without a `limit`)."""
    if not values:
        return []
    rows = session.execute(
        text(
            "SELECT facet_value, sum(count) FROM facet_pairs WHERE dim = :dim "
            "AND value IN :values AND facet = :facet GROUP BY facet_value "
            "HAVING sum(count) > 0 ORDER BY 2 DESC, 1" + (" LIMIT :limit" if limit else "")
        ).bindparams(bindparam("values", expanding=True)),
        {"dim": cell, "values": list(values), "facet": facet, "limit": limit},
    )
    return [(key, int(n)) for key, n in rows]


def cell_rows(session: Session, cell: str, values: Sequence[str]) -> int:
    """How many awards are in these cells (each is counted once, under its award code)."""
    if not values:
        return 0
    total = session.execute(
        text(
            "SELECT coalesce(sum(count), 0) FROM facet_pairs WHERE dim = :dim "
            "AND value IN :values AND facet = 'award_code'"
        ).bindparams(bindparam("values", expanding=True)),
        {"dim": cell, "values": list(values)},
    ).scalar_one()
    return int(total)


def spans(session: Session, award_code: str) -> list[tuple[int, int]]:
    """(first year, last year) of each span of years awards of this code cover."""
    rows = session.execute(
        text(
            "SELECT value FROM facet_pairs WHERE dim = :dim AND value > :low AND value < :high "
            "AND facet = 'award_code' AND count > 0"
        ),
        {"dim": CODE_SPAN, "low": f"{award_code} ", "high": f"{award_code}!"},
    ).scalars()
    found = []
    for value in rows:
        _, first, last = value.rsplit(" ", 2)
        found.append((int(first), int(last)))
    return found


def count_of(session: Session, kind: str, key: str) -> int:
    """How many award rows carry this value (a name, unit, issuer, award code or period)."""
    count = session.execute(
        text("SELECT count FROM lexicon WHERE kind = :kind AND key = :key"),
        {"kind": kind, "key": key},
    ).scalar()
    return int(count or 0)


def count_out(session: Session | Connection, awards: Sequence[Keyed]) -> None:
    """Count award rows about to be deleted out."""
    counts = _entries(awards)
    if counts:
        session.execute(
            text(
                "UPDATE lexicon SET count = CASE WHEN count > :n THEN count - :n ELSE 0 END "
                "WHERE kind = :kind AND key = :key"
            ),
            [{"kind": kind, "key": key, "n": n} for (kind, key), n in counts.items()],
        )
        _count_pairs(session, awards, -1)


def top(session: Session, kind: str, limit: int) -> list[tuple[str, str, int]]:
    """(key, display, count) of the most common values of a kind, for unfiltered facets."""
    rows = session.execute(
        text(
            "SELECT key, display, count FROM lexicon WHERE kind = :kind AND count > 0 "
            "ORDER BY count DESC, key LIMIT :limit"
        ),
        {"kind": kind, "limit": limit},
    )
    return [(key, display, count) for key, display, count in rows]


def award_rows(session: Session) -> int:
    """How many award rows there are: each has one award code, so their counts add up to
    it (a count(*) over the table reads every row on PostgreSQL)."""
    total = session.execute(
        text("SELECT coalesce(sum(count), 0) FROM lexicon WHERE kind = 'award_code'")
    ).scalar_one()
    return int(total)


def longest_period(session: Session) -> int:
    """Years between the first and last year of the longest period stored (1 for 2023-2024)."""
    spans = [0]
    for key in session.execute(text("SELECT key FROM lexicon WHERE kind = 'period'")).scalars():
        first, _, last = key.partition("-")
        if first.isdigit() and last.isdigit():
            spans.append(int(last) - int(first))
    return max(spans)


def displays(session: Session, kind: str, keys: Sequence[str]) -> dict[str, str]:
    if not keys:
        return {}
    rows = session.execute(
        text("SELECT key, display FROM lexicon WHERE kind = :kind AND key IN :keys").bindparams(
            bindparam("keys", expanding=True)
        ),
        {"kind": kind, "keys": list(keys)},
    )
    return {key: display for key, display in rows}


def keys_with_words(session: Session, kind: str, words: Sequence[str], limit: int) -> list[str]:
    """Keys of a kind holding every word as a whole word (`nguyen khuyen` → its schools)."""
    if not words:
        return []
    conditions = " AND ".join(f"(' ' || key || ' ') LIKE :w{i}" for i in range(len(words)))
    params: dict[str, object] = {f"w{i}": f"% {w} %" for i, w in enumerate(words)}
    rows = session.execute(
        text(
            f"SELECT key FROM lexicon WHERE kind = :kind AND count > 0 AND {conditions} "
            "ORDER BY count DESC LIMIT :limit"
        ),
        {"kind": kind, "limit": limit, **params},
    )
    return list(rows.scalars())


def name_words(session: Session) -> list[str]:
    """Every word seen in a name: the vocabulary fuzzy name matching corrects toward."""
    return list(session.execute(text("SELECT key FROM lexicon WHERE kind = 'name_word'")).scalars())


def name_word_version(session: Session) -> int:
    return int(
        session.execute(text("SELECT count(*) FROM lexicon WHERE kind = 'name_word'")).scalar_one()
    )


def names_with_words(
    session: Session, alternatives: Sequence[Sequence[str]], limit: int
) -> list[tuple[str, int]]:
    """(name key, award count) of names holding one alternative of every word slot."""
    return backend_of(session).names_with_words(session, alternatives, limit)
