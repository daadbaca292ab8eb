"""Decision numbers (`số ký hiệu`): `1234/QĐ-SGDĐT`, `212-QĐ/ĐU`, `924/2001/QĐ/CTN`.

Found after a `Số:` label (also OCR'd `Sô:`, `So:`, `S6:`) or in a citation
(`Quyết định số 123/QĐ-UBND ngày …`). Stray spaces around `/` and `-` are removed
(`1322/QĐ- UBND` → `1322/QĐ-UBND`); dots inside the symbol are kept (`1684/QĐ.UB`,
`51/QĐ-UBND.TĐKT`); letters are kept as read (`QD` stays `QD`), but not the marks OCR
puts on a symbol's capitals, which are written without them (`ĐŨ` → `ĐU`). A number left blank
for hand-writing (`Số:      /QĐ – THQC`) is no number: None.
"""

from __future__ import annotations

import re
import unicodedata

from extractors.text_normalize import fold_aligned, nfc

# A symbol segment: letters/digits/&, starting with a letter or digit (`QĐ`, `TTg`, `BGD&ĐT`).
_SEGMENT = r"[^\W_][\w&]*"
# Upper-case segment: may sit after a spaced separator (`QĐ- UBND`, `212 - QĐ/ĐU`).
_UPPER_SEGMENT = r"[0-9A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ&]+"
_DASH = "\\-\u2010\u2011\u2013\u2014"
_NUMBER = re.compile(
    rf"(?<![\w/])(?P<num>\d{{1,6}})(?:\s?\.(?=/))?"
    rf"(?P<rest>(?:(?:[/{_DASH}]|\.(?=\w))(?:{_SEGMENT})"
    rf"|\s*[/{_DASH}]\s*(?:{_UPPER_SEGMENT})(?![\w]))+)"
)
# Labels and citations that introduce a number, on folded text.
_LABEL = re.compile(r"(?:^|(?<=[\s(]))(?:so|s6)\b\s*[:.]?\s*(?:hieu\s*[:.]?\s*)?", re.MULTILINE)


def normalize_number(raw: str) -> str:
    """`1322/QĐ- UBND` → `1322/QĐ-UBND`; `212 - QĐ/ĐU` → `212-QĐ/ĐU`; `10./QĐ` → `10/QĐ`;
    `951-QĐ/ĐŨ` → `951-QĐ/ĐU` (symbols are written without marks: OCR added it)."""
    text = nfc(raw).strip()
    text = re.sub(f"[{_DASH}]", "-", text)
    text = re.sub(r"\s*([/-])\s*", r"\1", text)
    text = re.sub(r"^(\d+)\s?\.(?=/)", r"\1", text)
    return "".join(_unmarked_capital(c) for c in text)


def _unmarked_capital(letter: str) -> str:
    """A capital without its marks (`Ũ` → `U`); `Đ`, which symbols write, stays."""
    if not letter.isupper() or letter.isascii() or letter == "Đ":
        return letter
    base = unicodedata.normalize("NFD", letter)[0]
    return base if base.isascii() else letter


def symbol_looks_cut(number: str) -> bool:
    """`4519-Q`: a symbol ending in one letter was cut short (the rest of `QĐ/CB` wrapped
    or unread); no kind of document is written with one letter."""
    last = re.split(r"[/.-]", number)[-1]
    return len(last) == 1 and last.isalpha()


def _has_letter(rest: str) -> bool:
    return any(c.isalpha() for c in rest)


def find_number(text: str) -> str | None:
    """The decision number in a `Số:` line or a citation; None when blank or absent.

    A `Số:` label wins over numbers cited later in the same text; a label followed by a
    blank (`Số:   /QĐ-UBND`) means the document was never numbered, so None.
    """
    text = nfc(text)
    key = fold_aligned(text)
    for label in _LABEL.finditer(key):
        after = text[label.end() :]
        if re.match(rf"\s*[/{_DASH}]", after) or re.match(r"\s*\.{2,}|\s*…", after):
            return None  # `Số:      /QĐ – THQC`: left blank for hand-writing
        m = _NUMBER.match(after)
        if m and _has_letter(m.group("rest")):
            return normalize_number(m.group(0))
    for m in _NUMBER.finditer(text):
        if _has_letter(m.group("rest")) and not _looks_like_date(m.group(0)):
            return normalize_number(m.group(0))
    return None


def _looks_like_date(token: str) -> bool:
    return re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", token.replace(" ", "")) is not None


_BLANK_FILL = r"[\s._…]*"  # what a form leaves for the pen: spaces, dots, an ellipsis
_LEFT_BLANK = re.compile(rf"(?:^|(?<=[\s(]))(?:so|s6)\b\s*[:.]?{_BLANK_FILL}[/{_DASH}]")


def number_left_blank(line: str | None) -> bool:
    """`Số:      /QĐ-UBND`: the number was printed blank (nothing to read, nothing
    misread), unlike `Số: ^~x~/QĐ-UBND`, a number written by hand that OCR could not read."""
    return line is not None and _LEFT_BLANK.search(fold_aligned(nfc(line))) is not None
