"""The legacy Vietnamese encodings old PDFs carry in their text layer: TCVN3 (ABC) and VNI.

Each maps one Unicode letter to the code points a legacy font's text reads as: TCVN3 one
byte per letter (capitals with a tone mark come from the `.VnTimeH` face, whose codes are
the lowercase ones: `PHÒNG` reads `PHßNG`), VNI a base letter then mark bytes (`Việt` reads
`Vieät`)."""

import unicodedata

_TONES = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # huyền hỏi ngã sắc nặng
_TCVN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_PLAIN = {
    "ă": 0xA8,
    "â": 0xA9,
    "ê": 0xAA,
    "ô": 0xAB,
    "ơ": 0xAC,
    "ư": 0xAD,
    "đ": 0xAE,
    "Ă": 0xA1,
    "Â": 0xA2,
    "Ê": 0xA3,
    "Ô": 0xA4,
    "Ơ": 0xA5,
    "Ư": 0xA6,
    "Đ": 0xA7,
}

_VNI_TONE = ("\u00f8", "\u00fb", "\u00f5", "\u00f9", "\u00ef")  # ø û õ ù ï
_VNI_CIRC_TONE = ("\u00e0", "\u00e5", "\u00e3", "\u00e1", "\u00e4")  # à å ã á ä
_VNI_BREVE_TONE = ("\u00e8", "\u00fa", "\u00fc", "\u00e9", "\u00eb")  # è ú ü é ë
_VNI_I_TONE = ("\u00ec", "\u00e6", "\u00f3", "\u00ed", "\u00f2")  # ì æ ó í ò


def _split(ch: str) -> tuple[str, int | None]:
    """A letter as (base with its vowel mark, tone index or None)."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = None
    kept = ""
    for part in decomposed:
        if part in _TONES:
            tone = _TONES.index(part)
        else:
            kept += part
    return unicodedata.normalize("NFC", kept), tone


def tcvn3(ch: str) -> str:
    base, tone = _split(ch)
    lower = base.lower()
    if tone is None:
        code = _TCVN3_PLAIN.get(base)
        return chr(code) if code else ch
    codes = _TCVN3_TONED.get(lower)
    return chr(codes[tone]) if codes else ch


def vni(ch: str) -> str:
    base, tone = _split(ch)
    upper = base.isupper()
    lower = base.lower()

    def case(text: str) -> str:
        return text.upper() if upper else text

    if lower == "đ":
        return case("\u00f1")
    if lower in ("â", "ê", "ô"):
        plain = {"â": "a", "ê": "e", "ô": "o"}[lower]
        return case(plain + ("\u00e2" if tone is None else _VNI_CIRC_TONE[tone]))
    if lower == "ă":
        return case("a" + ("\u00ea" if tone is None else _VNI_BREVE_TONE[tone]))
    if lower in ("ơ", "ư"):
        letter = {"ơ": "\u00f4", "ư": "\u00f6"}[lower]
        return case(letter + ("" if tone is None else _VNI_TONE[tone]))
    if tone is None:
        return ch
    if lower == "i":
        return case(_VNI_I_TONE[tone])
    return case(lower + _VNI_TONE[tone])


def encode(text: str, encoding: str) -> str:
    """`text` as a legacy font's text layer reads it."""
    convert = tcvn3 if encoding == "tcvn3" else vni
    return "".join(convert(ch) for ch in unicodedata.normalize("NFC", text))
