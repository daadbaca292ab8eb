"""People: award rows grouped into the persons they belong to, their timelines and streaks.

Award rows carry a printed name and unit, not a person. Rows are one person when their
names are the same once folded — or an OCR slip apart — and their units are compatible
(the same school printed `Trường THPT Nguyễn Khuyến` or `THPT Nguyễn Khuyến`, or a
misread of it). A name alone is not enough: two `Nguyễn Thị Hoa` at two schools are two
people, shown apart with their units as the evidence, and each lists the other as a
namesake. A row printed without a unit joins its name's only person, or stands apart
when the name is at several units.

Groups are formed when asked, from the rows as they are now, so corrections and new
documents are reflected at once. A person's id is built from the folded name and unit
(`nguyen-thi-hoa~thpt-nguyen-khuyen`): readable, and stable while the rows are.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from service import query_limits, search_keys
from service.db.models import Award
from service.kept_documents import kept
from service.name_match import NameCandidate, name_distance, near_names
from service.person_links import active_links
from service.search_query import strip_honorific

MAX_NAMES = 200
MAX_ROWS = 20_000
UNIT_SIMILARITY = 90


@dataclass
class Person:
    id: str
    name: str
    name_fold: str
    unit_key: str | None
    distance: int
    awards: list[Award]
    spellings: list[tuple[str, int]] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    namesakes: list[str] = field(default_factory=list)
    match: str = "folded"
    members: list[str] = field(default_factory=list)  # ids joined into this one by hand

    @property
    def years(self) -> tuple[int | None, int | None]:
        years = [y for a in self.awards if (y := award_year(a)) is not None]
        return (min(years), max(years)) if years else (None, None)


@dataclass(frozen=True)
class Streak:
    award_code: str
    first_year: int
    last_year: int
    periods: list[str]
    award_ids: list[int]

    @property
    def years(self) -> int:
        return self.last_year - self.first_year + 1


def award_year(award: Award) -> int | None:
    """The year an award is for: a school year counts as the year it ends (2019-2020 → 2020)."""
    return award.year_end if award.year_end is not None else award.year_start


def _slug(key: str | None) -> str:
    return "-".join((key or "").split())


def person_id(name_fold: str, unit_key: str | None) -> str:
    return f"{_slug(name_fold)}~{_slug(unit_key)}"


def _units_compatible(a: str, b: str) -> bool:
    """The same unit printed two ways: equal, one inside the other, or a slip apart."""
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    if wa <= wb or wb <= wa:
        return True
    return fuzz.ratio(a, b) >= UNIT_SIMILARITY


def _unit_clusters(rows: Sequence[Award]) -> list[tuple[str, list[Award]]]:
    """Rows with a unit grouped by compatible unit; the commonest key names each group."""
    by_key = Counter(a.unit_key for a in rows if a.unit_key)
    clusters: list[tuple[str, list[str]]] = []
    for key, _ in sorted(by_key.items(), key=lambda kv: (-kv[1], kv[0])):
        for head, members in clusters:
            if _units_compatible(head, key):
                members.append(key)
                break
        else:
            clusters.append((key, [key]))
    cluster_of = {key: i for i, (_, members) in enumerate(clusters) for key in members}
    grouped: list[list[Award]] = [[] for _ in clusters]
    for award in rows:  # one pass, each cluster's rows in the order read
        if award.unit_key:
            grouped[cluster_of[award.unit_key]].append(award)
    return [(head, grouped[i]) for i, (head, _) in enumerate(clusters)]


def _same_name(a: str, b: str) -> bool:
    """Two folded names one person could carry: the same, or an OCR slip apart."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return name_distance(wa, wb) is not None


def _group(rows: Sequence[Award], distances: dict[str, int]) -> list[Person]:
    """Rows → people: by unit cluster, then names that are one name within a cluster."""
    by_name: defaultdict[str, list[Award]] = defaultdict(list)
    for award in rows:
        by_name[award.name_fold].append(award)
    # name groups that are one name (OCR slips) merge, the commonest spelling first
    names = sorted(by_name, key=lambda n: (-len(by_name[n]), distances.get(n, 9), n))
    families: list[list[str]] = []
    for name in names:
        for family in families:
            if _same_name(family[0], name):
                family.append(name)
                break
        else:
            families.append([name])
    people: list[Person] = []
    for family in families:
        family_rows = [a for n in family for a in by_name[n]]
        clusters = _unit_clusters(family_rows)
        loose = [a for a in family_rows if not a.unit_key]
        if len(clusters) == 1:
            clusters[0][1].extend(loose)
            loose = []
        groups: list[tuple[str | None, list[Award]]] = [(k, v) for k, v in clusters]
        if loose:
            groups.append((None, loose))
        for unit_key, members in groups:
            folds = Counter(a.name_fold for a in members)
            canonical = min(folds, key=lambda n: (-folds[n], distances.get(n, 9), n))
            spellings = Counter(a.name for a in members).most_common()
            units = [u for u, _ in Counter(a.unit for a in members if a.unit).most_common()]
            members.sort(key=lambda a: (award_year(a) or 0, a.decision_date or 0, a.id))
            people.append(
                Person(
                    id=person_id(canonical, unit_key),
                    name=spellings[0][0],
                    name_fold=canonical,
                    unit_key=unit_key,
                    distance=min(distances.get(n, 9) for n in folds),
                    awards=members,
                    spellings=spellings,
                    units=units,
                )
            )
    by_fold: defaultdict[str, list[Person]] = defaultdict(list)
    for person in people:
        by_fold[person.name_fold].append(person)
    for same in by_fold.values():
        for person in same:
            person.namesakes = [p.id for p in same if p is not person]
    return people


def _rows_for(session: Session, candidates: list[NameCandidate]) -> list[Award]:
    keys = [c.key for c in candidates[:MAX_NAMES]]
    if not keys:
        return []
    query = select(Award).where(Award.name_fold.in_(keys), kept(Award.document_id))
    return list(session.scalars(query.limit(MAX_ROWS)))


def find_people(session: Session, q: str, fuzzy: bool = True) -> list[Person]:
    """People whose name matches `q` (honorifics ignored), closest name first, then most
    awarded."""
    query_limits.check_text("q", q)
    words = search_keys.words(strip_honorific(q))
    candidates = near_names(session, words, fuzzy=fuzzy)
    distances = {c.key: c.distance for c in candidates[:MAX_NAMES]}
    people = _join(session, _group(_rows_for(session, candidates), distances))
    typed_key = search_keys.name_key(strip_honorific(q)) if search_keys.has_diacritics(q) else None

    for person in people:
        if any(search_keys.name_key(s) == typed_key for s, _ in person.spellings):
            person.match = "exact"
        elif person.distance:
            person.match = "fuzzy"
    order = {"exact": 0, "folded": 1, "fuzzy": 2}
    return sorted(people, key=lambda p: (order[p.match], p.distance, -len(p.awards), p.id))


def get_person(session: Session, pid: str, joined: bool = True) -> Person | None:
    """The person with this id, grouped again from the rows as they are now (and with the
    people an archivist joined to them, unless `joined` is false)."""
    if len(pid) > query_limits.MAX_PERSON_ID_CHARS:
        return None
    name_slug, _, _ = pid.partition("~")
    words = search_keys.words(name_slug.replace("-", " "))  # an id's own words only
    if not words or len(words) > query_limits.MAX_QUERY_WORDS:
        return None
    candidates = near_names(session, words)
    people = _group(_rows_for(session, candidates), {c.key: c.distance for c in candidates})
    if joined:
        people = _join(session, people)
    found = next((p for p in people if p.id == pid or pid in p.members), None)
    if found is not None and found.distance:
        found.match = "fuzzy"
    return found


def _join(session: Session, people: list[Person]) -> list[Person]:
    """The people, those an archivist joined made one, under the id of the person they
    were joined into."""
    parent = {p.id: p.id for p in people}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in active_links(session, list(parent)):
        if a in parent and b in parent and (ra := root(a)) != (rb := root(b)):
            parent[rb] = ra
    groups: dict[str, list[Person]] = {}
    for person in people:
        groups.setdefault(root(person.id), []).append(person)
    if all(len(group) == 1 for group in groups.values()):
        return people
    joined = [_merge(key, group) for key, group in groups.items()]
    for person in joined:
        namesakes = {root(n) if n in parent else n for n in person.namesakes}
        person.namesakes = sorted(namesakes - {person.id})
    return joined


def _merge(key: str, group: list[Person]) -> Person:
    if len(group) == 1:
        return group[0]
    group = sorted(group, key=lambda p: (p.id != key, p.id))  # the one joined into first
    spellings: Counter[str] = Counter()
    for person in group:
        spellings.update(dict(person.spellings))
    awards = [a for p in group for a in p.awards]
    awards.sort(key=lambda a: (award_year(a) or 0, a.decision_date or 0, a.id))
    return Person(
        id=key,
        name=spellings.most_common(1)[0][0],
        name_fold=group[0].name_fold,
        unit_key=group[0].unit_key,
        distance=min(p.distance for p in group),
        awards=awards,
        spellings=spellings.most_common(),
        units=list(dict.fromkeys(u for p in group for u in p.units)),
        namesakes=[n for p in group for n in p.namesakes],
        match=min((p.match for p in group), key=["exact", "folded", "fuzzy"].index),
        members=sorted(p.id for p in group),
    )


def streaks(person: Person) -> list[Streak]:
    """Runs of consecutive years with the same award, longest first (eligibility checks:
    e.g. Chiến sĩ thi đua cấp tỉnh asks for Chiến sĩ thi đua cơ sở several years running)."""
    by_code: defaultdict[str, dict[int, list[Award]]] = defaultdict(lambda: defaultdict(list))
    for award in person.awards:
        year = award_year(award)
        if year is not None:
            by_code[award.award_code][year].append(award)
    found: list[Streak] = []
    for code, years in by_code.items():
        run: list[int] = []
        for year in sorted(years):
            if run and year != run[-1] + 1:
                found.append(_streak(code, run, years))
                run = []
            run.append(year)
        if run:
            found.append(_streak(code, run, years))
    return sorted(found, key=lambda s: (-s.years, -s.last_year, s.award_code))


def _streak(code: str, run: list[int], years: dict[int, list[Award]]) -> Streak:
    awards = [a for y in run for a in years[y]]
    periods = sorted({a.period or str(award_year(a)) for a in awards})
    return Streak(code, run[0], run[-1], periods, [a.id for a in awards])
