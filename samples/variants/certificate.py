"""Certificates (Bằng khen, Giấy khen, danh hiệu): the layout of DOCUMENTS.md, labelled
fields (`Danh hiệu:`, `Ông (Bà):`, `Họ và tên:`, `Chức vụ:`, `Đơn vị:`, `Năm học:`), student
prizes, collectives in capitals; citing the decision in the ways real ones do."""

import random

from samples.variants.issuers import AwardChoice, Issuer
from samples.variants.page_model import HANDWRITTEN, Block, Columns, Composed, Line, Page
from samples.variants.parts import (
    BLANK,
    date_short,
    date_words,
    draw_date,
    draw_signer,
    motto,
    number_line,
    number_text,
    print_period,
    school_year,
)
from samples.variants.recipients import People, Recipient, collective, person, student
from samples.variants.truth import Row, document
from samples.variants.wording import PRIZES, REASONS, STUDENT_REASONS, SUBJECTS
from schemas.extracted import ExtractedDocument

RED = (0.75, 0.1, 0.08)


def _award(issuer: Issuer, layout: str, rng: random.Random) -> AwardChoice:
    kinds = "collective" if layout == "collective_caps" else "individual"
    fitting = [a for a in issuer.awards if kinds in a.kinds]
    return rng.choice(fitting)


def _recipient_lines(
    layout: str, r: Recipient, award: AwardChoice, period_text: str, reason: str, prize: str | None
) -> list[Line]:
    if layout == "classic":
        return [
            Line(f"{r.honorific} {r.name}", "center", bold=True, size=19, space_before=10),
            Line(f"{r.position} {r.unit}", "center", bold=True, size=14),
            Line(reason, "center", italic=True, size=14, space_before=8),
        ]
    if layout == "collective_caps":
        return [
            Line(r.name.upper(), "center", bold=True, size=19, space_before=10),
            Line(reason, "center", italic=True, size=14, space_before=8),
        ]
    if layout == "student":
        return [
            Line(f"Em: {r.name}", "left", bold=True, size=17, indent=90, space_before=10),
            Line(f"Học sinh lớp: {r.unit}", "left", size=14, indent=90),
            Line(f"Đã đạt: {prize}", "left", bold=True, size=14, indent=90),
            Line(f"Năm học: {period_text}", "left", size=14, indent=90),
        ]
    label = "Ông (Bà):" if layout == "labelled" else "Họ và tên:"
    lines = []
    if award.code != "giay_khen" and award.code != "bang_khen_cap_tinh":
        lines.append(
            Line(f"Danh hiệu: {award.text}", "left", bold=True, size=15, indent=90, space_before=10)
        )
    lines += [
        Line(f"{label} {r.name}", "left", bold=True, size=16, indent=90, space_before=6),
        Line(f"Chức vụ: {r.position}", "left", size=14, indent=90),
        Line(f"Đơn vị: {r.unit}", "left", size=14, indent=90),
        Line(
            f"Đã có thành tích: {reason.removeprefix('Đã có thành tích ')}",
            "left",
            size=14,
            indent=90,
        ),
        Line(f"Năm học: {period_text}", "left", size=14, indent=90),
    ]
    return lines


def compose(
    axes: dict[str, str], rng: random.Random, ocr: bool, issuer: Issuer
) -> tuple[Composed, ExtractedDocument]:
    people = People(rng)
    layout = axes["cert_layout"]
    award = _award(issuer, layout, rng)
    decided = draw_date(rng)
    signed = decided.fromordinal(decided.toordinal() + rng.randint(0, 9))
    period = school_year(decided)
    period_text = print_period(period, rng)
    reason = rng.choice(REASONS).format(period=period_text)
    prize = None
    award_text = None
    code = award.code
    short = rng.random() < 0.6
    if layout == "student":
        r = student(people, "")
        prize = rng.choice(
            (
                "Học sinh giỏi",
                "Học sinh xuất sắc",
                f"{rng.choice(PRIZES).capitalize()} môn {rng.choice(SUBJECTS)}",
            )
        )
        award_text = prize
        code = "other"
        reason = rng.choice(STUDENT_REASONS).format(period=period_text)
        award = AwardChoice("other", prize, ("individual",), "GIẤY KHEN")
    elif layout == "collective_caps":
        r = collective(rng, issuer, short)
        while "," in r.name:
            r = collective(rng, issuer, short)
        r = Recipient("collective", r.name, None, None, None)
    else:
        r = person(people, issuer, short)
    title = award.title
    if layout == "student":
        title = "BẰNG KHEN" if issuer.body == "ubnd_tinh" else "GIẤY KHEN"
    verb = "TẶNG DANH HIỆU" if award.verb != "Tặng" and layout != "labelled" else "TẶNG"
    if layout in ("labelled", "labelled_hoten") and award.code not in (
        "giay_khen",
        "bang_khen_cap_tinh",
    ):
        title = "GIẤY CHỨNG NHẬN"
    mode = axes["number_day"]
    citation = axes["cert_citation"]
    number_printed = number_text(rng.randint(12, 4999), issuer, decided)
    cites_date = citation in ("decision_and_book", "decision_only")
    slot = {"blank_number": BLANK, "handwritten": HANDWRITTEN}.get(mode)
    number_shown = number_printed
    number_truth: str | None = number_printed
    if slot is not None:
        number_shown = number_line(number_printed, issuer, mode)[0].removeprefix("Số: ")
        number_truth = None
    day_mode = (
        "blank_day"
        if mode == "blank_day"
        else ("handwritten" if mode == "handwritten" else "printed")
    )
    left: list[str] = []
    day_truth = decided if cites_date else signed
    if cites_date:
        cited, legible = (
            date_words(decided, rng, day_mode)
            if day_mode != "printed"
            else (date_short(decided, rng), True)
        )
        if not legible:
            day_truth = None
        left.append(
            f"Quyết định số {number_shown} ngày {cited}"
            if citation == "decision_and_book"
            else f"QĐ số {number_shown}, {cited}"
        )
    if citation == "decision_and_book":
        left.append(f"Số sổ vàng: {rng.randint(1, 900)}")
    if citation == "vao_so":
        left += [f"Vào sổ số: {rng.randint(1, 900)}", f"Quyết định số: {number_shown}"]
    if citation == "number_only":
        left.append(f"Quyết định số {number_shown}")
    place_words, place_legible = date_words(signed, rng, "printed" if cites_date else day_mode)
    if not cites_date and not place_legible:
        day_truth = None
    signer_name, _ = people.name()
    signer = draw_signer(issuer, rng, signer_name)
    blocks: list[Block] = [
        *motto(issuer),
        Line(issuer.authority, "center", bold=True, size=15, space_before=14, color=RED),
        Line(verb, "center", bold=True, size=14, space_before=6),
        Line(title, "center", bold=True, size=30, space_before=8, color=RED),
    ]
    blocks += _recipient_lines(layout, r, award, period_text, reason, prize)
    right = [Line(f"{issuer.place}, {place_words}", "center", italic=True, size=13)]
    right += [Line(t, "center", bold=True, size=13) for t in signer.lines]
    right.append(Line(signer.name, "center", bold=True, size=14, space_before=40))
    blocks.append(
        Columns(tuple(Line(t, size=12.5) for t in left), tuple(right), split=0.45, space_before=16)
    )
    landscape = axes["orientation"] == "landscape"
    composed = Composed(tuple(blocks), Page(landscape=landscape, border=True))
    row = Row(r, award, period, reason, award_text=award_text)
    if code == "other":
        row = Row(
            r,
            AwardChoice("other", award_text or award.text, ("individual",), title),
            period,
            reason,
            award_text=award_text,
        )
    truth = document(
        document_type="certificate",
        issuer=issuer,
        number=number_truth,
        day=day_truth,
        subject=None,
        signer=signer,
        rows=[row],
        pages=1,
        ocr=ocr,
        parent=False,
    )
    return composed, truth
