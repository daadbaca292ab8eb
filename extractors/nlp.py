"""The spaCy pipeline the parsers share, and recipient splitting built on it.

`get_nlp()` is a blank Vietnamese pipeline (no pyvi, no download) with
- a tokenizer that splits punctuation off words but keeps `1234/QĐ-UBND`, `5/9/2023`,
  `GD&ĐT`, `Đ/c`, `H'Hen` and `TP.` whole (spaCy's own Vietnamese tokenizer splits on
  spaces only and leaves `Xuân-`, `Dung,` glued);
- `vi_fold_norm`, which sets each token's NORM to its folded form (no case, no
  diacritics, `đ`→`d`) so every pattern is case- and accent-insensitive and survives OCR
  that dropped a tone mark;
- `vi_lexicon_entities` labelling HONORIFIC, POSITION (job titles) and UNIT (words that
  start the name of a body: `Trường`, `Phòng`, `UBND`…), left to right, a phrase spelled
  with its own marks before one that only folds alike.

A Doc's text is rebuilt from tokens; `char_span_of(doc, start, end)` gives offsets in the
text that was passed in.

Conventions for a recipient (`split_recipient`): the honorific is capitalized (`ông` →
`Ông`); a name in capitals is title-cased; a position is kept as printed (`chuyên viên`)
and runs up to the body it belongs to (`Tổ trưởng tổ Toán`); the unit is the rest. A
collective's name is the whole text; its unit is the body embedded in it (`Công đoàn
Trường Tiểu học An Hòa` → `Trường Tiểu học An Hòa`), never a mere locality (`huyện Pác Nặm`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from extractors.family_names import is_family_name
from extractors.load_once import load_once
from extractors.parsing.org_names import GENERIC_WORDS
from extractors.syllables import is_syllable
from extractors.text_normalize import (
    clean_text,
    fold,
    fold_aligned,
    normalize_tone_placement,
    title_case_name,
)
from schemas import RecipientKind

OFFSETS_KEY = "tdkt_offsets"

_TOKEN = re.compile(
    r"\d+(?:[/.,\-]\w+)+(?:[/.\-&]\w+)*"  # numbers and codes: 1234/QĐ-UBND, 5/9/2023, 1.490.000
    r"|(?:T\.P|TP|Tp|TX|Tx|KT|TM|TL|TUQ|ThS|TS|PGS|GS|BS|Q|P)\.(?=\s|\w)"  # TP. Huế, KT. GIÁM ĐỐC
    r"|[^\W_]+(?:[&/'’][^\W_]+)*"  # words: GD&ĐT, Đ/c, H'Hen, V/v
    r"|\S"  # any other single character
)


class VietTokenizer:
    """Regex tokenizer: words, codes and single punctuation marks; offsets kept in user_data."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        offsets: list[tuple[int, int]] = []
        for m in _TOKEN.finditer(text):
            words.append(m.group(0))
            offsets.append(m.span())
        for i, (_, end) in enumerate(offsets):
            next_start = offsets[i + 1][0] if i + 1 < len(offsets) else len(text)
            spaces.append(next_start > end)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[OFFSETS_KEY] = offsets
        return doc


@Language.component("vi_fold_norm")
def vi_fold_norm(doc: Doc) -> Doc:
    """NORM = folded text, the attribute every tdkt pattern matches on."""
    for token in doc:
        token.norm_ = fold(token.text)
    return doc


HONORIFICS = {
    "ong": "Ông", "ba": "Bà", "anh": "Anh", "chi": "Chị", "thay": "Thầy", "co": "Cô",
    "d/c": "Đ/c", "dong chi": "Đồng chí", "em": "Em", "b/c": "Đ/c",
}  # fmt: skip
# Military and police ranks stand where an honorific stands (`Đại tá Nguyễn Văn A`).
RANKS = {
    "dai tuong": "Đại tướng", "thuong tuong": "Thượng tướng", "trung tuong": "Trung tướng",
    "thieu tuong": "Thiếu tướng", "dai ta": "Đại tá", "thuong ta": "Thượng tá",
    "trung ta": "Trung tá", "thieu ta": "Thiếu tá", "dai uy": "Đại úy", "thuong uy": "Thượng úy",
    "trung uy": "Trung úy", "thieu uy": "Thiếu úy", "thuong si": "Thượng sĩ",
    "trung si": "Trung sĩ", "ha si": "Hạ sĩ", "binh nhat": "Binh nhất", "binh nhi": "Binh nhì",
}  # fmt: skip
HONORIFICS.update(RANKS)

POSITIONS = """
Giáo viên; Giáo viên chủ nhiệm; Giáo viên bộ môn; Giáo viên mầm non; Giáo viên tiểu học;
Giáo viên Tổng phụ trách Đội; Tổng phụ trách Đội; Tổng phụ trách; Hiệu trưởng; Phó Hiệu trưởng;
Tổ trưởng; Tổ phó; Tổ trưởng chuyên môn; Tổ phó chuyên môn; Tổ trưởng tổ văn phòng;
Nhân viên; Nhân viên văn thư; Nhân viên kế toán; Nhân viên y tế; Nhân viên thư viện;
Nhân viên thiết bị; Nhân viên bảo vệ; Nhân viên phục vụ; Nhân viên nấu ăn; Kế toán;
Kế toán trưởng; Văn thư; Thủ quỹ; Thư viện; Chuyên viên; Chuyên viên chính;
Chuyên viên cao cấp; Trưởng phòng; Phó Trưởng phòng; Phó phòng; Giám đốc; Phó Giám đốc;
Tổng Giám đốc; Phó Tổng Giám đốc; Chánh Văn phòng; Phó Chánh Văn phòng; Chánh Thanh tra;
Phó Chánh Thanh tra; Thanh tra viên; Chủ tịch; Phó Chủ tịch; Bí thư; Phó Bí thư;
Bí thư Đảng ủy; Phó Bí thư Đảng ủy; Bí thư Chi bộ; Phó Bí thư Chi bộ; Chủ tịch Công đoàn;
Phó Chủ tịch Công đoàn; Bí thư Chi đoàn; Bí thư Đoàn trường; Bí thư Đoàn; Cán bộ;
Cán bộ quản lý; Công chức; Viên chức; Bác sĩ; Bác sỹ; Y sĩ; Y sỹ; Điều dưỡng; Dược sĩ;
Nữ hộ sinh; Kỹ thuật viên; Học sinh; Sinh viên; Học viên; Trưởng ban; Phó Trưởng ban;
Trưởng khoa; Phó Trưởng khoa; Trưởng bộ môn; Trưởng trạm; Trạm trưởng; Trưởng thôn;
Trưởng bản; Tổ trưởng tổ dân phố; Trưởng Công an; Phó Trưởng Công an; Chỉ huy trưởng;
Chỉ huy phó; Chính trị viên; Đội trưởng; Đội phó; Trưởng đoàn; Quản đốc; Phó Quản đốc;
Kỹ sư; Công nhân; Lái xe; Bảo vệ; Tạp vụ; Cấp dưỡng; Phụ trách kế toán;
Phó Trưởng phòng Giáo dục và Đào tạo; Chủ nhiệm; Phó Chủ nhiệm; Chủ nhiệm lớp;
Lớp trưởng; Liên đội trưởng; Chi đội trưởng; Giảng viên; Giảng viên chính; Trợ giảng;
Phóng viên; Biên tập viên; Nghiên cứu viên; Kiểm sát viên; Thẩm phán; Thư ký; Thư ký tòa án;
Chiến sĩ; Sĩ quan; Hạ sĩ quan; Quân nhân chuyên nghiệp; Công nhân viên quốc phòng;
Thủ trưởng; Phó Thủ trưởng; Người lao động; Hợp đồng; Nhân viên hợp đồng; Cộng tác viên;
Phó Hiệu trưởng phụ trách chuyên môn; Hiệu phó; GV; GVCN; HT; PHT; TPT; NV; CBQL
"""

UNIT_STARTS = """
Trường; Tổ; Phòng; Sở; Ban; Văn phòng; Công đoàn; Chi đoàn; Chi bộ; Đoàn; Đoàn Thanh niên;
Hội; Lớp; Khoa; Trung tâm; Bệnh viện; Trạm; Trạm y tế; UBND; Ủy ban nhân dân; HĐND;
Hội đồng nhân dân; Công ty; Xã; Phường; Thị trấn; Huyện; Quận; Thị xã; Khối; Liên đội; Đội;
Chi đội; Nhà văn hóa; Thư viện; Bộ phận; Cục; Chi cục; Tổng cục; Viện; Học viện; Đảng ủy;
Đảng bộ; Bộ; Thanh tra; Tập đoàn; Tổng công ty; Hợp tác xã; Ngân hàng; Kho bạc; Đài; Báo;
Câu lạc bộ; Nhà thiếu nhi; Cung thiếu nhi; Ký túc xá; Phân hiệu; Điểm trường; Tòa án;
Viện kiểm sát; Công an; Ban Chỉ huy Quân sự; Trung đoàn; Tiểu đoàn; Đại đội; Lữ đoàn;
Sư đoàn; Bộ Chỉ huy; Ban Giám hiệu; Tổ dân phố; Thôn; Bản; Ấp; Khu phố; Gia đình; Tập thể;
Chi hội; Hội đồng; Nhà xuất bản; Liên đoàn Lao động; Mặt trận Tổ quốc; Nhân dân và cán bộ;
Cán bộ và nhân dân
"""

# Bodies a collective can belong to (its unit); a locality (`huyện …`) is not one.
_PARENT_BODIES = {
    fold(w)
    for w in [
        "Trường",
        "Phòng",
        "Sở",
        "Công ty",
        "UBND",
        "Ủy ban nhân dân",
        "Trung tâm",
        "Bệnh viện",
        "Viện",
        "Cục",
        "Chi cục",
        "Tổng cục",
        "Văn phòng",
        "Bộ",
        "Học viện",
        "Tập đoàn",
        "Tổng công ty",
        "Đảng ủy",
        "Đảng bộ",
        "Hội đồng nhân dân",
        "HĐND",
        "Liên đoàn Lao động",
        "Ngân hàng",
        "Kho bạc",
        "Công an",
        "Khoa",
    ]
}
# A unit word printed in lower case still starts the unit (`Hiệu trưởng trường Mầm non…`);
# `tổ`, `ban`, `xã`… in lower case continue a position (`Tổ trưởng tổ Toán`) or a place.
_LOWERCASE_UNIT_STARTS = {
    fold(w)
    for w in [
        "trường",
        "lớp",
        "phòng",
        "sở",
        "văn phòng",
        "công ty",
        "ubnd",
        "ủy ban nhân dân",
        "trung tâm",
        "bệnh viện",
        "viện",
        "cục",
        "chi cục",
        "khoa",
        "trạm y tế",
        "học viện",
    ]
}
_LOCALITIES = {fold(w) for w in ("Xã", "Phường", "Thị trấn", "Huyện", "Quận", "Thị xã")}
_LOCALITY_WORDS = {"xã", "phường", "huyện", "quận", "tỉnh", "thôn", "bản", "ấp", "trấn", "phố"}


@load_once
def _lexicon_exact() -> frozenset[str]:
    """POSITION and UNIT phrases with their marks, to tell `Phường` from the name `Phương`."""
    return frozenset(_exact(p) for p in _phrases(POSITIONS) + _phrases(UNIT_STARTS))


def _exact(text: str) -> str:
    return normalize_tone_placement(text).lower()


def _phrases(block: str) -> list[str]:
    return [p.strip() for p in block.replace("\n", " ").split(";") if p.strip()]


def _token_pattern(phrase: str) -> list[dict[str, Any]]:
    tokenizer = _token_only()
    return [{"NORM": fold(t.text)} for t in tokenizer(phrase)]


@load_once
def _token_only() -> VietTokenizer:
    return VietTokenizer(
        spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}}).vocab
    )


class LexiconEntities:
    """HONORIFIC, POSITION and UNIT entities from the lexicon, read left to right.

    Patterns match folded tokens, so a phrase survives OCR that dropped its marks. Two
    phrases can fold alike (`Kế toán trưởng`, a position, and `Kế toán` + `Trường …`, a
    position then a school): at each token the phrase spelled there with its own marks is
    taken before one that only folds alike, then the longest; the reading goes on after
    it, so `Đội trưởng Công an huyện` is the position `Đội trưởng` and not `Trưởng Công an`.
    """

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.spelled: dict[int, tuple[str, tuple[str, ...]]] = {}
        tokenizer = _token_only()
        lexicon = [("HONORIFIC", key) for key in HONORIFICS]
        lexicon += [("POSITION", p) for p in _phrases(POSITIONS)]
        lexicon += [("UNIT", p) for p in _phrases(UNIT_STARTS)]
        for label, phrase in lexicon:
            key = f"{label}:{phrase}"
            self.matcher.add(key, [_token_pattern(phrase)])
            marked = label != "HONORIFIC"  # honorific keys are written folded
            tokens = tuple(_exact(t.text) if marked else "" for t in tokenizer(phrase))
            self.spelled[nlp.vocab.strings[key]] = (label, tokens)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[int, list[tuple[bool, int, str]]] = {}
        for match_id, start, end in self.matcher(doc):
            label, tokens = self.spelled[match_id]
            exact = all(
                not want or token.text.isascii() or _exact(token.text) == want
                for token, want in zip(doc[start:end], tokens, strict=True)
            )
            found.setdefault(start, []).append((exact, end - start, label))
        spans: list[Span] = []
        i = 0
        while i < len(doc):
            if i not in found:
                i += 1
                continue
            exact, length, label = max(found[i])
            if not exact and any(
                e for j in range(i + 1, i + length) for e, _, _ in found.get(j, [])
            ):
                i += 1  # a phrase spelled as printed starts inside this look-alike
                continue
            spans.append(Span(doc, i, i + length, label=label))
            i += length
        doc.ents = spans
        return doc


@Language.factory("vi_lexicon_entities")
def _lexicon_entities(nlp: Language, name: str) -> LexiconEntities:
    return LexiconEntities(nlp)


@load_once
def get_nlp() -> Language:
    """The shared pipeline (built once): tokenizer, `vi_fold_norm`, `vi_lexicon_entities`."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = VietTokenizer(nlp.vocab)
    nlp.add_pipe("vi_fold_norm")
    nlp.add_pipe("vi_lexicon_entities")
    return nlp


def char_span_of(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets, in the text given to the pipeline, of tokens `start:end`."""
    offsets: list[tuple[int, int]] = doc.user_data[OFFSETS_KEY]
    return offsets[start][0], offsets[end - 1][1]


# --- recipients -----------------------------------------------------------------------


@dataclass(frozen=True)
class RecipientParts:
    """One recipient split into its fields; missing fields are None, never invented."""

    kind: RecipientKind
    name: str
    honorific: str | None = None
    position: str | None = None
    unit: str | None = None


# an item's marker, its number maybe misread (`5S.` for `5.`, `1l)` for `11)`)
_LIST_MARKER = re.compile(
    r"^\s*(?:[-+•*–—]+|\d{1,3}[SsOoIl]?\s*[.)/]|[a-zđ]\s*\)|[IVX]{1,4}\s*\.)\s*"
)
# OCR specks before an item's marker (`.' .- Bà …`): punctuation no recipient starts with
_LEADING_SPECKS = re.compile(r"^[\s.,:;'`\"’‘“”^~ˆ_]+(?=\S)")
_TRAILING = re.compile(r"[\s;,.:]+$|\s*\./\.?$")
# what OCR leaves at a cell's end: a ruling's dash, a speck (`Kế toán: ._`, `Đội trưởng. -`)
_TRAILING_SPECKS = re.compile(r"(?:\s+[-–—_¬|\\.:;,]+|[_¬|\\]+)+$")
# a speck read as a full stop inside a phrase (`Giáo. viên`): before a word in small letters
_INNER_STOP = re.compile(r"(?<=[^\W\d_]{2})\.(?=\s+[a-zđà-ỹ])")
_SEPARATORS = {",", "-", "–", "—", ":"}


# Quotes and specks OCR glues to a word's edge (`Trường 'Trung học`, `Đạo ˆ`, `An „`):
# inside a word (`H'Bia`) an apostrophe is a letter of the name and stays.
# Double quotes stay where they pair (`Câu lạc bộ “Em yêu khoa học”`).
_GLUED_SPECK = re.compile(r"(?<!\w)['„‚ˆ`´](?=\w)|(?<=\w)['„‚ˆ`´](?!\w)")
_GLUED_QUOTE = re.compile(r"(?<!\w)[\"“”](?=\w)|(?<=\w)[\"“”](?!\w)")
_LONE_SPECKS = re.compile(r"(?<!\S)[\"“”„‚ˆ`´'¬^~_|•\\]+(?!\S)")


def _unpaired_quotes(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def _clean_piece(text: str) -> str:
    cleaned = clean_text(text).replace("\n", " ")
    cleaned = _LEADING_SPECKS.sub("", cleaned, count=1)
    cleaned = _LIST_MARKER.sub("", cleaned, count=1)
    cleaned = _GLUED_SPECK.sub("", cleaned)
    if _unpaired_quotes(cleaned):
        cleaned = _GLUED_QUOTE.sub("", cleaned)
    cleaned = _LONE_SPECKS.sub(" ", cleaned)
    cleaned = _INNER_STOP.sub("", cleaned)
    cleaned = _TRAILING_SPECKS.sub("", " ".join(cleaned.split()))
    return _TRAILING.sub("", cleaned).strip()


class _Parsed:
    """A cleaned recipient text, its Doc and its entities by start token."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.doc = get_nlp()(text)
        self.ents: dict[int, Span] = {ent.start: ent for ent in self.doc.ents}

    def __len__(self) -> int:
        return len(self.doc)

    def word(self, i: int) -> str:
        return self.doc[i].text

    def label(self, i: int) -> str | None:
        ent = self.ents.get(i)
        return ent.label_ if ent is not None else None

    def slice(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        s, e = char_span_of(self.doc, start, end)
        return self.text[s:e].strip(" ,;-–")

    def is_name_word(self, i: int) -> bool:
        word = self.word(i)
        return word[0].isupper() and all(c.isalpha() or c in "'’" for c in word)

    def next_is_capitalized(self, i: int) -> bool:
        return i < len(self) and self.doc[i].text[:1].isupper()

    def starts_unit(self, i: int, *, strict_case: bool = False) -> bool:
        """A body's name starts at token `i` (see `_LOWERCASE_UNIT_STARTS`)."""
        ent = self.ents.get(i)
        if ent is None or ent.label_ != "UNIT":
            return False
        first = self.word(i)
        if first.lower() in ("trưởng", "phương"):
            return False  # fold like `trường`/`phường`: a position word, a given name
        key = fold(ent.text)
        if key in _LOCALITIES and not self.next_is_capitalized(ent.end):
            return False  # `Xã hội` (society), `huyện, thành phố`
        if first[0].isupper():
            return len(ent) > 1 or self.next_is_capitalized(ent.end) or strict_case is False
        return not strict_case and key in _LOWERCASE_UNIT_STARTS

    def is_exact_entity(self, ent: Span) -> bool:
        """The entity is spelled as in the lexicon (marks included), or has no marks at all."""
        return ent.text.isascii() or _exact(ent.text) in _lexicon_exact()

    def spelled_as_unit(self, ent: Span) -> bool:
        """A body's word with its own marks (`Phòng`, not the name `Phong`; `Cục`, not
        `Cúc`); unmarked only where the whole text lost its marks."""
        return _exact(ent.text) in _lexicon_exact() or (ent.text.isascii() and self.text.isascii())

    def name_run(self, start: int) -> int:
        """End of the run of capitalized name words starting at `start`."""
        end = start
        while end < len(self) and end - start < 7 and self.is_name_word(end):
            ent = self.ents.get(end)
            if (
                ent is not None
                and end > start
                and ent.label_ in ("POSITION", "UNIT")
                and self.is_exact_entity(ent)
            ):
                follower = ent.end
                multi = len(ent) > 1
                if multi or self.next_is_capitalized(follower):
                    break
            end += 1
        return end


def find_honorific(text: str) -> tuple[str, int] | None:
    """(honorific as capitalized, characters it spans) when `text` starts with one."""
    parsed = _Parsed(text)
    found = _honorific(parsed)
    if found is None:
        return None
    label, end = found
    return label, char_span_of(parsed.doc, 0, end)[1]


def _honorific(parsed: _Parsed) -> tuple[str, int] | None:
    ent = parsed.ents.get(0)
    if ent is None or ent.label_ != "HONORIFIC":
        return None
    end = ent.end
    while end < len(parsed) and parsed.word(end) in (":", "."):
        end += 1
    if not parsed.next_is_capitalized(end):
        return None
    return HONORIFICS[fold(ent.text)], end


def looks_like_person_name(text: str) -> bool:
    """2–6 capitalized syllables starting with a Vietnamese family name: `Trần Văn Bình`."""
    words = clean_text(text).split()
    if not 2 <= len(words) <= 6:
        return False
    if not all(w[0].isupper() and all(c.isalpha() or c in "'’" for c in w) for w in words):
        return False
    if not is_family_name(words[0]):
        return False
    parsed = _Parsed(" ".join(words))
    return not any(
        parsed.label(i) in ("UNIT", "POSITION") and len(e) > 1 for i, e in parsed.ents.items()
    )


def _person_shape(parsed: _Parsed, start: int) -> bool:
    end = parsed.name_run(start)
    if not 2 <= end - start <= 6 or not is_family_name(parsed.word(start)):
        return False
    return (
        end == len(parsed)
        or parsed.word(end) in _SEPARATORS | {"(", ";"}
        or (parsed.label(end) == "POSITION")
    )


def _detect_kind(parsed: _Parsed, start: int) -> RecipientKind:
    if start > 0:
        return RecipientKind.individual  # after an honorific
    if _person_shape(parsed, start):
        return RecipientKind.individual
    return RecipientKind.collective


def _embedded_unit(parsed: _Parsed) -> str | None:
    """The body a collective belongs to: after its first comma, else inside its name."""
    first_comma = next((i for i in range(len(parsed)) if parsed.word(i) == ","), None)
    order = list(range(1, len(parsed)))
    if first_comma is not None:
        order = list(range(first_comma + 1, len(parsed))) + list(range(1, first_comma))
    for i in order:
        ent = parsed.ents.get(i)
        if ent is None or fold(ent.text) not in _PARENT_BODIES or not parsed.spelled_as_unit(ent):
            continue
        if i > 0 and _exact(parsed.word(i - 1)) in _LOCALITY_WORDS:
            continue  # `xã Trường Xuân`: a place's name, not a body
        if parsed.starts_unit(i, strict_case=True):
            return parsed.slice(i, len(parsed)) or None
    return None


def _split_individual(parsed: _Parsed, start: int) -> tuple[str, str | None, str | None]:
    """(name, position, unit) of a person's text from token `start` (after an honorific)."""
    name_end = parsed.name_run(start)
    if name_end == start:  # no capitalized name: take everything before the first separator
        name_end = next(
            (i for i in range(start, len(parsed)) if parsed.word(i) in _SEPARATORS), len(parsed)
        )
    name = title_case_name(parsed.slice(start, name_end))
    j = name_end
    while j < len(parsed) and parsed.word(j) in _SEPARATORS:
        j += 1
    positions: list[str] = []
    while j < len(parsed) and parsed.label(j) == "POSITION":
        k = parsed.ents[j].end
        while (
            k < len(parsed) and parsed.word(k) not in {",", ";", "("} and not parsed.starts_unit(k)
        ):
            k += 1
        positions.append(parsed.slice(j, k))
        j = k
        if j < len(parsed) and parsed.word(j) == ",":
            after = j + 1
            if after < len(parsed) and parsed.label(after) == "POSITION":
                j = after
                continue
            j = after
        break
    rest = parsed.slice(j, len(parsed))
    position = ", ".join(p for p in positions if p) or None
    unit: str | None = rest or None
    if position is None and rest and not parsed.starts_unit(j):
        comma = next((i for i in range(j, len(parsed)) if parsed.word(i) == ","), None)
        if comma is None:
            position, unit = rest, None
        else:
            position, unit = parsed.slice(j, comma) or None, parsed.slice(comma + 1, len(parsed))
    return name, position, unit or None


_TRAILING_PARENTHESIS = re.compile(r"\s*\(([^()]+)\)\s*$")


def split_recipient(text: str, kind: RecipientKind | None = None) -> RecipientParts:
    """Split one printed recipient into honorific, name, position and unit.

    `Bà Trần Thị Lan Dung, Giáo viên Trường THPT Nguyễn Khuyến` → Bà / Trần Thị Lan Dung /
    Giáo viên / Trường THPT Nguyễn Khuyến. Without `kind`, an honorific or a person-name
    shape makes an individual; anything else (`Tổ Toán - Tin, Trường …`) a collective.
    """
    cleaned = _clean_piece(text)
    if not cleaned:
        return RecipientParts(kind=kind or RecipientKind.individual, name="")
    parsed = _Parsed(cleaned)
    found = _honorific(parsed)
    honorific, start = found if found else (None, 0)
    kind = kind or _detect_kind(parsed, start)
    if kind is RecipientKind.collective:
        return RecipientParts(kind=kind, name=cleaned, unit=_embedded_unit(parsed))
    inner = _TRAILING_PARENTHESIS.search(cleaned)
    if inner and parsed.name_run(start) > start:
        # `ông A (Tổ trưởng chuyên môn Trường X)`: position and unit in brackets
        cleaned = f"{cleaned[: inner.start()]}, {inner.group(1)}"
        parsed = _Parsed(cleaned)
    name, position, unit = _split_individual(parsed, start)
    return RecipientParts(kind=kind, name=name, honorific=honorific, position=position, unit=unit)


def row_kind(text: str) -> RecipientKind | None:
    """What the row itself says it is, or None when it does not say.

    An honorific or a rank (`Bà`, `Đ/c`, `Đại tá`) makes a person; a body's word first
    (`Trường`, `Phòng`, `Công an`, `Sở`, `Hội`, `Tổ`, `Chi bộ`…) a collective, unless the
    word is also a family name and a person's name follows (`Đoàn Văn Hải, Giáo viên`);
    a person-name shape alone (`Trần Văn Bình, …`) a person.
    """
    cleaned = _clean_piece(text)
    if not cleaned:
        return None
    parsed = _Parsed(cleaned)
    if _honorific(parsed) is not None:
        return RecipientKind.individual
    ent = parsed.ents.get(0)
    if (
        ent is not None
        and ent.label_ == "UNIT"
        and parsed.word(0)[:1].isupper()
        and parsed.spelled_as_unit(ent)
    ):
        if len(ent) == 1 and is_family_name(parsed.word(0)) and _person_shape(parsed, 0):
            return RecipientKind.individual
        if parsed.starts_unit(0) or len(ent) > 1:
            return RecipientKind.collective
    if _person_shape(parsed, 0):
        return RecipientKind.individual
    return None


def starts_with_position(text: str) -> bool:
    """`Giáo viên`, `Phó Hiệu trưởng …`: the text opens with a job title."""
    parsed = _Parsed(_clean_piece(text))
    return parsed.label(0) == "POSITION"


_LABEL_INSIDE = re.compile(r"^[^:]{2,25}:\s*\S")


LONGEST_POSITION = 10  # words: `Phó Trưởng phòng Giáo dục và Đào tạo` has eight


def name_doubts(parts: RecipientParts) -> list[str]:
    """What looks off in a split recipient: each a reason its record deserves review."""
    doubts: list[str] = []
    name = parts.name
    if _LABEL_INSIDE.match(name):
        doubts.append("a label inside the name")
    if parts.kind is RecipientKind.individual:
        if not looks_like_person_name(name):
            doubts.append("a person's name that does not look like one")
        if any(_misread_mark(word) for word in name.split()):
            doubts.append("a name word with marks no syllable has")
        if parts.position and len(parts.position.split()) > LONGEST_POSITION:
            # `Nhân viên Trường … Lê Quý Đôn:: Á Đại úy Vũ Thị Lan Xuân`: the next record too
            doubts.append("a position too long to be one")
        parsed = _Parsed(name)
        if any(
            e.label_ == "UNIT"
            and e.start > 0
            and (e.end < len(parsed) or len(e) > 1)  # `Hà Quang Khoa` ends on a given name
            and parsed.starts_unit(e.start)
            and parsed.spelled_as_unit(e)
            for e in parsed.doc.ents
        ):
            doubts.append("an organization word inside a person's name")
    else:
        parsed = _Parsed(name)
        if _honorific(parsed) is not None or looks_like_person_name(name):
            doubts.append("a collective named like a person")
        elif re.search(r"(?:^|[,;]\s*)(?:ông|bà|đ/c|đồng chí)\s+[A-ZĐ]", name, re.IGNORECASE):
            doubts.append("an honorific inside a collective's name")
    return doubts


def _misread_mark(word: str) -> bool:
    """`Výỹ`, `Hồg`: Vietnamese marks on letters that make no syllable, what OCR leaves of a
    name it misread (names of other peoples, `Ksor`, `H'Bia`, carry no such marks)."""
    core = word.strip(".,;:()'\"’")
    return (
        core.isalpha()
        and not core.isascii()
        and not is_syllable(core)
        and not is_family_name(core)  # `Niê`, `Mlô`: Ê Đê families
        and fold(core) != core.lower()  # marks beyond `đ`
    )


def recipient_from_cells(
    name: str, position: str | None, unit: str | None, kind: RecipientKind | None = None
) -> RecipientParts:
    """A recipient from separate table cells (`Họ và tên | Chức vụ | Đơn vị`).

    The name cell may carry an honorific, capitals, or (when the position cell is empty)
    the position and unit too; empty cells give None.
    """
    position = _clean_piece(position) if position else None
    unit = _clean_piece(unit) if unit else None
    if kind is RecipientKind.individual and (position or unit):
        name = _name_cell(name)  # the name alone: position and unit have their cells
    parts = split_recipient(name, kind)
    if parts.kind is RecipientKind.collective:
        return RecipientParts(kind=parts.kind, name=parts.name, unit=unit or parts.unit)
    return RecipientParts(
        kind=parts.kind,
        name=parts.name,
        honorific=parts.honorific,
        position=position or parts.position,
        unit=unit or parts.unit,
    )


def _name_cell(text: str) -> str:
    """A person's name cell without what OCR left after the name (`Lê Ngọc Cúc. C : -`,
    `Võ Thị Hương 1 TT uc`): a name stops at a full stop, comma or colon, and does not end
    on a word without letters, a word in small letters, or capitals that are no syllable."""
    words = text.split()
    for k, word in enumerate(words[:-1]):
        if k > 0 and word[-1] in ".,;:":
            words = words[: k + 1]
            break
    while len(words) > 1 and _debris_after_name(words[-1].strip(".,;:'\"")):
        words.pop()
    if words:
        words[-1] = words[-1].rstrip(".,;:")
    return " ".join(words)


def _debris_after_name(word: str) -> bool:
    if not word or not any(c.isalpha() for c in word) or not word[0].isupper():
        return True
    if any(not (c.isalpha() or c in "'’") for c in word):
        return True
    return len(word) > 1 and word.isupper() and not is_syllable(word)


# --- runs of recipients ---------------------------------------------------------------

_RUN_INTRO = re.compile(r"^[^;]{0,200}?\b(?:gom|sau|cho|nhu sau)\s*(?P<colon>:)?\s*(?=\S)")
# a line that starts an item: a dash, a number, `a)`, or a section's numeral (`II.`, and as
# OCR misreads it, `1I.`, `IH.`) — a heading inside the run is its own piece, never glued on
_LINE_ITEM = re.compile(
    r"\n\s*(?=(?:[-+•*–]|\d{1,3}[SsOoIl]?\s*[.)/]|[a-zđ]\s*\)|[IVXLH1|]{1,4}\s*[.)](?=\s))\s*\S)"
)


def _starts_new_recipient(parsed: _Parsed, i: int, individuals: bool) -> bool:
    """Does a new recipient start at token `i` (right after a `và`)?"""
    if i >= len(parsed):
        return False
    if parsed.label(i) == "HONORIFIC" and parsed.next_is_capitalized(parsed.ents[i].end):
        return True
    if parsed.label(i) == "UNIT" and parsed.word(i)[0].isupper():
        ent = parsed.ents[i]
        return len(ent) > 1 or parsed.next_is_capitalized(ent.end)
    return individuals and _person_shape(parsed, i)


def _cut(parsed: _Parsed, cuts: list[int]) -> list[str]:
    """The texts between the cut tokens (each cut token itself dropped), empty ones left out."""
    bounds = [-1, *cuts, len(parsed)]
    pieces = (parsed.slice(a + 1, b) for a, b in pairwise(bounds))
    return [p for p in pieces if p]


def _split_on_va(piece: str) -> list[str]:
    parsed = _Parsed(piece)
    found = _honorific(parsed)
    individuals = found is not None or (len(parsed) > 0 and is_family_name(parsed.word(0)))
    cuts = [
        i
        for i in range(1, len(parsed) - 1)
        if parsed.doc[i].norm_ == "va" and _starts_new_recipient(parsed, i + 1, individuals)
    ]
    return _cut(parsed, cuts) if cuts else [piece]


def split_recipient_run(text: str) -> list[str]:
    """Split an inline run into recipient texts: on `;`, on line-leading markers, and on a
    `và` that starts a new recipient (`… Thủy Vân và ông Nguyễn Đức Hải`), never inside a
    name (`Sở Giáo dục và Đào tạo`, `Trường Tiểu học và Trung học cơ sở Quang Phong`).
    """
    text = clean_text(text)
    intro = _RUN_INTRO.match(fold_aligned(text[:260]).replace("\n", " "))
    if intro is not None:
        rest = text[intro.end() :]
        if intro.group("colon") or _starts_new_recipient(_Parsed(rest), 0, individuals=True):
            text = rest
    pieces: list[str] = []
    by_comma = ";" not in text
    for chunk in _LINE_ITEM.split(text):
        for part in chunk.split(";"):
            cleaned = _clean_piece(part)
            if not cleaned:
                continue
            for piece in _split_on_va(cleaned):
                piece = _clean_piece(piece)
                if by_comma:
                    pieces.extend(_split_on_commas(piece))
                else:
                    pieces.extend(_bodies_between_commas(piece))
    return [_clean_piece(p) for p in pieces if _clean_piece(p)]


def _bodies_between_commas(part: str) -> list[str]:
    """Between `;`, commas part a person's name from its unit (`ông A, Trường X`) and a
    body from the one it belongs to (`Phòng Quản lý chất lượng, Sở Giáo dục và Đào tạo`);
    a part without a person may still list bodies (`Trường A, Sở B, Trường C; Ban D`):
    three or more, or each but the last named in full (its place or its proper name)."""
    if find_honorific(part) is not None or looks_like_person_name(part.split(",")[0]):
        return [part]
    pieces = _split_on_commas(part)
    if len(pieces) >= 3 or all(_named_in_full(p) for p in pieces[:-1]):
        return pieces
    return [part]


_PLACE_WORDS = frozenset(("xa", "huyen", "tinh", "phuong", "quan", "thi", "thanh"))


def _named_in_full(body: str) -> bool:
    """`Ban Chỉ huy Quân sự thành phố Sơn La`, `Trường THCS Yên Lư`: a place, or a
    capitalized word that no generic name holds; `Phòng Quản lý chất lượng` has neither."""
    words = [w.strip(",.;:()") for w in body.split()[1:]]
    if any(w.islower() and fold(w) in _PLACE_WORDS for w in words):
        return True
    return any(
        w[:1].isupper() and not w.isupper() and fold(w) not in GENERIC_WORDS for w in words if w
    )


# Bodies inside a larger one: `Tổ Toán - Tin, Trường THCS X` is one collective.
_SUB_BODIES = {fold(w) for w in ("Tổ", "Công đoàn", "Chi bộ", "Chi đoàn", "Khối", "Lớp", "Khoa")}


def _split_on_commas(piece: str) -> list[str]:
    """A run without `;` lists recipients between commas (`Trường A, Trường B, ông C (…)`):
    cut where a new recipient starts (an honorific, a body's name), but never between a
    sub-body and its body (`Tổ Toán, Trường …`) nor before a locality (`…, huyện X`)."""
    parsed = _Parsed(piece)
    cuts: list[int] = []
    depth = 0
    for i in range(len(parsed)):
        word = parsed.word(i)
        depth += word == "("
        depth -= word == ")"
        if word != "," or depth > 0 or i + 1 >= len(parsed):
            continue
        start = cuts[-1] + 1 if cuts else 0
        closed = i > 0 and parsed.word(i - 1) == ")" and parsed.next_is_capitalized(i + 1)
        if closed and (parsed.label(start) == "HONORIFIC" or _person_shape(parsed, start)):
            cuts.append(i)  # `ông A (Cán bộ Công an huyện X), Nhân dân …`: the bracket ends him
            continue
        if not _starts_new_recipient(parsed, i + 1, individuals=False):
            continue
        head = parsed.ents.get(start)
        nxt = parsed.ents.get(i + 1)
        if (
            head is not None
            and fold(head.text) in _SUB_BODIES
            and nxt is not None
            and fold(nxt.text) in _PARENT_BODIES
        ):
            continue
        person = parsed.label(start) == "HONORIFIC" or _person_shape(parsed, start)
        if person and parsed.label(i + 1) == "UNIT":
            # `Bà A, Giáo viên, Trường X`: a person without a unit yet takes this one
            has_unit = any(
                parsed.label(k) == "UNIT" and parsed.starts_unit(k) for k in range(start + 1, i)
            ) or any(parsed.word(k) == "(" for k in range(start, i))
            if not has_unit:
                continue
        cuts.append(i)
    return _cut(parsed, cuts) if cuts else [piece]
