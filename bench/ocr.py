"""OCR quality and speed, raw Tesseract beside tdkt: `python -m bench.ocr [FOLDER ...]`.

For every scanned file (a PDF without a text layer, or an image) with `<stem>.truth.txt`
beside it (pages separated by form feeds), each page image is read twice: by plain
`tesseract IMG - -l vie` (single-threaded, as shipped) and by tdkt's whole extraction
(page preparation, OCR, layout, repairs, parsing). Printed side by side: character and
word error rates, the share of word errors that are tone-mark-only (right letters, wrong
diacritics), recipient names found exactly (with diacritics) in the text, seconds per
page; then pages per minute with one core and with all. It prints; it never asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image
from rapidfuzz.distance import Levenshtein

from extractors import sniff
from extractors.extract import extract_document
from extractors.image_reader import image_pages
from extractors.parsing.document import parse_document
from extractors.pdf_reader import pdf_pages
from extractors.reader import read_document
from extractors.text_normalize import fold

SCANS = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def normalize(text: str) -> str:
    """NFC, one space between words: layout whitespace is not an OCR error."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class Errors:
    chars: int = 0
    char_errors: int = 0
    words: int = 0
    word_errors: int = 0
    tone_only: int = 0

    def add(self, truth: str, hypothesis: str) -> None:
        truth, hypothesis = normalize(truth), normalize(hypothesis)
        self.chars += len(truth)
        self.char_errors += Levenshtein.distance(truth, hypothesis)
        truth_words, hyp_words = truth.split(), hypothesis.split()
        self.words += len(truth_words)
        self.word_errors += Levenshtein.distance(truth_words, hyp_words)
        # Tone-mark-only: words whose letters OCR got right (they align once diacritics
        # are folded away) but whose diacritics differ, wherever other errors fall.
        folded_truth = [fold(w) for w in truth_words]
        folded_hyp = [fold(w) for w in hyp_words]
        for op in Levenshtein.opcodes(folded_truth, folded_hyp):
            if op.tag == "equal":
                self.tone_only += sum(
                    truth_words[op.src_start + k] != hyp_words[op.dest_start + k]
                    for k in range(op.src_end - op.src_start)
                )

    @property
    def cer(self) -> float:
        return self.char_errors / max(self.chars, 1)

    @property
    def wer(self) -> float:
        return self.word_errors / max(self.words, 1)


@dataclass
class Side:
    errors: Errors = field(default_factory=Errors)
    names_exact: int = 0
    seconds: float = 0.0


@dataclass
class FileResult:
    name: str
    pages: int
    names: int
    raw: Side
    tdkt: Side


def page_images(data: bytes) -> list[Image.Image]:
    """The page images OCR sees: PDF pages rendered at 300 DPI, image frames upright."""
    if sniff.sniff_media_type(data) == sniff.PDF:
        return [image for _, image in pdf_pages(data)[1]]
    return [image for _, image in image_pages(data)]


def raw_tesseract(image: Image.Image, folder: Path) -> tuple[str, float]:
    path = folder / "page.png"
    image.save(path)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    began = time.perf_counter()
    done = subprocess.run(
        ["tesseract", str(path), "-", "-l", "vie"],
        capture_output=True,
        env=env,
        check=True,
    )
    return done.stdout.decode("utf-8"), time.perf_counter() - began


def truth_names(path: Path) -> list[str]:
    truth_json = path.with_name(path.name.split(".")[0] + ".truth.json")
    if not truth_json.exists():
        return []
    data = json.loads(truth_json.read_text("utf-8"))
    names = [a["recipient"]["name"] for a in data.get("awards", [])]
    signer = (data.get("signer") or {}).get("name")
    return [*names, *([signer] if signer else [])]


def measure(path: Path) -> FileResult | None:
    truth_path = path.with_name(path.name.split(".")[0] + ".truth.txt")
    data = path.read_bytes()
    images = page_images(data)
    if not truth_path.exists() or not images:
        return None  # not a scan, or no truth
    truth_pages = truth_path.read_text("utf-8").split("\f")
    raw, ours = Side(), Side()
    raw_pages: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        for image in images:
            text, seconds = raw_tesseract(image, Path(temp))
            raw_pages.append(text)
            raw.seconds += seconds
    began = time.perf_counter()
    document = read_document(data, workers=1)
    parse_document(document)
    ours.seconds = time.perf_counter() - began
    our_pages = [page.text() for page in document.pages]
    for index, truth in enumerate(truth_pages):
        raw.errors.add(truth, raw_pages[index] if index < len(raw_pages) else "")
        ours.errors.add(truth, our_pages[index] if index < len(our_pages) else "")
    names = truth_names(path)
    raw_text, our_text = normalize(" ".join(raw_pages)), normalize(" ".join(our_pages))
    # Exact with diacritics; case aside (lists print names in capitals).
    raw.names_exact = sum(name.lower() in raw_text.lower() for name in names)
    ours.names_exact = sum(name.lower() in our_text.lower() for name in names)
    return FileResult(path.name, len(images), len(names), raw, ours)


def _warm_worker() -> None:
    """Load the parser's models before the clock starts, as a running service has."""
    from extractors.nlp import get_nlp

    get_nlp()


def _extract_file(path: Path) -> int:
    document = extract_document(path.read_bytes(), workers=1)
    return document.pages


def throughput(files: list[Path], processes: int) -> float:
    """Pages per minute reading whole files in `processes` warm workers, biggest first."""
    files = sorted(files, key=lambda p: -len(page_images(p.read_bytes())))
    with ProcessPoolExecutor(max_workers=processes, initializer=_warm_worker) as pool:
        list(pool.map(_sleep_a_moment, range(processes)))  # every worker started and warm
        began = time.perf_counter()
        pages = sum(pool.map(_extract_file, files))
        return pages / (time.perf_counter() - began) * 60


def _sleep_a_moment(_index: int) -> None:
    time.sleep(0.5)


def ocrmypdf_seconds_per_page(files: list[Path]) -> tuple[float, int] | None:
    """ocrmypdf (`--skip-text -l vie`, one job) on the scanned PDFs: the reference pipeline."""
    beside = Path(sys.executable).with_name("ocrmypdf")
    command = str(beside) if beside.exists() else shutil.which("ocrmypdf")
    pdfs = [path for path in files if path.suffix.lower() == ".pdf"]
    if command is None or not pdfs:
        return None
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    pages = 0
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as temp:
        for path in pdfs:
            subprocess.run(
                [command, "--skip-text", "-l", "vie", "--output-type", "pdf", "-j", "1",
                 "--quiet", str(path), str(Path(temp) / "out.pdf")],
                env=env, check=True, capture_output=True,
            )  # fmt: skip
            pages += len(page_images(path.read_bytes()))
    return (time.perf_counter() - began) / pages, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("samples")])
    parser.add_argument("--no-throughput", action="store_true")
    args = parser.parse_args()
    files = sorted(p for f in args.folders for p in f.iterdir() if p.suffix.lower() in SCANS)
    results = [r for r in map(measure, files) if r is not None]
    print(
        f"{'file':52} {'pg':>2}  {'CER raw':>7} {'tdkt':>6}  {'WER raw':>7} {'tdkt':>6}  "
        f"{'tone raw':>8} {'tdkt':>5}  {'names raw':>9} {'tdkt':>5}  {'s/pg raw':>8} {'tdkt':>5}"
    )
    for r in results:
        print(
            f"{r.name:52} {r.pages:2}  {r.raw.errors.cer:7.3f} {r.tdkt.errors.cer:6.3f}  "
            f"{r.raw.errors.wer:7.3f} {r.tdkt.errors.wer:6.3f}  "
            f"{r.raw.errors.tone_only:8} {r.tdkt.errors.tone_only:5}  "
            f"{r.raw.names_exact:4}/{r.names:<4} {r.tdkt.names_exact:5}  "
            f"{r.raw.seconds / r.pages:8.2f} {r.tdkt.seconds / r.pages:5.2f}"
        )
    if not results:
        print("no scanned files with truth text")
        return
    total = {"raw": Errors(), "tdkt": Errors()}
    for r in results:
        for label, side in (("raw", r.raw), ("tdkt", r.tdkt)):
            for name in ("chars", "char_errors", "words", "word_errors", "tone_only"):
                setattr(
                    total[label], name, getattr(total[label], name) + getattr(side.errors, name)
                )
    pages = sum(r.pages for r in results)
    names = sum(r.names for r in results)
    for label in ("raw", "tdkt"):
        sides: list[Side] = [getattr(r, label) for r in results]
        errors = total[label]
        median = statistics.median(s.seconds / r.pages for s, r in zip(sides, results, strict=True))
        print(
            f"{label:5} CER {errors.cer:.4f}  WER {errors.wer:.4f}  "
            f"tone-only word errors {errors.tone_only} "
            f"({errors.tone_only / max(errors.word_errors, 1):.0%} of {errors.word_errors})  "
            f"names exact {sum(s.names_exact for s in sides)}/{names} "
            f"({sum(s.names_exact for s in sides) / max(names, 1):.3f})  "
            f"{sum(s.seconds for s in sides) / pages:.2f} s/page "
            f"(median {median:.2f})"
        )
    raw, ours = total["raw"], total["tdkt"]
    print(
        f"tdkt/raw: CER {ours.cer / max(raw.cer, 1e-9):.2f}x, tone-only errors "
        f"{ours.tone_only / max(raw.tone_only, 1):.2f}x, time per page "
        f"{sum(r.tdkt.seconds for r in results) / sum(r.raw.seconds for r in results):.2f}x"
    )
    scanned_files = [path for path in files if any(r.name == path.name for r in results)]
    reference = ocrmypdf_seconds_per_page(scanned_files)
    if reference is not None:
        seconds, count = reference
        pdf_results = [r for r in results if r.name.endswith(".pdf")]
        mine = sum(r.tdkt.seconds for r in pdf_results) / max(sum(r.pages for r in pdf_results), 1)
        print(
            f"ocrmypdf --skip-text -l vie -j 1: {seconds:.2f} s/page on {count} scanned PDF "
            f"pages (tdkt {mine:.2f} s/page on the same)"
        )
    if not args.no_throughput:
        scanned = [path for path in files if any(r.name == path.name for r in results)]
        one = throughput(scanned, 1)
        cores = os.cpu_count() or 1
        many = throughput(scanned, cores)
        print(
            f"throughput: {one:.1f} pages/min on 1 core, {many:.1f} on {cores} cores "
            f"({many / one:.2f}x)"
        )


if __name__ == "__main__":
    main()
