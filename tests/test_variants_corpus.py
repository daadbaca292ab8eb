"""The field-variation corpus says what it printed: its truth agrees with its pages, every
axis value is in the committed subset, and the subset is what the generator makes."""

import io
import json
import re
import unicodedata
from pathlib import Path

import cv2
import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from docx import Document

from samples.variants.axes import AXES
from samples.variants.containers import jbig2_pdf
from samples.variants.generate import TRUTH_SUFFIX, write
from samples.variants.legacy_encodings import encode

ROOT = Path(__file__).resolve().parents[1]
SUBSET = ROOT / "bench" / "variants_subset"
REAL_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "domain" / "real-texts"
SEED, COUNT = 13, 40


def _truths() -> dict[Path, dict[str, object]]:
    return {
        p: json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(SUBSET.glob(f"*{TRUTH_SUFFIX}"))
    }


def _document(truth_path: Path) -> Path:
    stem = truth_path.name.removesuffix(TRUTH_SUFFIX)
    (found,) = [p for p in SUBSET.glob(f"{stem}.*") if not p.name.endswith(TRUTH_SUFFIX)]
    return found


def _axes(truth: dict[str, object]) -> dict[str, str]:
    variant = truth["variant"]
    assert isinstance(variant, dict)
    axes: dict[str, str] = variant["axes"]
    return axes


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _names(truth: dict[str, object]) -> list[str]:
    awards = truth["awards"]
    assert isinstance(awards, list)
    return [a["recipient"]["name"] for a in awards]


def test_every_axis_value_is_in_the_committed_subset() -> None:
    seen: dict[str, set[str]] = {axis: set() for axis in AXES}
    for truth in _truths().values():
        for axis, value in _axes(truth).items():
            assert value == "n/a" or value in AXES[axis], (axis, value)
            seen[axis].add(value)
    missing = {axis: set(values) - seen[axis] for axis, values in AXES.items()}
    assert {a: m for a, m in missing.items() if m} == {}
    assert len(_truths()) == COUNT


def test_committed_subset_is_what_the_generator_makes(tmp_path: Path) -> None:
    """Text files and one scan of each container kind regenerate byte for byte."""
    truths = _truths()
    picked: list[int] = []
    containers: set[str] = set()
    for truth in truths.values():
        axes = _axes(truth)
        index = truth["variant"]["index"]  # type: ignore[index]
        if axes["medium"] != "scan" or (
            axes["container"] not in containers and len(containers) < 2
        ):
            containers.add(axes["container"])
            picked.append(int(index))
    write(tmp_path, SEED, COUNT, only=picked)
    for made in sorted(tmp_path.iterdir()):
        committed = SUBSET / made.name
        assert committed.exists(), made.name
        if made.name.endswith(".truth.json"):
            assert made.read_bytes() == committed.read_bytes(), made.name
        else:  # pixels and zip times follow the installed OpenCV and the clock, not the seed
            assert made.read_bytes()[:4] == committed.read_bytes()[:4], made.name


def _pdf_text(path: Path) -> str:
    data = path.read_bytes()
    with pdfplumber.open(io.BytesIO(data[data.index(b"%PDF") :])) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_text_layers_hold_each_recipient_as_their_encoding_writes_it() -> None:
    checked = set()
    for path, truth in _truths().items():
        axes = _axes(truth)
        if axes["medium"] != "text_pdf":
            continue
        text = _flat(_pdf_text(_document(path)))
        layer = axes["text_layer"]
        for name in _names(truth):
            if layer in ("unicode", "nfd"):
                assert _flat(name) in text, (path.name, name)
            elif layer in ("tcvn3", "vni"):
                assert (
                    _flat(encode(name, layer)) in text or _flat(encode(name.upper(), layer)) in text
                ), (path.name, name)
            else:  # the layer is spoilt: the name is not there to be read
                assert _flat(name) not in text, (path.name, name)
        checked.add(layer)
    assert checked == set(AXES["text_layer"])


def test_docx_holds_each_recipient_and_number() -> None:
    for path, truth in _truths().items():
        if _axes(truth)["medium"] != "docx":
            continue
        document = Document(str(_document(path)))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts += [cell.text for cell in row.cells]
        text = _flat("\n".join(parts))
        for name in _names(truth):
            assert _flat(name) in text, (path.name, name)
        if truth["number"] is not None:
            assert _flat(str(truth["number"])) in text, path.name


def test_blank_or_handwritten_number_and_day_are_null_in_truth() -> None:
    for path, truth in _truths().items():
        mode = _axes(truth)["number_day"]
        if mode in ("blank_number", "handwritten"):
            assert truth["number"] is None, path.name
        if mode == "printed":
            assert truth["number"] is not None and truth["date"] is not None, path.name
        stamped = _axes(truth)["esign_stamp"] == "stamp"  # `Giờ ký:` prints the day
        alone = _axes(truth)["list_structure"] == "list_alone"  # cites the day, no stamp
        if mode == "blank_day" and _axes(truth)["kind"] != "certificate":
            assert (truth["date"] is not None) == (stamped and not alone), path.name


def test_text_pdfs_print_the_truth_number_where_it_is_legible() -> None:
    for path, truth in _truths().items():
        axes = _axes(truth)
        if axes["medium"] == "text_pdf" and axes["text_layer"] == "unicode":
            number = truth["number"]
            text = _flat(_pdf_text(_document(path)))
            if number is not None:
                assert _flat(str(number)) in text, path.name
            else:
                assert not re.search(r"số:? \d+[/-]", text.split("quyết định")[0]), path.name


def test_legacy_encodings_read_as_real_legacy_pdfs_do() -> None:
    if not REAL_TEXTS.is_dir():
        pytest.skip(f"real texts not present at {REAL_TEXTS}")
    real = (REAL_TEXTS / "07_thquangchau_qd_khen_thuong_hoc_sinh_2021.txt").read_text("utf-8")
    assert encode("phòng GD & đt việt yên", "tcvn3") in real
    assert encode("Việt Nam Nguyễn Đào", "vni") == "Vieät Nam Nguyeãn Ñaøo"


def test_jbig2_pages_decode_to_the_page_written() -> None:
    page = np.full((400, 300), 255, np.uint8)
    cv2.putText(page, "QD 1234", (20, 200), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 4)
    document = pdfium.PdfDocument(jbig2_pdf([page], 150))
    shown = np.asarray(document[0].render(scale=150 / 72).to_pil().convert("L"))
    assert shown.shape == page.shape
    assert (np.abs(shown.astype(int) - page) > 100).mean() < 0.01
