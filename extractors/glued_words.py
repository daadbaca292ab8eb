"""Words OCR glued together: `HÀTHỊTHANHGẤM` is `HÀ THỊ THANH GẤM`.

Tesseract often drops the narrow spaces between capitals, most of all in names printed in
capitals in award lists, and a glued name matches no one. Vietnamese is written one
syllable a word, so a word that is no syllable but splits wholly into syllables was
several words; so was an abbreviation glued to the name after it (`THCSLý`). Only words
in capitals (or `ThịQuỳnh`, capitals inside a word) are split:
lowercase runs are rarely glued and more often a foreign or misread word. Where a word
splits more than one way (`LANANH`: `LAN ANH` or `LA NANH`), the split whose syllables
are names (family, middle, given) wins, then the one with fewer pieces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from extractors.family_names import COMMON_FOLDED, is_family_name
from extractors.given_names import GIVEN_NAMES, MIDDLE_NAMES
from extractors.ocr_engine import OcrWord
from extractors.syllables import is_syllable
from extractors.text_normalize import fold, nfc, normalize_tone_placement

MAX_SYLLABLE = 7  # `nghiêng`, `nguyễn`: no syllable is longer
MIN_GLUED = 4  # letters: two syllables of two letters at the least


def _name_word(piece: str) -> bool:
    key = normalize_tone_placement(piece).lower()
    return key in GIVEN_NAMES or key in MIDDLE_NAMES or is_family_name(piece)


def _glued_shape(word: str) -> bool:
    if len(word) < MIN_GLUED or not word.isalpha():
        return False
    if word.isupper():
        return True
    # `ThịQuỳnh`: a capital after a small letter inside the word
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


def split_glued(word: str) -> list[str] | None:
    """The syllables of a glued word, or None when it is one word (or no split exists)."""
    text = nfc(word)
    after_acronym = _acronym_then_word(text)
    if after_acronym is not None:
        return after_acronym
    if not _glued_shape(text) or is_syllable(text):
        return None
    best = _best_split(text)
    return list(best) if best is not None and len(best) > 1 else None


def _acronym_then_word(text: str) -> list[str] | None:
    """`THCSLý` (`Trường TH&THCSLý Thường Kiệt`): an abbreviation in capitals glued to the
    capitalized syllable after it, split where the syllable starts."""
    for at in range(2, len(text) - 1):
        head, tail = text[:at], text[at:]
        if (
            tail[0].isupper()
            and tail[1:].islower()
            and head.isupper()
            and sum(c.isalpha() for c in head) >= 2
            and not is_syllable(head.replace("&", ""))
            and is_syllable(tail)
        ):
            return [head, tail]
    return None


@lru_cache(maxsize=4096)
def _best_split(text: str) -> tuple[str, ...] | None:
    # best[i]: (score, pieces) for text[:i]; score = (name syllables, -pieces)
    best: list[tuple[tuple[int, int], tuple[str, ...]] | None] = [None] * (len(text) + 1)
    best[0] = ((0, 0), ())
    capitals = text.isupper()
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - MAX_SYLLABLE), end):
            before = best[start]
            piece = text[start:end]
            if before is None or not is_syllable(piece):
                continue
            if not capitals and not piece[0].isupper():
                continue  # `ThịQuỳnh` splits before each capital
            (names, pieces), parts = before
            score = (names + _name_word(piece), pieces - 1)
            current = best[end]
            if current is None or score > current[0]:
                best[end] = (score, (*parts, piece))
    found = best[len(text)]
    return found[1] if found is not None else None


def unglue(words: Sequence[OcrWord]) -> list[OcrWord]:
    """OCR words with every glued word split in its syllables, each given its share of
    the box by its letters (the word's line, block and confidence kept)."""
    out: list[OcrWord] = []
    for word in words:
        core = word.text.strip(_EDGE_PUNCTUATION)
        pieces = split_glued(core) if core else None
        if pieces is None:
            out.append(word)
            continue
        lead = word.text[: word.text.index(core)]
        trail = word.text[len(lead) + len(core) :]
        x0, y0, x1, y1 = word.bbox
        per_letter = (x1 - x0) / len(core)
        at = 0
        for k, piece in enumerate(pieces):
            text = (lead if k == 0 else "") + piece + (trail if k == len(pieces) - 1 else "")
            left = x0 + round(at * per_letter)
            at += len(piece)
            right = x0 + round(at * per_letter)
            out.append(replace(word, text=text, bbox=(left, y0, max(right, left + 1), y1)))
    return out


_EDGE_PUNCTUATION = ".,;:()[]\"'“”‘’-–"


MAX_PIECES = 3  # `NGU Y ỄN`: a family name broken at its marks


def rejoin_family_names(words: Sequence[OcrWord]) -> list[OcrWord]:
    """A common family name OCR broke at its marks (`NGU YÊN THỊ`, `Ngu Y Ễn Thị`) made
    one word again: capitalized pieces on one line, close together, the first no common
    family name, that join into one and stand before a middle or given name."""
    out: list[OcrWord] = []
    index = 0
    while index < len(words):
        joined = _broken_family(words, index)
        if joined is None:
            out.append(words[index])
            index += 1
            continue
        pieces = words[index : index + joined]
        text = nfc("".join(w.text for w in pieces))
        text = text.upper() if pieces[0].text.isupper() else text[0] + text[1:].lower()
        box = (
            pieces[0].bbox[0],
            min(w.bbox[1] for w in pieces),
            pieces[-1].bbox[2],
            max(w.bbox[3] for w in pieces),
        )
        confidence = min(w.confidence for w in pieces)
        out.append(replace(pieces[0], text=text, bbox=box, confidence=confidence))
        index += joined
    return out


def _broken_family(words: Sequence[OcrWord], index: int) -> int | None:
    """How many words from `index` are one broken family name, or None."""
    first = words[index]
    if not first.text.isalpha() or not first.text[0].isupper() or fold(first.text) in COMMON_FOLDED:
        return None
    for count in range(2, MAX_PIECES + 1):
        if index + count >= len(words):
            return None
        pieces = words[index : index + count]
        following = words[index + count]
        if not all(_same_line(first, w) and w.text.isalpha() for w in pieces[1:]):
            return None
        if not _close(pieces):
            return None
        joined = nfc("".join(w.text for w in pieces))
        name = normalize_tone_placement(following.text.strip(_EDGE_PUNCTUATION)).lower()
        if (
            fold(joined) in COMMON_FOLDED
            and is_syllable(joined)
            and _same_line(first, following)
            and (name in MIDDLE_NAMES or name in GIVEN_NAMES)
        ):
            return count
    return None


def _same_line(first: OcrWord, other: OcrWord) -> bool:
    return (first.block, first.paragraph, first.line) == (other.block, other.paragraph, other.line)


def _close(pieces: Sequence[OcrWord]) -> bool:
    """Gaps no wider than the letters are high: pieces of one word, not words apart."""
    height = max(w.bbox[3] - w.bbox[1] for w in pieces)
    return all(b.bbox[0] - a.bbox[2] <= height for a, b in pairwise(pieces))
