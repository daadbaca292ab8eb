"""Certificates: Bằng khen, Giấy khen, Giấy chứng nhận danh hiệu — one award each.

Layout: motto; the authority (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`); `TẶNG`; the award in
large letters; the recipient and, on the next line, position and unit; the achievement
and period; bottom left the decision cited (`Quyết định số … ngày …`), bottom right the
place-date, signer's title and name. Number and date are the cited decision's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.dates import day_left_blank, find_place_date, iter_dates, parse_date
from extractors.decision_numbers import find_number
from extractors.nlp import looks_like_person_name, row_kind, split_recipient
from extractors.parsing.header import is_motto, is_rule, issuer_from_authority
from extractors.parsing.items import LineItem, union_bbox
from extractors.parsing.labelled import Field, LabelledField, is_form, labelled_fields, reason_text
from extractors.parsing.org_names import organization_case
from extractors.parsing.signature import find_signer
from extractors.periods import find_period
from extractors.taxonomy import AwardMatch, issuer_level_of, match_award, match_awards
from extractors.text_normalize import fold, is_all_caps, title_case_name
from schemas import AwardCode, IssuerLevel, RecipientKind, Signer
from schemas.extracted import Recipient

_GIVE = re.compile(r"^(tang|truy tang|tang danh hieu|tang thuong|cong nhan)\b")
_REASON = re.compile(r"^(vi\s+)?(da|dat|co)\s|^(da|vi|dat)\b|thanh tich|hoan thanh")
_CITATION = re.compile(r"quyet dinh|\bqd\b|vao so|^so\s*:?\s*\d|so qd")
# a line that ends before the place it names (`… XÃ`, `… THỊ TRẤN`) or on a joining word
_LOCALITY_END = re.compile(r"\b(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|tp\.?|va|-|&)$")
_DAY_LINE = re.compile(r"\bngay\s+\S{1,3}\s+thang\s+\S{1,3}\s+nam\s+\d{4}")
_INNER_DEBRIS = re.compile(r"(?<=\w)[^\w\s]+(?=\w)")
_HONORIFIC = re.compile(r"^(ong|ba|thay|co|anh|chi|em|d/c|dong chi)\s", re.IGNORECASE)


def _names_a_person(text: str) -> bool:
    """`Cô Nguyễn Thị Dung`, `ÔNG LÊ VĂN AN`: an honorific, then a capitalized name (so
    `Có thành tích …`, which folds like `Cô`, is not taken for a recipient)."""
    words = text.split()
    return len(words) > 1 and bool(_HONORIFIC.match(fold(text))) and words[1][:1].isupper()


@dataclass
class Certificate:
    issuer: str | None
    issuer_level: IssuerLevel | None
    award: AwardMatch | None
    recipient: Recipient | None
    recipient_lines: list[LineItem]
    reason: str | None
    period: str | None
    number: str | None
    date: object
    place: str | None
    signer: Signer
    doubts: list[str] = field(default_factory=list)
    date_unread: bool = False  # a day printed (or written) that could not be read


def parse_certificate(lines: list[LineItem]) -> Certificate:
    lines = [line for line in lines if re.search(r"[a-z0-9]", line.folded)]  # specks of OCR
    give_at = next((i for i, line in enumerate(lines) if _GIVE.match(line.folded)), None)
    if give_at is None:  # `TẶNG` misread: the award in large letters still anchors the page
        give_at = next(
            (i for i, line in enumerate(lines[:12]) if line.is_upper and match_awards(line.text)),
            None,
        )
    authority_lines = [
        line.text
        for line in lines[: give_at if give_at is not None else 4]
        if line.is_upper and not is_motto(line.folded) and not is_rule(line.text)
    ]
    authority_lines = [_strip_debris(text) for text in authority_lines]
    authority_lines = [text for text in authority_lines if text]
    issuer = next((org for text in authority_lines if (org := issuer_from_authority(text))), None)
    if issuer is None and authority_lines:
        issuer = issuer_from_authority(" ".join(authority_lines))
    if issuer is None and authority_lines:
        issuer = organization_case(authority_lines[-1])
    level = issuer_level_of(issuer) if issuer else None

    start = give_at if give_at is not None else 0
    award: AwardMatch | None = None
    recipient_at = None
    title_words: list[str] = []
    for i in range(start, min(len(lines), start + 8)):
        line = lines[i]
        if (
            line.is_upper
            and not _names_a_person(line.text)
            and recipient_at is None
            and (
                _GIVE.match(line.folded)
                or match_awards(line.text, level)
                or i == start
                or _unread_title(lines, i, start)
            )
        ):
            title_words.append(line.text)
            continue
        if find_place_date(line.text):
            continue  # `Hà Tĩnh, ngày 28 tháng 6 năm 2018` names a place, not a person
        if (
            _names_a_person(line.text)
            or looks_like_person_name(line.text)
            or line.is_upper
            or (title_words and not _REASON.search(line.folded))
        ):
            recipient_at = i
            break
    title = " ".join(title_words)
    # `BANG KHE-N`: specks read inside the large letters split a word of the title
    matches = match_awards(title, level) or match_awards(_INNER_DEBRIS.sub("", title), level)
    if not matches:
        # `GIẤY CHỨNG NHẬN` then `Đạt danh hiệu Chiến sĩ thi đua cơ sở` further down
        window = " ".join(line.text for line in lines[start : start + 14])
        matches = match_awards(window, level)
    award = _most_specific(matches)

    recipient: Recipient | None = None
    recipient_lines: list[LineItem] = []
    reason_at = None
    if recipient_at is not None:
        recipient_lines = [lines[recipient_at]]
        j = recipient_at + 1
        while j < len(lines) and j <= recipient_at + 2 and not _REASON.search(lines[j].folded):
            if _CITATION.search(lines[j].folded) or find_place_date(lines[j].text):
                break
            recipient_lines.append(lines[j])
            j += 1
        reason_at = j
        recipient = _recipient(recipient_lines)
    reason_lines: list[str] = []
    k = reason_at if reason_at is not None else start
    while k < len(lines):
        line = lines[k]
        if _CITATION.search(line.folded) or (find_place_date(line.text) and "ngay" in line.folded):
            break
        if line.is_upper and reason_lines:
            break
        if _REASON.search(line.folded) or reason_lines:
            reason_lines.append(line.text)
        k += 1
    reason = " ".join(reason_lines).strip(" ./") or None

    doubts: list[str] = []
    form = labelled_fields(lines[start:])
    if not is_form(form):
        # OCR may put the large title (`TẶNG` / `BẰNG KHEN`) after the labelled fields
        whole = labelled_fields(lines)
        form = whole if is_form(whole) else form
    if is_form(form):
        recipient, recipient_lines = _form_recipient(form)
        reason = reason_text(form) or reason
        if Field.award in form:
            award = _form_award(form[Field.award].value, level) or award
        period = find_period(form[Field.period].line.text) if Field.period in form else None
        title_period = period or find_period(reason or "")
    else:
        title_period = find_period(reason or "") or find_period(title)

    number = None
    cited_date = None
    cited_blank = False
    place = None
    place_date = None
    place_at: int | None = None
    place_unread = False
    for at, line in enumerate(lines):
        if _CITATION.search(line.folded) and "so vang" not in line.folded and number is None:
            number = find_number(line.text)
            cited = line.text
            after = lines[at + 1] if at + 1 < len(lines) else None
            if after is not None and re.match(r"(thang|nam)\s*[\d.…]", after.folded):
                cited = f"{cited} {after.text}"  # `… ngày` / `tháng 8 năm 2018` wrapped
            cited_date = parse_date(cited)
            # `ngày … tháng 5 năm 2021`: the cited day was left blank, not missing
            # (or written by hand and unreadable): the place-date below is the
            # certificate's own day, not the decision's, so it does not stand in for it
            cited_blank = cited_date is None and (bool(iter_dates(cited)) or "ngay" in fold(cited))
        found = find_place_date(line.text)
        if found and found[0] and place is None and "quyet dinh" not in line.folded:
            place, place_date, place_at = found[0], found[1], at
            place_unread = place_date is None and not day_left_blank(line.text)
        elif place is None and _DAY_LINE.search(line.folded) and "quyet dinh" not in line.folded:
            # `Bác Hồng, ngày 0T tháng 9 năm 2018`: a day OCR could not read
            place_unread = parse_date(line.text) is None and not day_left_blank(line.text)
    signer = find_signer(lines, k)
    if signer.name is None and place_at is not None and place_at < k:
        signer = find_signer(lines, place_at)  # the body was read after the signature
    return Certificate(
        issuer=issuer,
        issuer_level=level,
        award=award,
        recipient=recipient,
        recipient_lines=recipient_lines,
        reason=reason,
        period=title_period,
        number=number,
        date=None if cited_blank else (cited_date or place_date),
        place=place,
        signer=signer,
        doubts=doubts,
        date_unread=not cited_blank and cited_date is None and place_date is None and place_unread,
    )


def _form_recipient(form: dict[Field, LabelledField]) -> tuple[Recipient | None, list[LineItem]]:
    """The recipient of a form certificate, each part from its own labelled line."""
    named = form[Field.name]
    lines = [named.line] + [form[f].line for f in (Field.position, Field.unit) if f in form]
    label = fold(named.label)
    value = _strip_debris(named.value)
    kind = row_kind(value)
    if kind is None:
        kind = RecipientKind.collective if "tap the" in label else RecipientKind.individual
    if kind is RecipientKind.collective:
        name = organization_case(value)
        unit = _strip_debris(form[Field.unit].value) if Field.unit in form else None
        return Recipient(kind=kind, name=name, unit=unit), lines
    parts = split_recipient(value, kind)
    if not parts.name:
        return None, lines
    honorific = parts.honorific
    if honorific is None and label in ("ong", "ba", "em", "dong chi", "d/c"):
        honorific = named.label.strip().capitalize()
    name = title_case_name(parts.name) if is_all_caps(parts.name) else parts.name
    position = _strip_debris(form[Field.position].value) if Field.position in form else None
    unit = _strip_debris(form[Field.unit].value) if Field.unit in form else None
    return (
        Recipient(
            kind=kind,
            name=name,
            honorific=honorific,
            position=position or parts.position,
            unit=unit or parts.unit,
        ),
        lines,
    )


def _form_award(value: str, level: IssuerLevel | None) -> AwardMatch | None:
    """`Danh hiệu: Lao động tiên tiến` → its code; a prize (`Giải Nhì môn Toán`) or other
    wording outside the taxonomy stays `other` with the words as printed."""
    written = " ".join(value.split())
    found = match_award(written, level)
    if found is not None and found.code is not AwardCode.other:
        return found
    return AwardMatch(AwardCode.other, written, None, 0, len(written))


def _unread_title(lines: list[LineItem], i: int, start: int) -> bool:
    """The line after `TẶNG` stands for the award even when OCR garbled its large letters:
    it is in capitals, names no one, and the recipient (`Bà …`) follows it."""
    if i != start + 1 or not _GIVE.match(lines[start].folded) or i + 1 >= len(lines):
        return False
    line, after = lines[i], lines[i + 1]
    return (
        not looks_like_person_name(line.text)
        and len(line.text.split()) <= 6
        and bool(_names_a_person(after.text) or looks_like_person_name(after.text))
    )


def _most_specific(matches: list[AwardMatch]) -> AwardMatch | None:
    """`BẰNG KHEN` is a form, `CHIẾN SĨ THI ĐUA CƠ SỞ` a title: the title names the award."""
    if not matches:
        return None
    return max(matches, key=lambda m: (m.code.value not in ("giay_khen",), m.end - m.start))


def _strip_debris(text: str) -> str:
    """Drop specks OCR reads before a line (`, Bà …`, `ˆ Giáo viên …`) and after it."""
    tokens = text.split()
    while tokens and (
        not re.search(r"[a-z0-9]", fold(tokens[0]))
        or (len(tokens[0]) == 1 and not tokens[0].isdigit() and len(tokens) > 1)
    ):
        tokens.pop(0)
    while tokens and not re.search(r"[a-z0-9]", fold(tokens[-1])):
        tokens.pop()
    return " ".join(tokens).strip(" .;,:-_~'\"`‘’“”")


def _recipient(lines: list[LineItem]) -> Recipient | None:
    first = _strip_debris(lines[0].text)
    rest = [_strip_debris(line.text) for line in lines[1:]]
    rest = [text for text in rest if text]
    if first.isupper() and not _names_a_person(first) and not looks_like_person_name(first):
        name = organization_case(first)
        if rest and _LOCALITY_END.search(fold(first)):
            # `ĐOÀN THANH NIÊN … XÃ` / `NAM HỒNG`: the name goes on onto the next line
            name = organization_case(f"{first} {' '.join(rest)}")
            parts = split_recipient(name, RecipientKind.collective)
            return Recipient(kind=RecipientKind.collective, name=name, unit=parts.unit)
        if rest:
            unit = organization_case(" ".join(rest))
            return Recipient(kind=RecipientKind.collective, name=f"{name}, {unit}", unit=unit)
        parts = split_recipient(name, RecipientKind.collective)
        return Recipient(kind=RecipientKind.collective, name=name, unit=parts.unit)
    text = first + (", " + " ".join(rest) if rest else "")
    parts = split_recipient(text)
    if not parts.name:
        return None
    name = parts.name
    return Recipient(
        kind=parts.kind,
        name=name,
        honorific=parts.honorific,
        position=parts.position,
        unit=parts.unit,
    )


def recipient_bbox(lines: list[LineItem]) -> tuple[float, float, float, float] | None:
    return union_bbox([line.bbox for line in lines])
