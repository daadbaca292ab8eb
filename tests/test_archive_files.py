"""Files as archives hold them: junk before `%PDF`, scans stored as JPEG 2000, CCITT G4 or
JBIG2 (sometimes as stencil masks), multi-page G4 TIFFs. Every file is made here."""

import io
import struct

import numpy as np
import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont, ImageOps
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extractors.ocr_engine import OcrPage, OcrWord
from extractors.reader import read_document
from samples.fonts import find_font
from schemas.document_text import PageSource

SERIF = find_font("LiberationSerif-Regular.ttf")
LINES = [
    "ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC",
    "QUYẾT ĐỊNH",
    "Tặng Giấy khen cho ông Nguyễn Văn Hùng",
]
SCAN_SIZE = (1654, 2339)  # A4 at 200 DPI: not the 300 DPI a rendering would have


class RecordingEngine:
    """Records each page image's size and paper brightness; reads one fixed line."""

    name = "recording 1.0"

    def __init__(self) -> None:
        self.seen: list[tuple[tuple[int, int], float]] = []

    def recognize(self, image: Image.Image) -> OcrPage:
        self.seen.append((image.size, float(np.asarray(image.convert("L")).mean())))
        words = [
            OcrWord(text, (40 + 120 * i, 40, 150 + 120 * i, 80), 0.95, line=1)
            for i, text in enumerate(["Quyết", "định", "khen", "thưởng"])
        ]
        return OcrPage(words=words, mean_confidence=95.0, width=image.width, height=image.height)


def _scan(size: tuple[int, int] = SCAN_SIZE) -> Image.Image:
    font = ImageFont.truetype(str(SERIF), size[0] // 30)
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES):
        draw.text((size[0] // 10, size[1] // 10 + i * size[0] // 17), line, font=font, fill=0)
    return image


def _g4(image: Image.Image) -> bytes:
    """CCITT group 4 data of the bilevel image, one strip, coded runs white = paper."""
    buffer = io.BytesIO()
    ImageOps.invert(image).convert("1").save(
        buffer, "TIFF", compression="group4", tiffinfo={278: image.height}
    )
    tiff = Image.open(io.BytesIO(buffer.getvalue()))
    offset, count = tiff.tag_v2[273][0], tiff.tag_v2[279][0]
    return buffer.getvalue()[offset : offset + count]


def _jbig2(image: Image.Image) -> bytes:
    """An embedded JBIG2 stream: page information, one generic region (MMR coded), end."""
    width, height = image.size

    def segment(number: int, kind: int, data: bytes) -> bytes:
        return struct.pack(">IBBBI", number, kind, 0, 1, len(data)) + data

    page = struct.pack(">IIIIBH", width, height, 0, 0, 0, 0)
    region = struct.pack(">IIIIB", width, height, 0, 0, 0) + bytes([1]) + _g4(image)
    return segment(0, 48, page) + segment(1, 38, region) + segment(2, 49, b"")


def _image_pdf(data: bytes, size: tuple[int, int], **entries: object) -> bytes:
    """One A4 page drawing one image XObject over the whole page."""
    pdf = pikepdf.new()
    image = pikepdf.Stream(pdf, data)
    image.Type = pikepdf.Name.XObject
    image.Subtype = pikepdf.Name.Image
    image.Width, image.Height = size
    for key, value in entries.items():
        image[f"/{key}"] = value
    page = pdf.add_blank_page(page_size=A4)
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    page.Contents = pdf.make_stream(b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % A4)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _jpx(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG2000")
    return buffer.getvalue()


GRAY = pikepdf.Name.DeviceGray
CCITT = pikepdf.Dictionary({"/K": -1, "/Columns": SCAN_SIZE[0], "/Rows": SCAN_SIZE[1]})


@pytest.mark.parametrize(
    ("make", "taken_out"),
    [
        (lambda s: _image_pdf(_jpx(s), s.size, Filter=pikepdf.Name.JPXDecode), True),
        (
            lambda s: _image_pdf(
                _g4(s), s.size, Filter=pikepdf.Name.CCITTFaxDecode, DecodeParms=CCITT,
                BitsPerComponent=1, ColorSpace=GRAY,
            ),
            True,
        ),
        (
            lambda s: _image_pdf(
                _jbig2(s), s.size, Filter=pikepdf.Name.JBIG2Decode, BitsPerComponent=1,
                ColorSpace=GRAY,
            ),
            True,
        ),
        (  # a stencil mask: its raw bits are the negative of what the page shows
            lambda s: _image_pdf(
                _jbig2(s), s.size, Filter=pikepdf.Name.JBIG2Decode, ImageMask=True
            ),
            False,
        ),
    ],
    ids=["jpeg 2000", "ccitt g4", "jbig2", "jbig2 stencil mask"],
)  # fmt: skip
def test_scans_stored_with_each_filter_reach_ocr_as_the_page_shows_them(
    make: object, taken_out: bool
) -> None:
    assert callable(make)
    data = make(_scan())
    engine = RecordingEngine()

    result = read_document(data, ocr=engine)

    assert result.pages[0].source == PageSource.ocr
    [(size, brightness)] = engine.seen
    assert brightness > 200  # white paper with dark text, not its negative
    if taken_out:
        assert size == SCAN_SIZE  # the image as stored: no resampling
    else:  # rendered at 300 DPI
        assert abs(size[0] - A4[0] / 72 * 300) <= 2 and abs(size[1] - A4[1] / 72 * 300) <= 2


def test_a_jbig2_scan_is_read_by_tesseract() -> None:
    scan = _scan((2480, 3508))
    data = _image_pdf(
        _jbig2(scan), scan.size, Filter=pikepdf.Name.JBIG2Decode, BitsPerComponent=1,
        ColorSpace=GRAY,
    )  # fmt: skip
    text = read_document(data, workers=1).text()
    assert "NAM TRỰC" in text and "Nguyễn Văn Hùng" in text


def test_bytes_before_the_pdf_header_do_not_stop_the_text_layer() -> None:
    if "Serif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Serif", str(SERIF)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Serif", 13)
    for i, line in enumerate(LINES):
        pdf.drawString(60, 760 - 20 * i, line)
    pdf.showPage()
    pdf.save()
    junk = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n" + b"\x00\xff" * 100

    result = read_document(junk + buffer.getvalue(), ocr=RecordingEngine())

    assert result.pages[0].source == PageSource.text_layer
    assert [line.text for line in result.pages[0].lines] == LINES


def test_a_multipage_g4_tiff_gives_one_page_per_frame() -> None:
    frames = [_scan(), ImageOps.mirror(_scan()), _scan()]
    buffer = io.BytesIO()
    bilevel = [frame.convert("1") for frame in frames]
    bilevel[0].save(buffer, "TIFF", compression="group4", save_all=True, append_images=bilevel[1:])
    engine = RecordingEngine()

    result = read_document(buffer.getvalue(), ocr=engine, workers=1)

    assert [page.number for page in result.pages] == [1, 2, 3]
    assert all(size == SCAN_SIZE and brightness > 200 for size, brightness in engine.seen)


NAMES = ["1. Ông Nguyễn Văn Hùng", "2. Bà Trần Thị Mai", "3. Ông Lê Quang Vinh"]


def _typed_page(image: Image.Image | None, box: tuple[float, float, float, float]) -> bytes:
    """An A4 page typed at the top and bottom, with `image` drawn at `box` (x, y, w, h)."""
    if "Serif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Serif", str(SERIF)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Serif", 13)
    for i, line in enumerate(LINES):
        pdf.drawString(60, 780 - 20 * i, line)
    pdf.drawString(60, 120, "Điều 2. Quyết định có hiệu lực kể từ ngày ký.")
    if image is not None:
        from reportlab.lib.utils import ImageReader

        pdf.drawImage(ImageReader(image), *box)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_a_typed_page_with_a_scanned_list_reads_both_in_order() -> None:
    scan = Image.new("L", (1800, 700), 255)
    draw = ImageDraw.Draw(scan)
    font = ImageFont.truetype(str(SERIF), 54)
    for i, line in enumerate(NAMES):
        draw.text((60, 80 + 160 * i), line, font=font, fill=0)

    result = read_document(_typed_page(scan, (60, 300, 432, 168)), workers=1)

    page = result.pages[0]
    assert page.source == PageSource.ocr and result.warnings == []
    texts = [line.text for line in page.lines]
    assert texts[: len(LINES)] == LINES  # the typed lines exactly as typed
    assert texts[-1] == "Điều 2. Quyết định có hiệu lực kể từ ngày ký."
    scanned = texts[len(LINES) : -1]
    assert any("Trần Thị Mai" in t for t in scanned)  # the image part read, in its place


def test_a_scan_with_a_little_typed_text_is_read_whole() -> None:
    scan = _scan()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    from reportlab.lib.utils import ImageReader

    pdf.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])
    if "Serif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Serif", str(SERIF)))
    pdf.setFont("Serif", 9)
    pdf.drawString(440, 20, "Bản sao số hóa ngày 12/3/2024")  # a stamp typed on the scan
    pdf.showPage()
    pdf.save()
    engine = RecordingEngine()

    result = read_document(buffer.getvalue(), ocr=engine)

    assert result.pages[0].source == PageSource.ocr and len(engine.seen) == 1


def test_a_150_dpi_scan_is_enlarged_and_read() -> None:
    dpi_150 = (1240, 1754)  # A4 at 150 DPI; 13 pt text is 27 px tall
    font = ImageFont.truetype(str(SERIF), 27)
    scan = Image.new("L", dpi_150, 255)
    draw = ImageDraw.Draw(scan)
    for i, line in enumerate([*LINES, *NAMES]):
        draw.text((120, 150 + 45 * i), line, font=font, fill=0)
    buffer = io.BytesIO()
    scan.save(buffer, "PNG", dpi=(150, 150))

    text = read_document(buffer.getvalue(), workers=1).text()

    assert "Nguyễn Văn Hùng" in text and "Trần Thị Mai" in text and "Lê Quang Vinh" in text


def test_a_scan_whose_typed_layer_covers_only_its_top_reads_the_rest_with_ocr() -> None:
    """The page image holds the whole page; the visible text layer types only its top."""
    size = (2480, 3508)
    font = ImageFont.truetype(str(SERIF), 54)
    scan = Image.new("L", size, 255)
    draw = ImageDraw.Draw(scan)
    for i, line in enumerate(LINES):
        draw.text((250, 300 + 100 * i), line, font=font, fill=0)
    for i, line in enumerate(NAMES):
        draw.text((250, 1500 + 100 * i), line, font=font, fill=0)
    if "Serif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Serif", str(SERIF)))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    from reportlab.lib.utils import ImageReader

    pdf.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])
    pdf.setFont("Serif", 13)
    for i, line in enumerate(LINES):  # typed where the scan printed them
        pdf.drawString(60, A4[1] - (300 + 100 * i + 45) * 72 / 300, line)
    pdf.showPage()
    pdf.save()

    result = read_document(buffer.getvalue(), workers=1)

    texts = [line.text for line in result.pages[0].lines]
    assert texts[: len(LINES)] == LINES
    assert any("Trần Thị Mai" in t for t in texts[len(LINES) :])
