"""Turn a `DecisionSpec` into layout blocks (shared by the PDF and DOCX renderers)."""

from __future__ import annotations

from samples.model import (
    Align,
    Block,
    DecisionSpec,
    Grant,
    Group,
    HeaderBlock,
    Line,
    PageBreak,
    Para,
    Person,
    Run,
    SignBlock,
    TableBlock,
    money,
    vn_date_words,
)


def person_text(p: Person, *, caps: bool = False, lower_honorific: bool = False) -> str:
    """`Bà Nguyễn Thị Hoa, Giáo viên Trường THCS Lê Lợi` (position and unit without a comma)."""
    name = p.name.upper() if caps else p.name
    hon = p.honorific or ""
    if hon and lower_honorific and hon != "Đ/c":
        hon = hon.lower()
    head = f"{hon} {name}".strip()
    tail = " ".join(x for x in (p.position, p.unit) if x)
    return f"{head}, {tail}" if tail else head


def who_text(w: Person | Group, *, caps: bool = False, lower_honorific: bool = False) -> str:
    if isinstance(w, Person):
        return person_text(w, caps=caps, lower_honorific=lower_honorific)
    return w.name


def inline_run(grants: list[Grant]) -> str:
    """`A; B; C và D` — collectives separated by `;` with `và` before the last."""
    names = [who_text(g.who) for g in grants]
    if len(names) == 1:
        return names[0]
    return "; ".join(names[:-1]) + " và " + names[-1]


def header_block(spec: DecisionSpec) -> HeaderBlock:
    iss = spec.issuer.header
    left: list[Line] = []
    if len(iss) == 2:
        left.append(Line(iss[0], size=12.5))
        left.append(Line(iss[1], bold=True, size=12.5, rule=True))
    else:
        left.append(Line(iss[0], bold=True, size=12.5, rule=True))
    left.append(Line(f"Số: {spec.number}", size=13))
    hoa = "HÒA" if spec.date.year >= 2012 else "HOÀ"
    right = [
        Line(f"CỘNG {hoa} XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12.5),
        Line("Độc lập - Tự do - Hạnh phúc", bold=True, size=13.5, rule=True),
        Line(f"{spec.place}, {vn_date_words(spec.date)}", italic=True, size=13.5),
    ]
    return HeaderBlock(left, right)


def _p(text: str, size: float, **kw: object) -> Para:
    bold = bool(kw.pop("bold", False))
    italic = bool(kw.pop("italic", False))
    return Para([Run(text, bold=bold, italic=italic)], size=size, **kw)  # type: ignore[arg-type]


def decision_blocks(spec: DecisionSpec) -> list[Block]:
    s = spec.body_size
    out: list[Block] = [header_block(spec)]
    out.append(_p("QUYẾT ĐỊNH", 14, bold=True, align="center", indent=False, space_before=14))
    for ln in spec.subject:
        out.append(_p(ln, 14, bold=True, align="center", indent=False, space_after=0))
    out.append(
        _p(
            spec.authority,
            s,
            bold=True,
            align="center",
            indent=False,
            space_before=10,
            space_after=8,
        )
    )
    for b in spec.bases:
        out.append(_p(b, s, italic=True))
    out.append(_p("QUYẾT ĐỊNH:", 14, bold=True, align="center", indent=False, space_before=6))

    art1 = Para([Run("Điều 1. ", bold=True), Run(spec.article1)], size=s)
    out.append(art1)
    if spec.inline in ("run", "single"):
        art1.grants = list(range(len(spec.grants)))
    elif spec.inline == "dash":
        n = len(spec.grants)
        for i, g in enumerate(spec.grants):
            end = "." if i == n - 1 else ";"
            out.append(
                Para(
                    [Run(f"- {who_text(g.who)}{end}")],
                    size=s,
                    indent=True,
                    space_after=1,
                    grants=[i],
                )
            )
    if spec.reason_line:
        out.append(_p(spec.reason_line, s))
    if spec.money_line:
        out.append(_p(spec.money_line, s))
    out.append(Para([Run("Điều 2. ", bold=True), Run(spec.article2)], size=s))
    out.append(Para([Run("Điều 3. ", bold=True), Run(spec.article3)], size=s))
    left = [Line("Nơi nhận:", bold=True, italic=True, size=12)]
    left += [Line(x, size=11) for x in spec.noi_nhan]
    right = [Line(x, bold=True, size=13.5) for x in spec.signer.lines]
    seal = None
    if spec.seal:
        seal = (spec.issuer.name.upper(), "")
    out.append(
        SignBlock(
            left,
            right,
            Line(spec.signer.printed_name, bold=True, size=13.5),
            seal_text=seal,
            seal_over_name=spec.seal_over_name,
            seal_shift=spec.seal_shift,
            seed=spec.seed,
        )
    )
    if spec.listing is not None:
        out += list_blocks(spec)
    return out


def _chunks(rows: list[int], first: int, rest: int) -> list[list[int]]:
    out = [rows[:first]]
    rows = rows[first:]
    while rows:
        out.append(rows[:rest])
        rows = rows[rest:]
    return out


def list_blocks(spec: DecisionSpec) -> list[Block]:
    ls = spec.listing
    assert ls is not None
    out: list[Block] = [PageBreak()]
    out.append(_p("DANH SÁCH", 14, bold=True, align="center", indent=False, space_after=0))
    for ln in ls.title:
        out.append(_p(ln, 13.5, bold=True, align="center", indent=False, space_after=0))
    ref = f"(Kèm theo Quyết định số {spec.number} {vn_date_words(spec.date)} của {spec.list_of})"
    out.append(_p(ref, 13, italic=True, align="center", indent=False, space_after=10))
    coll = [i for i, g in enumerate(spec.grants) if isinstance(g.who, Group)]
    indiv = [i for i, g in enumerate(spec.grants) if isinstance(g.who, Person)]
    both = bool(coll) and bool(indiv)
    if coll:
        if both:
            out.append(_p("I. TẬP THỂ", 13.5, bold=True, align="left", indent=False))
        out += _section(spec, coll, [coll], collective=True)
    if indiv:
        if both:
            out.append(
                _p("II. CÁ NHÂN", 13.5, bold=True, align="left", indent=False, space_before=8)
            )
        first = ls.rows_per_page
        out += _section(spec, indiv, _chunks(indiv, first, ls.rows_next_pages), collective=False)
    return out


def _section(
    spec: DecisionSpec, all_rows: list[int], chunks: list[list[int]], *, collective: bool
) -> list[Block]:
    ls = spec.listing
    assert ls is not None
    out: list[Block] = []
    for ci, chunk in enumerate(chunks):
        if ci > 0:
            out.append(PageBreak())
        if ls.layout == "numbered":
            for i in chunk:
                n = all_rows.index(i) + 1
                end = "." if i == all_rows[-1] else ";"
                text = who_text(spec.grants[i].who, caps=ls.caps_names and not collective)
                out.append(
                    Para(
                        [Run(f"{n}. {text}{end}")],
                        size=spec.body_size,
                        indent=False,
                        hanging=18,
                        space_after=2,
                        grants=[i],
                    )
                )
            continue
        out.append(_table(spec, all_rows, chunk, collective=collective))
        if ls.layout == "sotien" and ci == len(chunks) - 1:
            total = sum(spec.grants[i].amount or 0 for i in all_rows)
            out.append(
                _p(
                    f"Tổng cộng: {money(total)} đồng",
                    13,
                    bold=True,
                    align="right",
                    indent=False,
                    space_before=4,
                )
            )
    return out


def _table(
    spec: DecisionSpec, all_rows: list[int], chunk: list[int], *, collective: bool
) -> TableBlock:
    ls = spec.listing
    assert ls is not None
    lay = ls.layout
    rows: list[list[str]] = []
    header: list[str]
    widths: list[float]
    aligns: list[Align]
    for i in chunk:
        g = spec.grants[i]
        n = str(all_rows.index(i) + 1)
        w = g.who
        if isinstance(w, Group):
            row = [n, w.name]
            if lay == "danhhieu":
                row.append(g.row_award or g.award_text)
            rows.append(row)
            continue
        name = w.name.upper() if ls.caps_names else w.name
        if ls.honorific_in_name and w.honorific:
            name = f"{w.honorific} {name}"
        if lay == "combined":
            rows.append([n, person_text(w, caps=ls.caps_names)])
        elif lay == "sotien":
            rows.append([n, name, w.unit or "", g.row_award or "", money(g.amount or 0)])
        elif lay == "danhhieu":
            rows.append([n, name, w.position or "", w.unit or "", g.row_award or g.award_text])
        else:
            rows.append([n, name, w.position or "", w.unit or ""])
    if collective:
        header = ["STT", "Tên tập thể"]
        widths = [0.09, 0.91]
        aligns = ["center", "left"]
        if lay == "danhhieu":
            header.append("Danh hiệu")
            widths = [0.09, 0.61, 0.30]
            aligns.append("left")
    elif lay == "combined":
        header = ["STT", "Họ và tên, chức vụ, đơn vị công tác"]
        widths = [0.09, 0.91]
        aligns = ["center", "left"]
    elif lay == "sotien":
        header = ["STT", "Họ và tên", "Lớp", "Đạt giải", "Số tiền (đồng)"]
        widths = [0.08, 0.32, 0.12, 0.30, 0.18]
        aligns = ["center", "left", "center", "left", "right"]
    elif lay == "danhhieu":
        header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu"]
        widths = [0.07, 0.25, 0.18, 0.28, 0.22]
        aligns = ["center", "left", "left", "left", "left"]
    else:
        header = ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
        widths = [0.08, 0.30, 0.24, 0.38]
        aligns = ["center", "left", "left", "left"]
    return TableBlock(
        header=header,
        rows=rows,
        widths=widths,
        aligns=aligns,
        grid=lay != "gridless",
        size=12.5 if lay != "danhhieu" else 12.0,
        row_grants=list(chunk),
    )
