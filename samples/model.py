"""Structured descriptions of sample documents and the layout blocks rendered from them.

A sample is built from one description (`DecisionSpec` or `CertSpec`). The renderers draw the
layout blocks (`Block`) made from it, and the ground truth (`truth.json`, `truth.txt`) is made
from the same description and the same blocks, so rendering and truth cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from schemas import AwardCode, IssuerLevel

Fmt = Literal[
    "textpdf",
    "docx",
    "scan_light",
    "scan_heavy",
    "photo",
    "photo_pdf",  # each page photographed, the photos bound in an image-only PDF
    "scanjpg_light",
    "scanjpg_heavy",
]
Align = Literal["left", "center", "right", "justify"]
Layout = Literal["grid4", "combined", "gridless", "danhhieu", "sotien", "numbered"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def vn_date_words(d: dt.date) -> str:
    """`ngày 22 tháng 5 năm 2024` (day zero-padded below 10, as on most decisions)."""
    return f"ngày {d.day:02d} tháng {d.month} năm {d.year}"


def vn_date_short(d: dt.date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


def money(amount: int) -> str:
    """1490000 -> `1.490.000`."""
    return f"{amount:,}".replace(",", ".")


# ----------------------------------------------------------------------------- recipients


@dataclass(frozen=True)
class Person:
    name: str
    honorific: str | None = None
    position: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Group:
    name: str
    unit: str | None = None


Who = Person | Group


@dataclass(frozen=True)
class Grant:
    """One recipient of one award in a document."""

    who: Who
    code: AwardCode
    award_text: str
    reason: str | None
    period: str | None
    amount: int | None = None
    row_award: str | None = None  # printed in a `Danh hiệu` / `Đạt giải` column


# ----------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Issuer:
    header: tuple[str, ...]  # printed header lines, top left (one or two)
    name: str
    parent: str | None
    level: IssuerLevel


@dataclass(frozen=True)
class SignerSpec:
    name: str
    title: str  # usual case, e.g. `Phó Giám đốc`
    authority: str | None = None  # e.g. `KT. GIÁM ĐỐC`
    caps_name: bool = False  # the name printed in capitals under the signature

    @property
    def lines(self) -> list[str]:
        out = [self.authority] if self.authority else []
        return [*out, self.title.upper()]

    @property
    def printed_name(self) -> str:
        return self.name.upper() if self.caps_name else self.name


@dataclass
class ListSpec:
    layout: Layout
    title: list[str]  # `DANH SÁCH` and the line(s) under it
    caps_names: bool = False
    rows_per_page: int = 40  # individual rows on the first list page
    rows_next_pages: int = 40
    honorific_in_name: bool = False  # `Bà Nguyễn Thị Hoa` in the name column


@dataclass
class DecisionSpec:
    stem: str
    fmt: Fmt
    issuer: Issuer
    number: str  # as printed after `Số:`
    date: dt.date
    place: str
    subject: list[str]  # printed subject lines
    authority: str  # the authority line under the subject
    bases: list[str]  # `Căn cứ …;` and `Xét đề nghị …` lines
    article1: str  # Điều 1 text (without `Điều 1.`); may end with `:` for inline lists
    inline: Literal["none", "dash", "run", "single"]
    grants: list[Grant]
    reason_line: str | None  # printed under Điều 1 (list decisions)
    money_line: str | None
    article2: str
    article3: str
    noi_nhan: list[str]
    signer: SignerSpec
    declared: tuple[int | None, int | None] = (None, None)
    listing: ListSpec | None = None
    list_of: str = ""  # `của Giám đốc Sở …` in `(Kèm theo Quyết định số … ngày … của …)`
    body_size: float = 13.5
    seal: bool = False  # red round seal and a signature
    seal_over_name: bool = False
    seal_shift: float = 0.0  # points to the right (negative: left) of the usual seal position
    typewriter: bool = False  # typed: monospaced, uneven strikes and ink (old decisions)
    aged: bool = False  # yellowed, stained, foxed, folded paper
    scan_dpi: int | None = None  # None: the usual resolution of the format
    copies: int = 0  # generations of black-and-white office copies between page and scanner
    seed: int = 0
    notes: str = ""


@dataclass
class CertSpec:
    stem: str
    fmt: Fmt
    issuer_name: str
    issuer_parent: str | None
    level: IssuerLevel
    authority: list[str]  # red lines, e.g. ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"]
    tang: str  # `TẶNG` / `TẶNG DANH HIỆU`
    big: str  # `BẰNG KHEN`
    grant: Grant
    recipient_lines: list[str]  # printed recipient line(s)
    detail_line: str | None  # position/unit line (individuals) or the parent body
    achievement: str  # printed achievement sentence(s)
    qd_line: str  # `Quyết định số 123/QĐ-UBND ngày 12/5/2021`
    book_line: str | None  # `Số sổ vàng: 456`
    number: str
    date: dt.date  # of the cited decision
    place: str
    place_date: dt.date
    signer: SignerSpec
    palette: Literal["red", "blue", "green"] = "red"
    seed: int = 0
    notes: str = ""


DocSpec = DecisionSpec | CertSpec


# ----------------------------------------------------------------------------- layout blocks


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    runs: list[Run]
    align: Align = "justify"
    size: float = 13.5
    indent: bool = True  # first-line indent
    hanging: float = 0.0  # left indent in points for list items
    space_before: float = 0.0
    space_after: float = 3.0
    grants: list[int] = field(default_factory=list)  # indices of grants printed here

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Line:
    text: str
    bold: bool = False
    italic: bool = False
    size: float = 13.0
    rule: bool = False  # short rule under this line


@dataclass
class HeaderBlock:
    left: list[Line]
    right: list[Line]


@dataclass
class TableBlock:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # fractions of the text width
    aligns: list[Align]
    grid: bool = True
    size: float = 12.0
    row_grants: list[int | None] = field(default_factory=list)


@dataclass
class SignBlock:
    left: list[Line]
    right: list[Line]
    name: Line
    seal_text: tuple[str, str] | None = None  # (ring text, centre text) when sealed
    seal_over_name: bool = False
    seal_shift: float = 0.0
    seed: int = 0


@dataclass
class PageBreak:
    pass


Block = Para | HeaderBlock | TableBlock | SignBlock | PageBreak


def block_lines(block: Block) -> list[str]:
    """The text of a block in reading order: left column before right column."""
    if isinstance(block, Para):
        return [block.text]
    if isinstance(block, HeaderBlock):
        return [ln.text for ln in block.left] + [ln.text for ln in block.right]
    if isinstance(block, TableBlock):
        out = [" ".join(block.header)]
        out += [" ".join(c for c in row if c) for row in block.rows]
        return out
    if isinstance(block, SignBlock):
        return [ln.text for ln in block.left] + [ln.text for ln in block.right] + [block.name.text]
    return []
