"""Accuracy on the field-variation corpus, per axis value: `python -m bench.variants
[--count N] [--seed S] [--workers W] [--subset] [--details] [--json OUT]`.

Generates the corpus (`samples.variants`, a generator apart from the samples' own) into
`bench/out/variants/seed-S/` or reuses it while the generator is unchanged, runs the real
extractor on every document, and prints rows P/R/F1, names exact, document fields for text
files and scans (and scans by degradation level), one line per axis value (flagged `<` when
row F1 or document fields fall below 0.90), and what the review queue would catch.
`--subset` measures the committed subset in `bench/variants_subset/` instead.
It prints numbers; it never asserts.
"""

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.accuracy import (
    DEFAULT_EXTRACTOR,
    FileResult,
    Run,
    find_samples,
    headline,
    load_truths,
    run_one,
    table,
)
from bench.scoring import Counts, DocumentScore, score_document, score_failure, totals
from schemas.extracted import ExtractedDocument

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "samples" / "variants"
SUBSET = ROOT / "bench" / "variants_subset"
OUT = ROOT / "bench" / "out" / "variants"
FLAG_BELOW = 0.90
REVIEW_THRESHOLD = 0.7


def generator_fingerprint() -> str:
    """Hash of the generator's sources: a corpus made by other code is made again."""
    digest = hashlib.sha256()
    for path in sorted(GENERATOR.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_corpus(seed: int, count: int) -> Path:
    from samples.variants.generate import write

    folder = OUT / f"seed-{seed}"
    manifest = folder / "manifest.json"
    fingerprint = generator_fingerprint()
    have = json.loads(manifest.read_text()) if manifest.exists() else {}
    if have.get("fingerprint") != fingerprint:
        for old in folder.glob("v*"):
            old.unlink()
        have = {"fingerprint": fingerprint, "count": 0}
    if have["count"] < count:
        start = time.perf_counter()
        write(folder, seed, count, only=range(have["count"], count))
        print(
            f"generated {count - have['count']} documents in "
            f"{time.perf_counter() - start:.1f} s into {folder}",
            file=sys.stderr,
        )
        manifest.write_text(json.dumps({"fingerprint": fingerprint, "count": count}))
    return folder


class Scored(FileResult):
    axes: dict[str, str]
    flagged: bool
    wrong: bool


def _flagged(doc: ExtractedDocument) -> bool:
    """Would the review queue hold it: a warning, or a field or row below the threshold."""
    if doc.needs_review():
        return True
    if any(v < REVIEW_THRESHOLD for v in doc.field_confidence.values()):
        return True
    return any(a.confidence < REVIEW_THRESHOLD for a in doc.awards)


def _wrong(score: DocumentScore) -> bool:
    fields = any(not f.correct for f in score.fields if f.headline)
    rows = bool(score.missed or score.spurious or any(p.wrong for p in score.pairs))
    return fields or rows or score.failed > 0


def evaluate(folder: Path, index_limit: int | None, workers: int, extractor: str) -> list[Scored]:
    samples = find_samples([folder])
    pending = load_truths(samples)
    if index_limit is not None:
        pending = pending[:index_limit]
    paths = [str(s.document) for s, _ in pending]
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            runs: list[Run] = list(pool.map(run_one, paths, [extractor] * len(paths)))
    else:
        runs = []
        for k, path in enumerate(paths, start=1):
            runs.append(run_one(path, extractor))
            print(f"[{k}/{len(paths)}] {Path(path).name} {runs[-1].seconds:.1f}s", file=sys.stderr)
    results: list[Scored] = []
    for (sample, truth), run in zip(pending, runs, strict=True):
        raw = json.loads(sample.truth.read_text(encoding="utf-8"))
        axes: dict[str, str] = raw.get("variant", {}).get("axes", {})
        if run.extracted_json is None:
            score = score_failure(truth, run.error or "unknown")
            flagged = True
        else:
            extracted = ExtractedDocument.model_validate_json(run.extracted_json)
            score = score_document(extracted, truth)
            flagged = _flagged(extracted)
        results.append(
            Scored(
                name=sample.document.name,
                path=str(sample.document),
                group="scan" if truth.ocr.used else "text",
                seconds=run.seconds,
                score=score,
                axes=axes,
                flagged=flagged,
                wrong=_wrong(score),
            )
        )
    return results


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def axis_table(results: Sequence[Scored]) -> str:
    """Row F1, document fields and names exact for every value of every axis."""
    keys = [f"{axis}={value}" for r in results for axis, value in r.axes.items() if value != "n/a"]
    summed = totals([r.score for r in results for axis, v in r.axes.items() if v != "n/a"], keys)
    lines = [
        f"{'axis value':44} {'files':>5} {'rowF1':>6} {'docF':>6} {'names':>6} "
        f"{'kind':>6} {'unit':>6}"
    ]
    for key in sorted(summed.groups):
        c = summed.groups[key]
        low = (c.f1 < FLAG_BELOW) or ((c.doc_fields_accuracy or 1.0) < FLAG_BELOW)
        lines.append(
            f"{key:44} {c.files:5d} {_f(c.f1):>6} {_f(c.doc_fields_accuracy):>6} "
            f"{_f(c.names_exact_rate):>6} {_f(c.kind_accuracy):>6} "
            f"{_f(c.unit_accuracy):>6}{'  <' if low else ''}"
        )
    return "\n".join(lines)


def field_line(label: str, counts: Counts) -> str:
    files = counts.files
    return f"{label} fields: " + "  ".join(
        f"{name} {_f(n / files if files else None)}" for name, n in counts.field_correct.items()
    )


def review_line(results: Sequence[Scored]) -> str:
    wrong = [r for r in results if r.wrong]
    right = [r for r in results if not r.wrong]
    caught = sum(r.flagged for r in wrong)
    bothered = sum(r.flagged for r in right)
    share_wrong = caught / len(wrong) if wrong else None
    share_right = bothered / len(right) if right else None
    return (
        f"review queue: holds {_f(share_wrong)} of the {len(wrong)} documents with a wrong "
        f"row or field (target >= 0.95); holds {_f(share_right)} of the {len(right)} "
        "all-right documents (target <= 0.25)"
    )


def details(results: Sequence[Scored]) -> str:
    out = []
    for r in results:
        s = r.score
        if not r.wrong:
            continue
        out.append(f"{r.name}{'  ERROR ' + s.error if s.error else ''}")
        for f in s.fields:
            if f.headline and not f.correct:
                out.append(f"    {f.field}: got {f.extracted!r} want {f.truth!r}")
        for name in s.missed:
            out.append(f"    missed: {name}")
        for name in s.spurious:
            out.append(f"    spurious: {name}")
        for p in s.pairs:
            if p.wrong:
                out.append(f"    row {p.truth_index}: wrong {', '.join(p.wrong)}")
    return "\n".join(out)


def report(results: Sequence[Scored], show_details: bool) -> str:
    lines = [table(results), ""]
    groups: dict[str, list[Scored]] = {}
    for r in results:
        groups.setdefault(r.group, []).append(r)
        if r.group == "scan":
            level = r.axes.get("degradation", "n/a")
            label = f"scan/{level}" if level != "n/a" else "scan/text-layer-unusable"
            groups.setdefault(label, []).append(r)
    for label in sorted(groups, key=lambda g: (g != "text", g != "scan", g)):
        members = groups[label]
        counts = totals([m.score for m in members]).overall
        lines.append(headline(label, counts, [m.seconds for m in members]))
    everything = totals([r.score for r in results]).overall
    lines.append(headline("all", everything, [r.seconds for r in results]))
    for label in ("text", "scan"):
        if label in groups:
            lines.append(field_line(label, totals([m.score for m in groups[label]]).overall))
    lines += ["", axis_table(results), "", review_line(results)]
    if show_details:
        lines += ["", details(results)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.variants", description=__doc__)
    parser.add_argument("--count", type=int, default=150)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--subset", action="store_true", help="the committed subset only")
    parser.add_argument("--details", action="store_true", help="list every mistake")
    parser.add_argument("--json", type=Path, metavar="OUT")
    parser.add_argument("--extractor", default=DEFAULT_EXTRACTOR, metavar="MODULE:FUNCTION")
    args = parser.parse_args(argv)
    folder = SUBSET if args.subset else ensure_corpus(args.seed, args.count)
    start = time.perf_counter()
    results = evaluate(
        folder, None if args.subset else args.count, max(1, args.workers), args.extractor
    )
    print(report(results, args.details))
    print(
        f"{len(results)} documents in {time.perf_counter() - start:.0f} s wall "
        f"(workers {args.workers})"
    )
    if args.json:
        args.json.write_text(
            json.dumps([r.model_dump(mode="json") for r in results], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
