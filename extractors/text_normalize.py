"""Vietnamese text normalization: NFC, legacy-font repair, folding for matching, name case.

Everything that returns display text returns NFC with its diacritics kept; `fold` and
`fold_aligned` are for matching only (search keys, pattern matching), never for output.

Tone placement convention (`normalize_tone_placement`): the traditional placement used by
most administrative text and by Vietnamese keyboards' defaults — the tone sits on the
first vowel of an open `oa`, `oe`, `uy` (`hòa`, `khỏe`, `thủy`, `ủy ban`); `hoà`, `khoẻ`,
`thuỷ`, `uỷ ban` are rewritten to it. `quý`, `hoàn`, `thuyền`, `khuỷu` are the same in
both conventions and stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.legacy_encodings import TCVN3 as _TCVN3
from extractors.legacy_encodings import VNI_PAIRS as _VNI_PAIRS
from extractors.legacy_encodings import decode_tcvn3 as _decode_tcvn3
from extractors.legacy_encodings import decode_vni as _decode_vni

_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACE_RUN = re.compile(f"[ {_SPACES}]+")
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")
# Hyphen look-alikes are always hyphens; en/em dashes and minus become `-` as separators
# (between words or digits, at a line start as a list marker), which is how these documents
# use them (`QĐ – THQC`, `2020 – 2021`, `Việt – Nga`).
_HYPHENS = re.compile("[\u2010\u2011\u2012]")
_DASHES = re.compile("[\u2013\u2014\u2015\u2212]")
_SLASHES = re.compile("[\u2044\u2215]")  # OCR's fraction and division slashes: `465⁄QĐ`

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def nfc(s: str) -> str:
    """Unicode NFC: PDFs and Mac-made DOCX files often carry NFD (base + combining marks)."""
    return unicodedata.normalize("NFC", s)


def clean_text(s: str) -> str:
    """Display-safe cleanup: legacy fonts decoded, NFC, `Ð`→`Đ`, spaces and dashes tidied.

    Newlines are kept (one line stays one line); runs of other spaces collapse to one.
    """
    lines = [decode_legacy(line) for line in s.split("\n")]
    text = nfc("\n".join(lines))
    text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")  # OCR: Eth for D-stroke
    text = _ZERO_WIDTH_RE.sub("", text)
    text = _HYPHENS.sub("-", text)
    text = _DASHES.sub("-", text)
    text = _SLASHES.sub("/", text)
    text = _SPACE_RUN.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return text.strip()


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in "đĐðÐ":
        return "d"
    if c.isascii():
        return c.lower()
    base = "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))
    folded = base.lower()
    if len(folded) != 1:
        folded = c.lower()
    return folded if len(folded) == 1 else c


def fold_aligned(s: str) -> str:
    """`fold` without collapsing spaces: same length as NFC `s`, so offsets map back.

    Combining marks left in non-NFC input fold to themselves; callers pass NFC text.
    """
    return "".join(_fold_char(c) for c in s)


def fold(s: str) -> str:
    """Matching key: lowercase, no diacritics, `đ`→`d`, single spaces (`Nguyễn`→`nguyen`)."""
    return _SPACE_RUN.sub(" ", fold_aligned(nfc(s)).replace("\n", " ")).strip()


# --- tone placement -------------------------------------------------------------------

_VOWELS = set("aăâeêioôơuưy")
_TONE_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


def _split_tone(c: str) -> tuple[str, str]:
    """(letter without tone, tone mark or '') for one NFC letter."""
    parts = unicodedata.normalize("NFD", c)
    tone = "".join(ch for ch in parts if ch in TONE_MARKS)
    rest = "".join(ch for ch in parts if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", rest), tone


def _retone_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if len(word) < 2:
        return word
    first, second = word[-2], word[-1]
    base1, tone1 = _split_tone(first)
    base2, tone2 = _split_tone(second)
    if tone1 or not tone2 or (base1.lower(), base2.lower()) not in _TONE_PAIRS:
        return word
    before = word[-3].lower() if len(word) >= 3 else ""
    if _split_tone(before)[0] in _VOWELS or (before == "q" and base1.lower() == "u"):
        return word  # `quý`: the u belongs to the consonant `qu`
    if before == "g" and base1.lower() == "i":
        return word
    return word[:-2] + nfc(base1 + tone2) + base2


_WORD = re.compile(r"[^\W\d_]+")


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def strip_tones(s: str) -> str:
    """The text without its tone marks, vowel shapes kept (`Nguyễn` → `Nguyên`)."""
    decomposed = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


def normalize_tone_placement(s: str) -> str:
    """Rewrite `hoà`/`thuỷ` to `hòa`/`thủy` (see the module docstring) — for matching."""
    return _WORD.sub(_retone_word, nfc(s))


# --- legacy 8-bit fonts (TCVN3/ABC and VNI) ------------------------------------------

_CP1252_EXTRAS = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
# Characters no Unicode Vietnamese text uses but both legacy fonts produce.
_FOREIGN = {chr(c) for c in range(0xA1, 0x100)} - _VIETNAMESE_LATIN1
_NUCLEI = [
    "ieu", "yeu", "oai", "oao", "oay", "oeo", "uay", "uoi", "uou", "uya", "uye", "uyu",
    "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe", "oi", "ua", "ue",
    "ui", "uo", "uu", "uy", "ye", "a", "e", "i", "o", "u", "y",
]  # fmt: skip
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    rf"(?:{'|'.join(_NUCLEI)})(?:ng|nh|ch|[cmnpt])?"
)
# A VNI mark byte after its vowel (`oâ`, `aè`, `aù`) never occurs in real Vietnamese,
# except `oá`/`oà`/`oã`, which is `hoá` written with the tone on the a.
_VNI_MARK_AFTER_VOWEL = re.compile(
    "(?![oO][áàãÁÀÃ])(?:" + "|".join(re.escape(k) for k in _VNI_PAIRS) + ")"
)
_TOKEN = re.compile(r"[^\s/\-.,;:()&]+")


def _is_syllable(word: str) -> bool:
    key = fold(word).strip("0123456789")
    if not any(v in key for v in "aeiouy"):
        return key.isalpha()  # an abbreviation such as `đt`, `GD`
    return _SYLLABLE.fullmatch(key) is not None


def _legacy_decoding(s: str) -> str | None:
    """The decoded text when `s` is clearly TCVN3 or VNI mojibake, else None.

    Both decoders are tried; one wins when every word it changed became a Vietnamese
    syllable and nothing foreign is left, so `naïve`, `Microsoft®` and ASCII stay put.
    """
    upper_inside = any(
        c in _TCVN3 and c.isupper() and s[i - 1].islower() for i, c in enumerate(s) if i > 0
    )
    if (
        not upper_inside
        and not _VNI_MARK_AFTER_VOWEL.search(s)
        and not any(c in _FOREIGN for c in s)
    ):
        return None
    if any(ord(c) > 0xFF and c not in _CP1252_EXTRAS for c in s):
        return None  # real Unicode Vietnamese (ư, ạ, đ…) present: not mojibake
    words = _TOKEN.findall(s)
    best: tuple[int, str] | None = None
    for decoder in (_decode_vni, _decode_tcvn3):  # VNI first: merged pairs are specific
        decoded = decoder(s)
        if any(c in _FOREIGN and c.isalpha() for c in decoded):
            continue  # a foreign letter left over: not this font
        changed = [(w, decoder(w)) for w in words if decoder(w) != w]
        valid = sum(1 for _, d in changed if _is_syllable(d))
        if not changed or valid < len(changed):
            continue
        if (valid >= 2 or len(words) <= 3) and (best is None or valid > best[0]):
            best = (valid, nfc(decoded))
    return best[1] if best else None


def looks_legacy(s: str) -> bool:
    """True when `s` is confidently TCVN3 or VNI mojibake; plain ASCII and Unicode never are."""
    return _legacy_decoding(s) is not None


def decode_legacy(s: str) -> str:
    """Decode TCVN3 (ABC) or VNI mojibake to NFC Unicode; other text is returned unchanged."""
    decoded = _legacy_decoding(s)
    return s if decoded is None else decoded


# --- case -----------------------------------------------------------------------------


def is_all_caps(s: str) -> bool:
    """True when every letter is upper case (and there is at least one): `NGUYỄN VĂN AN`."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _title_word(word: str) -> str:
    out: list[str] = []
    upper_next = True
    for c in word:
        if c.isalpha():
            out.append(c.upper() if upper_next else c.lower())
            upper_next = False
        else:
            out.append(c)
            upper_next = c in "-'’"
    return "".join(out)


def title_case_name(s: str) -> str:
    """`NGUYỄN VĂN AN` → `Nguyễn Văn An`; a name already in mixed case is left as printed.

    A name in capitals but for one word in title case (`Lý PHƯƠNG MAI`: a decoder or OCR
    slip on one word) is a name in capitals too."""
    text = nfc(s).strip()
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return text
    if not (all(c.isupper() for c in letters) or all(c.islower() for c in letters)):
        words = [w for w in text.split() if any(c.isalpha() for c in w)]
        caps = sum(1 for w in words if w.isupper())
        titled = sum(1 for w in words if w[:1].isupper() and w[1:].islower())
        if not (caps >= 2 and titled == 1 and caps + titled == len(words)):
            return text
    return " ".join(_title_word(w) for w in text.split())
