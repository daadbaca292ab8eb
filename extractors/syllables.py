"""The closed set of Vietnamese syllables, built from spelling rules, for post-OCR correction.

Tesseract's `vie` model often gets a word's letters right but its marks wrong (`thàt`,
`QUYET`, `ĐINH` for `thật`, `QUYẾT`, `ĐỊNH`). Vietnamese writes one syllable per word and
its syllables form a closed set, so a word outside the set is an OCR error, and the real
syllables with the same bare letters (`same_letters`) are the candidates for fixing it.

The set is generated, not copied from a word list: onset x rhyme x tone, kept only when the
spelling rules allow it (`c/k`, `g/gh`, `ng/ngh` before front vowels, `qu`, `gi`, medial
`o`/`u`, which codas follow which nuclei, stops `p t c ch` taking only sắc or nặng), plus a
short list of loan syllables found in real texts. It over-generates a little (it holds
possible syllables nobody uses) but misses almost nothing real. Built once, on first use,
in about 0.1 s: 15,313 syllables (lowercase, NFC, traditional tone placement as in
`text_normalize.normalize_tone_placement`: `hòa`, `thủy`, `khỏe`, `quý`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from extractors.text_normalize import fold, nfc, normalize_tone_placement

# --- spelling rules -------------------------------------------------------------------

# Combining tone marks: ngang (none), huyền, sắc, hỏi, ngã, nặng.
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_STOP_TONES = ("\u0301", "\u0323")  # a syllable ending in p, t, c, ch is sắc or nặng
_STOPS = ("p", "t", "c", "ch")
_MODIFIED = set("ăâêôơư")  # vowels carrying a circumflex, breve or horn
_VOWEL_LETTERS = set("aăâeêioôơuưy")

_ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
    "ngh", "nh", "ph", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip
# Onsets that take a medial /w/ (`hoa`, `tuấn`, `nguyên`); labials never do, and after
# /k/ the medial is spelled `qu`, handled on its own.
_MEDIAL_ONSETS = (
    "", "ch", "d", "đ", "g", "h", "kh", "l", "n", "ng", "nh", "r", "s", "t", "th", "tr", "x",
)  # fmt: skip
# Open `i` spelled `y` (`ý`, `kỳ`, `lý`, `Mỹ`, `sỹ`, `tỷ`, `Thy`, `Vy`), as many texts do.
_Y_ONSETS = ("", "h", "k", "l", "m", "n", "s", "t", "th", "v")

# Nucleus -> codas it takes (glides `i y o u` included). A nucleus is a vowel or a
# diphthong; `iê`, `uô`, `ươ` are written `ia`, `ua`, `ưa` when open.
_CODAS: dict[str, tuple[str, ...]] = {
    "a": ("", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"),
    "ă": ("c", "m", "n", "ng", "p", "t"),  # ă and â never end a syllable
    "â": ("c", "m", "n", "ng", "p", "t", "u", "y"),
    "e": ("", "c", "m", "n", "ng", "p", "t", "o"),
    "ê": ("", "ch", "m", "n", "nh", "p", "t", "u"),
    "i": ("", "ch", "m", "n", "nh", "p", "t", "u"),
    "o": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ô": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ơ": ("", "m", "n", "p", "t", "i"),
    "u": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ư": ("", "c", "m", "n", "ng", "t", "i", "u"),
    "iê": ("", "c", "m", "n", "ng", "p", "t", "u"),
    "uô": ("", "c", "m", "n", "ng", "t", "i"),
    "ươ": ("", "c", "m", "n", "ng", "p", "t", "i", "u"),
}
# Nucleus after the medial /w/ -> (written medial + nucleus, codas). The medial is `o`
# before a, ă, e and `u` before â, ê, ơ, i (spelled y) and iê (spelled yê, open ya).
_MEDIAL_RHYMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "a": ("oa", ("", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y")),
    "ă": ("oă", ("c", "m", "n", "ng", "t")),
    "â": ("uâ", ("n", "ng", "t", "y")),
    "e": ("oe", ("", "n", "t", "o")),
    "ê": ("uê", ("", "ch", "n", "nh", "t")),
    "ơ": ("uơ", ("",)),
    "i": ("uy", ("", "ch", "n", "nh", "p", "t", "u")),
    "iê": ("uyê", ("n", "t")),
}
# Loan and rare syllables the rules above leave out, written bare (tones are added).
_EXTRA_RHYMES = {
    "p": ("a", "e", "ê", "i", "o", "ô", "ơ", "u", "in", "ông"),  # `pin`, `pa-nô`, `pông`
    "qu": ("ôc",),  # `quốc`: q + the rhyme uôc
}
_OPEN_SPELLING = {"iê": "ia", "uô": "ua", "ươ": "ưa"}
# Spelled-out words the rules cannot make: French loans with `oo` and place names from
# minority languages (`Bắc Kạn`, `Kon Tum`, `Pác Nặm`, `Đắk Lắk`, also spelled `Đăk Lăk`).
_EXTRA_WORDS = (
    "boong", "xoong", "soóc", "moóc",
    "kạn", "kon", "pác", "đắk", "lắk", "đăk", "lăk",
)  # fmt: skip


def _onset_allows(onset: str, rhyme: str) -> bool:
    """Spelling of /k/, /ɣ/, /ŋ/: `k gh ngh` only before e ê i, `c g ng` never there."""
    front = rhyme[0] in "eêi"
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "g", "ng"):
        return not front
    return True


def _written(onset: str, rhyme: str) -> str:
    """Join onset and rhyme; `gi` + a rhyme starting with `i` drops one i (`gì`, `giếng`)."""
    if onset == "gi" and rhyme.startswith("i"):
        return "g" + rhyme
    return onset + rhyme


def _place_tone(onset: str, rhyme: str, tone: str) -> str:
    """Put the tone on the rhyme's vowel as traditional spelling does (`hòa`, `thủy`).

    A vowel with a circumflex, breve or horn takes it (the last one: `ươ` -> ơ); else,
    before a final consonant, the last vowel; else the middle of three or the first of
    two. The `u` of `qu` and the `i` of `gi` belong to the onset (`quý`, `giá`).
    """
    word = _written(onset, rhyme)
    if not tone:
        return word
    start = len(word) - len(rhyme)
    vowels = [i for i in range(start, len(word)) if word[i] in _VOWEL_LETTERS]
    modified = [i for i in vowels if word[i] in _MODIFIED]
    if modified:
        at = modified[-1]
    elif vowels[-1] < len(word) - 1:  # a final consonant follows the vowels
        at = vowels[-1]
    elif len(vowels) == 3:
        at = vowels[1]
    else:
        at = vowels[0]
    return word[:at] + nfc(word[at] + tone) + word[at + 1 :]


def _coda_of(rhyme: str) -> str:
    for coda in ("ch", "ng", "nh", "c", "m", "n", "p", "t"):
        if rhyme.endswith(coda):
            return coda
    return ""


def _bare() -> set[tuple[str, str]]:
    """(onset, rhyme) pairs the rules allow, before tones; `qu`'s u is in the onset."""
    bare: set[tuple[str, str]] = set()
    for nucleus, codas in _CODAS.items():
        for coda in codas:
            rhyme = nucleus + coda
            if not coda and nucleus in _OPEN_SPELLING:
                rhyme = _OPEN_SPELLING[nucleus]  # `mía`, `mua`, `mưa`
            for onset in _ONSETS:
                if not _onset_allows(onset, rhyme) or (onset == "gi" and rhyme in ("ia", "iu")):
                    continue  # gi + ia, iu would be spelled gia, giu: that is gi + a, u
                if onset == "" and rhyme.startswith("iê"):
                    bare.add(("", "y" + rhyme[1:]))  # `yên`, `yêu`, `yết`
                else:
                    bare.add((onset, rhyme))
    bare.update((onset, "y") for onset in _Y_ONSETS)
    medial_rhymes = [
        (spelled + coda) for spelled, codas in _MEDIAL_RHYMES.values() for coda in codas
    ]
    medial_rhymes.append("uya")  # `khuya`: medial + open iê
    for rhyme in medial_rhymes:
        bare.update((onset, rhyme) for onset in _MEDIAL_ONSETS)
        if rhyme not in ("uya", "uyu"):
            bare.add(("qu", rhyme[1:]))  # after q the medial is always u: qua, que, quy, quyết
    for onset, rhymes in _EXTRA_RHYMES.items():
        bare.update((onset, rhyme) for rhyme in rhymes)
    return bare


def _generate() -> set[str]:
    out: set[str] = set()
    for onset, rhyme in _bare():
        tones = _STOP_TONES if _coda_of(rhyme) in _STOPS else _TONES
        for tone in tones:
            word = _place_tone(onset, rhyme, tone)
            if rhyme.endswith(("oa", "oe", "uy")):  # the only words the convention touches
                word = normalize_tone_placement(word)
            out.add(word)
    out.update(_EXTRA_WORDS)
    return out


# --- public API -----------------------------------------------------------------------


@cache
def _syllables() -> frozenset[str]:
    return frozenset(_generate())


@cache
def _by_letters() -> dict[str, tuple[str, ...]]:
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for syllable in _syllables():
        groups[strip_marks(syllable)].append(syllable)
    return {key: tuple(sorted(group)) for key, group in groups.items()}


def __getattr__(name: str) -> frozenset[str]:
    """`SYLLABLES` is built on first use, so importing the module costs nothing."""
    if name == "SYLLABLES":
        return _syllables()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


SYLLABLES: frozenset[str]  # provided by `__getattr__`

_LETTERS = re.compile(r"[^\W\d_]+")


def _key(word: str) -> str | None:
    """The lowercase NFC form in the set's tone placement, or None for a non-letter."""
    text = nfc(word)
    if not _LETTERS.fullmatch(text):
        return None
    return nfc(normalize_tone_placement(text).lower())


def is_syllable(word: str) -> bool:
    """True when `word` is a Vietnamese syllable: any case, NFC or NFD, either tone placement."""
    key = _key(word)
    return key is not None and key in _syllables()


def strip_marks(word: str) -> str:
    """Lowercase key without any mark (`Nguyễn` -> `nguyen`, `Đ` -> `d`): what OCR keeps."""
    return fold(word)


def _with_case(syllable: str, pattern: str) -> str:
    """`syllable` in the case of `pattern` letter by letter (both NFC, same length)."""
    if len(syllable) != len(pattern):
        return syllable.upper() if pattern.isupper() else syllable
    return "".join(c.upper() if p.isupper() else c for c, p in zip(syllable, pattern, strict=True))


def same_letters(word: str) -> list[str]:
    """Every syllable with `word`'s bare letters, in `word`'s case: candidates for its marks."""
    text = nfc(word)
    if not _LETTERS.fullmatch(text):
        return []
    found = _by_letters().get(strip_marks(text), ())
    return [_with_case(syllable, text) for syllable in found]
