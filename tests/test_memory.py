"""Reading a long scan needs no more memory than reading a short one: page images are
made one at a time as the OCR workers are ready for them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from samples.fonts import font_paths

TDKT = Path(sys.executable).with_name("tdkt")
PAGE = (2480, 3508)  # A4 at 300 DPI: 8.7 MB a page once decoded
GROWTH_LIMIT_MB = 80  # all 24 pages decoded at once would add ~190 MB


def scanned_pdf(path: Path, pages: int) -> Path:
    font = ImageFont.truetype(str(font_paths()["Serif"]), 60)
    images = []
    for number in range(1, pages + 1):
        image = Image.new("L", PAGE, 255)
        draw = ImageDraw.Draw(image)
        draw.text((250, 400), "QUYẾT ĐỊNH KHEN THƯỞNG", font=font, fill=0)
        draw.text((250, 600), f"Trang {number}: Nguyễn Thị Thanh Xuân", font=font, fill=0)
        images.append(image)
    images[0].save(path, save_all=True, append_images=images[1:], resolution=300)
    return path


def peak_rss_mb(pdf: Path) -> tuple[float, dict[str, object]]:
    """Peak RSS of the largest process of `tdkt extract` (itself or an OCR worker)."""
    probe = (
        "import resource, subprocess, sys\n"
        "out = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stderr.write(out.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(out.stdout)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(TDKT), "extract", str(pdf), "--json", "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    peak_kb, _, record = result.stdout.partition("\n")
    return int(peak_kb) / 1024, json.loads(record)


def test_twenty_four_pages_take_no_more_memory_than_three(tmp_path: Path) -> None:
    short, short_record = peak_rss_mb(scanned_pdf(tmp_path / "short.pdf", 3))
    long, long_record = peak_rss_mb(scanned_pdf(tmp_path / "long.pdf", 24))
    assert (short_record["pages"], long_record["pages"]) == (3, 24)  # every page was read
    assert long - short < GROWTH_LIMIT_MB, (short, long)
