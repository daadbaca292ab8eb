"""Write a composed document in the medium its axes drew: a text PDF (its text layer maybe
spoilt), a DOCX, or a scan (resolution, damage, turning, container)."""

import random
import unicodedata

import numpy as np
import pypdfium2 as pdfium

from samples.variants import containers, degradations
from samples.variants.docx_writer import to_docx
from samples.variants.page_model import Composed
from samples.variants.pdf_layout import Laid, TextOp, lay_out
from samples.variants.pdf_writer import image_pdf, mixed_pdf, text_pdf
from samples.variants.text_layer import spoil

Pixels = containers.Pixels


def rasterize(pdf: bytes, dpi: int) -> list[Pixels]:
    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        image = page.render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")
        pages.append(np.asarray(image, dtype=np.uint8).copy())
    return pages


def _poor_ocr(text: str, rng: random.Random) -> str:
    """What a scanner's own OCR often leaves: tone marks lost, letters confused."""
    out = []
    for word in text.split(" "):
        roll = rng.random()
        if roll < 0.35:
            bare = unicodedata.normalize("NFD", word)
            word = unicodedata.normalize(
                "NFC", "".join(c for c in bare if c not in "\u0300\u0301\u0303\u0309\u0323")
            )
        elif roll < 0.45:
            word = word.replace("n", "rn").replace("ê", "e").replace("ơ", "o")
        out.append(word)
    return " ".join(out)


def _hidden(laid: Laid, seed: int) -> dict[int, list[TextOp]]:
    rng = random.Random(seed)
    layer: dict[int, list[TextOp]] = {}
    for op in laid.ops:
        if isinstance(op, TextOp):
            poor = TextOp(op.page, op.x, op.y, _poor_ocr(op.text, rng), op.font, op.size, op.color)
            layer.setdefault(op.page, []).append(poor)
    return layer


def _scan_pages(pdf: bytes, axes: dict[str, str], seed: int) -> list[Pixels]:
    dpi = int(axes["dpi"]) if axes["dpi"] != "n/a" else 300
    pages = rasterize(pdf, dpi)
    if axes["geometry"] == "a3_two_up":
        pairs = [
            degradations.two_up(pages[k], pages[k + 1] if k + 1 < len(pages) else None)
            for k in range(0, len(pages), 2)
        ]
        pages = pairs
    out = []
    for k, page in enumerate(pages):
        damaged = degradations.degrade(page, axes["degradation"], seed + k)
        if axes["geometry"] == "photo":
            damaged = degradations.photograph(damaged, seed + k)
        out.append(degradations.turn(damaged, axes["geometry"], seed))
    return out


def render(doc: Composed, axes: dict[str, str], seed: int) -> tuple[bytes, str, int]:
    """File bytes, file extension and page count of `doc` as `axes` say it was kept."""
    medium = axes["medium"]
    if medium == "docx":
        laid = lay_out(doc)
        return to_docx(doc), "docx", laid.pages
    laid = lay_out(doc)
    pdf = text_pdf(laid, seed)
    if medium == "text_pdf":
        data = spoil(pdf, axes["text_layer"])
        if axes["prefix_bytes"] == "yes":
            data = containers.with_prefix(data, seed)
        return data, "pdf", laid.pages
    container = axes["container"]
    dpi = int(axes["dpi"]) if axes["dpi"] != "n/a" else 200
    if container == "pdf_mixed":
        images = [
            containers.encode_image(p, "jpeg", dpi)
            for p in _scan_pages(pdf, {**axes, "geometry": "upright"}, seed)
        ]
        data = mixed_pdf(laid, images, seed)
    elif container == "pdf_invisible_ocr":
        pages = _scan_pages(pdf, {**axes, "geometry": "upright"}, seed)
        images = [containers.encode_image(p, "jpeg", dpi) for p in pages]
        data = image_pdf(images, laid.size, _hidden(laid, seed))
    else:
        pages = _scan_pages(pdf, axes, seed)
        if container == "pdf_jpeg":
            data = containers.images_pdf(pages, "jpeg", dpi)
        elif container == "pdf_jp2":
            data = containers.images_pdf(pages, "jp2", dpi)
        elif container == "pdf_ccitt":
            data = containers.images_pdf(pages, "g4", dpi)
        elif container == "pdf_jbig2":
            data = containers.jbig2_pdf(pages, dpi)
        elif container == "tiff_g4":
            return containers.tiff_g4(pages, dpi), "tif", len(pages)
        elif container in ("jpeg", "png"):
            return (
                containers.encode_image(pages[0], container, dpi),
                ("jpg" if container == "jpeg" else "png"),
                1,
            )
        else:
            raise ValueError(container)
    if axes["prefix_bytes"] == "yes":
        data = containers.with_prefix(data, seed)
    return data, "pdf", laid.pages
