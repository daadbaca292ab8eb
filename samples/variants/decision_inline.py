"""Decisions that name their recipients in the articles: one Điều or several, each with
its own award, recipients separated by `;`, `,`, new lines or `và`."""

import random
from datetime import date

from samples.variants.decision_front import award_phrase, closing, front, subject_of
from samples.variants.issuers import AwardChoice, Issuer
from samples.variants.page_model import Block, Composed, Line
from samples.variants.parts import print_period, school_year
from samples.variants.recipients import People, Recipient, collective, person
from samples.variants.truth import Row, document
from samples.variants.wording import REASONS
from schemas.extracted import ExtractedDocument


def _items(recipients: list[Recipient], separator: str) -> list[str]:
    if separator == "comma":
        out = []
        for k, r in enumerate(recipients):
            if r.kind == "collective":
                out.append(r.name)
                continue
            hon = (r.honorific or "").lower() if k else (r.honorific or "")
            tail = " ".join(p for p in (r.position, r.unit) if p)
            out.append(f"{hon} {r.name} ({tail})".strip())
        return out
    return [r.printed() for r in recipients]


def _article(
    number: int,
    award: AwardChoice,
    recipients: list[Recipient],
    separator: str,
    period_text: str,
    reason: str,
) -> list[Block]:
    phrase = award_phrase(award, period_text)
    items = _items(recipients, separator)
    head = f"Điều {number}. {phrase} cho"
    if separator == "newline_dash":
        blocks: list[Block] = [Line(f"{head}:", "justify", size=13, indent=28, space_before=6)]
        for k, item in enumerate(items):
            end = "." if k == len(items) - 1 else ";"
            blocks.append(Line(f"- {item}{end}", "justify", size=13, indent=28))
        blocks.append(Line(f"{reason}.", "justify", size=13, indent=28))
        return blocks
    if separator == "comma":
        run = ", ".join(items)
    elif separator == "va" and len(items) > 1:
        run = "; ".join(items[:-1]) + " và " + items[-1]
    else:
        run = "; ".join(items)
    return [
        Line(f"{head}: {run}.", "justify", size=13, indent=28, space_before=6),
        Line(f"{reason}.", "justify", size=13, indent=28),
    ]


def _draw_recipients(
    rng: random.Random,
    people: People,
    issuer: Issuer,
    award: AwardChoice,
    separator: str,
    short: bool,
    n: int,
) -> list[Recipient]:
    out: list[Recipient] = []
    for _ in range(n):
        kind = rng.choice(award.kinds)
        if kind == "individual":
            out.append(person(people, issuer, short))
            continue
        for _try in range(20):
            c = collective(rng, issuer, short)
            if separator != "comma" or "," not in c.name:
                break
        out.append(c)
    return out


def compose(
    issuer: Issuer, axes: dict[str, str], rng: random.Random, ocr: bool
) -> tuple[Composed, ExtractedDocument]:
    from samples.variants.parts import draw_date

    people = People(rng)
    issued: date = draw_date(rng)
    period = school_year(issued)
    period_text = print_period(period, rng)
    short = rng.random() < 0.6
    separator = axes["inline_separator"]
    awards = list(issuer.awards)
    mixed = [a for a in awards if len(a.kinds) == 2]
    groups: list[tuple[AwardChoice, list[Recipient]]] = []
    if axes["inline_articles"] == "several" and len(awards) > 1:
        first = rng.choice([a for a in awards if "individual" in a.kinds])
        rest = [a for a in awards if a is not first] or [first]
        second = rng.choice(rest)
        for award in (first, second):
            groups.append(
                (
                    award,
                    _draw_recipients(
                        rng, people, issuer, award, separator, short, rng.randint(1, 4)
                    ),
                )
            )
    else:
        award = rng.choice(mixed or awards)
        groups.append(
            (
                award,
                _draw_recipients(rng, people, issuer, award, separator, short, rng.randint(2, 6)),
            )
        )
    whom = "cho các tập thể và cá nhân có thành tích xuất sắc"
    subject = subject_of([g[0] for g in groups], period_text, whom)
    head = front(issuer, axes, rng, people, issued, subject)
    blocks: list[Block] = list(head.blocks)
    rows: list[Row] = []
    for k, (award, recipients) in enumerate(groups, start=1):
        reason = rng.choice(REASONS).format(period=period_text)
        blocks += _article(k, award, recipients, separator, period_text, reason)
        rows += [Row(r, award, period, reason) for r in recipients]
    blocks += closing(issuer, head, len(groups) + 1)
    composed = Composed(tuple(blocks))
    truth = document(
        document_type="decision",
        issuer=issuer,
        number=head.number,
        day=head.day,
        subject=subject,
        signer=head.signer,
        rows=rows,
        pages=1,
        ocr=ocr,
        parent=bool(issuer.header),
    )
    return composed, truth
