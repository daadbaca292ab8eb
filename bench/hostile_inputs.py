"""Hostile files made on the spot (nothing large is committed): decompression bombs,
huge pictures, polyglots. The regression tests and `bench/hostile.py` share them."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_DOCX = SAMPLES / "qd_list_numbered_docx_thoxuan_2020.docx"


def docx_with(parts: dict[str, bytes], base: bytes | None = None) -> bytes:
    """The sample DOCX with `parts` replaced or added (deflated, so bombs stay small)."""
    base = base if base is not None else SAMPLE_DOCX.read_bytes()
    extra = dict(parts)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, extra.pop(info.filename, b"") or source.read(info))
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


def docx_image_bomb(inflated: int = 3 * 1024**3) -> bytes:
    """A DOCX whose image part inflates to `inflated` bytes (3 GB by default, ~3 MB packed)."""
    return _docx_with_streamed("word/media/image1.png", inflated)


def docx_xml_bomb(inflated: int = 100 * 1024**2) -> bytes:
    """A DOCX whose `document.xml` is `inflated` bytes of repeated paragraphs."""
    paragraph = b"<w:p><w:r><w:t>Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b Hoa</w:t></w:r></w:p>"
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    )
    tail = b"</w:body></w:document>"
    body = paragraph * max(1, (inflated - len(head) - len(tail)) // len(paragraph))
    return docx_with({"word/document.xml": head + body + tail})


def docx_lying_sizes() -> bytes:
    """A DOCX whose ZIP directory says `document.xml` is 100 bytes; it inflates to 50 MB."""
    data = bytearray(docx_xml_bomb(50 * 1024**2))
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, 100)
            at += 4
    return bytes(data)


def _docx_with_streamed(part: str, inflated: int) -> bytes:
    """The sample DOCX plus `part` of `inflated` zero bytes, deflated chunk by chunk."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(SAMPLE_DOCX.read_bytes())) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in members:
            if name != part:
                target.writestr(name, data)
        chunk = bytes(16 * 1024 * 1024)
        info = zipfile.ZipInfo(part)
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w", force_zip64=True) as stream:
            left = inflated
            while left > 0:
                stream.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
    return out.getvalue()


def png_of_size(width: int, height: int) -> bytes:
    """A white greyscale PNG of `width × height`, compressed row by row (9000² is ~80 KB)."""
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * width
    parts = [compressor.compress(row) for _ in range(height)]
    idat = b"".join(parts) + compressor.flush()

    def chunk(kind: bytes, payload: bytes) -> bytes:
        crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def pdf_page_of_size(width_pt: float, height_pt: float, text: str = "Nguyen Thi Hoa") -> bytes:
    """A one-page PDF with a text layer, `width_pt × height_pt` points."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width_pt, height_pt))
    page.drawString(10, height_pt - 40, text)
    page.save()
    return buffer.getvalue()


def pdf_with_image(width: int, height: int) -> bytes:
    """A one-page PDF showing one greyscale image of `width × height` pixels (flate, tiny)."""
    compressor = zlib.compressobj(9)
    row = b"\xff" * width
    stream = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (width, height, len(stream), stream),
    ]
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    return _pdf(objects)


def html_pdf_polyglot() -> bytes:
    """HTML first, a PDF after: browsers sniff it as HTML, PDF readers find the PDF."""
    page = b"<html><body><script>alert(document.cookie)</script></body></html>\n"
    return page + pdf_page_of_size(595, 842)


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
