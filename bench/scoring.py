"""Score one `ExtractedDocument` against its truth, and sum scores over many files.

Pure functions, no I/O: `bench.accuracy` runs extraction and prints; this module only
decides what counts as right, so the rules live in one place and are unit-tested.

Conventions (stated once, used everywhere):
- Text fields compare after NFC and whitespace collapse, with exact diacritics; an empty
  string counts as null; null in truth is right only when the extraction is null too.
- Award rows pair one-to-one by accent-folded recipient name: exact folded equality first,
  then a near match (folded edit distance <= 2, both folded names >= 8 characters,
  spaces included) so one OCR error still pairs. Rows sharing a name pair by unit
  similarity. The headline P/R/F1 use both stages; the `*_strict` figures use exact
  folded equality only.
- A ratio with a zero denominator: precision/recall/F1 over nothing are 1.0 (no rows
  claimed and none to find is a perfect answer); accuracy among zero matched rows is
  `None` (undefined, printed as "-"), so it never inflates or deflates an average.
"""

import unicodedata
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from enum import Enum

from pydantic import BaseModel, ConfigDict, computed_field

from schemas import RecipientKind
from schemas.extracted import Award, ExtractedDocument

HEADLINE_FIELDS = ("document_type", "number", "date", "issuer", "signer")
SECONDARY_FIELDS = ("issuer_parent", "place", "subject", "signer_title")
ROW_ATTRIBUTES = ("name_exact", "award_code", "period", "unit", "kind", "position")
FUZZY_MAX_DISTANCE = 2
FUZZY_MIN_LENGTH = 8


def _fallback_fold(text: str) -> str:
    """Lowercase, strip diacritics, `đ`→`d`, collapse spaces: how people type names."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


def _load_fold() -> Callable[[str], str]:
    """Prefer the extractors' own fold, so the bench folds exactly as search does."""
    try:
        from extractors.text_normalize import fold
    except ImportError:
        return _fallback_fold
    chosen: Callable[[str], str] = fold
    return chosen


_FOLD = _load_fold()


def fold(text: str) -> str:
    """Accent-folded, space-collapsed form used to pair award rows."""
    return " ".join(_FOLD(text).split())


def normalize(value: object) -> str | None:
    """NFC, whitespace-collapsed text of a field; empty becomes None; enums by value."""
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text or None


def same(extracted: object, truth: object) -> bool:
    """Field equality under `normalize`; null equals only null."""
    return normalize(extracted) == normalize(truth)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up early: anything above `limit` returns `limit + 1`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def unit_similarity(a: str | None, b: str | None) -> float:
    """How alike two units are (folded), to pair namesakes: null~null is 1, null~text 0."""
    if a is None and b is None:
        return 1.0
    if a is None or b is None:
        return 0.0
    return SequenceMatcher(None, fold(a), fold(b)).ratio()


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class Counts(BaseModel):
    """Additive counts behind every figure, so files sum into micro-averaged totals."""

    model_config = ConfigDict(frozen=True)

    files: int = 1
    failed: int = 0
    doc_fields_correct: int = 0
    doc_fields_total: int = 0
    secondary_correct: int = 0
    secondary_total: int = 0
    field_correct: dict[str, int] = {}
    extracted_rows: int = 0
    truth_rows: int = 0
    matched_rows: int = 0
    matched_strict: int = 0
    names_exact: int = 0
    code_correct: int = 0
    period_correct: int = 0
    unit_correct: int = 0
    kind_correct: int = 0
    position_correct: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.matched_rows / self.extracted_rows if self.extracted_rows else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.matched_rows / self.truth_rows if self.truth_rows else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1_strict(self) -> float:
        precision = self.matched_strict / self.extracted_rows if self.extracted_rows else 1.0
        recall = self.matched_strict / self.truth_rows if self.truth_rows else 1.0
        return _f1(precision, recall)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def doc_fields_accuracy(self) -> float | None:
        return _ratio(self.doc_fields_correct, self.doc_fields_total)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def secondary_accuracy(self) -> float | None:
        return _ratio(self.secondary_correct, self.secondary_total)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def names_exact_rate(self) -> float | None:
        return _ratio(self.names_exact, self.matched_rows)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def code_accuracy(self) -> float | None:
        return _ratio(self.code_correct, self.matched_rows)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def period_accuracy(self) -> float | None:
        return _ratio(self.period_correct, self.matched_rows)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def unit_accuracy(self) -> float | None:
        return _ratio(self.unit_correct, self.matched_rows)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kind_accuracy(self) -> float | None:
        return _ratio(self.kind_correct, self.matched_rows)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def position_accuracy(self) -> float | None:
        return _ratio(self.position_correct, self.matched_rows)


class FieldScore(BaseModel):
    """One document field, with both values so a wrong one can be read off the report."""

    model_config = ConfigDict(frozen=True)

    field: str
    headline: bool
    correct: bool
    extracted: str | None
    truth: str | None


class RowPair(BaseModel):
    """One extracted row paired with one truth row, and which attributes disagree."""

    model_config = ConfigDict(frozen=True)

    extracted_index: int
    truth_index: int
    fuzzy: bool
    wrong: list[str]


class DocumentScore(Counts):
    """Counts for one file plus the detail that explains them."""

    fields: list[FieldScore] = []
    pairs: list[RowPair] = []
    missed: list[str] = []
    spurious: list[str] = []
    error: str | None = None


class Totals(BaseModel):
    """Micro-averaged counts over all files, and over each group of files."""

    model_config = ConfigDict(frozen=True)

    overall: Counts
    groups: dict[str, Counts]


def _document_fields(extracted: ExtractedDocument, truth: ExtractedDocument) -> list[FieldScore]:
    values: dict[str, tuple[object, object]] = {
        "document_type": (extracted.document_type, truth.document_type),
        "number": (extracted.number, truth.number),
        "date": (extracted.date, truth.date),
        "issuer": (extracted.issuer, truth.issuer),
        "signer": (extracted.signer.name, truth.signer.name),
        "issuer_parent": (extracted.issuer_parent, truth.issuer_parent),
        "place": (extracted.place, truth.place),
        "subject": (extracted.subject, truth.subject),
        "signer_title": (extracted.signer.title, truth.signer.title),
    }
    return [
        FieldScore(
            field=name,
            headline=name in HEADLINE_FIELDS,
            correct=same(got, want),
            extracted=normalize(got),
            truth=normalize(want),
        )
        for name, (got, want) in values.items()
    ]


def match_rows(extracted: Sequence[Award], truth: Sequence[Award]) -> list[tuple[int, int, bool]]:
    """Pair rows one-to-one as `(extracted_index, truth_index, fuzzy)`, exact pairs first.

    Greedy: exact folded names first, namesakes by unit similarity (then kind, then
    row order); then near names by edit distance, unit similarity and row order.
    """
    got = [fold(a.recipient.name) for a in extracted]
    want = [fold(a.recipient.name) for a in truth]
    exact: list[tuple[float, int, int, int, int]] = []
    for i, e in enumerate(extracted):
        for j, t in enumerate(truth):
            if got[i] == want[j]:
                similarity = unit_similarity(e.recipient.unit, t.recipient.unit)
                kind = int(e.recipient.kind == t.recipient.kind)
                exact.append((-similarity, -kind, abs(i - j), i, j))
    pairs: list[tuple[int, int, bool]] = []
    used_e: set[int] = set()
    used_t: set[int] = set()
    for *_, i, j in sorted(exact):
        if i not in used_e and j not in used_t:
            pairs.append((i, j, False))
            used_e.add(i)
            used_t.add(j)
    near: list[tuple[int, float, int, int, int]] = []
    for i, e in enumerate(extracted):
        if i in used_e or len(got[i]) < FUZZY_MIN_LENGTH:
            continue
        for j, t in enumerate(truth):
            if j in used_t or len(want[j]) < FUZZY_MIN_LENGTH:
                continue
            distance = edit_distance(got[i], want[j], FUZZY_MAX_DISTANCE)
            if distance <= FUZZY_MAX_DISTANCE:
                similarity = unit_similarity(e.recipient.unit, t.recipient.unit)
                near.append((distance, -similarity, abs(i - j), i, j))
    for *_, i, j in sorted(near):
        if i not in used_e and j not in used_t:
            pairs.append((i, j, True))
            used_e.add(i)
            used_t.add(j)
    return pairs


def _repeats_its_body(e: Award, t: Award) -> bool:
    """A collective's unit may repeat the body its name holds (DESIGN.md): `Công đoàn
    Trường THCS X` with unit `Trường THCS X` is right where the truth leaves it null."""
    unit = e.recipient.unit
    return (
        t.recipient.unit is None
        and t.recipient.kind is RecipientKind.collective
        and unit is not None
        and fold(unit) in fold(t.recipient.name)
        and fold(unit) != fold(t.recipient.name)
    )


def _wrong_attributes(e: Award, t: Award) -> list[str]:
    checks = {
        "name_exact": same(e.recipient.name, t.recipient.name),
        "award_code": same(e.award_code, t.award_code),
        "period": same(e.period, t.period),
        "unit": same(e.recipient.unit, t.recipient.unit) or _repeats_its_body(e, t),
        "kind": same(e.recipient.kind, t.recipient.kind),
        "position": same(e.recipient.position, t.recipient.position),
    }
    return [name for name, ok in checks.items() if not ok]


def score_document(extracted: ExtractedDocument, truth: ExtractedDocument) -> DocumentScore:
    """Score one extraction against its truth (see the module docstring for the rules)."""
    fields = _document_fields(extracted, truth)
    headline = [f for f in fields if f.headline]
    secondary = [f for f in fields if not f.headline]
    pairs = [
        RowPair(
            extracted_index=i,
            truth_index=j,
            fuzzy=fuzzy,
            wrong=_wrong_attributes(extracted.awards[i], truth.awards[j]),
        )
        for i, j, fuzzy in match_rows(extracted.awards, truth.awards)
    ]
    paired_e = {p.extracted_index for p in pairs}
    paired_t = {p.truth_index for p in pairs}

    def right(attribute: str) -> int:
        return sum(attribute not in p.wrong for p in pairs)

    return DocumentScore(
        doc_fields_correct=sum(f.correct for f in headline),
        doc_fields_total=len(headline),
        secondary_correct=sum(f.correct for f in secondary),
        secondary_total=len(secondary),
        field_correct={f.field: int(f.correct) for f in fields},
        extracted_rows=len(extracted.awards),
        truth_rows=len(truth.awards),
        matched_rows=len(pairs),
        matched_strict=sum(not p.fuzzy for p in pairs),
        names_exact=right("name_exact"),
        code_correct=right("award_code"),
        period_correct=right("period"),
        unit_correct=right("unit"),
        kind_correct=right("kind"),
        position_correct=right("position"),
        fields=fields,
        pairs=pairs,
        missed=[a.recipient.name for j, a in enumerate(truth.awards) if j not in paired_t],
        spurious=[a.recipient.name for i, a in enumerate(extracted.awards) if i not in paired_e],
    )


def score_failure(truth: ExtractedDocument, error: str) -> DocumentScore:
    """A file whose extraction raised: every field wrong, no rows extracted."""
    return DocumentScore(
        failed=1,
        doc_fields_total=len(HEADLINE_FIELDS),
        secondary_total=len(SECONDARY_FIELDS),
        field_correct=dict.fromkeys((*HEADLINE_FIELDS, *SECONDARY_FIELDS), 0),
        truth_rows=len(truth.awards),
        missed=[a.recipient.name for a in truth.awards],
        error=error,
    )


_ADDITIVE = tuple(name for name, info in Counts.model_fields.items() if info.annotation is int)


def _sum(scores: Sequence[Counts]) -> Counts:
    values: dict[str, int] = {name: sum(getattr(s, name) for s in scores) for name in _ADDITIVE}
    field_correct: dict[str, int] = {}
    for s in scores:
        for name, n in s.field_correct.items():
            field_correct[name] = field_correct.get(name, 0) + n
    return Counts(field_correct=field_correct, **values)


def totals(scores: Sequence[Counts], groups: Sequence[str] | None = None) -> Totals:
    """Micro-average: sum the counts of all files (and of each group) before dividing.

    `groups[k]` names the group of `scores[k]`; without it there is only `overall`.
    """
    if groups is not None and len(groups) != len(scores):
        raise ValueError(f"{len(scores)} scores but {len(groups)} group names")
    by_group: dict[str, list[Counts]] = {}
    for score, group in zip(scores, groups or (), strict=False):
        by_group.setdefault(group, []).append(score)
    return Totals(
        overall=_sum(scores),
        groups={name: _sum(members) for name, members in sorted(by_group.items())},
    )
