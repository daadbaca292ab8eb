"""Spoil a PDF's text layer the ways old and badly made PDFs are spoilt, glyphs untouched.

The page still looks right; only the fonts' ToUnicode maps change, so a text extractor reads
what such files really give: legacy TCVN3/VNI code points, decomposed (NFD) letters, NUL
for every letter outside Latin-1 (a broken map), font codes (no map at all), or private-use
code points. Which of these a reader must replace by OCR is its own decision."""

import io
import re
import unicodedata
from collections.abc import Callable

import pikepdf

from samples.variants.legacy_encodings import encode

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{4,})>")


def _decode(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be")


def _encode(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode()


def _private(ch: str) -> str:
    return ch if ord(ch) < 0x80 else chr(0xE000 + ord(ch) % 0x1000)


def _broken(ch: str) -> str:
    return ch if ord(ch) < 0x100 else "\x00"


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "nfd": lambda ch: unicodedata.normalize("NFD", ch),
    "tcvn3": lambda ch: encode(ch, "tcvn3"),
    "vni": lambda ch: encode(ch, "vni"),
    "broken_tounicode": _broken,
    "private_use": _private,
}


def _rewrite(cmap: bytes, transform: Callable[[str], str]) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        text = _decode(match.group(2))
        if text == "\x00":
            return match.group(0)
        return b"<" + match.group(1) + b"> <" + _encode(transform(text)) + b">"

    return _BFCHAR.sub(one, cmap)


def spoil(pdf: bytes, layer: str) -> bytes:
    """`pdf` with its text layer spoilt as `layer` names (`unicode` leaves it as it is)."""
    if layer == "unicode":
        return pdf
    document = pikepdf.open(io.BytesIO(pdf))
    seen: set[tuple[int, int]] = set()
    for page in document.pages:
        fonts = page.Resources.get("/Font")
        if fonts is None:
            continue
        for _name, font in fonts.items():
            if font.objgen in seen or "/ToUnicode" not in font:
                continue
            seen.add(font.objgen)
            if layer == "no_tounicode":
                del font["/ToUnicode"]
                continue
            stream = font.ToUnicode
            stream.write(_rewrite(stream.read_bytes(), TRANSFORMS[layer]))
    out = io.BytesIO()
    document.save(out, deterministic_id=True)
    return out.getvalue()
