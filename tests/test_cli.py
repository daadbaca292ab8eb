"""`tdkt extract` as a user runs it: the installed command, its output and its errors.

Bad input must end with a non-zero exit and exactly one line on stderr,
`error: <code>: <message>`, and nothing on stdout that a script could mistake for a
result.
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from schemas import ExtractedDocument

TDKT = Path(sys.executable).with_name("tdkt")
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TEXT_SAMPLE = SAMPLES / "qd_list_grid4_textpdf_namdinh_2024.pdf"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(TDKT), *args], capture_output=True, text=True, timeout=120, check=False
    )


def _pdf(text: str | None = None, **kwargs: object) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, **kwargs)  # type: ignore[arg-type]
    if text:
        pdf.drawString(72, 720, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _png_bomb() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 1, 0, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + idat + chunk(b"IEND", b"")


@pytest.fixture(scope="module", autouse=True)
def _installed() -> None:
    if not TDKT.exists():
        pytest.fail("the tdkt console script is not installed in this environment")


def test_extract_prints_the_contract_as_json() -> None:
    result = _run("extract", str(TEXT_SAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    document = ExtractedDocument.model_validate_json(result.stdout)
    truth = json.loads(TEXT_SAMPLE.with_name(TEXT_SAMPLE.stem + ".truth.json").read_text())
    assert document.number == truth["number"]
    assert [a.recipient.name for a in document.awards] == [
        a["recipient"]["name"] for a in truth["awards"]
    ]


def test_extract_text_prints_the_pages_as_read() -> None:
    result = _run("extract", str(TEXT_SAMPLE), "--text")
    assert result.returncode == 0, result.stderr
    assert "QUYẾT ĐỊNH" in result.stdout
    assert "\f" in result.stdout  # a decision and its list: two pages


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    files = {
        "unsupported_type": ("notes.txt", "Danh sách khen thưởng\n".encode()),
        "corrupt_file": ("broken.pdf", _pdf("Quyết định")[:400] + b"\x00garbage" * 50),
        "encrypted_pdf": ("locked.pdf", _pdf("Quyết định", encrypt="secret")),
        "empty_document": ("blank.pdf", _pdf()),
        "too_large": ("bomb.png", _png_bomb()),
    }
    paths = {}
    for code, (name, data) in files.items():
        path = tmp / name
        path.write_bytes(data)
        paths[code] = path
    paths["not_found"] = tmp / "missing.pdf"
    return paths


@pytest.mark.parametrize(
    "code",
    [
        "unsupported_type",
        "corrupt_file",
        "encrypted_pdf",
        "empty_document",
        "too_large",
        "not_found",
    ],
)
def test_bad_input_exits_non_zero_with_one_error_line(tmp_path: Path, code: str) -> None:
    path = _bad_inputs(tmp_path)[code]
    result = _run("extract", str(path), "--json")
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {code}: "), lines[0]
    assert len(lines[0]) > len(f"error: {code}: ") + 5  # a message, not just the code


def test_a_directory_is_refused_in_one_line(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path))
    assert result.returncode != 0
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ")
