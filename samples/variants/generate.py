"""Write the field-variation corpus: `python -m samples.variants.generate OUT [--count N]
[--seed S]`. Document k depends only on (seed, k) and the axis streams, so a corpus of N
documents is the first N of any larger one with the same seed."""

import argparse
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from samples.variants import certificate, decision_inline, decision_list
from samples.variants.axes import AxisStreams
from samples.variants.issuers import draw_issuer, for_certificate
from samples.variants.render import render

TRUTH_SUFFIX = ".truth.json"
CERT_BODIES = ("ubnd_one_line", "so_two_line", "phong_two_line", "school", "party")


def _ocr_needed(axes: dict[str, str]) -> bool:
    """Whether a reader must OCR the document to read it right: scans, and text layers
    that carry no usable text (a broken or missing map, private-use codes)."""
    if axes["medium"] == "scan":
        return True
    return axes["text_layer"] in ("broken_tounicode", "no_tounicode", "private_use")


def make(seed: int, index: int, axes: dict[str, str]) -> tuple[bytes, str, dict[str, object]]:
    """One document: its bytes, extension and truth (an ExtractedDocument plus `variant`)."""
    rng = random.Random(f"variants-{seed}-{index}")
    ocr = _ocr_needed(axes)
    kind = axes["kind"]
    if kind == "certificate":
        issuer = for_certificate(draw_issuer(rng.choice(CERT_BODIES), rng))
        composed, truth = certificate.compose(axes, rng, ocr, issuer)
    elif kind == "decision_inline":
        composed, truth = decision_inline.compose(draw_issuer(axes["header"], rng), axes, rng, ocr)
    else:
        composed, truth = decision_list.compose(draw_issuer(axes["header"], rng), axes, rng, ocr)
    data, ext, pages = render(composed, axes, seed * 10007 + index)
    record = truth.model_copy(update={"pages": pages}).model_dump(mode="json")
    record.pop("field_confidence", None)
    record.pop("low_confidence", None)
    record.pop("ocr_readings", None)
    record.pop("field_evidence", None)  # where a field was read is not scored
    record.pop("signatures", None)  # no variant is digitally signed
    record["variant"] = {"seed": seed, "index": index, "axes": axes}
    return data, ext, record


def name_of(seed: int, index: int, axes: dict[str, str]) -> str:
    return f"v{seed}_{index:03d}_{axes['kind']}_{axes['medium']}"


def plan(seed: int, count: int) -> list[dict[str, str]]:
    streams = AxisStreams(seed)
    return [streams.draw() for _ in range(count)]


def write(out: Path, seed: int, count: int, only: Sequence[int] | None = None) -> list[Path]:
    """Write documents (all of `range(count)`, or the indices in `only`) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    axes_list = plan(seed, count)
    for index in only if only is not None else range(count):
        axes = axes_list[index]
        data, ext, record = make(seed, index, axes)
        stem = name_of(seed, index, axes)
        (out / f"{stem}.{ext}").write_bytes(data)
        (out / f"{stem}{TRUTH_SUFFIX}").write_text(
            json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        written.append(out / f"{stem}.{ext}")
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m samples.variants.generate", description=__doc__
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=150)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    for path in write(args.out, args.seed, args.count):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
