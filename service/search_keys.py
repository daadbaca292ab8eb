"""Matching keys stored beside each award: its name folded and as typed, its unit and issuer.

Stored values keep their diacritics; these keys exist only to match. A name's folded key
(`nguyen thi dao`) finds it typed any way; its casefolded key (`nguyễn thị đào`) lets a
query typed with diacritics rank the exact spelling first. Units and issuers are printed
many ways (`Trường THPT Nguyễn Khuyến`, `THPT Nguyễn Khuyến`, `Trường Trung học phổ
thông Nguyễn Khuyến`); their key spells the common abbreviations out and drops the words
that say nothing (`trường`), so one school is one key, and `Sở Giáo dục Nam Định` finds
`Sở GD&ĐT tỉnh Nam Định` by its words.
"""

from __future__ import annotations

import re

from extractors.text_normalize import fold, nfc

_WORD = re.compile(r"\w+")

# Abbreviations archives print → their words (folded).
_ABBREVIATIONS = [
    ("thpt", "trung hoc pho thong"),
    ("thcs", "trung hoc co so"),
    ("ptdtnt", "pho thong dan toc noi tru"),
    ("ptdtbt", "pho thong dan toc ban tru"),
    ("gdtx", "giao duc thuong xuyen"),
    ("gddt", "giao duc va dao tao"),
    ("gd dt", "giao duc va dao tao"),
    ("gd va dt", "giao duc va dao tao"),
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("mn", "mam non"),
    ("tp", "thanh pho"),
]
_FILLER = {"truong"}


def words(text: str) -> list[str]:
    """Folded words: `Đ/c Nguyễn Thị Đào` → `['d', 'c', 'nguyen', 'thi', 'dao']`."""
    return _WORD.findall(fold(text))


def name_fold(name: str) -> str:
    """`Nguyễn  Thị Đào` → `nguyen thi dao`: the key every spelling of a name shares."""
    return " ".join(words(name))


def name_key(name: str) -> str:
    """`Nguyễn Thị ĐÀO` → `nguyễn thị đào`: case gone, diacritics kept, NFC."""
    return " ".join(_WORD.findall(nfc(name).casefold()))


def org_key(text: str) -> str:
    """A unit or issuer as one key: abbreviations spelled out, filler words dropped."""
    key = f" {' '.join(words(text))} "
    for short, long in _ABBREVIATIONS:
        key = key.replace(f" {short} ", f" {long} ")
    return " ".join(w for w in key.split() if w not in _FILLER)


def has_diacritics(text: str) -> bool:
    """Whether the user typed any mark (`Hương` yes, `Huong` no): only then rank by them."""
    return fold(text) != " ".join(nfc(text).lower().split())
