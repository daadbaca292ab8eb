"""Tone-mark repair after OCR: a word's diacritics chosen by its neighbours, not guessed.

Tesseract's `vie` model reads the letters of a word far better than its marks: it swaps
hỏi and sắc (`Tổ` → `Tố`, `đổi` → `đối`), drops or adds a dot below (`THI` → `THỊ`), and
reads `ễ` as `ê` (`NGUYỄN` → `NGUYÊN`). Both readings are usually real syllables, so a
syllable list alone cannot choose; the words around it can: `Tổ chức`, `thi đua`,
`Nguyễn Thị`. Counts of which syllable follows which (`syllable_bigrams.json`, built from
real award decisions and the field's documents by `python -m extractors.tone_repair_build`)
decide, and a word changes only where the evidence is strong:

- a word that is no Vietnamese syllable becomes the variant with its letters that its
  neighbours support best, or that is most common, when one is known at all;
- a real syllable changes only when its neighbours never follow or precede it in the
  counts, support a variant at least `MIN_EVIDENCE` times, and that variant is not far
  rarer than the word read (`các phòng thuộc` stays, though `các phong trào` is common);
- in a person's name (capitalized words after a family name) only the family name may
  change: to a common family name one mark away (`NGUYÊN VĂN` → `NGUYỄN VĂN`, `Chủ
  Trọng` → `Chu Trọng`), never from one (`Lâm Quốc Hiếu` stays, not `Hiệu`; `DOÃN THỊ`
  stays, not `ĐOÀN`).

The raw OCR reading is kept beside the repaired one (`Word.raw`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from extractors.family_names import COMMON_FAMILY_NAMES, FAMILY_NAMES, is_family_name
from extractors.given_names import GIVEN_NAMES, MIDDLE_NAMES
from extractors.syllables import is_syllable, same_letters
from extractors.text_normalize import fold, nfc, normalize_tone_placement, strip_tones

MIN_EVIDENCE = 2
RARER_LIMIT = 4  # a variant read less than a quarter as often as the word needs more
JOINT_SHARE = 3  # a variant both neighbours support outweighs a one-sided reading 3 to 1
NUMBER = "<num>"
_CORE = re.compile(r"^(\W*)([^\W\d_]+)(\W*)$")
_DIGITS = re.compile(r"^\W*\d")  # numbers, dates, decision numbers (`123/QĐ-UBND`)
# A capitalized word before a middle name is a family name: `Đỉnh Văn` is `Đinh Văn` (a
# person), not `Đình Văn` (as in `gia đình văn hóa`).
_MIDDLE_NAMES = (
    "văn thị đức minh thanh ngọc hữu quang xuân thế công trọng viết hoài kim thu hồng bá "
    "đình quốc mạnh tiến duy khắc đăng thành huy phương diệu bích mỹ hải"
)
_NAME_MIDDLES = frozenset(_MIDDLE_NAMES.split())
_HONORIFICS = ("ông", "bà", "anh", "chị", "thầy", "cô", "chí")
_COMMON_FAMILIES = frozenset(normalize_tone_placement(name).lower() for name in COMMON_FAMILY_NAMES)


@dataclass(frozen=True)
class Counts:
    unigrams: dict[str, int]
    bigrams: dict[tuple[str, str], int]
    cases: dict[str, tuple[int, int]] = field(default_factory=dict)  # (Capitalized, lower)

    def unigram(self, word: str) -> int:
        return self.unigrams.get(word, 0)

    def bigram(self, first: str | None, second: str | None) -> int:
        if first is None or second is None:
            return 0
        return self.bigrams.get((first, second), 0)


@lru_cache(maxsize=1)
def counts() -> Counts:
    """The shipped counts (`syllable_bigrams.json`)."""
    raw = json.loads(
        resources.files("extractors").joinpath("syllable_bigrams.json").read_text("utf-8")
    )
    bigrams: dict[tuple[str, str], int] = {}
    for pair, count in raw["bigrams"].items():
        first, second = pair.split(" ")
        bigrams[(first, second)] = count
    for honorific in _HONORIFICS:  # `Ông Trần Văn A`, `Bà Nguyễn Thị B`
        for family in _COMMON_FAMILIES:
            bigrams[(honorific, family)] = bigrams.get((honorific, family), 0) + MIN_EVIDENCE
    cases = {key: (int(title), int(lower)) for key, (title, lower) in raw["cases"].items()}
    return Counts(dict(raw["unigrams"]), bigrams, cases)


def key_of(token: str | None) -> str | None:
    """The lowercase syllable a token stands for, `<num>` for numbers, None otherwise."""
    if token is None:
        return None
    if _DIGITS.match(token):
        return NUMBER
    found = _CORE.match(token)
    if not found:
        return None
    return normalize_tone_placement(nfc(found.group(2))).lower()


@lru_cache(maxsize=8192)
def _variants(core: str) -> dict[str, str]:
    """Real syllables with the core's letters: lowercase key → spelling in the core's case.

    Cached: a page repeats its words (`Nguyễn`, `Thị`, `Trường`); callers only read it.
    """
    return {normalize_tone_placement(v).lower(): v for v in same_letters(core)}


def _one_mark(first: str, second: str) -> bool:
    """Spellings one letter's marks apart: `nguyên`/`nguyễn`, not `doãn`/`đoàn`."""
    return sum(a != b for a, b in zip(first, second, strict=False)) == 1


def repair_word(token: str, before: str | None, after: str | None) -> str:
    """The token with its marks repaired where its neighbours' keys say so, else itself.

    Name context is `repair_line`'s to judge; here only the family-name preference.
    """
    found = _CORE.match(token)
    if not found:
        return token
    prefix, core, suffix = found.groups()
    variants = _variants(core)
    if not variants:
        return token
    model = counts()
    own = normalize_tone_placement(nfc(core)).lower()

    def evidence(key: str) -> int:
        return model.bigram(before, key) + model.bigram(key, after)

    # Before a middle name, a capitalized word never written before it is a family name
    # (`Tổ Văn` and `gia đình văn hóa` are explained by the counts; a list's row number
    # before `CHỦ THỊ MAI` explains nothing about the name).
    if core[0].isupper() and after in _NAME_MIDDLES and not model.bigram(own, after):
        if own in _COMMON_FAMILIES:
            return token
        family = [k for k in variants if k in _COMMON_FAMILIES and _one_mark(own, k)]
        if family:
            return prefix + variants[max(family, key=model.unigram)] + suffix
        if is_family_name(core) and is_syllable(core):
            return token

    best = max(variants, key=lambda k: (evidence(k), model.unigram(k)))
    if best == own:
        return token
    repaired = prefix + variants[best] + suffix
    if not is_syllable(core):
        return repaired if evidence(best) or model.unigram(best) else token
    both_sides = model.bigram(before, best) and model.bigram(best, after)
    if evidence(own):
        # Read on one side only, where the variant is read on both and far more often
        # (`của Trường phòng` → `Trưởng phòng`): the neighbours misread together.
        one_side = not (model.bigram(before, own) and model.bigram(own, after))
        if not (both_sides and one_side and evidence(best) >= JOINT_SHARE * evidence(own)):
            return token
        return repaired if model.unigram(best) * RARER_LIMIT >= model.unigram(own) else token
    if evidence(best) < MIN_EVIDENCE:
        return token
    if both_sides or model.unigram(best) * RARER_LIMIT >= model.unigram(own):
        return repaired
    return token


def _is_misread(token: str) -> bool:
    """A word of letters that is no Vietnamese syllable: OCR got its marks wrong."""
    found = _CORE.match(token)
    if not found:
        return False
    return not is_syllable(found.group(2)) and bool(_variants(found.group(2)))


def _tone_only(first: str, second: str) -> bool:
    """Spellings that differ in their tone mark alone (`vần`/`vân`, not `vần`/`văn`)."""
    return strip_tones(first) == strip_tones(second)


def repair_name_part(token: str) -> str:
    """A middle or given name's marks, repaired only toward a common name.

    The word must be one real decisions never use and no common name; it becomes the
    one common name a single mark away (a tone mark before a vowel's shape).
    """
    found = _CORE.match(token)
    if not found:
        return token
    prefix, core, suffix = found.groups()
    own = normalize_tone_placement(nfc(core)).lower()
    names = GIVEN_NAMES | MIDDLE_NAMES
    if own in names or counts().unigram(own):
        return token
    variants = _variants(core)
    near = [k for k in variants if k in names and _one_mark(own, k)]
    if len(near) > 1:
        near = [k for k in near if _tone_only(own, k)]
    if len(near) != 1:
        return token
    return prefix + variants[near[0]] + suffix


def _names_a_person(tokens: list[str], index: int, tails: set[int]) -> bool:
    """Does the name holding `tokens[index]` stand for a recipient, not a unit named after
    someone (`Trường THPT Huỳnh Thúc Kháng`)? A person's name opens its line or follows
    an honorific, a list number or marker, or punctuation."""
    family = index - 1
    while family in tails:
        family -= 1
    if family <= 0:
        return True
    before = tokens[family - 1]
    return (
        key_of(before) in _HONORIFICS
        or key_of(before) == NUMBER
        or not any(c.isalnum() for c in before)
        or before[-1] in ",;:."
    )


def _name_tails(tokens: list[str]) -> set[int]:
    """Positions after the family name in person names: capitalized words after one.

    A run starts at a family name spelled with its marks (`Phó`, `Văn` and `Hồ` are
    family names too, so one that forms a known phrase with the next word, as in `PHÓ
    CHỦ TỊCH` or `Văn phòng`, starts none) and ends at punctuation, a lowercase word, or a
    change between capitals and capitalized words.
    """
    model = counts()
    tails: set[int] = set()
    index = 0
    while index + 1 < len(tokens):
        found = _CORE.match(tokens[index])
        head = found.group(2) if found and not found.group(3) else ""
        nxt = key_of(tokens[index + 1])
        starts = (
            head[:1].isupper()
            and normalize_tone_placement(head).lower() in FAMILY_NAMES
            and (nxt in _NAME_MIDDLES or not model.bigram(key_of(head), nxt))
        )
        if not starts:
            index += 1
            continue
        end = index + 1
        capitals = head.isupper() and len(head) > 1
        while end < len(tokens) and end - index < 5:
            following = _CORE.match(tokens[end])
            if not (following and following.group(2)[0].isupper()):
                break
            word = following.group(2)
            if end > index + 1 and len(word) > 1 and word.isupper() != capitals:
                break  # `Từ Quang Hoàn TỔ phó`: a name is written in one case throughout
            end += 1
            if following.group(3):  # `Long,` ends the name
                break
        tails.update(range(index + 1, end))
        index = end
    return tails


def one_case(token: str) -> str:
    """A syllable read in mixed case (`HỒng`, `ThƯởng`, `nƯỚc`) in the case of its first
    letter: a typewriter's letters struck high read as capitals. Acronyms stay (`HĐND`)."""
    found = _CORE.match(token)
    if not found:
        return token
    prefix, core, suffix = found.groups()
    tail = core[1:]
    if not (any(c.isupper() for c in tail) and any(c.islower() for c in core)):
        return token
    if not is_syllable(core.lower()):
        return token
    return prefix + core[0] + tail.lower() + suffix


# Letters whose capital is the small letter drawn larger (`c`/`C`, `ô`/`Ô`): OCR judges
# their case by size alone, and a typewriter's uneven strike fools it (`xuất Sắc`, `TỔ chức`).
_SAME_SHAPE = frozenset("cosvwxzôơ")


def _same_shape(letter: str) -> bool:
    return strip_tones(letter).lower() in _SAME_SHAPE


def _written_lower(before: str | None, key: str | None) -> bool:
    """Is the word written lowercase after `before` in real texts (`cơ sở`, `xuất sắc`),
    and never capitalized there (`của Sở`)? Unknown pairs (`giải Số tiền`) are not."""
    title, lower = counts().cases.get(f"{before} {key}", (0, 0))
    return lower >= 1 and title == 0


def _lowercase_word(token: str, *, before: bool) -> bool:
    """A word in lowercase that runs on into its neighbour (no sentence mark between)."""
    found = _CORE.match(token)
    if not found or not found.group(2)[0].islower():
        return False
    return found.group(3) in ("", ")") if before else not found.group(1)


def _capitals_word(token: str) -> bool:
    """A word of two or more capitals that is a syllable (a heading's word, no acronym)."""
    found = _CORE.match(token)
    core = found.group(2) if found else ""
    return len(core) >= 2 and core.isupper() and is_syllable(core.lower())


def repair_case(tokens: list[str], protected: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """Letters of the same shape in both cases put in the case their neighbours write.

    A word in capitals before a lowercase word keeps only its first capital when its
    other letters have one shape (`TỔ chức` → `Tổ`). After a lowercase word, a first
    letter of that shape goes lowercase where real texts write the pair so (`xuất Sắc`,
    `cơ SỞ`, `định Số 56` → `sắc`, `sở`, `số`; never `của Sở`). Between two words in
    capitals, a word goes into capitals (`ĐUA Cơ SỞ` → `CƠ`). Names (`protected`) stay.
    """
    out = list(tokens)
    for index, token in enumerate(tokens):
        found = _CORE.match(token)
        key = key_of(token)
        if index in protected or not found or not (key and is_syllable(key)):
            continue
        prefix, core, suffix = found.groups()
        before = out[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        follows_lower = before is not None and _lowercase_word(before, before=True)
        lower_after = after is not None and _lowercase_word(after, before=False)
        lower_first = follows_lower and _same_shape(core[0]) and _written_lower(key_of(before), key)
        tail = core[1:]
        if len(core) >= 2 and core.isupper() and all(_same_shape(c) for c in tail):
            ends_run = lower_after or (follows_lower and after is None)
            if ends_run and not (before and _capitals_word(before)):
                first = core[0].lower() if lower_first else core[0]
                out[index] = prefix + first + tail.lower() + suffix
        elif core[0].isupper() and tail == tail.lower() and lower_first:
            out[index] = prefix + core.lower() + suffix
        elif (
            before
            and after
            and _capitals_word(before)
            and _capitals_word(after)
            and all(_same_shape(c) for c in core if c.islower())
        ):
            out[index] = prefix + core.upper() + suffix
    return out


def repair_line(tokens: list[str], passes: int = 2, *, after: str | None = None) -> list[str]:
    """Repair each token of one line by its neighbours' keys, leaving names' given parts.

    The first pass goes left to right (a repaired word is the next one's context); the
    second sees repaired words on both sides, for neighbours that were misread together
    (`sứa đối, bố sung`). `after` is the word that starts the next line of the paragraph,
    where a sentence runs on (`được hưởng tiên` / `thưởng`): context for the marks of
    the line's last word only, never returned. (The line above is no such context: in a
    list it is often another row.)
    """
    if after is None:
        return _school_words(repair_case(*_repair_tokens(tokens, passes)))
    repaired, tails = _repair_tokens([*tokens, after], passes)
    return _school_words(repair_case(repaired[:-1], tails))


# What follows `Trường` (a school) and never `Trưởng` (a head): `Trưởng THCS` is OCR's
# mark on the wrong vowel, and a school's name is what its unit and issuer search by.
_SCHOOL_KINDS = frozenset(("th", "thcs", "thpt", "mn", "mg", "ptdtbt", "ptdtnt", "th&thcs"))
_SCHOOL_LEVELS = frozenset(
    ("tieu hoc", "trung hoc", "mam non", "mau giao", "pho thong", "dai hoc", "cao dang")
)


def _school_words(tokens: list[str]) -> list[str]:
    out = list(tokens)
    for i, word in enumerate(tokens[:-1]):
        if fold(word) != "truong" or word[1:] not in ("rưởng", "RƯỞNG"):
            continue  # only a capitalized `Trưởng`: `Tổ trưởng` heads a team
        following = [fold(t).strip(",.;:") for t in tokens[i + 1 : i + 3]]
        if following[0] in _SCHOOL_KINDS or " ".join(following) in _SCHOOL_LEVELS:
            out[i] = word[0] + ("rường" if word[1:].islower() else "RƯỜNG")
    return out


# The family names nine in ten people carry: a rare family name a mark away from one of
# them (`Nguyên`, `Nguyễn`) is more likely that one misread than itself.
_MOST_COMMON_FAMILIES = frozenset(
    normalize_tone_placement(name).lower()
    for name in COMMON_FAMILY_NAMES[:16]  # Nguyễn … Lý
)


def _family_as_printed(token: str, after: str | None) -> bool:
    """A family name read as printed, one no common name is a mark away from: `Lường`
    stays `Lường` (not `Lương`) and `Chu` stays `Chu` (not `Chủ`), a different family and
    so a different person."""
    found = _CORE.match(token)
    if not found:
        return False
    own = normalize_tone_placement(nfc(found.group(2))).lower()
    if own not in FAMILY_NAMES:
        return False
    if found.group(2).isascii() and any(  # marks lost: `PHO CHU TỊCH` is `PHÓ CHỦ TỊCH`
        key != own and counts().bigram(key, after) for key in _variants(found.group(2))
    ):
        return False
    return own in _MOST_COMMON_FAMILIES or not any(
        fold(own) == fold(c) and _one_mark(own, c) for c in _MOST_COMMON_FAMILIES
    )


def _context_before(tokens: list[str], index: int) -> str | None:
    """The key of the word before, unless a `,` `;` `:` ends it: there a list's next item
    starts (`Sở Nội vụ, Trường …`), and what ended the last one says nothing of it."""
    if index == 0 or tokens[index - 1][-1:] in (",", ";", ":"):
        return None
    return key_of(tokens[index - 1])


def _repair_tokens(tokens: list[str], passes: int) -> tuple[list[str], set[int]]:
    """The tokens with their marks repaired, and where names' given parts stand."""
    current = [one_case(token) for token in tokens]
    for _ in range(passes):
        protected = _name_tails(current)
        repaired: list[str] = []
        for index, token in enumerate(current):
            if index in protected:
                person = _names_a_person(current, index, protected)
                if person:
                    repaired.append(repair_name_part(token))
                elif _is_misread(token):  # a place or unit's name: `YÊN THẰNH`
                    before = _context_before(repaired, index)
                    after = key_of(current[index + 1]) if index + 1 < len(current) else None
                    repaired.append(repair_word(token, before, after))
                else:
                    repaired.append(token)
                continue
            following = key_of(current[index + 1]) if index + 1 < len(current) else None
            if index + 1 in protected and _family_as_printed(token, following):
                repaired.append(token)  # it heads a person's name
                continue
            before = _context_before(repaired, index)
            after = key_of(current[index + 1]) if index + 1 < len(current) else None
            repaired.append(repair_word(token, before, after))
        if repaired == current:
            break
        current = repaired
    return current, _name_tails(current)
