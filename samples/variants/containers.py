"""How archives hold scanned pages: PDFs of JPEG, JPEG 2000, CCITT G4 or JBIG2 images,
multi-page TIFF G4, single JPEG or PNG files; bytes before `%PDF`.

No JBIG2 encoder is packaged here, so the JBIG2 PDF is written by hand: a JBIG2 generic
region may be MMR-coded, and MMR is CCITT G4, which Pillow's libtiff writes. The stream is
a page-information segment plus one immediate lossless generic region, as PDF embeds it."""

import io
import struct

import img2pdf
import numpy as np
import pikepdf
from numpy.typing import NDArray
from PIL import Image, ImageFilter

Pixels = NDArray[np.uint8]


def _pil(img: Pixels, dpi: int) -> Image.Image:
    pil = Image.fromarray(img)
    pil.info["dpi"] = (dpi, dpi)
    return pil


def _bilevel(pil: Image.Image) -> Image.Image:
    """Black and white as a scanner or a scanning app makes it: the threshold follows the
    paper's local brightness, so a shadowed corner keeps its print instead of going black."""
    grey = pil.convert("L")
    # the paper's brightness: the brightest pixels near each point, so ink does not lower it
    small = grey.reduce(8).filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.BoxBlur(3))
    paper = np.asarray(small.resize(grey.size, Image.Resampling.BILINEAR), np.float32)
    pixels = np.asarray(grey, np.float32)
    ink = pixels < np.minimum(150.0, 0.62 * paper)
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)).convert("1")


def encode_image(img: Pixels, fmt: str, dpi: int, quality: int = 60) -> bytes:
    out = io.BytesIO()
    pil = _pil(img, dpi)
    if fmt == "jpeg":
        pil.save(out, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    elif fmt == "png":
        # Archive PNGs are often posterized grey: 16 levels also keep noise from bloating it.
        pil.point(lambda v: (v // 16) * 17).quantize(16).save(
            out, "PNG", dpi=(dpi, dpi), optimize=True
        )
    elif fmt == "jp2":
        pil.save(out, "JPEG2000", quality_mode="rates", quality_layers=[40], irreversible=True)
    elif fmt == "g4":
        bilevel = _bilevel(pil)
        bilevel.save(
            out, "TIFF", compression="group4", dpi=(dpi, dpi), tiffinfo={278: img.shape[0]}
        )
    else:
        raise ValueError(fmt)
    return out.getvalue()


def _layout(dpi: int) -> object:
    """Page size from the pixels at the scan's resolution (JPEG 2000 carries no DPI here)."""

    def layout(img_w: float, img_h: float, _ndpi: object) -> tuple[float, float, float, float]:
        w = img_w * 72.0 / dpi
        h = img_h * 72.0 / dpi
        return w, h, w, h

    return layout


def images_pdf(pages: list[Pixels], fmt: str, dpi: int) -> bytes:
    """A PDF whose pages are images embedded as they are (DCT, JPX or CCITT G4)."""
    encoded = [encode_image(p, fmt, dpi) for p in pages]
    pdf: bytes = img2pdf.convert(encoded, layout_fun=_layout(dpi), nodate=True)
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as document:
        if "/ID" in document.trailer:
            del document.trailer["/ID"]
        document.save(out, deterministic_id=True)  # the same corpus byte for byte
    return out.getvalue()


def tiff_g4(pages: list[Pixels], dpi: int) -> bytes:
    frames = [_bilevel(_pil(p, dpi)) for p in pages]
    out = io.BytesIO()
    frames[0].save(
        out, "TIFF", compression="group4", dpi=(dpi, dpi), save_all=True, append_images=frames[1:]
    )
    return out.getvalue()


def _g4_strip(img: Pixels, dpi: int) -> bytes:
    """The G4 data of a one-strip TIFF: what a JBIG2 MMR region holds."""
    raw = encode_image(img, "g4", dpi)
    tags = Image.open(io.BytesIO(raw)).getexif()
    offsets, counts = tags[273], tags[279]
    offset = int(offsets[0] if isinstance(offsets, tuple) else offsets)
    count = int(counts[0] if isinstance(counts, tuple) else counts)
    return raw[offset : offset + count]


def _segment(number: int, kind: int, data: bytes) -> bytes:
    return struct.pack(">IBBBI", number, kind, 0, 1, len(data)) + data


def jbig2_stream(img: Pixels, dpi: int) -> bytes:
    """An embedded JBIG2 stream of one MMR generic region holding the whole page."""
    h, w = img.shape[:2]
    ppm = int(dpi / 0.0254)
    page_info = struct.pack(">IIIIBH", w, h, ppm, ppm, 0, 0)
    region_info = struct.pack(">IIIIB", w, h, 0, 0, 0)
    generic = region_info + bytes([0x01]) + _g4_strip(img, dpi)
    return _segment(0, 48, page_info) + _segment(1, 39, generic)


def jbig2_pdf(pages: list[Pixels], dpi: int) -> bytes:
    pdf = pikepdf.new()
    for img in pages:
        h, w = img.shape[:2]
        image = pikepdf.Stream(pdf, jbig2_stream(img, dpi))
        image.Type = pikepdf.Name.XObject
        image.Subtype = pikepdf.Name.Image
        image.Width = w
        image.Height = h
        image.BitsPerComponent = 1
        image.ColorSpace = pikepdf.Name.DeviceGray
        image.Filter = pikepdf.Name.JBIG2Decode
        image.Decode = pikepdf.Array([1, 0])
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        page = pdf.add_blank_page(page_size=(pw, ph))
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.Contents = pdf.make_stream(f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode())
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


PREFIXES = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n",
    b"\x00\x00\x00\x00" + b"\x00" * 124,
    b"\xef\xbb\xbf\r\n",
)


def with_prefix(pdf: bytes, seed: int) -> bytes:
    """Bytes before `%PDF`, as mail gateways, download scripts and old archivers leave them."""
    return PREFIXES[seed % len(PREFIXES)] + pdf
