"""Locate and register Liberation Serif (Times metrics, Vietnamese glyphs) with reportlab.

Old typewritten decisions use a monospaced face: Liberation Mono (Courier metrics), or DejaVu
Sans Mono where fonts-liberation2 is missing; both carry the Vietnamese glyphs.
"""

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

# typewriter: family "Mono"; a typewriter has no italics, so italic maps to upright
MONO_FACES = {
    "Mono": ("LiberationMono-Regular.ttf", "DejaVuSansMono.ttf"),
    "Mono-Bold": ("LiberationMono-Bold.ttf", "DejaVuSansMono-Bold.ttf"),
}


def find_font(filename: str) -> Path:
    """The font file; Liberation 2 first, because Debian's older `fonts-liberation` (which
    Chromium pulls in) has files of the same names without the Vietnamese letters."""
    for d in FONT_DIRS:
        if d.is_dir():
            for p in sorted(d.rglob(filename), key=lambda p: ("liberation2" not in str(p), p)):
                return p
    raise FileNotFoundError(f"font {filename} not found (install fonts-liberation2)")


@cache
def font_paths() -> dict[str, Path]:
    return {face: find_font(fn) for face, fn in FACES.items()}


def _first_font(filenames: tuple[str, ...]) -> Path:
    for fn in filenames[:-1]:
        try:
            return find_font(fn)
        except FileNotFoundError:
            continue
    return find_font(filenames[-1])


@cache
def mono_paths() -> dict[str, Path]:
    return {face: _first_font(fns) for face, fns in MONO_FACES.items()}


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


@cache
def register_mono() -> None:
    """Registered apart from the serif faces: only typewritten samples need (and embed) them."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face, path in mono_paths().items():
        pdfmetrics.registerFont(TTFont(face, str(path)))
    addMapping("Mono", 0, 0, "Mono")
    addMapping("Mono", 1, 0, "Mono-Bold")
    addMapping("Mono", 0, 1, "Mono")
    addMapping("Mono", 1, 1, "Mono-Bold")


def face(bold: bool, italic: bool, family: str = "Serif") -> str:
    if family == "Mono":
        return "Mono-Bold" if bold else "Mono"
    if bold and italic:
        return "Serif-BoldItalic"
    if bold:
        return "Serif-Bold"
    if italic:
        return "Serif-Italic"
    return "Serif"
