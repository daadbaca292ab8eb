"""Pieces every document prints: number, place and date, motto, signature, e-signing stamp.

Each printer returns the printed text and what the truth holds for it (None where the page
leaves it blank or a hand filled it in: nobody can read that back)."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from samples.variants.issuers import Issuer
from samples.variants.page_model import HANDWRITTEN, Columns, Line, Stamp

BLANK = "\u00a0" * 7


@dataclass(frozen=True)
class Signer:
    name: str
    title: str  # truth title (Phó Chủ tịch)
    authority: str | None  # truth authority (KT. CHỦ TỊCH)
    lines: tuple[str, ...]  # as printed above the name


def draw_date(rng: random.Random) -> date:
    year = rng.randint(2006, 2025)
    return date(year, rng.choice((5, 6, 7, 8)), rng.randint(1, 28))


def school_year(day: date) -> str:
    return f"{day.year - 1}-{day.year}"


def print_period(period: str, rng: random.Random) -> str:
    if "-" not in period:
        return period
    a, b = period.split("-")
    return rng.choice((f"{a}-{b}", f"{a} - {b}", f"{a} – {b}", f"{a}-{b}"))


def number_text(number: int, issuer: Issuer, day: date) -> str:
    if issuer.party:
        return f"{number}-{issuer.number_suffix}"
    if day.year < 2010 and issuer.body in ("ubnd_tinh", "ubnd_huyen") and number % 3 == 0:
        return f"{number}/{day.year}/{issuer.number_suffix}"
    return f"{number}/{issuer.number_suffix}"


def number_line(printed: str, issuer: Issuer, mode: str) -> tuple[str, str | None]:
    """`Số: 1234/QĐ-UBND` and its truth, blank or handwritten as `mode` says."""
    if mode in ("blank_number", "handwritten"):
        slot = BLANK if mode == "blank_number" else HANDWRITTEN
        if issuer.party:
            return f"Số: {slot}-{issuer.number_suffix}", None
        return f"Số: {slot}/{printed.split('/', 1)[1]}", None
    return f"Số: {printed}", printed


def authority_words(issuer: Issuer) -> str:
    """The authority in running text: `Chủ tịch Ủy ban nhân dân tỉnh X`."""
    if issuer.body == "phong":
        return "Trưởng phòng" + issuer.name.removeprefix("Phòng")
    if issuer.party:
        return issuer.name
    return f"{issuer.head} {issuer.name}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def date_words(day: date, rng: random.Random, mode: str = "printed") -> tuple[str, bool]:
    """`ngày 5 tháng 9 năm 2023` (day maybe blank or by hand); True if the day is legible."""
    if mode in ("blank_day", "handwritten"):
        slot = BLANK if mode == "blank_day" else HANDWRITTEN
        return f"ngày {slot} tháng {day.month} năm {day.year}", False
    dd = f"{day.day:02d}" if rng.random() < 0.5 else str(day.day)
    mm = f"{day.month:02d}" if day.month < 3 and rng.random() < 0.5 else str(day.month)
    return f"ngày {dd} tháng {mm} năm {day.year}", True


def date_short(day: date, rng: random.Random) -> str:
    return rng.choice(
        (f"{day.day}/{day.month}/{day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}")
    )


def motto(issuer: Issuer) -> tuple[Line, ...]:
    if issuer.party:
        return (Line("ĐẢNG CỘNG SẢN VIỆT NAM", "center", bold=True, size=12.5),)
    return (
        Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "center", bold=True, size=12),
        Line("Độc lập - Tự do - Hạnh phúc", "center", bold=True, size=12.5),
    )


def draw_signer(issuer: Issuer, rng: random.Random, name: str) -> Signer:
    roll = rng.random()
    head = issuer.head.upper()
    if issuer.party:
        role = rng.choice((issuer.head, issuer.deputy))
        return Signer(name, role, issuer.sign_authority, (issuer.sign_authority, role.upper()))
    if roll < 0.45:
        deputy = issuer.deputy
        return Signer(name, deputy, issuer.sign_authority, (issuer.sign_authority, deputy.upper()))
    if roll < 0.6 and issuer.collective_sign:
        return Signer(name, issuer.head, issuer.collective_sign, (issuer.collective_sign, head))
    return Signer(name, issuer.head, None, (head,))


def signature(signer: Signer, left: tuple[str, ...] = ()) -> Columns:
    right = [Line(text, "center", bold=True, size=13) for text in signer.lines]
    right.append(Line("(Đã ký)", "center", italic=True, size=12, space_before=30))
    right.append(Line(signer.name, "center", bold=True, size=13.5, space_before=24))
    lines = tuple(
        Line(t, bold=k == 0, italic=k == 0, size=11 if k else 12) for k, t in enumerate(left)
    )
    return Columns(lines, tuple(right), split=0.5)


def stamp(issuer: Issuer, day: date, rng: random.Random) -> tuple[Stamp, date]:
    """A printed e-signing stamp and the day it says the decision was signed (the dated
    day or the next): its `Cơ quan:` may name only the province."""
    agency = rng.choice(
        (
            issuer.name,
            f"Tỉnh {issuer.province.name}"
            if issuer.province.kind == "tỉnh"
            else issuer.province.name,
        )
    )
    signed = day + timedelta(days=rng.choice((0, 0, 1)))
    clock = f"{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    printed = Stamp(
        (
            f"Ký bởi: {issuer.name}",
            f"Cơ quan: {agency}",
            f"Giờ ký: {signed.day:02d}.{signed.month:02d}.{signed.year} {clock} +07:00",
        )
    )
    return printed, signed
