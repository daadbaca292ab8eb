"""Misreadings of names that OCR makes and records must not keep: a family name broken at
its marks, a school's roman numeral read as letters."""

from extractors.glued_words import rejoin_family_names
from extractors.ocr_engine import OcrWord
from extractors.ocr_pages import _repaired_texts
from extractors.roman_numerals import read_roman_numerals


def _line(*texts: str, gap: int = 12) -> list[OcrWord]:
    words, x = [], 0
    for text in texts:
        width = 22 * len(text)
        words.append(OcrWord(text, (x, 0, x + width, 30), 0.9, line=1))
        x += width + gap
    return words


def _read(words: list[OcrWord]) -> list[str]:
    joined = rejoin_family_names(words)
    return _repaired_texts(joined)


def test_nguyen_broken_in_two_or_three_pieces_is_one_name_again() -> None:
    assert _read(_line("1", "NGU", "YÊN", "THỊ", "THANH", "XUÂN")) == [
        "1",
        "NGUYỄN",
        "THỊ",
        "THANH",
        "XUÂN",
    ]
    assert _read(_line("Ngu", "Y", "Ễn", "Thị", "Thanh", "Xuân"))[:2] == ["Nguyễn", "Thị"]


def test_words_that_are_words_stay_apart() -> None:
    for words in (
        _line("Trường", "Lê", "Văn", "Tám"),  # a school named after someone
        _line("Ngu", "Yên", "huyện"),  # no name follows
        _line("NGU", "YÊN", "THỊ", gap=80),  # too far apart to be one word
    ):
        assert [w.text for w in rejoin_family_names(words)] == [w.text for w in words]


def test_a_schools_numeral_misread_as_letters_is_a_numeral_again() -> None:
    for read in ("Trường THCS Nghiên Loan ll", "Trường THPT Nghiên Loan lÏ,", "Trường THCS Yên H"):
        numeral = read_roman_numerals(read.split())[-1]
        assert numeral.rstrip(",") == "II"
    assert _read(_line("Trường", "THCS", "Nghiên", "Loan", "1I"))[-1] == "II"


def test_letters_that_are_no_numeral_stay() -> None:
    for text in ("Nguyễn Văn H", "ll Trường", "Lớp 5 ll", "Trường THCS Nghiên Loan II"):
        assert read_roman_numerals(text.split()) == text.split()
