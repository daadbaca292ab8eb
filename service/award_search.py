"""Finding award rows: a name (fuzzy), words anywhere, a unit, an issuer, exact filters;
ranked, counted, and with facet counts on request.

Names, units and issuers are first looked up in the lexicon (`service.lexicon`), which
turns `nguyen van thinh` into the few stored spellings near it and `nguyen khuyen` into
the schools of that name; the award table's indexes then answer with those keys. Free
words (`q`) that are wholly a unit, issuer or name are answered the same way; other words
and decision numbers go through the word index of the database's search backend
(`service.search_backends`: FTS5 on SQLite, tsvector on PostgreSQL). Rows whose name is
spelled exactly as typed, diacritics included, come first; then the same letters; then
spellings an OCR slip away. Without text, rows come newest period first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import BindParameter, TextClause, bindparam, select, text
from sqlalchemy.orm import Session

from service import award_index, lexicon, query_limits, search_keys
from service.award_index import WordMatch
from service.award_keys import period_years
from service.award_labels import label
from service.db.models import Award
from service.kept_documents import KEPT_AWARDS
from service.name_match import MAX_NAMES, NameCandidate, near_names
from service.search_backends import SearchBackend, TextCondition, backend_of
from service.search_query import parse_text, strip_honorific
from service.signature_records import signature_conditions

MAX_LIMIT = 200
FACETS = ("award_code", "period", "issuer", "unit")
MAX_ORG_KEYS = 500
MATCH_LABELS = ("exact", "folded", "fuzzy")


@dataclass(frozen=True)
class AwardQuery:
    q: str | None = None
    name: str | None = None
    unit: str | None = None
    issuer: str | None = None
    number: str | None = None
    award_codes: tuple[str, ...] = ()
    kind: str | None = None
    period: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    issuer_level: str | None = None
    document_type: str | None = None
    review_state: str | None = None
    document_id: int | None = None
    # `unknown` in these matches rows whose method or rank no document states
    commendation_methods: tuple[str, ...] = ()
    ranks: tuple[str, ...] = ()
    status: str | None = None  # active | revoked | change; None: every row
    decided_year: int | None = None  # the year of the decision's date
    signed: bool | None = None  # read from a digitally signed PDF (None: either)
    signature_state: str | None = None  # one of its signatures is in this state
    fuzzy: bool = True
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class AwardPage:
    total: int
    awards: list[Award] = field(default_factory=list)
    matches: dict[int, str] = field(default_factory=dict)
    facets: dict[str, list[FacetValue]] | None = None


@dataclass
class _Plan:
    """One query as SQL pieces: where rows come from, conditions, parameters, order."""

    backend: SearchBackend
    fts: list[WordMatch] = field(default_factory=list)
    where: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    expanding: set[str] = field(default_factory=set)
    tier: str = "1"
    empty: bool = False
    # The conditions that are counted with the rows — an award code, a period, unit or
    # issuer keys, a span of years — by kind; `other` when any condition is not (or one
    # kind is asked twice): only plans without `other` read their counts instead of rows.
    known: dict[str, Any] = field(default_factory=dict)
    other: bool = False
    names: dict[tuple[tuple[str, ...], bool], list[NameCandidate]] = field(default_factory=dict)
    # Words that are units or else names (`chu van an`): the rows the units' cells do not
    # hold, as (the `where` entry they are part of, that entry for those rows alone).
    beside_cells: tuple[int, str] | None = None

    def know(self, kind: str, value: Any) -> None:
        if kind in self.known:
            self.other = True
        self.known[kind] = value

    def near_names(self, session: Session, words: list[str], fuzzy: bool) -> list[NameCandidate]:
        """`near_names`, looked up once per query for the same words."""
        key = (tuple(words), fuzzy)
        if key not in self.names:
            self.names[key] = near_names(session, words, fuzzy=fuzzy)
        return self.names[key]

    def _facet_values(self) -> list[tuple[str, str]] | None:
        """Each condition as its one facet value; None when any is not one (or rows
        beside them match too)."""
        if self.other or self.beside_cells is not None:
            return None
        values = []
        for kind, value in self.known.items():
            if kind in ("award_code", "period"):
                values.append((kind, str(value)))
            elif kind in ("unit", "issuer") and len(value) == 1:
                values.append((kind, value[0]))
            else:
                return None
        return values

    @property
    def one_facet_value(self) -> tuple[str, str] | None:
        values = self._facet_values()
        return values[0] if values and len(values) == 1 else None

    @property
    def two_facet_values(self) -> tuple[str, str, str, str] | None:
        """(facet, value, other facet, its value) of a plan of two such conditions: the
        pair count is its number (an issuer's awards in one school year)."""
        values = self._facet_values()
        return (*values[0], *values[1]) if values and len(values) == 2 else None

    def cells(self, session: Session) -> tuple[str, list[str]] | None:
        """The cells (`lexicon.CODE_SPAN`, `CODE_UNIT`) that hold exactly the rows of a
        plan of one award code and some years, or one award code and some units."""
        if self.other or len(self.known) != 2 or "award_code" not in self.known:
            return None
        code = self.known["award_code"]
        if units := self.known.get("unit"):
            return lexicon.CODE_UNIT, [lexicon.unit_value(code, unit) for unit in units]
        if years := self.known.get("years"):
            first, last = years
            return lexicon.CODE_SPAN, [
                lexicon.span_value(code, start, end)
                for start, end in lexicon.spans(session, code)
                if (first is None or end >= first) and (last is None or start <= last)
            ]
        return None

    def add_in(self, column: str, name: str, values: list[str]) -> None:
        self.where.append(f"{column} IN :{name}")
        self.params[name] = values
        self.expanding.add(name)

    def add_words(self, match: WordMatch | None) -> None:
        if match is None:
            self.empty = True
        else:
            self.fts.append(match)

    @property
    def words_condition(self) -> TextCondition | None:
        return self.backend.condition(self.fts) if self.fts else None

    @property
    def source(self) -> str:
        return self.backend.source if self.fts else "awards"

    @property
    def condition(self) -> str:
        """The WHERE clause, deleted documents' rows left out (the counts read instead of
        rows never held them: `service.deleted_documents`)."""
        words = self.words_condition
        parts = ([words.where] if words else []) + self.where
        return f" WHERE {' AND '.join([*parts, KEPT_AWARDS])}"

    @property
    def beside_condition(self) -> str | None:
        """The WHERE clause of the rows a plan matches beyond its cells, if any."""
        if self.beside_cells is None:
            return None
        at, clause = self.beside_cells
        parts = [clause if i == at else w for i, w in enumerate(self.where)]
        return f" WHERE {' AND '.join([*parts, KEPT_AWARDS])}"

    @property
    def order(self) -> str:
        # a tier that is the same for every row is left out: `ORDER BY 1` would mean the
        # first column selected (the id), not a constant
        tier = "" if self.tier == "1" else f"{self.tier}, "
        if words := self.words_condition:
            return f"{tier}{words.rank}, awards.id"
        return f"{tier}awards.year_end DESC NULLS LAST, awards.id DESC"

    @property
    def unconditioned(self) -> bool:
        return not self.fts and not self.where

    def sql(self, statement: str) -> TextClause:
        clause = text(statement)
        used: list[BindParameter[Any]] = [
            bindparam(n, expanding=True) for n in self.expanding if f":{n}" in statement
        ]
        return clause.bindparams(*used) if used else clause

    def bound(self) -> dict[str, Any]:
        words = self.words_condition
        return {**self.params, **words.params} if words else dict(self.params)


def _understood(query: AwardQuery) -> AwardQuery:
    """Award wording and a school year typed into `q` become filters (explicit ones win)."""
    if not query.q:
        return query
    parsed = parse_text(query.q)
    year_from, year_to = query.year_from, query.year_to
    if parsed.year is not None and year_from is None and year_to is None:
        year_from = year_to = parsed.year
    return replace(
        query,
        q=parsed.text,
        award_codes=query.award_codes or parsed.award_codes,
        period=query.period or parsed.period,
        year_from=year_from,
        year_to=year_to,
    )


def _name_condition(session: Session, plan: _Plan, query: AwardQuery, typed: str) -> None:
    name = strip_honorific(typed)
    words = search_keys.words(name)
    if not words:
        plan.empty = True
        return
    plan.other = True
    candidates = plan.near_names(session, words, fuzzy=query.fuzzy)
    exact_like = None
    if search_keys.has_diacritics(name):
        exact_like = f"% {search_keys.name_key(name)} %"
        plan.params["name_like"] = exact_like
    if len(candidates) >= MAX_NAMES:  # a word or two shared by thousands: no fuzziness
        plan.add_words(award_index.phrase(name, "name"))
        tier_exact = "1"
    elif not candidates:
        plan.empty = True
        return
    else:
        plan.add_in("awards.name_fold", "names", [c.key for c in candidates])
        plan.params["exact_names"] = [c.key for c in candidates if c.distance == 0] or [""]
        plan.expanding.add("exact_names")
        tier_exact = "CASE WHEN awards.name_fold IN :exact_names THEN 1 ELSE 2 END"
    if exact_like:
        spelled = "(' ' || awards.name_key || ' ') LIKE :name_like"
        plan.tier = f"CASE WHEN {spelled} THEN 0 ELSE {tier_exact} END"
    else:
        plan.tier = tier_exact


def _org_condition(
    session: Session, plan: _Plan, kind: str, column: str, fts_column: str, typed: str
) -> None:
    words = search_keys.org_key(typed).split() or search_keys.words(typed)
    if not words:
        plan.empty = True
        return
    keys = lexicon.keys_with_words(session, kind, words, MAX_ORG_KEYS)
    if len(keys) >= MAX_ORG_KEYS:
        plan.other = True
        plan.add_words(award_index.all_words(typed, fts_column))
    elif keys:
        plan.know(kind, keys)
        plan.add_in(f"awards.{column}", f"{column}s", keys)
    else:
        plan.empty = True


def _whole(session: Session, plan: _Plan, words: list[str]) -> dict[str, list[str]] | None:
    """Keys of units, issuers and names that hold all these words; None when too many."""
    org_words = search_keys.org_key(" ".join(words)).split()
    units = lexicon.keys_with_words(session, lexicon.UNIT, org_words, MAX_ORG_KEYS)
    issuers = lexicon.keys_with_words(session, lexicon.ISSUER, org_words, MAX_ORG_KEYS)
    names = [c.key for c in plan.near_names(session, words, fuzzy=False)]
    if len(units) >= MAX_ORG_KEYS or len(issuers) >= MAX_ORG_KEYS or len(names) >= MAX_NAMES:
        return None
    return {"unit_key": units, "issuer_key": issuers, "name_fold": names}


def _name_and_unit(
    session: Session, plan: _Plan, words: list[str]
) -> list[list[tuple[str, list[str]]]]:
    """The cuts of the words into a name and a unit, either way round, as alternatives.

    The unit side is looked up first, and only where it is a unit the name side (a lone
    `nguyen` is thousands of names). Each side grows from one word: words no unit holds
    are held by none with more words beside them, so those longer sides are skipped."""
    found: list[list[tuple[str, list[str]]]] = []
    n = len(words)
    for cuts in (
        [(words[:cut], words[cut:]) for cut in range(n - 1, 0, -1)],  # the unit after
        [(words[cut:], words[:cut]) for cut in range(1, n)],  # the unit before
    ):
        held_by_none: list[set[str]] = []
        for name_words, unit_words in cuts:
            org_words = search_keys.org_key(" ".join(unit_words)).split()
            if not org_words or any(none <= set(org_words) for none in held_by_none):
                continue
            units = lexicon.keys_with_words(session, lexicon.UNIT, org_words, MAX_ORG_KEYS)
            if not units:
                held_by_none.append(set(org_words))
            if not units or len(units) >= MAX_ORG_KEYS:
                continue
            names = [c.key for c in plan.near_names(session, name_words, fuzzy=False)]
            if names and len(names) < MAX_NAMES:
                found.append([("name_fold", names), ("unit_key", units)])
    return found


def _as_known_values(session: Session, plan: _Plan, typed: str) -> bool:
    """Words that are wholly a unit, an issuer or a name the archive holds — or else a
    name followed or preceded by a unit (`nguyen thi huong nguyen khuyen`) — become those
    keys, answered by indexes instead of the word index; False when they are none of those."""
    words = search_keys.words(typed)
    if not words:
        return False
    alternatives: list[list[tuple[str, list[str]]]] = []
    whole = _whole(session, plan, words)
    if whole is None:
        return False
    alternatives += [[(column, keys)] for column, keys in whole.items() if keys]
    if not alternatives:
        alternatives = _name_and_unit(session, plan, words)
    if not alternatives:
        return False
    ors = []
    for i, alternative in enumerate(alternatives):
        ands = []
        for column, keys in alternative:
            name = f"q{i}_{column}"
            ands.append(f"awards.{column} IN :{name}")
            plan.params[name] = keys
            plan.expanding.add(name)
        ors.append(f"({' AND '.join(ands)})")
    plan.where.append(f"({' OR '.join(ors)})")
    unit_only = [
        i
        for i, alternative in enumerate(alternatives)
        if [c for c, _ in alternative] == ["unit_key"]
    ]
    if not unit_only:
        plan.other = True
        return True
    # the rows of these units are counted in cells; the rest are read (a name's few rows)
    plan.know(lexicon.UNIT, alternatives[unit_only[0]][0][1])
    rest = [clause for i, clause in enumerate(ors) if i != unit_only[0]]
    if rest:
        outside = f"awards.unit_key IS NULL OR awards.unit_key NOT IN :q{unit_only[0]}_unit_key"
        plan.beside_cells = (len(plan.where) - 1, f"({' OR '.join(rest)}) AND ({outside})")
    return True


def _words_condition(session: Session, plan: _Plan, typed: str) -> None:
    if not _as_known_values(session, plan, typed):
        plan.other = True
        expression = award_index.all_words(typed)
        if expression is None:
            plan.empty = True
            return
        plan.add_words(expression)
    marked = [w for w in search_keys.name_key(typed).split() if search_keys.has_diacritics(w)]
    if marked and plan.tier == "1":
        likes = []
        for i, word in enumerate(marked):
            plan.params[f"marked{i}"] = f"% {word} %"
            likes.append(f"(' ' || awards.name_key || ' ') LIKE :marked{i}")
        plan.tier = f"CASE WHEN {' AND '.join(likes)} THEN 0 ELSE 1 END"


def check_query(query: AwardQuery) -> None:
    """Raise `QueryTooLong` for a text field longer than a search takes."""
    query_limits.check_fields((f, getattr(query, f)) for f in query_limits.SEARCH_TEXT_FIELDS)


def _plan(session: Session, query: AwardQuery) -> _Plan:
    check_query(query)
    query = _understood(query)
    plan = _Plan(backend_of(session))
    if query.name:
        _name_condition(session, plan, query, query.name)
    if query.unit:
        _org_condition(session, plan, lexicon.UNIT, "unit_key", "unit", query.unit)
    if query.issuer:
        _org_condition(session, plan, lexicon.ISSUER, "issuer_key", "issuer", query.issuer)
    if query.number:
        plan.other = True
        plan.add_words(award_index.phrase(query.number, "number"))
    if query.q:
        _words_condition(session, plan, query.q)
    elif query.q is not None and not any(
        (query.award_codes, query.period, query.year_from, query.year_to)
    ):
        plan.empty = True  # only punctuation was typed: nothing can match
    if len(query.award_codes) == 1:
        plan.where.append("awards.award_code = :award_code")
        plan.params["award_code"] = query.award_codes[0]
        plan.know("award_code", query.award_codes[0])
    elif query.award_codes:
        plan.other = True
        plan.add_in("awards.award_code", "award_codes", list(query.award_codes))
    for column, value in (
        ("recipient_kind", query.kind),
        ("period", query.period),
        ("issuer_level", query.issuer_level),
        ("document_type", query.document_type),
        ("review_state", query.review_state),
        ("document_id", query.document_id),
    ):
        if value is not None:
            plan.where.append(f"awards.{column} = :{column}")
            plan.params[column] = value
            if column == "period":
                plan.know("period", str(value))
            else:
                plan.other = True
    _state_conditions(plan, query)
    where, params = signature_conditions("awards.document_id", query.signed, query.signature_state)
    if where:
        plan.other = True
        plan.where.extend(where)
        plan.params.update(params)
    if query.period:
        first, last = period_years(query.period, None)
        # the same rows, said so the (…, year_end, …) indexes can narrow to them
        plan.where.append("awards.year_end = :period_last AND awards.year_start = :period_first")
        plan.params.update(period_first=first, period_last=last)
    if query.year_from is not None or query.year_to is not None:
        plan.know("years", (query.year_from, query.year_to))
    if query.year_from is not None:
        plan.where.append("awards.year_end >= :year_from")
        plan.params["year_from"] = query.year_from
    if query.year_to is not None:
        plan.where.append("awards.year_start <= :year_to")
        plan.params["year_to"] = query.year_to
        # An award covering `year_to` ends at most the longest period later: a bound
        # that lets an index on year_end stop instead of reading to the newest row.
        plan.where.append("awards.year_end <= :year_end_bound")
        plan.params["year_end_bound"] = query.year_to + lexicon.longest_period(session)
    return plan


def _state_conditions(plan: _Plan, query: AwardQuery) -> None:
    """Filters of the statistics forms: method, rank, status, the decision's year."""
    for column, values in (("commendation_method", query.commendation_methods),
                           ("rank", query.ranks)):  # fmt: skip
        if not values:
            continue
        plan.other = True
        known = [v for v in values if v != "unknown"]
        parts = [f"awards.{column} IN :{column}s"] if known else []
        if known:
            plan.params[f"{column}s"] = known
            plan.expanding.add(f"{column}s")
        if "unknown" in values:
            parts.append(f"awards.{column} IS NULL")
        plan.where.append(f"({' OR '.join(parts)})")
    if query.status is not None:
        plan.other = True
        plan.where.append("awards.status = :status")
        plan.params["status"] = query.status
    if query.decided_year is not None:
        plan.other = True
        plan.where.append("awards.decision_date >= :decided_from")
        plan.where.append("awards.decision_date < :decided_before")
        plan.params["decided_from"] = date(query.decided_year, 1, 1)
        plan.params["decided_before"] = date(query.decided_year + 1, 1, 1)


def _match_labels(session: Session, plan: _Plan, ids: list[int]) -> dict[int, str]:
    if plan.tier == "1" or not ids:
        return {}
    statement = f"SELECT awards.id, {plan.tier} FROM awards WHERE awards.id IN :ids"
    params = {**plan.params, "ids": ids}
    clause = plan.sql(statement).bindparams(bindparam("ids", expanding=True))
    return {row_id: MATCH_LABELS[tier] for row_id, tier in session.execute(clause, params)}


_FACET_COLUMNS = {
    "award_code": "awards.award_code",
    "period": "awards.period",
    "issuer": "awards.issuer_key",
    "unit": "awards.unit_key",
}
_FACET_KINDS = {"issuer": lexicon.ISSUER, "unit": lexicon.UNIT}
MAX_COUNTED_ROWS = 60_000


def _facet_counts(
    session: Session,
    plan: _Plan,
    size: int,
    total: int | None = None,
    cells: tuple[str, list[str]] | None = None,
) -> dict[str, list[tuple[str, int]]]:
    """Top values per facet over every match.

    Without conditions the lexicon already holds the counts, for one value (an award
    code, a period, a unit, an issuer) the pair counts do, and for one award code over
    some years or at some units the sums of its cells. Other filters are grouped by the
    database, each facet over an index that holds the filter and facet columns; a text
    match is read once (up to `MAX_COUNTED_ROWS` rows) and counted here, rather than
    matching the text again for each facet.
    """
    if plan.unconditioned:
        return {f: [(k, n) for k, _, n in lexicon.top(session, f, size)] for f in FACETS}
    if plan.one_facet_value and total is not None:
        dim, value = plan.one_facet_value
        return {
            f: [(value, total)] if f == dim else lexicon.pair_top(session, dim, value, f, size)
            for f in FACETS
        }
    if cells is not None and (beside := plan.beside_condition) is None:
        return {f: lexicon.cell_top(session, *cells, f, size) for f in FACETS}
    if cells is not None and beside is not None:
        columns = ", ".join(_FACET_COLUMNS.values())
        rows = session.execute(
            plan.sql(f"SELECT {columns} FROM awards{beside}"), plan.bound()
        ).all()
        counters = [Counter(row[i] for row in rows if row[i] is not None) for i in range(4)]
        for facet, counter in zip(FACETS, counters, strict=True):
            counter.update(dict(lexicon.cell_top(session, *cells, facet, None)))
        return {
            facet: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
            for facet, counter in zip(FACETS, counters, strict=True)
        }
    if plan.fts:
        columns = ", ".join(_FACET_COLUMNS.values())
        rows = session.execute(
            plan.sql(
                f"SELECT {columns} FROM {plan.source}{plan.condition} LIMIT {MAX_COUNTED_ROWS + 1}"
            ),
            plan.bound(),
        ).all()
        if len(rows) <= MAX_COUNTED_ROWS:
            counters = [Counter(row[i] for row in rows if row[i] is not None) for i in range(4)]
            return {
                facet: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
                for facet, counter in zip(FACETS, counters, strict=True)
            }
    result: dict[str, list[tuple[str, int]]] = {}
    for facet, column in _FACET_COLUMNS.items():
        grouped = session.execute(
            plan.sql(
                f"SELECT {column}, count(*) FROM {plan.source}{plan.condition} "
                f"AND {column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :facet_size"
            ),
            {**plan.bound(), "facet_size": size},
        )
        result[facet] = [(key, n) for key, n in grouped]
    return result


def _facets(
    session: Session, plan: _Plan, size: int, total: int, cells: tuple[str, list[str]] | None
) -> dict[str, list[FacetValue]]:
    result: dict[str, list[FacetValue]] = {}
    for facet, counted in _facet_counts(session, plan, size, total, cells).items():
        kind = _FACET_KINDS.get(facet)
        shown = lexicon.displays(session, kind, [key for key, _ in counted]) if kind else {}
        result[facet] = [
            FacetValue(key, label(key) if facet == "award_code" else shown.get(key, key), count)
            for key, count in counted
        ]
    return result


def search_awards(session: Session, query: AwardQuery, facets: int = 0) -> AwardPage:
    """The page of awards `query` asks for, how many match in all, and facet counts of
    the `facets` most common values per facet when asked."""
    plan = _plan(session, query)
    if plan.empty:
        return AwardPage(total=0, facets={f: [] for f in FACETS} if facets else None)
    bound = plan.bound()
    cells = plan.cells(session)
    if plan.unconditioned:
        total = lexicon.award_rows(session)
    elif one := plan.one_facet_value:
        total = lexicon.count_of(session, *one)  # facets and lexicon kinds share names
    elif two := plan.two_facet_values:
        total = lexicon.pair_count(session, *two)
    elif cells is not None:
        total = lexicon.cell_rows(session, *cells)
        if beside := plan.beside_condition:
            count = plan.sql(f"SELECT count(*) FROM awards{beside}")
            total += session.execute(count, bound).scalar_one()
    else:
        count = plan.sql(f"SELECT count(*) FROM {plan.source}{plan.condition}")
        total = session.execute(count, bound).scalar_one()
    page = AwardPage(total=total)
    if facets:
        page.facets = (
            _facets(session, plan, facets, total, cells) if total else {f: [] for f in FACETS}
        )
    if not total:
        return page
    ids = list(
        session.execute(
            plan.sql(
                f"SELECT awards.id FROM {plan.source}{plan.condition} ORDER BY {plan.order} "
                "LIMIT :limit OFFSET :offset"
            ),
            {**bound, "limit": min(query.limit, MAX_LIMIT), "offset": query.offset},
        ).scalars()
    )
    rows = {a.id: a for a in session.scalars(select(Award).where(Award.id.in_(ids)))}
    page.awards = [rows[i] for i in ids if i in rows]
    page.matches = _match_labels(session, plan, ids)
    return page


def iter_awards(session: Session, query: AwardQuery, batch: int = 1000) -> Iterator[Award]:
    """Every award `query` matches, in search order, read a batch at a time (for export)."""
    plan = _plan(session, query)
    if plan.empty:
        return
    result = session.execute(
        plan.sql(f"SELECT awards.id FROM {plan.source}{plan.condition} ORDER BY {plan.order}"),
        plan.bound(),
    )
    ids = list(result.scalars())
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        rows = {a.id: a for a in session.scalars(select(Award).where(Award.id.in_(chunk)))}
        yield from (rows[i] for i in chunk if i in rows)
