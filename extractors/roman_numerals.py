"""A school's roman numeral as OCR misreads it: `Nghiên Loan ll`, `lÏ`, `1I`, even `H`.

Schools that share a commune's name are told apart by a numeral (`Trường THCS Nghiên
Loan II`); Tesseract reads the two strokes as `l`, `Ï`, `1` or, touching, as `H`. Left
so, the unit and the issuer match no other record of the same school. Only after a
capitalized name, and `H` only inside an organization's name, is a numeral read.
"""

from __future__ import annotations

import re

from extractors.text_normalize import fold

_STROKES = re.compile(r"^([lI1ÏÌíì|]{2,3})([,.;:)]?)$")
_TOUCHING = re.compile(r"^(H)([,.;:)]?)$")
# Words that open an organization's name: a numeral after its proper name is its own.
_OPENERS = "truong thcs thpt th mn mg ptdtbt ptdtnt tieu mam pho trung cum to doi"
_ORGANIZATION = frozenset(_OPENERS.split())


def _proper(word: str) -> bool:
    core = word.strip(",.;:()")
    return len(core) > 1 and core.isalpha() and core[0].isupper()


def read_roman_numerals(tokens: list[str]) -> list[str]:
    """The line's words with misread numerals after a proper name written `II`/`III`."""
    out = list(tokens)
    for index, token in enumerate(tokens):
        if index == 0 or not _proper(tokens[index - 1]):
            continue
        strokes = _STROKES.match(token)
        if strokes and strokes.group(1) not in ("II", "III"):
            out[index] = "I" * len(strokes.group(1)) + strokes.group(2)
            continue
        touching = _TOUCHING.match(token)
        if touching and index >= 2 and _proper(tokens[index - 2]):
            opened = any(fold(t).strip(",.;:&") in _ORGANIZATION for t in tokens[: index - 2])
            if opened:
                out[index] = "II" + touching.group(2)
    return out


def is_numeral_reading(raw: str, text: str) -> bool:
    """Whether `text` is the numeral `read_roman_numerals` made of OCR's `raw`."""
    strokes = _STROKES.match(raw)
    if strokes and text == "I" * len(strokes.group(1)) + strokes.group(2):
        return True
    touching = _TOUCHING.match(raw)
    return touching is not None and text == "II" + touching.group(2)
