"""Two A4 pages scanned on one A3 landscape sheet are read as two pages, one after the
other, not as rows running across both. Images are drawn here."""

from PIL import Image, ImageDraw, ImageFont

from extractors.ocr_engine import OcrPage
from extractors.reader import read_document
from extractors.two_up import gutter
from samples.fonts import find_font

FONT = ImageFont.truetype(str(find_font("LiberationSerif-Regular.ttf")), 40)
LEFT = [
    "ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC",
    "Điều 1. Tặng Giấy khen cho ông Nguyễn Văn Hùng",
    "giáo viên Trường Tiểu học Nam Thắng",
]
RIGHT = [
    "Điều 2. Quyết định có hiệu lực kể từ ngày ký",
    "Chánh Văn phòng và các đơn vị có liên quan",
    "chịu trách nhiệm thi hành quyết định này",
]


def _page(lines: list[str], size: tuple[int, int] = (1654, 2339)) -> Image.Image:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((150, 300 + 80 * i), line, font=FONT, fill=0)
    return image


def _sheet(left: Image.Image, right: Image.Image) -> Image.Image:
    sheet = Image.new("L", (left.width + right.width, left.height), 255)
    sheet.paste(left, (0, 0))
    sheet.paste(right, (left.width, 0))
    return sheet


def _png(image: Image.Image) -> bytes:
    import io

    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_a_two_up_sheet_reads_the_left_page_then_the_right_one() -> None:
    sheet = _sheet(_page(LEFT), _page(RIGHT))
    assert gutter(sheet) is not None

    result = read_document(_png(sheet), workers=1)

    texts = [line.text for line in result.pages[0].lines]
    assert len(result.pages) == 1
    assert any("NAM TRỰC" in t for t in texts) and any("thi hành" in t for t in texts)
    last_left = max(i for i, t in enumerate(texts) if "Nam Thắng" in t)
    first_right = min(i for i, t in enumerate(texts) if "Điều 2" in t)
    assert last_left < first_right  # the whole left page before the right page
    assert not any("Hùng" in t and "hiệu lực" in t for t in texts)  # no row across both
    right_box = result.pages[0].lines[first_right].bbox
    assert right_box is not None and right_box[0] > 1654  # boxes in sheet pixels


def test_one_landscape_page_is_not_split() -> None:
    certificate = Image.new("L", (3508, 2480), 255)
    draw = ImageDraw.Draw(certificate)
    for i, line in enumerate(["BẰNG KHEN", *LEFT, *RIGHT]):
        width = draw.textlength(line, font=FONT)
        draw.text(((3508 - width) / 2, 500 + 90 * i), line, font=FONT, fill=0)
    assert gutter(certificate) is None
    assert gutter(_page(LEFT)) is None  # portrait
    assert gutter(_sheet(_page(LEFT), _page([]))) is None  # one page and a blank back


def test_a_two_up_sheet_scanned_sideways_is_turned_then_split() -> None:
    sheet = _sheet(_page(LEFT), _page(RIGHT)).rotate(90, expand=True)  # portrait now
    assert gutter(sheet) is None

    result = read_document(_png(sheet), workers=1)

    page = result.pages[0]
    texts = [line.text for line in page.lines]
    assert page.rotation in (90, 270)
    last_left = max(i for i, t in enumerate(texts) if "Nam Thắng" in t)
    first_right = min(i for i, t in enumerate(texts) if "Điều 2" in t)
    assert last_left < first_right


class NothingEngine:
    """Recognizes nothing at all, as Tesseract does on a page turned the wrong way."""

    name = "nothing 1.0"

    def recognize(self, image: Image.Image) -> OcrPage:
        return OcrPage(words=[], mean_confidence=0.0, width=image.width, height=image.height)


def test_a_page_where_ocr_recognizes_nothing_is_an_empty_document_not_a_crash() -> None:
    import pytest

    from extractors.errors import EmptyDocumentError

    with pytest.raises(EmptyDocumentError):
        read_document(_png(_page(LEFT)), ocr=NothingEngine(), workers=1)
