"""A statistics form counted from the archive: one cell per row and column, each with
the search that lists the awards behind it.

Awards count in the year their decision was signed (the forms count a year's
commendations), only while in force (`status = active`: annulled ones are left out),
and either all of them with the unreviewed share shown in each cell, or only rows
people have approved. A cell whose split the documents cannot give is `manual` (left
for the user); a split some rows do not state (a rank no position gives, a method no
subject says) is `incomplete`, with how many rows could not be placed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import BindParameter, bindparam, text
from sqlalchemy.orm import Session

from service import lexicon, query_limits, search_keys
from service.db.models import ReviewState
from service.kept_documents import KEPT_AWARDS
from service.state_records.report_forms import FORMS, Column, Form, Row

Key = tuple[str, str, str | None, str | None, str]  # code, kind, rank, method, review
RECEIVED_BY = "Ngày 15 tháng 12 năm báo cáo"
CIRCULAR = "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023"


@dataclass
class Cell:
    value: int | None  # None: not counted (manual) or not applicable
    status: str  # counted | incomplete | manual | na
    unreviewed: int = 0
    unknown: int = 0  # rows of the column this split could not place
    link: str | None = None


@dataclass
class ReportRow:
    row: Row
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Report:
    form: Form
    year: int
    issuer: str | None
    reporting_unit: str
    reviewed_only: bool
    columns: list[Column]
    rows: list[ReportRow]
    total: int
    unreviewed: int

    @property
    def title(self) -> str:
        return self.form.title


class UnknownForm(ValueError):
    pass


def _counts(
    session: Session, form: Form, year: int, issuer_keys: list[str] | None, reviewed_only: bool
) -> Counter[Key]:
    conditions = [
        "award_code IN :codes",
        "decision_date >= :first",
        "decision_date < :after",
        "status = 'active'",
        KEPT_AWARDS,
    ]
    params: dict[str, object] = {
        "codes": list(form.award_codes),
        "first": date(year, 1, 1),
        "after": date(year + 1, 1, 1),
    }
    expanding: list[BindParameter[Any]] = [bindparam("codes", expanding=True)]
    if issuer_keys is not None:
        conditions.append("issuer_key IN :issuers")
        params["issuers"] = issuer_keys or [""]
        expanding.append(bindparam("issuers", expanding=True))
    if reviewed_only:
        conditions.append("review_state = :reviewed")
        params["reviewed"] = ReviewState.reviewed
    statement = text(
        "SELECT award_code, recipient_kind, rank, commendation_method, review_state, count(*) "
        f"FROM awards WHERE {' AND '.join(conditions)} GROUP BY 1, 2, 3, 4, 5"
    ).bindparams(*expanding)
    counts: Counter[Key] = Counter()
    for code, kind, rank, method, review, n in session.execute(statement, params):
        counts[(code, kind, rank, method, review)] += n
    return counts


def _in_column(key: Key, column: Column) -> bool:
    return key[0] in column.codes and (column.kind is None or key[1] == column.kind)


def _in_row(key: Key, row: Row) -> bool:
    _, kind, rank, method, _ = key
    if row.kind is not None and kind != row.kind:
        return False
    if row.ranks is not None and rank not in row.ranks:
        return False
    return row.method is None or method == row.method


def _link(column: Column, row: Row, year: int, issuer: str | None, reviewed_only: bool) -> str:
    pairs = [("award_code", str(code)) for code in column.codes]
    kind = row.kind or column.kind
    if kind:
        pairs.append(("kind", kind))
    for rank in row.ranks or ():
        pairs.append(("rank", rank or "unknown"))
    if row.method:
        pairs.append(("commendation_method", row.method))
    pairs += [("decided_year", str(year)), ("status", "active")]
    if issuer:
        pairs.append(("issuer", issuer))
    if reviewed_only:
        pairs.append(("review_state", ReviewState.reviewed))
    return "/?" + urlencode(pairs)


def _cell(counts: Counter[Key], column: Column, row: Row, link: str) -> Cell:
    if column.manual:
        return Cell(None, "manual")
    if row.kind is not None and column.kind is not None and row.kind != column.kind:
        return Cell(None, "na")
    if row.manual:
        return Cell(None, "manual")
    keys = [k for k in counts if _in_column(k, column) and _in_row(k, row)]
    value = sum(counts[k] for k in keys)
    unreviewed = sum(counts[k] for k in keys if k[4] != ReviewState.reviewed)
    unknown = 0
    if row.by_rank:
        unknown = sum(
            n
            for k, n in counts.items()
            if _in_column(k, column) and k[1] == row.kind and k[2] is None
        )
    elif row.method is not None:
        unknown = sum(n for k, n in counts.items() if _in_column(k, column) and k[3] is None)
    return Cell(value, "incomplete" if unknown else "counted", unreviewed, unknown, link)


def build_report(
    session: Session,
    form_code: str,
    year: int,
    issuer: str | None = None,
    reviewed_only: bool = False,
    reporting_unit: str | None = None,
) -> Report:
    """Form `form_code` (0602.N, 0603.N) for `year`, of the decisions of `issuer` (words of
    the issuing body, matched as the search matches them) or of the whole archive."""
    form = FORMS.get(form_code)
    if form is None:
        raise UnknownForm(f"no form {form_code}; forms: {', '.join(FORMS)}")
    keys = None
    query_limits.check_text("issuer", issuer)
    if issuer:
        words = search_keys.org_key(issuer).split() or search_keys.words(issuer)
        keys = lexicon.keys_with_words(session, lexicon.ISSUER, words, 500)
    counts = _counts(session, form, year, keys, reviewed_only)
    columns = form.columns({k[0] for k in counts})
    rows = []
    for row in form.rows:
        out = ReportRow(row)
        if not row.section:
            out.cells = [
                _cell(counts, column, row, _link(column, row, year, issuer, reviewed_only))
                for column in columns
            ]
        rows.append(out)
    if reporting_unit is None and keys:
        shown = lexicon.displays(session, lexicon.ISSUER, keys[:1])
        reporting_unit = shown.get(keys[0], issuer) if len(keys) == 1 else issuer
    return Report(
        form=form,
        year=year,
        issuer=issuer,
        reporting_unit=reporting_unit or "",
        reviewed_only=reviewed_only,
        columns=columns,
        rows=rows,
        total=sum(counts.values()),
        unreviewed=sum(n for k, n in counts.items() if k[4] != ReviewState.reviewed),
    )


@dataclass(frozen=True)
class HeaderCell:
    label: str
    row: int
    col: int  # 0-based among the count columns
    rowspan: int
    colspan: int


def header_cells(columns: list[Column]) -> tuple[int, list[HeaderCell]]:
    """The headings as merged cells: a heading spans the columns that share it, and a
    column whose path ends early spans down to the last heading row."""
    depth = max(len(c.path) for c in columns)
    cells: list[HeaderCell] = []
    for level in range(depth):
        start = 0
        while start < len(columns):
            column = columns[start]
            if len(column.path) <= level:
                start += 1
                continue
            prefix = column.path[: level + 1]
            end = start + 1
            while end < len(columns) and columns[end].path[: level + 1] == prefix:
                end += 1
            rowspan = depth - level if len(column.path) == level + 1 else 1
            cells.append(HeaderCell(prefix[-1], level, start, rowspan, end - start))
            start = end
    return depth, cells


def number_cells(columns: list[Column]) -> list[tuple[str, int, int]]:
    """The row of column numbers (1, 2, …): (number, first column, span)."""
    out: list[tuple[str, int, int]] = []
    for i, column in enumerate(columns):
        if out and out[-1][0] == column.number:
            number, first, span = out[-1]
            out[-1] = (number, first, span + 1)
        else:
            out.append((column.number, i, 1))
    return out
