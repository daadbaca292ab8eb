"""Recipients as real decisions name them, each with the truth a reader should recover.

A person's truth name is the name alone; position and unit are what follows, split at the
organization word (`Giáo viên` / `Trường THCS Bắc Sơn`). A collective's truth name is its
full name as printed, including the body it belongs to (`Tổ Toán - Tin, Trường THCS …`)."""

import random
from dataclasses import dataclass

from samples.variants.issuers import Issuer
from samples.variants.wording import (
    CLASSES,
    FAMILY,
    GIVEN_F,
    GIVEN_M,
    MIDDLE_F,
    MIDDLE_M,
    OTHER_COLLECTIVES,
    PERSON_HONORIFICS_F,
    PERSON_HONORIFICS_M,
    POSITIONS,
    RANKS,
    REAL_NAMES,
    SCHOOL_LEVELS,
    SCHOOL_NAMES,
    TEAMS,
)


@dataclass(frozen=True)
class Recipient:
    kind: str  # individual | collective
    name: str
    honorific: str | None
    position: str | None
    unit: str | None

    def printed(self, honorific: bool = True, caps: bool = False) -> str:
        """`Bà Trần Thị Lan, Giáo viên Trường …` or a collective's name."""
        name = self.name.upper() if caps else self.name
        if self.kind == "collective":
            return name
        head = f"{self.honorific} {name}" if honorific and self.honorific else name
        tail = " ".join(p for p in (self.position, self.unit) if p)
        return f"{head}, {tail}" if tail else head


class People:
    """Draws names without repeating one inside a document."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def name(self) -> tuple[str, bool]:
        rng = self.rng
        for _ in range(50):
            if rng.random() < 0.25:
                name = rng.choice(REAL_NAMES)
                female = " Thị " in name or name.split()[-1] in GIVEN_F
            else:
                female = rng.random() < 0.6
                middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
                given = rng.choice(GIVEN_F if female else GIVEN_M)
                name = f"{rng.choice(FAMILY)} {middle} {given}"
            if name not in self.used:
                self.used.add(name)
                return name, female
        raise RuntimeError("name pool exhausted")


def school(rng: random.Random, short: bool, district: str | None = None) -> str:
    long_form, short_form = rng.choice(SCHOOL_LEVELS)
    words = short_form if short else long_form
    name = f"{words} {rng.choice(SCHOOL_NAMES)}"
    return f"{name}, {district}" if district else name


def person(people: People, issuer: Issuer, short: bool, unit: str | None = None) -> Recipient:
    rng = people.rng
    name, female = people.name()
    honorific = rng.choice(PERSON_HONORIFICS_F if female else PERSON_HONORIFICS_M)
    if rng.random() < 0.12 and unit is None:
        return Recipient(
            "individual",
            name,
            rng.choice(RANKS),
            rng.choice(("Phó Trưởng phòng", "Cán bộ", "Đội trưởng")),
            f"Công an {issuer.district.kind} {issuer.district.name}",
        )
    position = rng.choice(POSITIONS)
    if unit is None:
        if position == "Chuyên viên":
            unit = rng.choice(
                (
                    "Văn phòng Sở Giáo dục và Đào tạo",
                    "Sở Nội vụ",
                    f"Phòng Giáo dục và Đào tạo {issuer.district.kind} {issuer.district.name}",
                )
            )
        else:
            unit = school(rng, short)
    return Recipient("individual", name, honorific, position, unit)


def student(people: People, unit_school: str) -> Recipient:
    name, _female = people.name()
    return Recipient("individual", name, None, None, people.rng.choice(CLASSES))


def collective(rng: random.Random, issuer: Issuer, short: bool) -> Recipient:
    roll = rng.random()
    d = issuer.district
    if roll < 0.45:
        locality = f"{d.kind} {d.name}" if rng.random() < 0.5 else None
        return Recipient("collective", school(rng, short, locality), None, None, None)
    if roll < 0.7:
        body = school(rng, short)
        return Recipient("collective", f"{rng.choice(TEAMS)}, {body}", None, None, body)
    template = rng.choice(OTHER_COLLECTIVES)
    name = template.format(
        district=d.name, commune=rng.choice(d.communes), school=rng.choice(SCHOOL_NAMES)
    )
    if template.startswith("Tổ "):
        body = school(rng, short)
        return Recipient("collective", f"{name}, {body}", None, None, body)
    if "{district}" in template:
        name = name.replace(f"huyện {d.name}", f"{d.kind} {d.name}")
    return Recipient("collective", name, None, None, None)
