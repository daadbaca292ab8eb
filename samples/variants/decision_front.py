"""The front of a decision: header columns, title, subject, authority, legal bases; and its
closing articles and signature. Shared by inline and list decisions."""

import random
from dataclasses import dataclass
from datetime import date

from samples.variants.issuers import AwardChoice, Issuer
from samples.variants.page_model import Block, Columns, Line
from samples.variants.parts import (
    Signer,
    date_words,
    draw_signer,
    motto,
    number_line,
    number_text,
    signature,
    stamp,
)
from samples.variants.recipients import People
from samples.variants.wording import SIGNER_BASES


@dataclass(frozen=True)
class Front:
    blocks: tuple[Block, ...]
    number: str | None
    day: date | None
    issued: date
    subject: str
    signer: Signer


def award_phrase(award: AwardChoice, period_text: str | None) -> str:
    """How Điều 1 gives an award: `Tặng Giấy khen của …`, `Công nhận danh hiệu “…”`."""
    if award.verb == "Tặng":
        return f"Tặng {award.text}"
    suffix = f" năm học {period_text}" if period_text else ""
    return f"{award.verb} “{award.text}”{suffix}"


def subject_of(awards: list[AwardChoice], period_text: str, whom: str) -> str:
    first = awards[0]
    if first.verb == "Tặng":
        what = f"tặng {first.text.split(' của ')[0]}"
    else:
        what = f"{first.verb.lower()} {'danh hiệu ' if 'danh hiệu' not in first.verb else ''}"
        what = (what + first.text).replace("danh hiệu danh hiệu", "danh hiệu")
    return f"Về việc {what} {whom} năm học {period_text}".replace("  ", " ")


def front(
    issuer: Issuer,
    axes: dict[str, str],
    rng: random.Random,
    people: People,
    issued: date,
    subject: str,
) -> Front:
    number_printed = number_text(rng.randint(12, 4999), issuer, issued)
    mode = axes["number_day"]
    number_str, number = number_line(number_printed, issuer, mode)
    words, legible = date_words(issued, rng, mode)
    left = [
        Line(t, "center", bold=k == len(issuer.header) - 1 or len(issuer.header) == 1, size=12)
        for k, t in enumerate(issuer.header)
    ]
    left.append(Line(number_str, "center", size=13, space_before=8))
    right = [
        *motto(issuer),
        Line(f"{issuer.place}, {words}", "center", italic=True, size=13, space_before=10),
    ]
    blocks: list[Block] = []
    signed: date | None = None
    if axes["esign_stamp"] == "stamp":
        printed, signed = stamp(issuer, issued, rng)
        blocks.append(printed)
    blocks.append(Columns(tuple(left), tuple(right), split=0.46))
    blocks += [
        Line("QUYẾT ĐỊNH", "center", bold=True, size=14, space_before=16),
        Line(subject, "center", bold=True, size=13.5),
        Line(issuer.authority, "center", bold=True, size=13.5, space_before=12),
    ]
    for basis in rng.sample(SIGNER_BASES, 2):
        blocks.append(Line(basis, "justify", italic=True, size=13, indent=28, space_before=6))
    blocks.append(
        Line(
            "Xét đề nghị của Hội đồng Thi đua - Khen thưởng,",
            "justify",
            italic=True,
            size=13,
            indent=28,
            space_before=6,
        )
    )
    blocks.append(Line("QUYẾT ĐỊNH:", "center", bold=True, size=14, space_before=10))
    signer_name, _ = people.name()
    signer = draw_signer(issuer, rng, signer_name)
    # Where the date line gives no day, a printed e-signing stamp (`Giờ ký: …`) does: a
    # decision takes effect the day it is signed.
    day = issued if legible else signed
    return Front(tuple(blocks), number, day, issued, subject, signer)


def closing(issuer: Issuer, front: Front, article: int) -> list[Block]:
    who = "Chánh Văn phòng" if issuer.body.startswith("ubnd") else "Bộ phận Văn phòng"
    return [
        Line(
            f"Điều {article}. Quyết định này có hiệu lực kể từ ngày ký.",
            "justify",
            size=13,
            indent=28,
            space_before=6,
        ),
        Line(
            f"Điều {article + 1}. {who}, Thủ trưởng các đơn vị có liên quan và các tập thể, "
            "cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            "justify",
            size=13,
            indent=28,
            space_before=6,
        ),
        signature(front.signer, ("Nơi nhận:", f"- Như Điều {article + 1};", "- Lưu: VT, TĐKT.")),
    ]
