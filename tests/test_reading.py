"""Reading files into `DocumentText`: what a user sees when they upload each kind of file."""

import io
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extractors.errors import OcrError
from extractors.ocr_engine import OcrPage, OcrWord
from extractors.reader import read_document
from extractors.sniff import DOCX, JPEG, PDF, PNG, TIFF, sniff_media_type
from samples.fonts import find_font
from schemas.document_text import PageSource


def _font(name: str = "LiberationSerif-Regular.ttf") -> Path:
    return find_font(name)


def _codes(excinfo: pytest.ExceptionInfo[BaseException]) -> str:
    return str(getattr(excinfo.value, "code", ""))


# ---------------------------------------------------------------- files made for the tests


def _pdf(draw: object = None, **kwargs: object) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, **kwargs)
    if callable(draw):
        draw(pdf)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _register_font() -> str:
    if "LibSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("LibSerif", str(_font())))
    return "LibSerif"


def _decision_page(pdf: canvas.Canvas) -> None:
    font = _register_font()
    width, height = A4
    pdf.setFont(font, 12)
    header = [
        ("UBND TỈNH NAM ĐỊNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 1234/QĐ-SGDĐT", "Nam Định, ngày 22 tháng 5 năm 2025"),
    ]
    y = height - 60
    for left, right in header:
        pdf.drawCentredString(150, y, left)
        pdf.drawCentredString(410, y, right)
        y -= 18
    pdf.drawCentredString(width / 2, y - 20, "QUYẾT ĐỊNH")
    pdf.drawString(72, y - 50, "Tặng Giấy khen cho các cá nhân có tên sau:")
    rows = [
        ("STT", "Họ và tên", "Đơn vị"),
        ("1", "Nguyễn Thị Thanh Xuân", "Trường THPT Nguyễn Khuyến"),
        ("2", "Trần Văn Đức", "Trường THCS Lê Quý Đôn"),
    ]
    columns = [72, 112, 300, 520]
    top = y - 70
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            pdf.drawString(columns[c] + 4, top - 18 * r - 13, text)
    for r in range(len(rows) + 1):
        pdf.line(columns[0], top - 18 * r, columns[-1], top - 18 * r)
    for x in columns:
        pdf.line(x, top, x, top - 18 * len(rows))
    pdf.drawString(72, top - 18 * len(rows) - 30, "Điều 2. Quyết định có hiệu lực kể từ ngày ký.")


def _text_image(lines: list[str], size: int = 44, width: int = 1700) -> Image.Image:
    font = ImageFont.truetype(str(_font()), size)
    image = Image.new("RGB", (width, 120 + len(lines) * int(size * 1.8)), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((60, 60 + i * int(size * 1.8)), line, font=font, fill="black")
    return image


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


class BrokenEngine:
    """An OCR engine that crashes, plugged in where Tesseract would be."""

    name = "broken 0.0"

    def recognize(self, image: Image.Image) -> OcrPage:
        raise RuntimeError("segmentation fault (simulated)")


class SizeEngine:
    """Reports the image width as its only word: proves which frame went where."""

    name = "size 1.0"

    def recognize(self, image: Image.Image) -> OcrPage:
        word = OcrWord(f"w{image.width}", (10, 10, 100, 40), 0.9)
        return OcrPage(words=[word], mean_confidence=90.0, width=image.width)


# ---------------------------------------------------------------------------- sniffing


def test_sniffing_recognizes_each_supported_type_by_its_bytes() -> None:
    image = Image.new("L", (20, 20), 255)
    encoded = {}
    for fmt in ("PNG", "JPEG", "TIFF"):
        buffer = io.BytesIO()
        image.save(buffer, format=fmt)
        encoded[fmt] = buffer.getvalue()
    document = docx.Document()
    document.add_paragraph("x")
    docx_bytes = io.BytesIO()
    document.save(docx_bytes)

    assert sniff_media_type(_pdf()) == PDF
    assert sniff_media_type(docx_bytes.getvalue()) == DOCX
    assert sniff_media_type(encoded["PNG"]) == PNG
    assert sniff_media_type(encoded["JPEG"]) == JPEG
    assert sniff_media_type(encoded["TIFF"]) == TIFF


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("Quyết định khen thưởng\n".encode(), "unsupported_type"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "unsupported_type"),
        (b"", "empty_document"),
    ],
    ids=["text file", "old .doc", "zero bytes"],
)
def test_sniffing_refuses_what_cannot_be_read(data: bytes, code: str) -> None:
    with pytest.raises(Exception) as excinfo:
        sniff_media_type(data)
    assert _codes(excinfo) == code


def test_a_zip_that_is_not_a_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/a.txt", "not word")
    with pytest.raises(Exception) as excinfo:
        read_document(buffer.getvalue())
    assert _codes(excinfo) == "unsupported_type"


# ---------------------------------------------------------------------------- text PDF


def test_text_pdf_reads_header_columns_in_order_and_the_grid_as_a_table() -> None:
    result = read_document(_pdf(_decision_page))

    page = result.pages[0]
    assert page.source == PageSource.text_layer and result.ocr_engine is None
    texts = [line.text for line in page.lines]
    assert texts[:6] == [
        "UBND TỈNH NAM ĐỊNH",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 1234/QĐ-SGDĐT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Nam Định, ngày 22 tháng 5 năm 2025",
    ]
    assert page.lines[0].block != page.lines[3].block
    assert "QUYẾT ĐỊNH" in texts
    assert unicodedata.is_normalized("NFC", result.text())

    assert len(page.tables) == 1
    table = page.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [
        ["STT", "Họ và tên", "Đơn vị"],
        ["1", "Nguyễn Thị Thanh Xuân", "Trường THPT Nguyễn Khuyến"],
        ["2", "Trần Văn Đức", "Trường THCS Lê Quý Đôn"],
    ]
    assert texts[table.position - 1].startswith("Tặng Giấy khen")
    assert texts[table.position].startswith("Điều 2.")
    assert result.text().count("Nguyễn Thị Thanh Xuân") == 1  # not repeated as lines


def test_corrupt_pdf_is_reported_as_corrupt() -> None:
    data = _pdf(_decision_page)
    with pytest.raises(Exception) as excinfo:
        read_document(data[:400] + b"\x00garbage" * 50)
    assert _codes(excinfo) == "corrupt_file"


def test_password_protected_pdf_is_reported_as_encrypted() -> None:
    with pytest.raises(Exception) as excinfo:
        read_document(_pdf(_decision_page, encrypt="secret"))
    assert _codes(excinfo) == "encrypted_pdf"


def test_pdf_encrypted_with_an_empty_user_password_is_read() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    encryption = StandardEncryption("", ownerPassword="owner-only", canPrint=1)
    result = read_document(_pdf(_decision_page, encrypt=encryption))
    assert "Nguyễn Thị Thanh Xuân" in result.text()


def test_pdf_without_pages_or_with_only_a_blank_page_is_empty() -> None:
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[]/Count 0>>"]
    no_pages = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(no_pages))
        no_pages += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(no_pages)
    no_pages += b"xref\n0 3\n0000000000 65535 f \n"
    no_pages += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    no_pages += b"trailer\n<</Size 3/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    for data in (no_pages, _pdf()):
        with pytest.raises(Exception) as excinfo:
            read_document(data)
        assert _codes(excinfo) == "empty_document"


# ---------------------------------------------------------------------------- DOCX


def test_docx_reads_paragraphs_and_tables_in_document_order_split_at_page_breaks() -> None:
    document = docx.Document()
    document.add_paragraph("QUYẾT ĐỊNH khen thưởng")
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(
        [
            ("STT", "Họ và tên", "Đơn vị"),
            ("1", "Nguyễn Thị Thanh Xuân", "Trường THPT Nguyễn Khuyến"),
            ("2", "Trần Văn Đức", "Trường THCS Lê Quý Đôn"),
            ("3", "Lê Thị Hồng", ""),
        ]
    ):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(3, 1).merge(table.cell(3, 2))
    document.add_paragraph("Điều 2. Quyết định có hiệu lực kể từ ngày ký.")
    document.add_page_break()  # type: ignore[no-untyped-call]
    document.add_paragraph("DANH SÁCH KÈM THEO")
    buffer = io.BytesIO()
    document.save(buffer)

    result = read_document(buffer.getvalue())

    assert [p.source for p in result.pages] == [PageSource.docx, PageSource.docx]
    first, second = result.pages
    assert [line.text for line in first.lines] == [
        "QUYẾT ĐỊNH khen thưởng",
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
    ]
    assert first.tables[0].position == 1
    rows = [[cell.text for cell in row.cells] for row in first.tables[0].rows]
    assert rows[1] == ["1", "Nguyễn Thị Thanh Xuân", "Trường THPT Nguyễn Khuyến"]
    assert rows[3] == ["3", "Lê Thị Hồng"]  # the merged cell once, not twice
    assert [line.text for line in second.lines] == ["DANH SÁCH KÈM THEO"]


def test_corrupt_docx_is_reported_as_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not-closed")
    with pytest.raises(Exception) as excinfo:
        read_document(buffer.getvalue())
    assert _codes(excinfo) == "corrupt_file"


# ---------------------------------------------------------------------------- images and OCR


def test_image_ocr_keeps_vietnamese_diacritics() -> None:
    image = _text_image(
        ["Quyết định khen thưởng", "Nguyễn Thị Thanh Xuân", "Chiến sĩ thi đua cơ sở"]
    )
    result = read_document(_png(image))

    text = result.text()
    page = result.pages[0]
    assert page.source == PageSource.ocr
    assert result.ocr_engine and result.ocr_engine.startswith("tesseract")
    assert unicodedata.is_normalized("NFC", text)
    for word in ("Quyết", "định", "thưởng", "Nguyễn", "Thị", "Xuân", "Chiến", "đua"):
        assert word in text, (word, text)
    assert page.mean_confidence is not None and page.mean_confidence > 60
    assert all(w.bbox is not None for line in page.lines for w in line.words)
    assert page.lines[0].bbox is not None and page.lines[0].bbox[2] <= image.width


def test_scanned_pdf_page_is_ocrd_from_its_embedded_image() -> None:
    image = _text_image(["Nguyễn Thị Thanh Xuân"], size=60, width=2480)

    def draw(pdf: canvas.Canvas) -> None:
        buffer = io.BytesIO(_png(image))
        from reportlab.lib.utils import ImageReader

        pdf.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])

    result = read_document(_pdf(draw))
    assert result.pages[0].source == PageSource.ocr
    assert "Nguyễn Thị Thanh Xuân" in result.text()
    assert result.pages[0].width == image.width  # boxes in the image's own pixels


def test_every_tiff_frame_becomes_a_page_in_order() -> None:
    frames = [_text_image(["Trang một"], width=w) for w in (900, 1000, 1100)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="TIFF", save_all=True, append_images=frames[1:])

    result = read_document(buffer.getvalue(), ocr=SizeEngine(), workers=2)

    assert [p.number for p in result.pages] == [1, 2, 3]
    assert [p.text() for p in result.pages] == ["w900", "w1000", "w1100"]
    assert result.ocr_engine == "size 1.0"


def test_a_crashing_ocr_engine_fails_the_document_with_ocr_failed() -> None:
    with pytest.raises(OcrError) as excinfo:
        read_document(_png(_text_image(["Giấy khen"])), ocr=BrokenEngine())
    assert _codes(excinfo) == "ocr_failed"


def test_decompression_bomb_image_is_refused_as_too_large() -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 1, 0, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )
    with pytest.raises(Exception) as excinfo:
        read_document(bomb)
    assert _codes(excinfo) == "too_large"


def test_truncated_image_is_reported_as_corrupt() -> None:
    data = _png(_text_image(["Giấy khen"]))
    with pytest.raises(Exception) as excinfo:
        read_document(data[: len(data) // 3])
    assert _codes(excinfo) == "corrupt_file"


def test_scanned_bordered_table_comes_out_as_a_table_with_its_cells() -> None:
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(_pdf(_decision_page))[0]
    scan = page.render(scale=300 / 72, grayscale=True).to_pil().rotate(1.0, fillcolor=255)

    result = read_document(_png(scan))

    page_text = result.pages[0]
    assert [line.text for line in page_text.lines][:2] == [
        "UBND TỈNH NAM ĐỊNH",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    ]
    assert len(page_text.tables) == 1
    rows = [[cell.text for cell in row.cells] for row in page_text.tables[0].rows]
    assert [text.replace(" ", "") for text in rows[0]] == ["STT", "Họvàtên", "Đơnvị"]
    assert rows[1][1] == "Nguyễn Thị Thanh Xuân"
    assert "Nguyễn Thị Thanh Xuân" not in [line.text for line in page_text.lines]
    assert len(rows) == 3


# --------------------------------------------------------- certificates: frames and seals


def _certificate_image() -> Image.Image:
    """A landscape certificate: patterned blue frame, black text, a red seal on the name."""
    font = ImageFont.truetype(str(_font()), 56)
    image = Image.new("RGB", (2339, 1654), (250, 246, 236))
    draw = ImageDraw.Draw(image)
    for inset in range(30, 90, 6):  # a dotted ornamental band all round
        for x in range(inset, 2339 - inset, 18):
            draw.rectangle((x, inset, x + 9, inset + 3), fill=(40, 60, 150))
            draw.rectangle((x, 1654 - inset - 3, x + 9, 1654 - inset), fill=(40, 60, 150))
        for y in range(inset, 1654 - inset, 18):
            draw.rectangle((inset, y, inset + 3, y + 9), fill=(40, 60, 150))
            draw.rectangle((2339 - inset - 3, y, 2339 - inset, y + 9), fill=(40, 60, 150))
    draw.text((700, 300), "BẰNG KHEN", font=font, fill="black")
    draw.text((700, 500), "Bà Nguyễn Thị Thanh Xuân", font=font, fill="black")
    draw.text((1500, 1250), "Phạm Trọng Bảo", font=font, fill="black")
    stamp = Image.new("RGB", image.size, "white")  # stamp ink darkens, it does not cover
    ink = ImageDraw.Draw(stamp)
    ink.ellipse((1330, 1080, 1650, 1400), outline=(210, 40, 40), width=14)
    ink.ellipse((1380, 1130, 1600, 1350), outline=(210, 40, 40), width=5)
    return ImageChops.multiply(image, stamp)


def test_certificate_frame_and_seal_do_not_hide_the_names() -> None:
    text = read_document(_png(_certificate_image())).text()
    assert "Nguyễn Thị Thanh Xuân" in text
    assert "Phạm Trọng Bảo" in text  # the signer under the seal
    ornament = [
        line for line in text.splitlines() if line.strip() and not any(c.isalpha() for c in line)
    ]
    assert len(ornament) <= 2, ornament  # the frame is not read as rows of symbols


def _merged_unit_page(pdf: canvas.Canvas) -> None:
    """A ruled list whose `Đơn vị` cell spans two teachers' rows, a column after it."""
    font = _register_font()
    pdf.setFont(font, 11)
    rows = [
        ("STT", "Họ và tên", "Đơn vị", "Chức vụ"),
        ("1", "Nguyễn Thị Thanh Xuân", "Trường THCS Kim Đồng", "Giáo viên"),
        ("2", "Trần Văn Đức", None, "Hiệu trưởng"),
    ]
    columns = [72, 102, 252, 432, 523]
    top, step = 700, 20
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                pdf.drawString(columns[c] + 3, top - step * r - 14, text)
    for r in range(len(rows) + 1):
        if r == 2:  # no line between the two rows under the merged cell
            for x0, x1 in ((columns[0], columns[2]), (columns[3], columns[4])):
                pdf.line(x0, top - step * r, x1, top - step * r)
        else:
            pdf.line(columns[0], top - step * r, columns[-1], top - step * r)
    for x in columns:
        pdf.line(x, top, x, top - step * len(rows))


def test_a_cell_merged_over_two_rows_keeps_the_cells_after_it_in_their_columns() -> None:
    text = read_document(_pdf(_merged_unit_page))
    (table,) = text.pages[0].tables
    last = [cell.text for cell in table.rows[-1].cells]
    assert last == ["2", "Trần Văn Đức", "", "Hiệu trưởng"]  # not `Hiệu trưởng` as the unit
