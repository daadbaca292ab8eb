"""Names near a typed name: the same folded words, or the same with an OCR slip or two.

A scanned `Nguyễn Văn Thịnh` may be stored as `Nguyễn Văn Tliịnh`. Each query word is
widened to the name words the archive holds within one or two edits (two only for long
words), the names holding a widened word in every slot are read from the name
dictionary, and each is kept when its words, in order, differ from the query's by at
most the name's budget: none for a name of four letters or fewer, one up to nine,
two beyond. A word that is replaced by another real syllable (`Xuân` → `Tuấn`) is a
different name, not a misreading, and does not match.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from sqlalchemy.orm import Session

from extractors.syllables import same_letters
from service import lexicon

MAX_NAMES = 2000


@dataclass(frozen=True)
class NameCandidate:
    key: str
    distance: int
    awards: int


def budget(words: list[str]) -> int:
    """Edits a name of these words may differ by and still be the same name."""
    letters = sum(len(w) for w in words)
    return 0 if letters <= 4 else 1 if letters <= 9 else 2


def _word_budget(word: str) -> int:
    return 0 if len(word) <= 2 else 1 if len(word) <= 4 else 2


@lru_cache(maxsize=65536)
def _real(word: str) -> bool:
    return bool(same_letters(word))


def _word_cost(typed: str, stored: str) -> int | None:
    """Edits between two words, or None when both are real syllables (another name)."""
    if typed == stored:
        return 0
    if _real(typed) and _real(stored):
        return None
    return int(Levenshtein.distance(typed, stored))


def _alignment_cost(typed: list[str], stored: list[str], allowed: int) -> int | None:
    """Least edits of `typed` against a run of `stored`'s words in order, within `allowed`."""
    best: int | None = None
    for start in range(len(stored) - len(typed) + 1):
        total = 0
        for t, s in zip(typed, stored[start : start + len(typed)], strict=True):
            cost = _word_cost(t, s)
            if cost is None or cost > _word_budget(t):
                break
            total += cost
            if total > allowed:
                break
        else:
            if best is None or total < best:
                best = total
    return best


def name_distance(typed: list[str], stored: list[str]) -> int | None:
    """Edits between two names, or None when they are not one name misread."""
    return _alignment_cost(typed, stored, budget(typed))


class _Vocabulary:
    """Name words, read again only when the archive has learned new ones."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version = -1
        self._words: list[str] = []

    def words(self, session: Session) -> list[str]:
        version = lexicon.name_word_version(session)
        with self._lock:
            if version != self._version:
                self._words = lexicon.name_words(session)
                self._version = version
            return self._words


_VOCABULARY = _Vocabulary()


def _neighbours(word: str, vocabulary: list[str], allowed: int) -> list[str]:
    reach = min(_word_budget(word), allowed)
    if reach == 0:
        return [word]
    found = process.extract(
        word, vocabulary, scorer=Levenshtein.distance, score_cutoff=reach, limit=None
    )
    near = {choice for choice, _, _ in found if _word_cost(word, choice) is not None}
    return sorted(near | {word})


def near_names(session: Session, words: list[str], fuzzy: bool = True) -> list[NameCandidate]:
    """Names matching the typed words (folded), closest first, then most awarded."""
    if not words:
        return []
    allowed = budget(words) if fuzzy else 0
    vocabulary = _VOCABULARY.words(session) if allowed else []
    slots = [_neighbours(w, vocabulary, allowed) for w in words]
    found: list[NameCandidate] = []
    for key, count in lexicon.names_with_words(session, slots, MAX_NAMES * 4):
        cost = _alignment_cost(words, key.split(), allowed)
        if cost is not None:
            found.append(NameCandidate(key, cost, count))
    found.sort(key=lambda c: (c.distance, -c.awards, c.key))
    return found[:MAX_NAMES]
