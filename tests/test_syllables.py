"""The Vietnamese syllable set: what post-OCR correction relies on to judge a word's marks."""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest

from extractors import syllables
from extractors.syllables import SYLLABLES, is_syllable, same_letters, strip_marks
from extractors.text_normalize import TONE_MARKS, clean_text, fold, normalize_tone_placement

REAL_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "domain" / "real-texts"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

_VIETNAMESE_LETTERS = set("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_WORD = re.compile(r"[^\W\d_]+")
# Markup and code around the real wording: HTML tags and entities, template variables,
# module paths, identifiers (the commented-out TypeScript record in file 02), addresses.
_MARKUP = re.compile(
    r"<[^>]*>|&\w+;|\$\w+|@\S+|\b\w*_\w*\b"
    r"|\S*(?:://|www\.|\.(?:vn|com|net|gov|org|html?|aspx?|php)\b)\S*"
)
_QUOTED = re.compile(r"'([^']*)'")

# Words of the real texts that are not Vietnamese syllables, each for a reason; they are
# left out of the coverage measure, and `test_known_non_syllables_are_rejected` checks that
# none of them is a syllable (so this list cannot hide a gap in the rules).
NOT_SYLLABLES = {
    "times",  # font name "Times New Roman" (16_qd01)
    "roman",
    "vietsovpetro",  # company name (01_vspgas)
    "chachacha",  # the dance, written as one word: "nhảy chachacha" (15_bacgiang)
    "phịng",  # PDF extraction noise for "phòng", noted in 11_sonla's header
    "date",  # the scraper's "date 2025-11-15" line (10_hue)
}


def _lines(path: Path) -> list[str]:
    """A file's text lines without the curator's notes (`# source:`, `[excerpt ends here]`).

    A commented-out code line (`// key : 'value'`) keeps only its quoted values.
    """
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith(("#", "[")):
            continue
        if line.startswith("//"):
            line = " ".join(_QUOTED.findall(line))
        out.append(clean_text(_MARKUP.sub(" ", line)))
    return out


def _vietnamese_words(paths: list[Path]) -> set[str]:
    """Distinct lowercase words written in Vietnamese letters, abbreviations left out."""
    words: set[str] = set()
    for path in paths:
        for line in _lines(path):
            for word in _WORD.findall(line):
                bare = fold(word)
                if not set(bare) <= _VIETNAMESE_LETTERS or not set(bare) & set("aeiouy"):
                    continue  # f j w z, foreign letters, or no vowel (UBND, QĐ, GDĐT)
                if word.isupper() and len(word) <= 6 and not is_syllable(word):
                    continue  # an abbreviation such as THPT, TTLĐXS
                words.add(word.lower())
    return words


def _coverage(words: set[str]) -> tuple[float, list[str]]:
    missing = sorted(w for w in words if not is_syllable(w))
    return 1 - len(missing) / len(words), missing


def test_real_texts_are_covered() -> None:
    if not REAL_TEXTS.is_dir():
        pytest.skip(f"real texts not present at {REAL_TEXTS}")
    paths = sorted(REAL_TEXTS.glob("*.txt"))
    assert len(paths) >= 10
    words = _vietnamese_words(paths) - NOT_SYLLABLES
    assert len(words) > 500
    share, missing = _coverage(words)
    assert share >= 0.995, f"{share:.4f} of {len(words)} words; not syllables: {missing}"


def test_samples_truth_is_covered() -> None:
    paths = sorted(SAMPLES.glob("*.truth.txt"))
    assert paths
    words = _vietnamese_words(paths)
    assert len(words) > 300
    share, missing = _coverage(words)
    assert share >= 0.995, f"{share:.4f} of {len(words)} words; not syllables: {missing}"


def test_known_non_syllables_are_rejected() -> None:
    assert not any(is_syllable(w) for w in NOT_SYLLABLES)


def test_caps_abbreviations_are_not_syllables() -> None:
    words = {"THPT", "UBND", "QĐ", "GDĐT", "TTLĐXS", "NGUYỄN", "ĐỊNH", "ĐẠO", "TỈNH"}
    assert {w for w in words if is_syllable(w)} == {"NGUYỄN", "ĐỊNH", "ĐẠO", "TỈNH"}


@pytest.mark.parametrize(
    "word",
    [
        "Nguyễn", "NGUYỄN", "nguyễn", "Nguyên", "thủy", "thuỷ", "hòa", "hoà", "khỏe", "khoẻ",
        "quyết", "quý", "quả", "quốc", "giữ", "gì", "gìn", "giếng", "giá", "nghiệp", "khuyến",
        "Đào", "trường", "người", "rượu", "khuỷu", "khuya", "ngoài", "xoáy", "hoạch",
        "huỳnh", "khuếch", "thuở", "tuân", "huế", "tuy", "lịnh", "tố", "yêu", "yên", "kỳ",
        "Mỹ", "pin", "được", "đượt", "ĐỊNH", "xoong", "Kạn",
    ],
)  # fmt: skip
def test_real_syllables_are_accepted(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("nguyễm", "m never follows uyê"),
        ("QUYT", "a stop coda needs sắc or nặng"),
        ("thàt", "huyền before the stop t"),
        ("đườt", "huyền before the stop t"),
        ("thach", "ngang before the stop ch"),
        ("ĐNH", "no vowel"),
        ("đ", "a consonant alone (the abbreviation of đồng)"),
        ("kăn", "k only before e ê i y"),
        ("ghà", "gh only before e ê i"),
        ("cê", "c never before e ê i"),
        ("ngiêng", "ng never before i"),
        ("ă", "ă needs a final consonant"),
        ("mâ", "â needs a final consonant"),
        ("têng", "ng never follows ê (it is ênh)"),
        ("phịng", "ng never follows i (PDF noise for phòng)"),
        ("boan", "no medial after b"),
        ("Nguyen1", "a digit is not a letter"),
        ("", "empty"),
        ("hòa-bình", "two syllables"),
    ],
)
def test_ocr_garbage_is_rejected(word: str, why: str) -> None:
    assert not is_syllable(word), why


def test_input_forms_are_equivalent() -> None:
    for word in ("Nguyễn", "thuỷ", "Hoà", "KHOẺ", "Trường"):
        nfd = unicodedata.normalize("NFD", word)
        assert nfd != word
        assert is_syllable(nfd)
        assert is_syllable(word.upper()) and is_syllable(word.lower())


def test_set_uses_one_tone_placement() -> None:
    assert all(normalize_tone_placement(s) == s for s in SYLLABLES)
    assert {"hòa", "thủy", "khỏe", "quý", "giá", "hoàn", "thuyền"} <= SYLLABLES
    assert not {"hoà", "thuỷ", "khoẻ", "qúy", "gía"} & SYLLABLES


def test_one_spelling_per_syllable_and_tone() -> None:
    """Two members differing only in where the tone sits would be one syllable twice."""
    seen: dict[tuple[str, str], str] = {}
    for s in SYLLABLES:
        nfd = unicodedata.normalize("NFD", s)
        tone = "".join(c for c in nfd if c in TONE_MARKS)
        key = (unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONE_MARKS)), tone)
        assert key not in seen, (s, seen[key])
        seen[key] = s


def test_set_is_lowercase_nfc() -> None:
    assert all(s == s.lower() and unicodedata.is_normalized("NFC", s) for s in SYLLABLES)


def test_set_size() -> None:
    assert 5_000 <= len(SYLLABLES) <= 20_000


def test_stops_take_only_sac_or_nang() -> None:
    stops = [s for s in SYLLABLES if strip_marks(s).endswith(("p", "t", "c", "ch"))]
    assert len(stops) > 1000
    tones = {c for s in stops for c in unicodedata.normalize("NFD", s) if c in "\u0300\u0303\u0309"}
    assert tones == set()
    assert all(any(c in "\u0301\u0323" for c in unicodedata.normalize("NFD", s)) for s in stops)


def test_build_is_fast() -> None:
    syllables._syllables.cache_clear()
    syllables._by_letters.cache_clear()
    start = time.perf_counter()
    same_letters("nguyen")
    assert time.perf_counter() - start < 1.0


def test_same_letters_gives_candidates_in_the_words_case() -> None:
    assert same_letters("Nguyen") == [
        "Nguyên", "Nguyến", "Nguyền", "Nguyển", "Nguyễn", "Nguyện",
    ]  # fmt: skip
    caps = same_letters("DINH")
    assert {"ĐỊNH", "ĐINH", "ĐÌNH"} <= set(caps)
    assert all(c.isupper() for c in caps)
    assert "Nguyễn" in same_letters("Nguyên")  # a wrong mark finds the right one


def test_same_letters_includes_the_word_and_is_sorted() -> None:
    found = same_letters("thưởng")
    assert "thưởng" in found and "thương" in found and "thuong" not in found
    assert found == sorted(found, key=str.lower)
    assert same_letters(unicodedata.normalize("NFD", "thưởng")) == found


def test_same_letters_without_candidates() -> None:
    assert same_letters("ĐNH") == []
    assert same_letters("NGUYEM") == []
    assert same_letters("hòa bình") == []
    # QUYT has no valid toneless form, but quýt (tangerine) and quỵt are real syllables.
    assert same_letters("QUYT") == ["QUÝT", "QUỴT"]


def test_strip_marks() -> None:
    assert strip_marks("Đặng Thị Ước") == "dang thi uoc"
    assert strip_marks("Nguyễn") == "nguyen"
    assert strip_marks("Đ") == "d"
    assert strip_marks(unicodedata.normalize("NFD", "ƯỚC")) == "uoc"
