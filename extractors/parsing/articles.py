"""Articles of a decision: what is granted to whom (Điều 1, sometimes Điều 2).

A granting article names the award, the recipients (inline, or as counts with
`(có danh sách kèm theo)`), the achievement and sometimes the money. One `Grant` per
granting article; the recipients of an attached list take the grant of their kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.money import find_amount_vnd
from extractors.nlp import split_recipient_run
from extractors.parsing.award_list import section_kind
from extractors.parsing.items import LineItem
from extractors.periods import find_period
from extractors.taxonomy import AwardMatch, match_awards
from extractors.text_normalize import fold, fold_aligned
from schemas import AwardCode, IssuerLevel, RecipientKind

# `Điều 1.`, and as OCR reads it: specks before it, `l` or `I` for 1, `;` for the stop.
_ARTICLE = re.compile(r"^[\W_]{0,5}dieu\s*(\d+|[li|](?=\s*[.:;,]))\s*[.:;,]?\s*", re.IGNORECASE)


def _article_number(match: re.Match[str]) -> int:
    digits = match.group(1)
    return int(digits) if digits.isdigit() else 1


_GRANTING = ("tang", "cong nhan", "truy tang", "khen thuong", "tang thuong", "trao tang")
_REASON = re.compile(
    r"(?:\bvi\s+)?(?:\bda\s+|\bdat\s+)?(?:co\s+)?(?:thanh tich|hoan thanh xuat sac|hoan thanh tot)"
)
_LIST_NOTE = re.compile(r"co\s+danh\s+sach\s+kem\s+theo|danh\s+sach\s+(kem\s+theo|dinh\s+kem)")
_COUNT = re.compile(
    r"(\d{1,4})\s+(tap\s+the|ca\s+nhan|don\s+vi|hoc\s+sinh|giao\s+vien|ho\s+gia\s+dinh)"
)
_COUNT_PREFIX = re.compile(
    r"^\s*(?:(?:cac|\d{1,4})\s+(?:tap\s+the|ca\s+nhan|don\s+vi|hoc\s+sinh|giao\s+vien|ho\s+gia\s+dinh)"
    r"(?:\s*(?:,|va)\s*)?)+(?:\s*(?:co ten\s+)?(?:sau|duoi)(?: day)?)?"
    r"(?:\s*,?\s*(?:gom|bao gom|nhu sau|co ten sau)(?: co)?)?\s*:"
)
_COLLECTIVE_CODES = {
    AwardCode.tap_the_lao_dong_tien_tien,
    AwardCode.tap_the_lao_dong_xuat_sac,
    AwardCode.co_thi_dua_cap_tinh,
    AwardCode.co_thi_dua_cap_bo,
    AwardCode.co_thi_dua_chinh_phu,
    AwardCode.don_vi_quyet_thang,
    AwardCode.don_vi_tien_tien,
    AwardCode.xa_phuong_tieu_bieu,
    AwardCode.thon_to_dan_pho_van_hoa,
}
_INDIVIDUAL_CODES = {
    AwardCode.lao_dong_tien_tien,
    AwardCode.chien_si_thi_dua_co_so,
    AwardCode.chien_si_thi_dua_cap_tinh,
    AwardCode.chien_si_thi_dua_cap_bo,
    AwardCode.chien_si_thi_dua_toan_quoc,
    AwardCode.chien_si_tien_tien,
    AwardCode.ky_niem_chuong,
    AwardCode.nha_giao_uu_tu,
    AwardCode.nha_giao_nhan_dan,
}


_HEADINGS = {"tap the", "ca nhan", "cac tap the", "cac ca nhan"}


@dataclass
class InlineRecipient:
    text: str
    lines: list[LineItem]
    section: RecipientKind | None = None  # the kind its heading names (`II. Cá nhân`)


@dataclass
class Grant:
    award: AwardMatch | None
    kinds: set[RecipientKind] | None
    period: str | None
    reason: str | None
    amount: dict[str, int] = field(default_factory=dict)
    has_list: bool = False
    inline: list[InlineRecipient] = field(default_factory=list)
    declared: dict[RecipientKind, int] = field(default_factory=dict)
    by_kind: dict[RecipientKind, AwardMatch] = field(default_factory=dict)

    def award_for(self, kind: RecipientKind | None) -> AwardMatch | None:
        """`… Tập thể lao động tiên tiến cho 3 tập thể và Lao động tiên tiến cho 16 cá nhân`."""
        if kind is not None and kind in self.by_kind:
            return self.by_kind[kind]
        return self.award

    def amount_for(self, kind: RecipientKind, recipients: int) -> int | None:
        if kind.value in self.amount:
            return self.amount[kind.value]
        if "each" in self.amount:
            return self.amount["each"]
        if "total" in self.amount and recipients == 1:
            return self.amount["total"]
        return None


@dataclass
class Article:
    number: int
    lines: list[LineItem]
    text: str
    starts: list[int]


def split_articles(lines: list[LineItem], start: int) -> tuple[list[Article], int]:
    """Articles from `start`; returns them and the index of the first line after them."""
    articles: list[Article] = []
    i = start
    end = len(lines)
    while i < len(lines):
        line = lines[i]
        match = _ARTICLE.match(line.folded)
        if match:
            articles.append(Article(_article_number(match), [], "", []))
        elif articles and (_ends_body(line) or _is_signature_start(line)):
            end = i
            break
        if articles:
            articles[-1].lines.append(line)
        i += 1
    for article in articles:
        offset = 0
        parts = []
        for line in article.lines:
            article.starts.append(offset)
            parts.append(line.text)
            offset += len(line.text) + 1
        article.text = "\n".join(parts)
    return articles, (end if articles else start)


def _ends_body(line: LineItem) -> bool:
    """`Nơi nhận:` or the title of the attached list (`DANH SÁCH`, in capitals)."""
    if line.folded.startswith("noi nhan"):
        return True
    return line.folded.startswith("danh sach") and line.is_upper


def _is_signature_start(line: LineItem) -> bool:
    return line.is_upper and bool(re.match(r"^(kt|tm|q|tl|tuq)\s*[.]", line.folded))


def _kinds(folded: str, award: AwardMatch | None) -> set[RecipientKind] | None:
    kinds: set[RecipientKind] = set()
    if re.search(r"\btap\s+the\b|\bdon\s+vi\b|\bcac\s+truong\b", folded):
        kinds.add(RecipientKind.collective)
    if re.search(r"\bca\s+nhan\b|\bhoc\s+sinh\b|\bgiao\s+vien\b", folded):
        kinds.add(RecipientKind.individual)
    if award is not None and not kinds:
        if award.code in _COLLECTIVE_CODES:
            kinds.add(RecipientKind.collective)
        elif award.code in _INDIVIDUAL_CODES:
            kinds.add(RecipientKind.individual)
    return kinds or None


def _amounts(text: str, folded: str) -> dict[str, int]:
    amounts: dict[str, int] = {}
    for key, word in (("collective", r"tap\s+the"), ("individual", r"ca\s+nhan")):
        match = re.search(
            rf"moi\s+{word}[^;.]*?\d[\d.,]*\s*(trieu|nghin|ngan)?\s*(dong|d\b)", folded
        )
        if match:
            value = find_amount_vnd(text[match.start() : match.end()])
            if value:
                amounts[key] = value
    if not amounts:
        match = re.search(
            r"(tien thuong|thuong|tri gia)[^;\n]*?\d[\d.,]*\s*(trieu|nghin|ngan)?\s*(dong|d\b)",
            folded,
        )
        if match:
            value = find_amount_vnd(text[match.start() : match.end()])
            if value:
                amounts[
                    "each" if "moi" in folded[max(0, match.start() - 40) : match.end()] else "total"
                ] = value
    return amounts


_REASON_END = re.compile(
    r"\(\s*co\s+danh\s+sach|kem theo (tien|so tien)|\bkem theo\b|;|\./\.|\.\s*(\n|$)|\n-|\ndieu"
)


_REASON_LINE = re.compile(
    r"(?:^|\n)\s*((?:da|dat|vi da)\s+(?:co\s+)?(?:thanh tich|hoan thanh)|co thanh tich)"
)


def _reason(text: str, folded: str) -> str | None:
    """The achievement: its own paragraph (`Đã có thành tích …`) or the clause in Điều 1."""
    line = _REASON_LINE.search(folded)
    match = _REASON.search(folded, line.start(1)) if line else _REASON.search(folded)
    if not match:
        return None
    start = match.start()
    end = len(text)
    found = _REASON_END.search(folded, match.end())
    if found:
        end = found.start()
    reason = " ".join(text[start:end].split()).strip(" ,.;:-")
    return reason[:1].upper() + reason[1:] if reason else None


def _grants(body: str, folded: str, issuer_level: IssuerLevel | None) -> bool:
    """An article that gives an award: `Tặng …`, `… công nhận …`, or an award named at its
    very start after a verb OCR garbled (`Tả ảng Giấy khen …`)."""
    if folded.lstrip().startswith(_GRANTING) or any(
        f" {g} " in folded[:80] for g in ("tang", "cong nhan")
    ):
        return True
    lead = len(body) - len(body.lstrip())
    first = next(
        (m for m in match_awards(body[: lead + 60], issuer_level) if m.code is not AwardCode.other),
        None,
    )
    return first is not None and first.start - lead <= 12 and "tien" not in folded[: first.start]


def parse_grants(
    articles: list[Article], subject: str | None, issuer_level: IssuerLevel | None
) -> list[Grant]:
    """One grant per article that gives an award; money-only articles amend the last grant."""
    grants: list[Grant] = []
    subject_period = find_period(subject) if subject else None
    for article in articles:
        head = _ARTICLE.match(fold_aligned(article.text))
        offset = head.end() if head else 0
        body = article.text[offset:]
        folded = fold_aligned(body)
        if not _grants(body, folded, issuer_level):
            amounts = _amounts(body, folded)
            if amounts and grants:
                for key, value in amounts.items():
                    grants[-1].amount.setdefault(key, value)
            continue
        # the recipients follow `cho`, or (`cho` misread) a line that ends in a colon
        recipients_at = re.search(r"\bcho\b\s*:?", folded) or re.search(r":+[ \t]*\n", folded)
        award_zone = body[: recipients_at.start()] if recipients_at else body
        awards = match_awards(award_zone, issuer_level) or match_awards(body, issuer_level)
        award = awards[0] if awards else None
        reason_match = _REASON.search(folded, recipients_at.end() if recipients_at else 0)
        run_end = reason_match.start() if reason_match else len(body)
        run = body[recipients_at.end() : run_end] if recipients_at else ""
        grant = Grant(
            award=award,
            # the words that introduce the recipients, not the recipients' own words
            kinds=_kinds(
                folded[: min(run_end, (recipients_at.end() if recipients_at else 0) + 60)], award
            ),
            period=find_period(body) or subject_period,
            reason=_reason(body, folded),
            amount=_amounts(body, folded),
            has_list=bool(_LIST_NOTE.search(folded)),
        )
        for count, what in _COUNT.findall(fold_aligned(run) if run else folded[:run_end]):
            kind = (
                RecipientKind.collective
                if " ".join(what.split()) in ("tap the", "don vi")
                else RecipientKind.individual
            )
            grant.declared[kind] = grant.declared.get(kind, 0) + int(count)
        if grant.declared and grant.kinds is None:
            grant.kinds = set(grant.declared)
        run_start = offset + (recipients_at.end() if recipients_at else 0)
        prefix = _COUNT_PREFIX.match(fold_aligned(run))
        if prefix:
            # `cho 7 tập thể: A; B và C` — the names follow the count
            run, run_start = run[prefix.end() :], run_start + prefix.end()
        if run.strip() and not grant.has_list and not _COUNT.match(fold_aligned(run).strip()):
            grant.inline = _inline(article, run, run_start)
        grant.by_kind = _awards_by_kind(body, folded, run_end, issuer_level)
        grants.append(grant)
    return grants


def _awards_by_kind(
    body: str, folded: str, end: int, issuer_level: IssuerLevel | None
) -> dict[RecipientKind, AwardMatch]:
    """Each award named before the recipients, with the kind of recipient it goes to."""
    found = [m for m in match_awards(body[:end], issuer_level) if m.code is not AwardCode.other]
    if len(found) < 2:
        return {}
    out: dict[RecipientKind, AwardMatch] = {}
    for index, award in enumerate(found):
        stop = found[index + 1].start if index + 1 < len(found) else end
        kinds = _kinds(folded[award.end : stop], None)
        if kinds and len(kinds) == 1:
            out.setdefault(next(iter(kinds)), award)
    return out


def _inline(article: Article, run: str, run_start: int) -> list[InlineRecipient]:
    recipients: list[InlineRecipient] = []
    cursor = 0
    section: RecipientKind | None = None
    for piece in split_recipient_run(run):
        heading = section_kind(piece) if len(piece.split()) <= 4 else None
        if fold(piece).strip(" :.") in _HEADINGS or heading is not None:
            # `I. Cá nhân`: a heading inside the article, not a recipient
            section = heading or section_kind(fold(piece).strip(" :.")) or section
            continue
        at = run.find(piece.split()[0], cursor) if piece.split() else -1
        if at < 0:
            at = cursor
        cursor = at + len(piece)
        start, stop = run_start + at, run_start + cursor
        lines = [
            line
            for line, begin in zip(article.lines, article.starts, strict=True)
            if begin < stop and begin + len(line.text) >= start
        ]
        recipients.append(InlineRecipient(piece, lines, section))
    return recipients
