"""Locate and register Liberation Serif (Times metrics, Vietnamese glyphs) with reportlab."""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_DIRS = [
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path.home() / ".local/share/fonts",
]

FACES = {
    "Serif": "LiberationSerif-Regular.ttf",
    "Serif-Bold": "LiberationSerif-Bold.ttf",
    "Serif-Italic": "LiberationSerif-Italic.ttf",
    "Serif-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}


def find_font(filename: str) -> Path:
    for d in FONT_DIRS:
        if d.is_dir():
            for p in sorted(d.rglob(filename)):
                return p
    raise FileNotFoundError(f"font {filename} not found (install fonts-liberation2)")


@cache
def font_paths() -> dict[str, Path]:
    return {face: find_font(fn) for face, fn in FACES.items()}


@cache
def register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, path in font_paths().items():
        pdfmetrics.registerFont(TTFont(face, str(path)))
    addMapping("Serif", 0, 0, "Serif")
    addMapping("Serif", 1, 0, "Serif-Bold")
    addMapping("Serif", 0, 1, "Serif-Italic")
    addMapping("Serif", 1, 1, "Serif-BoldItalic")


def face(bold: bool, italic: bool) -> str:
    if bold and italic:
        return "Serif-BoldItalic"
    if bold:
        return "Serif-Bold"
    if italic:
        return "Serif-Italic"
    return "Serif"
