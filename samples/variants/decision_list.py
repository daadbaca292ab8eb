"""Decisions whose recipients are listed: an attached list (tables of any columns, unit
groups, award sections, merged cells, a table running on without its header, numbered
lines), or numbered lines under section headings inside Điều 1 itself."""

import random
from dataclasses import replace

from samples.variants.decision_front import award_phrase, closing, front, subject_of
from samples.variants.issuers import AwardChoice, Issuer
from samples.variants.page_model import Block, Columns, Composed, Line, PageBreak, Table
from samples.variants.parts import (
    authority_words,
    date_short,
    draw_date,
    lower_first,
    motto,
    print_period,
    school_year,
)
from samples.variants.recipients import People, collective, person, school
from samples.variants.truth import Row, document
from samples.variants.wording import REASONS
from schemas.extracted import ExtractedDocument

ROMAN = ("I", "II", "III")
MISREAD = {"I": "I", "II": "IH", "III": "1II"}
MONEY = {
    "giay_khen": 540000,
    "bang_khen_cap_tinh": 1490000,
    "chien_si_thi_dua_co_so": 1490000,
    "lao_dong_tien_tien": 450000,
    "tap_the_lao_dong_tien_tien": 1200000,
    "tap_the_lao_dong_xuat_sac": 2980000,
    "chien_si_thi_dua_cap_tinh": 4470000,
    "co_thi_dua_cap_tinh": 5960000,
    "other": 300000,
}
NOTES = ("", "", "Tái đạt", "Lần 2", "")


def _heading(index: int, title: str, mode: str, rng: random.Random) -> Line | None:
    if mode == "none":
        return None
    roman = ROMAN[index]
    if mode == "misread" and roman != "I":
        roman = rng.choice((MISREAD[roman], "1I" if roman == "II" else "IIl"))
    return Line(f"{roman}. {title}", bold=True, size=13, space_before=8)


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _columns(axis: str, kind: str, rng: random.Random) -> list[str]:
    """Column keys of a table: stt, name, combined, position, unit, award, money, note."""
    if kind == "collective":
        base = {
            "name_only": ["stt", "name"],
            "with_award": ["stt", "name", "award"],
            "with_money": ["stt", "name", "money"],
            "with_note": ["stt", "name", "note"],
        }
        if axis == "shuffled":
            extra = rng.sample(["award", "money", "note"], rng.randint(0, 2))
            cols = ["name", *extra]
            rng.shuffle(cols)
            return (["stt"] if rng.random() < 0.7 else []) + cols
        return base.get(axis, ["stt", "name"])
    table = {
        "stt_name_position_unit": ["stt", "name", "position", "unit"],
        "stt_combined": ["stt", "combined"],
        "name_only": ["stt", "name"],
        "with_award": ["stt", "name", "position", "unit", "award"],
        "with_money": ["stt", "name", "position", "unit", "money"],
        "with_note": ["stt", "name", "position", "unit", "note"],
    }
    if axis == "shuffled":
        extra = rng.sample(["position", "unit", "award", "money", "note"], rng.randint(1, 4))
        cols = ["name", *extra]
        rng.shuffle(cols)
        return (["stt"] if rng.random() < 0.7 else []) + cols
    return list(table[axis])


HEADERS = {
    "stt": ("STT", 0.07),
    "name": ("Họ và tên", 0.28),
    "position": ("Chức vụ", 0.2),
    "unit": ("Đơn vị", 0.3),
    "award": ("Danh hiệu", 0.22),
    "money": ("Số tiền (đồng)", 0.15),
    "note": ("Ghi chú", 0.1),
    "combined": ("Họ và tên, chức vụ, đơn vị công tác", 0.8),
}


def _cell(key: str, k: int, row: Row, caps: bool) -> str:
    r = row.recipient
    if key == "stt":
        return str(k)
    if key == "name":
        return r.name.upper() if caps and r.kind == "individual" else r.name
    if key == "combined":
        return r.printed(honorific=True, caps=caps)
    if key == "position":
        return r.position or ""
    if key == "unit":
        return r.unit or ""
    if key == "award":
        return row.award_text or row.award.text.split(" của ")[0]
    if key == "money":
        return _money(row.amount or 0)
    return NOTES[k % len(NOTES)]


def _table(rows: list[Row], cols: list[str], caps: bool, structure: str, kind: str) -> Table:
    header = [HEADERS[c][0] for c in cols]
    if kind == "collective" and "name" in cols:
        header[cols.index("name")] = "Tên tập thể"
    shares = [HEADERS[c][1] for c in cols]
    total = sum(shares)
    widths = tuple(s / total for s in shares)
    body: list[tuple[str | None, ...]] = []
    spans: dict[tuple[int, int], int] = {}
    bold: set[int] = set()
    if structure == "grouped_by_unit" and kind == "individual":
        current = None
        for k, row in enumerate(rows, start=1):
            if row.recipient.unit != current:
                current = row.recipient.unit
                bold.add(len(body))
                body.append((current,))
            body.append(tuple(_cell(c, k, row, caps) for c in cols))
    else:
        for k, row in enumerate(rows, start=1):
            body.append(tuple(_cell(c, k, row, caps) for c in cols))
        if structure == "merged_unit_cells" and "unit" in cols:
            u = cols.index("unit")
            start = 0
            while start < len(rows):
                end = start
                while (
                    end + 1 < len(rows)
                    and rows[end + 1].recipient.unit == rows[start].recipient.unit
                ):
                    end += 1
                if end > start:
                    spans[(start, u)] = end - start + 1
                    for j in range(start + 1, end + 1):
                        cells = list(body[j])
                        cells[u] = None
                        body[j] = tuple(cells)
                start = end + 1
    return Table(
        tuple(header),
        tuple(body),
        widths,
        spans,
        repeat_header=structure != "continuation_no_header",
        bold_rows=frozenset(bold),
    )


def _numbered(rows: list[Row], caps: bool) -> list[Block]:
    out: list[Block] = []
    for k, row in enumerate(rows, start=1):
        end = "." if k == len(rows) else ";"
        out.append(
            Line(f"{k}. {row.recipient.printed(caps=caps)}{end}", "justify", size=13, indent=20)
        )
    return out


def _people_rows(
    rng: random.Random,
    people: People,
    issuer: Issuer,
    award: AwardChoice,
    n: int,
    short: bool,
    structure: str,
    period: str,
    reason: str,
    money: bool,
) -> list[Row]:
    rows: list[Row] = []
    shared_units = [school(rng, short) for _ in range(rng.randint(1, 3))]
    group = structure in ("grouped_by_unit", "merged_unit_cells")
    for _ in range(n):
        unit = rng.choice(shared_units) if group else None
        r = person(people, issuer, short, unit)
        rows.append(Row(r, award, period, reason, MONEY[award.code] if money else None))
    if group:
        rows.sort(
            key=lambda row: (
                shared_units.index(row.recipient.unit or shared_units[0])
                if row.recipient.unit in shared_units
                else 0
            )
        )
    return rows


def compose(
    issuer: Issuer, axes: dict[str, str], rng: random.Random, ocr: bool
) -> tuple[Composed, ExtractedDocument]:
    people = People(rng)
    issued = draw_date(rng)
    period = school_year(issued)
    period_text = print_period(period, rng)
    short = rng.random() < 0.6
    structure = axes["list_structure"]
    headings = axes["section_headings"]
    caps = rng.random() < 0.3
    reason = rng.choice(REASONS).format(period=period_text)
    indiv = [a for a in issuer.awards if "individual" in a.kinds]
    coll = [a for a in issuer.awards if "collective" in a.kinds]
    many = structure == "continuation_no_header"
    n_people = rng.randint(26, 34) if many else rng.randint(3, 9)
    n_coll = 0 if many or not coll else rng.randint(0, 4)
    cols_people = (
        _columns(axes["list_columns"], "individual", rng) if axes["list_columns"] != "n/a" else []
    )
    if structure == "merged_unit_cells" and "unit" not in cols_people:
        cols_people = [c for c in cols_people if c != "combined"] or ["stt", "name"]
        if "name" not in cols_people:
            cols_people.insert(1, "name")
        cols_people.append("unit")
    if structure == "grouped_by_unit":
        cols_people = [c for c in cols_people if c not in ("unit", "combined")]
        if "name" not in cols_people:
            cols_people.insert(1 if cols_people[:1] == ["stt"] else 0, "name")
    money = "money" in cols_people
    cols_coll = _columns(axes["list_columns"], "collective", rng) if cols_people else []
    # Awards: one for all, or one per section when the list is split by award.
    if structure == "sections_by_award" and len(indiv) > 1:
        person_awards = rng.sample(indiv, 2)
    else:
        person_awards = [rng.choice([a for a in indiv if len(a.kinds) == 2] or indiv)]
    coll_award = next(
        (a for a in person_awards if "collective" in a.kinds), rng.choice(coll) if coll else None
    )
    sections: list[tuple[str, str, list[Row]]] = []  # (title, kind, rows)
    if n_coll and coll_award is not None:
        crow: list[Row] = []
        for _ in range(n_coll):
            c = collective(rng, issuer, short)
            crow.append(
                Row(
                    c,
                    coll_award,
                    period,
                    reason,
                    MONEY[coll_award.code] if "money" in cols_coll else None,
                )
            )
        title = (
            "TẬP THỂ"
            if structure != "sections_by_award"
            else (f"{coll_award.text.split(' của ')[0].upper()} (TẬP THỂ)")
        )
        sections.append((title, "collective", crow))
    per = max(1, n_people // len(person_awards))
    for award in person_awards:
        rows = _people_rows(
            rng, people, issuer, award, per, short, structure, period, reason, money
        )
        title = (
            "CÁ NHÂN"
            if structure != "sections_by_award"
            else (award.text.split(" của ")[0].upper())
        )
        sections.append((title, "individual", rows))
    all_rows = [row for _t, _k, rows in sections for row in rows]
    n_c = sum(len(r) for _t, k, r in sections if k == "collective")
    n_i = len(all_rows) - n_c
    counts = []
    if n_c:
        counts.append(f"{n_c:02d} tập thể" if rng.random() < 0.3 else f"{n_c} tập thể")
    counts.append(f"{n_i} cá nhân")
    whom = " và ".join(counts)
    award_names = [
        a
        for a in {
            id(a): a for a in [*([coll_award] if n_c and coll_award else []), *person_awards]
        }.values()
    ]
    subject = subject_of(award_names, period_text, "cho các tập thể và cá nhân")
    head = front(issuer, axes, rng, people, issued, subject)
    blocks: list[Block] = list(head.blocks)
    if len(award_names) == 1:
        lead = f"Điều 1. {award_phrase(award_names[0], period_text)} cho {whom}"
    else:
        lead = f"Điều 1. Tặng danh hiệu thi đua và hình thức khen thưởng cho {whom}"
    in_article = structure == "numbered_in_article"
    alone = structure == "list_alone"
    if alone:
        # the list's own header repeats the issuer's; no title, articles or signature
        blocks = [
            Columns(
                tuple(Line(t, "center", bold=True, size=12) for t in issuer.header),
                motto(issuer),
                split=0.46,
            )
        ]
    if in_article:
        blocks.append(Line(f"{lead}, gồm:", "justify", size=13, indent=28, space_before=6))
        for index, (title, _kind, rows) in enumerate(sections):
            heading = _heading(
                index, title.capitalize() if title.isupper() else title, headings, rng
            )
            if heading:
                blocks.append(heading)
            blocks += _numbered(rows, caps=False)
        blocks.append(Line(f"{reason}.", "justify", size=13, indent=28))
        blocks += closing(issuer, head, 2)
    else:
        if not alone:
            blocks.append(
                Line(
                    f"{lead} (có danh sách kèm theo).",
                    "justify",
                    size=13,
                    indent=28,
                    space_before=6,
                )
            )
        if not alone:
            blocks.append(Line(f"{reason}.", "justify", size=13, indent=28))
            blocks += closing(issuer, head, 2)
            blocks.append(PageBreak())
        number = head.number or "      "
        # a day the decision left blank is blank where its list cites it
        blank_day = axes["number_day"] == "blank_day"
        cited_day = f"   /{issued.month}/{issued.year}" if blank_day else date_short(issued, rng)
        blocks += [
            Line("DANH SÁCH", "center", bold=True, size=14),
            Line(
                f"Tập thể, cá nhân được {lower_first(award_phrase(award_names[0], period_text))}"
                if len(award_names) == 1
                else "Tập thể, cá nhân được tặng danh hiệu thi đua và hình thức khen thưởng",
                "center",
                bold=True,
                size=13,
            ),
            Line(
                f"(Kèm theo Quyết định số {number} ngày {cited_day} của {authority_words(issuer)})",
                "center",
                italic=True,
                size=12.5,
            ),
        ]
        for index, (title, kind, rows) in enumerate(sections):
            heading = _heading(index, title, headings, rng)
            if heading:
                blocks.append(heading)
            if structure == "numbered_lines":
                blocks += _numbered(rows, caps)
            else:
                cols = cols_people if kind == "individual" else cols_coll
                blocks.append(_table(rows, cols, caps, structure, kind))
    # What a row's cells do not print is not in its truth.
    printed_rows = [_as_printed(row, cols_people, structure, in_article) for row in all_rows]
    if alone and not any(period_text in b.text for b in blocks if isinstance(b, Line)):
        # the school year and the achievement were said in the decision's pages only
        printed_rows = [replace(row, period=None, reason=None) for row in printed_rows]
    composed = Composed(tuple(blocks))
    truth = document(
        document_type="award_list" if alone else "decision",
        issuer=issuer,
        number=head.number,
        day=(None if axes["number_day"] == "blank_day" else issued) if alone else head.day,
        subject=None if alone else subject,
        signer=head.signer,
        rows=printed_rows,
        pages=1,
        ocr=ocr,
        counts=(None, None) if alone else (n_c or None, n_i),
        parent=bool(issuer.header),
        signed=not alone,
    )
    return composed, truth


def _as_printed(row: Row, cols: list[str], structure: str, in_article: bool) -> Row:
    r = row.recipient
    if r.kind == "collective" or in_article or structure == "numbered_lines":
        return row
    if "combined" in cols:
        return row
    keep_unit = "unit" in cols or structure == "grouped_by_unit"
    new = type(r)(
        r.kind,
        r.name,
        None,
        r.position if "position" in cols else None,
        r.unit if keep_unit else None,
    )
    return Row(
        new,
        row.award,
        row.period,
        row.reason,
        row.amount if "money" in cols else None,
        row.page,
        row.award_text,
    )
