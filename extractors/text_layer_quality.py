"""Whether a PDF page's text layer says what the page shows, judged from its words alone.

A text layer can be present yet useless: fonts without a Unicode map give `S\\x00 Giáo
D\\x00c` or `(cid:12)`, symbol fonts give private-use code points, broken spacing gives one
letter per word, and a scanner's invisible OCR layer is often Vietnamese without its marks.
Vietnamese writes one syllable per word from a closed set (`syllables`), so the share of
words that are real syllables measures a layer well: pages typed in Vietnamese measure
0.9 and more, garbage far less. Such pages are read with OCR instead.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from extractors.syllables import is_syllable

MIN_TOKENS = 8  # fewer words than this: too little to judge, the layer is kept
MAX_UNMAPPED = 0.03  # share of characters without a meaning (a few bullets are normal)
MIN_SYLLABLES = 0.55  # share of letter words that are Vietnamese syllables or acronyms
MAX_SINGLE_LETTERS = 0.45  # share of one-letter words (letters drawn one by one)
# A scanner's invisible OCR layer is kept only when it reads as well as our own OCR.
# Typed pages measure 0.99-1.00; poor scanner layers 0.92-0.96 (a name list whose layer lost
# a third of its marks measured 0.958): a misread at every twentieth word is not kept.
MIN_INVISIBLE_SYLLABLES = 0.98
MIN_INVISIBLE_MARKED = 0.2  # Vietnamese text has marks on about half of its words
MAX_ACRONYM = 8  # `UBND`, `GDĐT`, `THCS`: capitals only, this long at most

_UNMAPPED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ue000-\uf8ff]|\(cid:\d+\)")
_TOKEN = re.compile(r"[^\W\d_]+")
_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


@dataclass(frozen=True)
class LayerQuality:
    """Counts over one page's text layer; shares are 0..1."""

    chars: int = 0
    unmapped: int = 0
    tokens: int = 0  # runs of letters
    syllables: int = 0  # tokens that are syllables or acronyms
    single_letters: int = 0
    marked: int = 0  # tokens carrying a Vietnamese mark (or `đ`)

    @property
    def syllable_share(self) -> float:
        return self.syllables / self.tokens if self.tokens else 1.0

    @property
    def unmapped_share(self) -> float:
        return self.unmapped / self.chars if self.chars else 0.0

    @property
    def single_letter_share(self) -> float:
        return self.single_letters / self.tokens if self.tokens else 0.0

    @property
    def marked_share(self) -> float:
        return self.marked / self.tokens if self.tokens else 0.0

    def summary(self) -> str:
        return (
            f"{self.syllable_share:.0%} syllables, {self.unmapped_share:.0%} unmapped glyphs, "
            f"{self.single_letter_share:.0%} one-letter words"
        )


def measure(words: Iterable[str]) -> LayerQuality:
    """Count what the judgement needs over the page's words (as the layer gives them)."""
    chars = unmapped = tokens = syllables = singles = marked = 0
    for word in words:
        found = _UNMAPPED.findall(word)
        unmapped += len(found)
        chars += sum(1 for c in word if not c.isspace()) - sum(len(f) - 1 for f in found)
        for token in _TOKEN.findall(unicodedata.normalize("NFC", word)):
            tokens += 1
            if len(token) == 1:
                singles += 1
            good, has_marks = _token_kind(token)
            syllables += good
            marked += has_marks
    return LayerQuality(chars, unmapped, tokens, syllables, singles, marked)


def _acronym(token: str) -> bool:
    """`UBND`, `GDĐT`, `THCS`: short, capitals, plain letters (and Đ) only; `ÑAÛNG` (VNI
    mojibake) is no acronym."""
    return (
        len(token) <= MAX_ACRONYM
        and token.isupper()
        and all(c.isascii() or c == "Đ" for c in token)
    )


@lru_cache(maxsize=65536)
def _token_kind(token: str) -> tuple[bool, bool]:
    """(a syllable or an acronym, carries a Vietnamese mark): documents repeat their words,
    so each is judged once."""
    good = is_syllable(token) or _acronym(token)
    decomposed = unicodedata.normalize("NFD", token)
    return good, any(c in _MARKS for c in decomposed) or "đ" in token.lower()


def unreadable_reason(quality: LayerQuality, *, invisible: bool = False) -> str | None:
    """Why the layer cannot be trusted, or None when it reads as Vietnamese text.

    `invisible`: the layer is drawn invisibly over a page image (a scanner's OCR), which
    must read as well as our own OCR would, marks included, to be kept.
    """
    if quality.chars and quality.unmapped_share > MAX_UNMAPPED:
        return "unmapped glyphs"
    if quality.tokens < MIN_TOKENS:
        return None
    if quality.single_letter_share > MAX_SINGLE_LETTERS:
        return "one letter per word"
    if quality.syllable_share < MIN_SYLLABLES:
        return "not Vietnamese words"
    if invisible and (
        quality.syllable_share < MIN_INVISIBLE_SYLLABLES
        or quality.marked_share < MIN_INVISIBLE_MARKED
    ):
        return "poor OCR layer"
    return None
