"""Extraction accuracy over sample folders: `python -m bench.accuracy [FOLDER ...]`.

Every document with a `<name>.truth.json` beside it is extracted (timed, wall clock),
scored by `bench.scoring`, and printed as one table row; totals follow, overall and per
group, with one quotable headline line per group. It prints numbers; it never asserts.
"""

import argparse
import importlib
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pydantic import BaseModel, ValidationError

from bench.scoring import Counts, DocumentScore, score_document, score_failure, totals
from schemas.extracted import ExtractedDocument

DEFAULT_EXTRACTOR = "extractors.extract:extract_document"
DOCUMENT_SUFFIXES = {".pdf", ".docx", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
TRUTH_SUFFIX = ".truth.json"
GROUP_ORDER = {"text": 0, "scan": 1}

Extractor = Callable[[bytes], ExtractedDocument]


class Sample(BaseModel):
    """A document and the truth file beside it."""

    document: Path
    truth: Path


class Run(BaseModel):
    """What one extraction produced: the document, or the error code it raised."""

    extracted_json: str | None = None
    error: str | None = None
    seconds: float


class FileResult(BaseModel):
    name: str
    path: str
    group: str
    seconds: float
    score: DocumentScore
    row_confidences: list[float] = []  # per extracted row, in the extraction's order
    queued: bool = False  # what the review queue would do: a doubtful field or a warning


REVIEW_THRESHOLD = 0.7
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 1.01))


def find_samples(folders: Sequence[Path]) -> list[Sample]:
    """Documents that have a truth file beside them (`x.pdf` + `x.truth.json`)."""
    samples: list[Sample] = []
    for folder in folders:
        truths = [folder] if folder.is_file() else sorted(folder.rglob(f"*{TRUTH_SUFFIX}"))
        for truth in truths:
            stem = truth.name.removesuffix(TRUTH_SUFFIX)
            for document in sorted(truth.parent.glob(f"{stem}.*")):
                if document.suffix.lower() in DOCUMENT_SUFFIXES and document.stem == stem:
                    samples.append(Sample(document=document, truth=truth))
    return samples


def load_extractor(spec: str) -> Extractor:
    """Import `module:function` lazily, so the bench runs before the extractor exists."""
    module_name, _, attribute = spec.partition(":")
    function: Extractor = getattr(importlib.import_module(module_name), attribute)
    return function


def run_one(document: str, extractor_spec: str) -> Run:
    """Extract one file in this process; only the extraction call is timed."""
    extract = load_extractor(extractor_spec)
    data = Path(document).read_bytes()
    start = time.perf_counter()
    try:
        extracted = extract(data)
    except Exception as exc:
        code = getattr(exc, "code", None) or type(exc).__name__
        return Run(error=f"{code}: {exc}", seconds=time.perf_counter() - start)
    seconds = time.perf_counter() - start
    return Run(extracted_json=extracted.model_dump_json(), seconds=seconds)


def group_of(sample: Sample, truth: ExtractedDocument, group_by: str) -> str:
    if group_by == "kind":
        return "scan" if truth.ocr.used else "text"
    if group_by == "type":
        return truth.document_type.value
    if group_by == "ext":
        return sample.document.suffix.lower().lstrip(".")
    return "all"


def load_truths(samples: Sequence[Sample]) -> list[tuple[Sample, ExtractedDocument]]:
    """Parse each truth first; one that does not parse is reported and skipped, not scored."""
    loaded: list[tuple[Sample, ExtractedDocument]] = []
    for sample in samples:
        try:
            truth = ExtractedDocument.model_validate_json(sample.truth.read_bytes())
        except (OSError, ValidationError) as exc:
            first = str(exc).splitlines()[0]
            print(f"skipped {sample.document}: unreadable truth: {first}", file=sys.stderr)
            continue
        loaded.append((sample, truth))
    return loaded


def evaluate(
    samples: Sequence[Sample], extractor_spec: str, group_by: str, workers: int
) -> list[FileResult]:
    """Extract every sample (in a pool when `workers` > 1) and score it against its truth."""
    pending = load_truths(samples)
    paths = [str(sample.document) for sample, _ in pending]
    specs = [extractor_spec] * len(paths)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            runs = list(pool.map(run_one, paths, specs))
    else:
        runs = [run_one(p, extractor_spec) for p in paths]
    results: list[FileResult] = []
    for (sample, truth), run in zip(pending, runs, strict=True):
        confidences: list[float] = []
        queued = True  # a file that failed is in front of a person anyway
        if run.extracted_json is None:
            score = score_failure(truth, run.error or "unknown")
        else:
            extracted = ExtractedDocument.model_validate_json(run.extracted_json)
            score = score_document(extracted, truth)
            confidences = [a.confidence for a in extracted.awards]
            queued = extracted.needs_review()
        results.append(
            FileResult(
                name=sample.document.name,
                path=str(sample.document),
                group=group_of(sample, truth, group_by),
                seconds=run.seconds,
                score=score,
                row_confidences=confidences,
                queued=queued,
            )
        )
    return results


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(results: Sequence[FileResult]) -> str:
    """One aligned row per file."""
    header = ["file", "group", "doc", "P", "R", "F1", "names", "code", "period", "unit", "sec"]
    rows = [header]
    for r in results:
        s = r.score
        rows.append(
            [
                r.name,
                r.group,
                f"{s.doc_fields_correct}/{s.doc_fields_total}",
                _f(s.precision),
                _f(s.recall),
                _f(s.f1),
                _f(s.names_exact_rate),
                _f(s.code_accuracy),
                _f(s.period_accuracy),
                _f(s.unit_accuracy),
                f"{r.seconds:.2f}",
            ]
        )
    widths = [max(len(row[k]) for row in rows) for k in range(len(header))]
    errors: list[str | None] = [None, *(r.score.error for r in results)]
    lines = []
    for row, error in zip(rows, errors, strict=True):
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [cell.rjust(width) for cell, width in zip(row[2:], widths[2:], strict=True)]
        line = "  ".join(cells)
        if error:
            line += f"  ERROR {error}"
        lines.append(line.rstrip())
    return "\n".join(lines)


def headline(label: str, counts: Counts, seconds: Sequence[float]) -> str:
    """The quotable summary line: `text: rows F1 0.993  doc fields 0.981  names exact ...`."""
    mean = statistics.fmean(seconds) if seconds else 0.0
    median = statistics.median(seconds) if seconds else 0.0
    return (
        f"{label}: rows F1 {_f(counts.f1)}  doc fields {_f(counts.doc_fields_accuracy)}"
        f"  names exact {_f(counts.names_exact_rate)}  code {_f(counts.code_accuracy)}"
        f"  period {_f(counts.period_accuracy)}  unit {_f(counts.unit_accuracy)}"
        f"  kind {_f(counts.kind_accuracy)}  position {_f(counts.position_accuracy)}"
        f"  | P {_f(counts.precision)}  R {_f(counts.recall)}  strict F1 {_f(counts.f1_strict)}"
        f"  rows {counts.matched_rows}/{counts.truth_rows} (extracted {counts.extracted_rows})"
        f"  secondary {_f(counts.secondary_accuracy)}"
        f"  | files {counts.files}  failed {counts.failed}"
        f"  s/doc mean {mean:.2f} median {median:.2f}"
    )


def _row_right(result: FileResult) -> list[bool]:
    """Per extracted row: paired with a truth row and no attribute wrong."""
    right = [False] * len(result.row_confidences)
    for pair in result.score.pairs:
        if pair.extracted_index < len(right):
            right[pair.extracted_index] = not pair.wrong
    return right


def _all_right(result: FileResult) -> bool:
    s = result.score
    rows_ok = not s.missed and not s.spurious and all(not p.wrong for p in s.pairs)
    return rows_ok and s.doc_fields_correct == s.doc_fields_total and s.error is None


def reliability(results: Sequence[FileResult]) -> tuple[str, dict[str, object]]:
    """How often rows are right in each confidence band, and what the review queue holds."""
    bands: list[dict[str, object]] = []
    lines = ["reliability (extracted rows by confidence):"]
    for low, high in BANDS:
        rows = [
            ok
            for r in results
            for c, ok in zip(r.row_confidences, _row_right(r), strict=True)
            if low <= c < high
        ]
        share = sum(rows) / len(rows) if rows else None
        label = f"[{low:.2f}, {min(high, 1.0):.2f}{']' if high > 1 else ')'}"
        lines.append(f"  {label:<14} rows {len(rows):>5}  right {_f(share)}")
        bands.append({"low": low, "high": min(high, 1.0), "rows": len(rows), "right": share})
    wrong = [r for r in results if not _all_right(r)]
    right = [r for r in results if _all_right(r)]
    caught = sum(r.queued for r in wrong) / len(wrong) if wrong else None
    held = sum(r.queued for r in right) / len(right) if right else None
    lines.append(
        f"review queue: holds {_f(caught)} of {len(wrong)} documents with a wrong row or field"
        f" (target >= 0.95), {_f(held)} of {len(right)} all-right documents (target <= 0.25)"
    )
    missed = [r.name for r in wrong if not r.queued]
    if missed:
        lines.append("  wrong but not queued: " + ", ".join(missed[:20]))
    data: dict[str, object] = {
        "bands": bands,
        "queue_holds_wrong": caught,
        "queue_holds_right": held,
        "wrong_documents": len(wrong),
        "right_documents": len(right),
        "wrong_not_queued": missed,
    }
    return "\n".join(lines), data


def report(results: Sequence[FileResult]) -> tuple[str, dict[str, object]]:
    """The printed report and the same figures as JSON-ready data."""
    summed = totals([r.score for r in results], [r.group for r in results])
    seconds_by_group: dict[str, list[float]] = {}
    for r in results:
        seconds_by_group.setdefault(r.group, []).append(r.seconds)
    all_seconds = [r.seconds for r in results]
    lines = [table(results), ""]
    order = sorted(summed.groups, key=lambda g: (GROUP_ORDER.get(g, len(GROUP_ORDER)), g))
    for group in order:
        counts = summed.groups[group]
        lines.append(headline(group, counts, seconds_by_group[group]))
    lines.append(headline("all", summed.overall, all_seconds))
    per_field = summed.overall.field_correct
    files = summed.overall.files
    lines.append(
        "fields: "
        + "  ".join(f"{name} {_f(n / files if files else None)}" for name, n in per_field.items())
    )
    reliability_text, reliability_data = reliability(results)
    lines.append(reliability_text)
    data: dict[str, object] = {
        "files": [r.model_dump(mode="json") for r in results],
        "totals": summed.model_dump(mode="json"),
        "reliability": reliability_data,
        "seconds": {
            group: {"mean": statistics.fmean(s), "median": statistics.median(s), "total": sum(s)}
            for group, s in {**seconds_by_group, "all": all_seconds}.items()
            if s
        },
    }
    return "\n".join(lines), data


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("samples")])
    parser.add_argument(
        "--group-by",
        choices=["kind", "type", "ext", "none"],
        default="kind",
        help="kind: text (text layer, DOCX) vs scan (OCR), from the truth's ocr.used",
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="write all figures here")
    parser.add_argument("--workers", type=int, default=1, help="process pool size (default 1)")
    parser.add_argument(
        "--extractor",
        default=DEFAULT_EXTRACTOR,
        metavar="MODULE:FUNCTION",
        help=f"extraction function, bytes -> ExtractedDocument (default {DEFAULT_EXTRACTOR})",
    )
    args = parser.parse_args(argv)

    try:
        load_extractor(args.extractor)
    except (ImportError, AttributeError) as exc:
        print(f"error: cannot load extractor {args.extractor}: {exc}", file=sys.stderr)
        return 2
    samples = find_samples(args.folders)
    if not samples:
        folders = " ".join(str(f) for f in args.folders)
        print(f"no documents with a {TRUTH_SUFFIX} beside them in {folders}", file=sys.stderr)
        return 1
    results = evaluate(samples, args.extractor, args.group_by, max(1, args.workers))
    text, data = report(results)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
