"""Dates as Vietnamese documents print them, and the place-date line of a header.

`ngày 5 tháng 9 năm 2023`, `ngày 05/9/2023`, `11/01/2006`, `05-9-2023`, OCR without
accents (`ngay 5 thang 9 nam 2023`). A date with a blank day or month (`ngày   tháng 5
năm 2021`: signed but never filled in) is not a date: None, never a guess.
Matching runs on `fold_aligned` text so offsets point into the original.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.text_normalize import fold_aligned, nfc

_MIN_YEAR, _MAX_YEAR = 1900, 2100

# "ngày 5 tháng 9 năm 2023"; day and month may be blank (spaces, dots, underscores); OCR
# may put a speck between a word and its number (`tháng.5`).
_BLANK = r"[\s._…]*"
WORDY_DATE = re.compile(
    r"\bngay[\s.,:]*(?P<d>\d{1,2})?" + _BLANK + r"\s*thang[\s.,:]*(?P<m>\d{1,2})?" + _BLANK
    + r"\s*nam\b[\s.,:]*(?P<y>\d{4}(?!\d))?"
)  # fmt: skip
# "05/9/2023", "05-9-2023", "5.9.2023"; not a piece of "12/2019/QĐ" or "1/2/3/2020".
NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>\d{4})(?![\d/])"
)
_NGAY_NUMERIC = re.compile(r"\bngay\s*" + NUMERIC_DATE.pattern[len(r"(?<![\d/.-])") :])


def _make(day: str | None, month: str | None, year: str | None) -> dt.date | None:
    if not (day and month and year):
        return None
    y = int(year)
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    try:
        return dt.date(y, int(month), int(day))
    except ValueError:
        return None


def iter_dates(text: str) -> list[tuple[int, int, dt.date | None]]:
    """Every date-shaped span in `text` as (start, end, date or None when blank/invalid)."""
    key = fold_aligned(nfc(text))
    found: list[tuple[int, int, dt.date | None]] = []
    for m in WORDY_DATE.finditer(key):
        if m.group("y") or m.group("d") or m.group("m"):
            found.append((m.start(), m.end(), _make(m.group("d"), m.group("m"), m.group("y"))))
    for m in NUMERIC_DATE.finditer(key):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        found.append((m.start(), m.end(), _make(m.group("d"), m.group("m"), m.group("y"))))
    return sorted(found, key=lambda item: item[0])


def parse_date(text: str) -> dt.date | None:
    """The first date printed in `text`; None when it is blank, impossible (31/2) or absent."""
    for _, _, date in iter_dates(text):
        if date is not None:
            return date
    return None


# A place is a run of capitalized words (`Nam Định`, `TP. Hồ Chí Minh`, `Thị Trấn
# Nghèn`, `Bà Rịa - Vũng Tàu`) right before ", ngày".
_CITY_PREFIXES = {"TP.", "TP", "Tp.", "Tp", "T.P.", "T.P"}
_MOTTO_TAIL = re.compile(r"(?i)^.*h\S*nh\s+ph\S*c\s*")


def _is_place_word(word: str) -> bool:
    return word in _CITY_PREFIXES or word == "-" or (word[0].isupper() and word[0].isalpha())


def _is_caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and word not in _CITY_PREFIXES


def find_place_date(text: str) -> tuple[str | None, dt.date | None] | None:
    """(place, date) from a place-date line: `Nam Định, ngày 22 tháng 5 năm 2025`.

    A blank day gives (place, None); a date at the start of a line with no place gives
    (None, date). None when `text` holds no place-date phrase (a `Căn cứ … ngày …` citation
    has no comma before `ngày` and no place).
    """
    text = nfc(text)
    key = fold_aligned(text)
    for m in re.finditer(r"\bngay\b", key):
        tail = key[m.start() :]
        wordy = WORDY_DATE.match(tail)
        numeric = _NGAY_NUMERIC.match(tail)
        if wordy is None and numeric is None:
            continue
        if numeric is not None:
            date = _make(numeric.group("d"), numeric.group("m"), numeric.group("y"))
        elif wordy is not None:
            date = _make(wordy.group("d"), wordy.group("m"), wordy.group("y"))
        else:
            continue
        head = text[: m.start()]
        line_start = head.rfind("\n") + 1
        before = head[line_start:].rstrip()
        if not before:
            return (None, date) if date else None
        if not before.endswith(","):
            continue
        place = _place_before(before[:-1])
        if place:
            return place, date
    return None


def _place_before(head: str) -> str | None:
    words = head.split()
    taken: list[str] = []
    for word in reversed(words):
        if not _is_place_word(word) or len(taken) >= 8:
            break
        taken.append(word)
    taken.reverse()
    # Interleaved header columns: `… VIỆT NAM Hà Nội` — capitals before a proper-case place.
    if any(not _is_caps_word(w) for w in taken):
        while taken and _is_caps_word(taken[0]):
            taken.pop(0)
    while taken and taken[0] == "-":
        taken.pop(0)
    if not taken:
        return None
    place = _MOTTO_TAIL.sub("", " ".join(taken)).strip(" -")
    return place or None


_DAY_LEFT_BLANK = re.compile(r"\bngay[\s._…]*thang\b")


def day_left_blank(line: str | None) -> bool:
    """`ngày     tháng 5 năm 2021`: the day was printed blank, unlike `ngày ^¬~ tháng`,
    a day written by hand that OCR could not read."""
    return line is not None and _DAY_LEFT_BLANK.search(fold_aligned(nfc(line))) is not None
