"""Regenerate the committed sample set: `python -m samples.generate` (from the repository root).

Each sample `samples/<stem>.<ext>` comes with `<stem>.truth.json` (an `ExtractedDocument`) and
`<stem>.truth.txt` (the printed text in reading order, pages separated by form feed). Both are
derived from the same structured description as the rendering (see `samples/corpus.py`).
Everything is seeded: running it twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np

from samples import degrade
from samples.corpus import build_corpus
from samples.layout import decision_blocks, who_text
from samples.model import (
    Block,
    CertSpec,
    DecisionSpec,
    DocSpec,
    Grant,
    Group,
    PageBreak,
    Para,
    Person,
    TableBlock,
    block_lines,
    nfc,
)
from samples.render_docx import render_docx
from samples.render_pdf import Typewriter, cert_lines, render_cert_pdf, render_decision_pdf
from schemas import (
    Award,
    DeclaredCounts,
    Evidence,
    ExtractedDocument,
    OcrInfo,
    Recipient,
    RecipientKind,
    Signer,
)

HERE = Path(__file__).resolve().parent
SCAN_DPI = 300
CERT_SCAN_DPI = 200
PHOTO_DPI = 200
READER_DIAGNOSTICS = {"field_confidence", "low_confidence"}  # left out of truth files
EXT = {
    "textpdf": "pdf",
    "docx": "docx",
    "scan_light": "pdf",
    "scan_heavy": "pdf",
    "photo": "jpg",
    "photo_pdf": "pdf",
    "scanjpg_light": "jpg",
    "scanjpg_heavy": "jpg",
}
KIND = {
    "textpdf": "text PDF",
    "docx": "DOCX",
    "scan_light": "scanned PDF (image only), light",
    "scan_heavy": "scanned PDF (image only), heavy",
    "photo": "phone photo JPEG",
    "photo_pdf": "phone photos in an image-only PDF",
    "scanjpg_light": "scanned JPEG, light",
    "scanjpg_heavy": "scanned JPEG, heavy",
}


# ----------------------------------------------------------------------------- truth


def _recipient(w: Person | Group) -> Recipient:
    if isinstance(w, Person):
        return Recipient(
            kind=RecipientKind.individual,
            name=w.name,
            honorific=w.honorific,
            position=w.position,
            unit=w.unit,
        )
    return Recipient(kind=RecipientKind.collective, name=w.name, unit=w.unit)


def _award(g: Grant, page: int, text: str) -> Award:
    return Award(
        recipient=_recipient(g.who),
        award_code=g.code,
        award_text=g.award_text,
        award_class=None,
        period=g.period,
        reason=g.reason,
        amount_vnd=g.amount,
        confidence=1.0,
        evidence=Evidence(page=page, bbox=None, text=text),
    )


def _evidence_texts(spec: DecisionSpec, blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """grant index -> (block index, printed recipient text)."""
    out: dict[int, tuple[int, str]] = {}
    ls = spec.listing
    for bi, b in enumerate(blocks):
        if isinstance(b, Para):
            for gi in b.grants:
                g = spec.grants[gi]
                if spec.inline == "single":
                    text = who_text(g.who, lower_honorific=True)
                else:
                    caps = bool(ls and ls.caps_names and isinstance(g.who, Person))
                    text = who_text(g.who, caps=caps)
                out[gi] = (bi, text)
        elif isinstance(b, TableBlock):
            for row, rg in zip(b.rows, b.row_grants, strict=True):
                if rg is None:
                    continue
                g = spec.grants[rg]
                cells = row[1:]
                if ls is not None and ls.layout == "danhhieu":
                    cells = cells[:-1]  # without the `Danh hiệu` column
                elif ls is not None and ls.layout == "sotien":
                    cells = row[1:3]  # name and class, not the prize and the amount
                out[rg] = (bi, " ".join(c for c in cells if c))
    return out


def decision_truth(
    spec: DecisionSpec, blocks: list[Block], pages: list[int], n_pages: int
) -> ExtractedDocument:
    ev = _evidence_texts(spec, blocks)
    awards = []
    for gi, g in enumerate(spec.grants):
        bi, text = ev[gi]
        awards.append(_award(g, pages[bi], text))
    return ExtractedDocument(
        document_type="decision",
        issuer=spec.issuer.name,
        issuer_parent=spec.issuer.parent,
        issuer_level=spec.issuer.level,
        number=re.sub(r"\s+", "", spec.number),
        date=spec.date,
        place=spec.place,
        subject=" ".join(spec.subject),
        signer=Signer(
            name=spec.signer.name, title=spec.signer.title, authority=spec.signer.authority
        ),
        declared_counts=DeclaredCounts(collective=spec.declared[0], individual=spec.declared[1]),
        awards=awards,
        pages=n_pages,
        ocr=OcrInfo(used=spec.fmt not in ("textpdf", "docx"), engine=None, mean_confidence=None),
        warnings=[],
    )


def cert_truth(spec: CertSpec) -> ExtractedDocument:
    text = " ".join([*spec.recipient_lines, *([spec.detail_line] if spec.detail_line else [])])
    return ExtractedDocument(
        document_type="certificate",
        issuer=spec.issuer_name,
        issuer_parent=spec.issuer_parent,
        issuer_level=spec.level,
        number=spec.number,
        date=spec.date,
        place=spec.place,
        subject=None,
        signer=Signer(
            name=spec.signer.name, title=spec.signer.title, authority=spec.signer.authority
        ),
        declared_counts=DeclaredCounts(),
        awards=[_award(spec.grant, 1, text)],
        pages=1,
        ocr=OcrInfo(used=spec.fmt != "textpdf", engine=None, mean_confidence=None),
        warnings=[],
    )


def page_text(blocks: list[Block], pages: list[int], n_pages: int) -> str:
    per: list[list[str]] = [[] for _ in range(n_pages)]
    for b, p in zip(blocks, pages, strict=True):
        per[p - 1] += block_lines(b)
    return "\f".join("\n".join(lines) for lines in per) + "\n"


# ----------------------------------------------------------------------------- rendering


def _explicit_pages(blocks: list[Block]) -> list[int]:
    out, cur = [], 1
    for b in blocks:
        out.append(cur)
        if isinstance(b, PageBreak):
            cur += 1
    return out


def _paper(spec: DecisionSpec, imgs: list[degrade.Img], dpi: int) -> list[degrade.Img]:
    """What the page went through before the camera or scanner: typing, ageing, copying.

    A generator of its own, so that the scan and photo draws stay those of the other samples."""
    rng = np.random.default_rng([spec.seed, 7])
    out = []
    for img in imgs:
        if spec.typewriter:
            img = degrade.typed_ink(img, rng, dpi)
        if spec.aged:
            img = degrade.age(img, rng, dpi)
        for _ in range(spec.copies):
            img = degrade.photocopy(img, rng, dpi)
        out.append(img)
    return out


def _scan_pages(
    pdf: bytes,
    level: str,
    seed: int,
    *,
    gray: bool,
    dpi: int,
    spec: DecisionSpec | None = None,
) -> list[bytes]:
    rng = np.random.default_rng(seed)
    quality = 80 if level == "light" else 55
    out = []
    # a photocopy is made from the colour page (the copier turns the red seal grey)
    imgs = degrade.rasterize(pdf, dpi, gray=gray and not (spec and spec.copies))
    if spec is not None:
        imgs = _paper(spec, imgs, dpi)
    for img in imgs:
        lv: degrade.Level = "light" if level == "light" else "heavy"
        out.append(degrade.to_jpeg(degrade.scan(img, lv, rng), quality, dpi))
    return out


def build_one(spec: DocSpec, out_dir: Path) -> tuple[Path, str]:
    ext = EXT[spec.fmt]
    path = out_dir / f"{spec.stem}.{ext}"
    if isinstance(spec, DecisionSpec):
        blocks = decision_blocks(spec)
        tw = Typewriter(spec.seed) if spec.typewriter else None
        pdf, pages, n = render_decision_pdf(blocks, tw)
        if spec.fmt == "docx":
            explicit = _explicit_pages(blocks)
            if explicit != pages:
                raise RuntimeError(f"{spec.stem}: content overflows its page in the layout")
            data = render_docx(blocks)
        elif spec.fmt == "textpdf":
            data = pdf
        elif spec.fmt == "photo":
            if n != 1:
                raise RuntimeError(f"{spec.stem}: a photo sample must fit on one page")
            img = degrade.rasterize(pdf, PHOTO_DPI, gray=False)[0]
            data = degrade.to_jpeg(degrade.photo(img, np.random.default_rng(spec.seed)), 70)
        elif spec.fmt == "photo_pdf":
            rng = np.random.default_rng(spec.seed)
            imgs = _paper(spec, degrade.rasterize(pdf, PHOTO_DPI, gray=False), PHOTO_DPI)
            shots = [degrade.photo(im, rng, corner_shadow=0.5, blur=1.2) for im in imgs]
            jpegs = [degrade.to_jpeg(shot, 70, PHOTO_DPI) for shot in shots]
            data = degrade.images_to_pdf(jpegs, PHOTO_DPI)
        else:
            level = spec.fmt.split("_")[1]
            dpi = spec.scan_dpi or SCAN_DPI
            jpegs = _scan_pages(pdf, level, spec.seed, gray=True, dpi=dpi, spec=spec)
            data = degrade.images_to_pdf(jpegs, dpi)
        truth = decision_truth(spec, blocks, pages, n)
        text = page_text(blocks, pages, n)
    else:
        marks = spec.fmt != "textpdf"
        pdf = render_cert_pdf(spec, marks=marks)
        if spec.fmt == "textpdf":
            data = pdf
        else:
            level = spec.fmt.split("_")[1]
            jpegs = _scan_pages(pdf, level, spec.seed, gray=False, dpi=CERT_SCAN_DPI)
            data = jpegs[0] if ext == "jpg" else degrade.images_to_pdf(jpegs, CERT_SCAN_DPI)
        truth = cert_truth(spec)
        text = "\n".join(cert_lines(spec)) + "\n"
    text = nfc(text)
    # a reader's own doubts (OCR confidences) are no part of what the page says
    js = truth.model_dump(mode="json", exclude_none=False, exclude=READER_DIAGNOSTICS)
    ExtractedDocument.model_validate(js)
    dumped = json.dumps(js, ensure_ascii=False, indent=2) + "\n"
    if unicodedata.normalize("NFC", dumped) != dumped:
        raise RuntimeError(f"{spec.stem}: truth is not NFC")
    path.write_bytes(data)
    (out_dir / f"{spec.stem}.truth.json").write_text(dumped, encoding="utf-8")
    (out_dir / f"{spec.stem}.truth.txt").write_text(text, encoding="utf-8")
    return path, KIND[spec.fmt]


def write_readme(rows: list[tuple[str, str, str]], out_dir: Path) -> None:
    lines = [
        "# Sample documents",
        "",
        "Generated by `python -m samples.generate` (deterministic, seeded). Every sample has",
        "`<name>.truth.json` (an `ExtractedDocument`) and `<name>.truth.txt` (the printed text in",
        "reading order, one line per printed paragraph, table row or header line; left column",
        "before right column; pages separated by form feed; seals and signatures are not text).",
        "The people and numbers are invented; the wording follows real documents.",
        "",
        "Truth conventions beyond DESIGN.md: `evidence.text` is the printed recipient text (an",
        "inline item without its dash and `;`; a table row's recipient cells joined by one space,",
        "without STT, `Danh hiệu`, prize and amount cells); `amount_vnd` is set where the document",
        "prints a per-recipient amount (a `Số tiền` column or `mỗi cá nhân … đồng` in Điều 1);",
        "`pages` of a DOCX counts its hard page breaks + 1; `issuer` uses today's spelling `Ủy`",
        "even where the page prints `UỶ`, but keeps an old name as printed (`Sở Giáo dục - Đào",
        "tạo tỉnh Hà Tây`); a student's `unit` is the class as printed (`12A1`). Truth files",
        "leave out `field_confidence` and `low_confidence`: a reader's doubts, not the page's.",
        "",
        "| file | kind | what makes it hard |",
        "|---|---|---|",
    ]
    lines += [f"| `{f}` | {k} | {h} |" for f, k, h in rows]
    (out_dir / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: samples/)")
    ap.add_argument("--only", default="", help="only stems containing this text")
    args = ap.parse_args(argv)
    out_dir: Path = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for spec in build_corpus():
        if args.only and args.only not in spec.stem:
            continue
        path, kind = build_one(spec, out_dir)
        size = path.stat().st_size
        print(f"{path.name:58s} {kind:34s} {size / 1024:8.1f} KB")
        rows.append((path.name, kind, spec.notes))
    if not args.only:
        write_readme(rows, out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
