"""What checking digital signatures costs: `python -m bench.signatures [PDF...]`.

For each PDF (by default the text PDFs in `samples/`, unsigned, then each of them signed
once with a throwaway key, made here), prints the time of `extract_document` without the
signature pass and with it, and of the signature pass alone; and the time the unsigned
check (one byte search) takes on a file of 50 MB. An unsigned PDF should cost nothing
measurable beyond that search.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from extractors import sniff
from extractors.parsing.document import parse_document
from extractors.pdf_signatures import has_signature_mark, read_signatures
from extractors.reader import read_document
from extractors.signed_document import add_signatures
from extractors.trust_roots import TrustRoots

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ROUNDS = 7


def _best_ms(run: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def _signed(data: bytes) -> bytes:
    """The same PDF signed once, by a key and certificate made now."""
    from tests.signed_pdfs import certificate_authority, issue, sign

    root = certificate_authority("Bench Root CA")
    return sign(data, issue(root, "UBND tỉnh Bench", "UBND tỉnh Bench"))


def _row(label: str, data: bytes) -> None:
    roots = TrustRoots()
    text = read_document(data)

    def without() -> object:
        return parse_document(read_document(data))

    def with_pass() -> object:
        return add_signatures(parse_document(read_document(data)), data, sniff.PDF, roots)

    base, full = _best_ms(without), _best_ms(with_pass)
    parsed = parse_document(text)
    alone = _best_ms(lambda: add_signatures(parsed.model_copy(), data, sniff.PDF, roots))
    found = len(read_signatures(data, roots))
    print(
        f"{label:<52} {len(data) / 1024:5.0f} KB  sig={found}  read+parse {base:6.1f} ms"
        f"  with signatures {full:6.1f} ms  signature pass alone {alone:7.3f} ms"
    )


def main(paths: list[Path]) -> None:
    print(f"best of {ROUNDS} rounds each")
    for path in paths:
        data = path.read_bytes()
        _row(path.name, data)
        _row(f"{path.stem} (signed once)", _signed(data))
    big = b"%PDF-1.7\n" + b"0" * (50 * 1024 * 1024)
    searches = [_best_ms(lambda: has_signature_mark(big), 1) for _ in range(ROUNDS)]
    print(f"unsigned check on 50 MB: {statistics.median(searches):.1f} ms (median)")


if __name__ == "__main__":
    given = [Path(a) for a in sys.argv[1:]]
    main(given or sorted(SAMPLES.glob("*textpdf*.pdf"))[:4])
