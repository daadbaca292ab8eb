"""The decision header: issuing body and its parent, number, place and date, subject.

Layout (Decree 30/2020): issuer block top left (parent, issuer, `Số: …`), national motto
and place-date top right, then the centred title, the subject and the authority line.
The reader puts the left column before the right one; this module still tolerates the
two interleaved, as old text layers and OCR print them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from extractors.dates import find_place_date
from extractors.decision_numbers import find_number
from extractors.parsing.issuer import E_SIGN_STAMP, FROM_AUTHORITY, expand, issuer_from_block
from extractors.parsing.items import LineItem
from extractors.parsing.org_names import organization_case
from extractors.text_normalize import fold, is_all_caps

_MOTTO = (
    "cong hoa xa hoi chu nghia viet nam",
    "doc lap - tu do - hanh phuc",
    "doc lap tu do hanh phuc",
    "dang cong san viet nam",
)
_RULE = re.compile(r"^[\s\-_=.–—*]+$")
_AUTHORITY_TITLES = (
    "chu tich",
    "pho chu tich",
    "giam doc",
    "pho giam doc",
    "hieu truong",
    "pho hieu truong",
    "bo truong",
    "thu truong",
    "truong phong",
    "truong ban",
    "bi thu",
    "thu tuong",
    "cuc truong",
    "vien truong",
    "tong giam doc",
    "chanh van phong",
    "truong khoa",
)
# `QUYẾT ĐỊNH`, also as OCR reads it (`'QUYẾTĐNH -`, `QUYẾT ĐNH`)
_TITLE_LINE = re.compile(r"^[\W_]{0,3}quyet\s*di?nh\b")
# `Số:`, as OCR reads it too (`Sô:`, `S6:`, `S:465/QĐ`)
_NUMBER_LABEL = re.compile(r"^s(?:[oốô6ó]\s*[:.]?|\s*[:.]\s*(?=\d))")
_CUT_PLACE_DATE = re.compile(r"^([^\W\d_][\w. -]{1,40}?),\s*ngày[\s.…_]*$", re.IGNORECASE)
_SYMBOL_ONLY = re.compile(r"^[\s.…_/-]*[A-ZĐ]{1,6}(?:[-/.][A-ZĐ&]{1,8})+\s*$")


_EDGE_SPECKS = re.compile(r"^[^\w(]+|(?<=[\w).-])[^\w).-]+$")
_LONE_SPECKS = re.compile(r"(?<!\S)[^\w\s&()/-]+(?!\S)")


_GLUED_QUOTE = re.compile(r"(?<!\w)['‘’`´](?=\w)|(?<=\w)['‘’`´](?!\w)")
_WORD_STOP = re.compile(r"(\w+)\.(?=\s+\w)")


def _syllable_stop(match: re.Match[str]) -> str:
    """A speck read as a full stop after a syllable (`ĐÀO. TẠO`) goes; `TX.`, `TP.` are
    abbreviations, and have no vowel."""
    word = match.group(1)
    return word if re.search(r"[aeiouy]", fold(word)) and len(word) > 1 else match.group(0)


def _without_specks(text: str) -> str:
    """A header line without the specks OCR read around it (`. 'UBND TX. HỒNG LĨNH :`)."""
    text = _GLUED_QUOTE.sub("", _LONE_SPECKS.sub(" ", text))
    text = _WORD_STOP.sub(_syllable_stop, text)
    return " ".join(_EDGE_SPECKS.sub("", text).split())


def is_motto(folded: str) -> bool:
    bare = folded.strip(" -_.")
    return bool(bare) and any(bare in m or m in bare for m in _MOTTO if len(bare) > 6)


def strip_motto(text: str, folded: str) -> str:
    """Remove a motto fragment glued onto a line by a header read as one row."""
    for motto in _MOTTO:
        at = folded.find(motto)
        if at >= 0 and len(folded) == len(text):
            text = (text[:at] + text[at + len(motto) :]).strip(" -")
            folded = (folded[:at] + folded[at + len(motto) :]).strip(" -")
    return text


def is_rule(text: str) -> bool:
    return bool(_RULE.match(text))


def is_decision_title(line: LineItem) -> bool:
    return bool(_TITLE_LINE.match(line.folded)) and (line.is_upper or line.folded == "quyet dinh")


def starts_with_authority_title(folded: str) -> bool:
    return any(folded == t or folded.startswith(t + " ") for t in _AUTHORITY_TITLES)


def issuer_from_authority(text: str) -> str | None:
    """`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC GIANG` → `Ủy ban nhân dân tỉnh Bắc Giang`."""
    words = text.split()
    folded = fold(text)
    if folded.startswith("thu tuong chinh phu"):
        return "Thủ tướng Chính phủ"
    for title in sorted(_AUTHORITY_TITLES, key=len, reverse=True):
        if folded.startswith(title + " "):
            # `TRƯỞNG PHÒNG GIÁO DỤC …`: the title's last word names the body (`Phòng …`)
            keep = _BODY_IN_TITLE.get(title, 0)
            rest = " ".join(words[len(title.split()) - keep :])
            return organization_case(expand(rest)) if rest else None
    return None


_BODY_IN_TITLE = {"truong phong": 1, "truong ban": 1, "chanh van phong": 2, "vien truong": 0}


def resolve_issuer(block: list[str]) -> tuple[str | None, str | None]:
    """Issuer and parent from the header's left block lines (top to bottom)."""
    reading = issuer_from_block(block)
    return reading.issuer, reading.parent


@dataclass
class Header:
    issuer: str | None = None
    issuer_parent: str | None = None
    number: str | None = None
    place: str | None = None
    date: date | None = None
    subject: str | None = None
    authority: str | None = None
    body_start: int = 0
    issuer_block: list[str] = field(default_factory=list)
    issuer_confidence: float = 0.0
    number_line: str | None = None  # the `Số:` line as printed, blank or not
    date_line: str | None = None  # the place-date line as printed, blank day or not


def _is_subject_start(folded: str) -> bool:
    return folded.startswith(("ve viec", "v/v", "v/ v", "vv ", "ve ")) and len(folded) > 6


def parse_header(lines: list[LineItem], title_words: tuple[str, ...] = ()) -> Header:
    """Read the header from the lines before and just after the title line."""
    header = Header()
    title_at = next((i for i, line in enumerate(lines) if is_decision_title(line)), None)
    if title_at is None and title_words:
        title_at = next(
            (i for i, line in enumerate(lines) if line.folded.startswith(title_words)), None
        )
    top = lines[: title_at if title_at is not None else min(len(lines), 12)]
    subject_from = title_at + 1 if title_at is not None else 0
    if title_at is not None:
        # a title printed (or stored) above the header block: the motto, `Số:` and the
        # place-date line after it still belong to the header
        late = [
            k
            for k in range(title_at + 1, min(len(lines), title_at + 10))
            if is_motto(lines[k].folded)
            or re.match(r"^s[oốô6ó]\s*[:.]", lines[k].folded)
            or (find_place_date(lines[k].text) or (None, None))[0]
        ]
        if late:
            top = lines[:title_at] + lines[title_at + 1 : late[-1] + 1]
            subject_from = late[-1] + 1
    for line in top:
        text = strip_motto(line.text, line.folded)
        folded = fold(text)
        if not text or is_rule(text) or is_motto(folded) or E_SIGN_STAMP.match(folded):
            continue
        if header.number_line is None and _NUMBER_LABEL.match(folded) and "/" in text:
            header.number = find_number(text)
            header.number_line = text
            # a blank number (`Số:   /QĐ-…`) still ends the issuer block
            continue
        place_date = find_place_date(text) if "ngay" in folded or "nam" in folded else None
        if place_date and (place_date[0] or place_date[1]):
            if header.place is None and header.date is None:
                header.place, header.date = place_date
                header.date_line = text
            continue
        cut_date = _CUT_PLACE_DATE.match(text)
        if cut_date:
            # `Bỉm Sơn, ngày` / `tháng 6 năm 2008`: a place-date wrapped after a blank day
            header.place = header.place or cut_date.group(1).strip()
            header.date_line = header.date_line or text
            continue
        if re.match(r"^so\s*[:.]|^so\s+\d", folded):
            header.number_line = header.number_line or text  # `Số:` alone, blank after it
            continue
        if _SYMBOL_ONLY.match(text):
            continue  # `-QĐ/ĐU`: the rest of a blank number wrapped onto its own line
        text = _without_specks(text)
        if text and (
            line.is_upper or (len(text) < 60 and text[:1].isupper() and not header.issuer_block)
        ):
            header.issuer_block.append(text)
    reading = issuer_from_block(header.issuer_block)
    header.issuer, header.issuer_parent = reading.issuer, reading.parent
    header.issuer_confidence = reading.confidence
    if header.issuer and _HEAD_TITLE.match(fold(header.issuer)):
        # the title went unread, so the authority line (`GIÁM ĐỐC SỞ …`) joined the block:
        # the body is what it heads
        body = issuer_from_authority(header.issuer)
        if body:
            header.issuer = body
            header.issuer_confidence = min(header.issuer_confidence, FROM_AUTHORITY)
    if title_at is None:
        header.body_start = 0
        return header
    i = subject_from
    subject: list[str] = []
    while i < len(lines) and i < subject_from + 7:
        line = lines[i]
        if not subject and _is_subject_start(line.folded):
            subject.append(line.text)
        elif subject and not _is_authority(line, subject) and not _is_body(line):
            if is_rule(line.text):
                i += 1
                break
            subject.append(line.text)
        elif _is_authority(line, subject):
            header.authority = line.text
            i += 1
            break
        elif _is_body(line):
            break
        elif not subject and line.is_upper and not is_rule(line.text):
            # an all-capitals subject without `Về việc` (e.g. `KHEN THƯỞNG CUỐI NĂM`)
            subject.append(line.text)
        i += 1
    header.subject = " ".join(s.strip() for s in subject) or None
    if header.subject:
        header.subject = header.subject.strip(" .;")
    header.body_start = i
    return header


def _is_authority(line: LineItem, subject: list[str]) -> bool:
    """`CHỦ TỊCH ỦY BAN NHÂN DÂN …`, or a body in capitals after a subject in usual case."""
    if not line.is_upper:
        return False
    if starts_with_authority_title(line.folded):
        return True
    return bool(subject) and not is_all_caps(subject[0]) and _is_body_name(line.folded)


_HEAD_TITLE = re.compile(
    r"^(pho )?(giam doc|chu tich|truong phong|hieu truong|bo truong|cuc truong|chanh van phong)\s"
)


def _is_body_name(folded: str) -> bool:
    """An issuing body as the authority line (`ỦY BAN NHÂN DÂN XÃ TÂN LẬP`)."""
    return folded.startswith(("uy ban", "ubnd", "hoi dong", "ban ", "ban chap hanh", "dang uy"))


_BODY_START = re.compile(
    r"^[\W_]{0,5}(can cu|gan cu|xet de nghi|theo de nghi|dieu\s*[1li]\b|quyet dinh\s*:)"
)


def _is_body(line: LineItem) -> bool:
    """The decision's body begins (`Căn cứ`, `Điều 1`, `QUYẾT ĐỊNH:`, specks before them)."""
    return _BODY_START.match(line.folded) is not None
