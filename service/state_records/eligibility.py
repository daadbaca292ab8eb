"""Which higher titles a person's archived awards qualify them to be proposed for.

The rules are data (`eligibility_rules.json`), each row citing the article of Law
06/2022/QH15 it comes from: a title, the earlier awards it needs, how many, whether in
consecutive years, and within how many years of the nomination. Only awards in force
count (an annulled one does not), by the year they are for (a school year counts as the
year it ends). The answer names the awards that satisfy a rule, or what is missing —
the archive can show a history, not the achievements the Law also asks for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from service.award_labels import label
from service.db.models import Award
from service.people import award_year
from service.state_records.lifecycle import in_force

RULES_FILE = Path(__file__).with_name("eligibility_rules.json")


@dataclass(frozen=True)
class Rule:
    id: str
    award_code: str
    requires: tuple[str, ...]
    times: int
    consecutive: bool
    within_years: int | None
    citation: str
    wording: str
    explain: str


@dataclass
class Verdict:
    rule: Rule
    satisfied: bool
    awards: list[Award] = field(default_factory=list)
    missing: str | None = None

    @property
    def label(self) -> str:
        return label(self.rule.award_code)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    data: dict[str, Any] = json.loads(RULES_FILE.read_text("utf-8"))
    return tuple(
        Rule(
            id=r["id"],
            award_code=r["award_code"],
            requires=tuple(r["requires"]),
            times=r["times"],
            consecutive=r["consecutive"],
            within_years=r["within_years"],
            citation=r["citation"],
            wording=r["wording"],
            explain=r["explain"],
        )
        for r in data["rules"]
    )


def _years(awards: list[Award]) -> dict[int, Award]:
    by_year: dict[int, Award] = {}
    for award in awards:
        year = award_year(award)
        if year is not None and year not in by_year:
            by_year[year] = award
    return by_year


def check(rule: Rule, awards: list[Award], year: int) -> Verdict:
    """Whether the awards (in force, of the required codes) meet `rule` for a nomination
    in `year`."""
    held = [a for a in in_force(awards) if a.award_code in rule.requires]
    first = year - rule.within_years + 1 if rule.within_years else None
    by_year = {y: a for y, a in _years(held).items() if y <= year and (first is None or y >= first)}
    names = " hoặc ".join(label(code) for code in rule.requires)
    if rule.consecutive:
        best: list[int] = []
        for end in (year, year - 1):
            run = []
            y = end
            while y in by_year:
                run.append(y)
                y -= 1
            if len(run) > len(best):
                best = run
        if len(best) >= rule.times:
            chosen = sorted(best)[-rule.times :]
            return Verdict(rule, True, [by_year[y] for y in chosen])
        shown = ", ".join(str(y) for y in sorted(best)) or "không năm nào"
        need = [year - 1 - i for i in range(rule.times)][::-1] if not best else None
        gap = f"; cần các năm {', '.join(map(str, need))}" if need else ""
        return Verdict(
            rule, False, [by_year[y] for y in sorted(best)],
            f"Cần {rule.times} năm liên tục {names} đến năm {year} hoặc {year - 1}; "
            f"hồ sơ có {len(best)} năm liền ({shown}){gap}",
        )  # fmt: skip
    latest = [by_year[y] for y in sorted(by_year)][-rule.times :]
    if len(by_year) >= rule.times:
        return Verdict(rule, True, latest)
    window = f" trong các năm {first}–{year}" if first is not None else f" đến năm {year}"
    return Verdict(
        rule, False, latest,
        f"Cần {rule.times} lần {names}{window}; hồ sơ có {len(by_year)}",
    )  # fmt: skip


def eligibility(awards: list[Award], year: int) -> list[Verdict]:
    """Every rule checked against a person's awards for a nomination in `year`."""
    return [check(rule, awards, year) for rule in rules()]
