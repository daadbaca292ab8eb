"""Text layers as the field makes them: fonts without a Unicode map, legacy TCVN3 and VNI
fonts, NFD text, a scanner's invisible OCR layer. Every PDF is made here."""

import io
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from fontTools.ttLib import TTFont as FontFile
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extractors.extract import extract_document
from extractors.legacy_encodings import TCVN3, VNI_TABLE
from extractors.ocr_engine import OcrPage, OcrWord
from extractors.reader import read_document
from extractors.text_layer_quality import measure, unreadable_reason
from samples.fonts import find_font
from schemas.document_text import PageSource

SHARED = Path(__file__).resolve().parents[2] / "shared"
SERIF = find_font("LiberationSerif-Regular.ttf")

DECISION = [
    "ỦY BAN NHÂN DÂN HUYỆN NAM TRỰC",
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 125/QĐ-PGDĐT",
    "QUYẾT ĐỊNH",
    "Về việc khen thưởng tập thể và cá nhân năm học 2023 - 2024",
    "Điều 1. Tặng Giấy khen cho ông Nguyễn Văn Hùng, giáo viên",
    "Trường Tiểu học Nam Thắng, đã có thành tích xuất sắc.",
    "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
]


def _font(name: str, path: Path = SERIF) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


def _pdf(lines: list[str], font: str, *, size: int = 13, before: Callable[..., None] | None = None,
         render_mode: int = 0) -> bytes:  # fmt: skip
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    if before is not None:
        before(pdf)
    text = pdf.beginText(60, A4[1] - 80)
    text.setFont(font, size)
    text.setTextRenderMode(render_mode)
    for line in lines:
        text.textLine(line)
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _remap_to_unicode(data: bytes, replace: Callable[[int], str]) -> bytes:
    """The PDF with its ToUnicode maps' non-ASCII targets rewritten (`replace(code)` gives
    the new hex target, or '' to drop the map), as fonts without a real map come out."""
    pdf = pikepdf.open(io.BytesIO(data))
    for font in pdf.pages[0].Resources.Font.values():
        if "/ToUnicode" not in font:
            continue
        cmap = font.ToUnicode.read_bytes().decode("latin-1")

        def target(match: re.Match[str]) -> str:
            unicode = int(match.group(2), 16)
            return match.group(0) if unicode < 0x80 else f"<{match.group(1)}> <{replace(unicode)}>"

        rewritten = re.sub(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{4,})>", target, cmap)
        font.ToUnicode = pdf.make_stream(rewritten.encode("latin-1"))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


class RecordingEngine:
    """Says which page images it was given; reads each as one fixed Vietnamese line."""

    name = "recording 1.0"

    def __init__(self) -> None:
        self.sizes: list[tuple[int, int]] = []

    def recognize(self, image: Image.Image) -> OcrPage:
        self.sizes.append(image.size)
        words = [
            OcrWord(text, (40 + 120 * i, 40, 150 + 120 * i, 80), 0.95, line=1)
            for i, text in enumerate(["Ủy", "ban", "nhân", "dân", "huyện", "Nam", "Trực"])
        ]
        return OcrPage(words=words, mean_confidence=95.0, width=image.width, height=image.height)


# ------------------------------------------------------------------ the judgement itself


def test_the_judge_keeps_vietnamese_and_refuses_garbage() -> None:
    good = measure(" ".join(DECISION).split())
    assert good.syllable_share > 0.9 and unreadable_reason(good) is None
    nul = measure(
        ["S\x00", "Gi\x00o", "D\x00c", "v\x00", "\x00\x00o", "t\x00o", "huy\x00n", "Nam", "Tr\x00c"]
        * 2
    )
    assert unreadable_reason(nul) == "unmapped glyphs"
    cid = measure(["S(cid:1)", "GI(cid:2)O", "D(cid:3)C", "Quy(cid:7)t"] * 4)
    assert unreadable_reason(cid) == "unmapped glyphs"
    letters = measure(list("QUYETDINHKHENTHUONGTAPTHE"))
    assert unreadable_reason(letters) == "one letter per word"
    scrambled = measure(["Xkq", "Brtz", "Pqlw", "Zzgh", "Mvvr", "Qptt", "Lkjh", "Ghfd", "Wrtp"])
    assert unreadable_reason(scrambled) == "not Vietnamese words"
    unmarked = measure(
        ["Quyet", "dinh", "khen", "thuong", "tap", "the", "va", "ca", "nhan", "nam", "hoc", "2023"]
        * 2
    )
    assert unreadable_reason(unmarked) is None  # a visible layer says what it says
    assert unreadable_reason(unmarked, invisible=True) == "poor OCR layer"


# ------------------------------------------------------------------ fonts without a map


def test_a_normal_text_pdf_keeps_its_layer_and_has_no_warning() -> None:
    result = read_document(_pdf(DECISION, _font("Serif")), ocr=RecordingEngine())
    assert result.pages[0].source == PageSource.text_layer
    assert result.warnings == []
    assert "Trường Tiểu học Nam Thắng" in result.text()


@pytest.mark.parametrize(
    ("replace", "shown"),
    [
        (lambda _: "0000", "\x00"),
        (lambda _: "FFFD", "\ufffd"),
        (lambda code: f"{0xE000 + code % 0x100:04X}", "private use"),
    ],
    ids=["nul", "replacement character", "private use"],
)
def test_a_layer_of_unmapped_glyphs_is_read_with_ocr_and_warned_about(
    replace: Callable[[int], str], shown: str
) -> None:
    data = _remap_to_unicode(_pdf(DECISION, _font("Serif")), replace)
    engine = RecordingEngine()

    result = read_document(data, ocr=engine)

    page = result.pages[0]
    assert page.source == PageSource.ocr and len(engine.sizes) == 1
    width, height = engine.sizes[0]
    assert abs(width / A4[0] * 72 - 300) < 5 and abs(height / A4[1] * 72 - 300) < 5  # 300 DPI
    assert result.warnings == ["page 1: text layer unreadable (unmapped glyphs), read with OCR"]
    assert "\x00" not in result.text() and "\ufffd" not in result.text()


def test_a_font_without_any_unicode_map_is_read_with_ocr() -> None:
    data = _pdf(DECISION, _font("Serif"))
    pdf = pikepdf.open(io.BytesIO(data))
    for font in pdf.pages[0].Resources.Font.values():
        if "/ToUnicode" in font:
            del font["/ToUnicode"]  # pdfminer now reads `(cid:12)` for the Vietnamese letters
    out = io.BytesIO()
    pdf.save(out)

    result = read_document(out.getvalue(), ocr=RecordingEngine())

    assert result.pages[0].source == PageSource.ocr
    assert "(cid:" not in result.text()
    assert result.warnings and "unmapped glyphs" in result.warnings[0]


def test_the_contract_warns_and_tesseract_reads_the_page_a_broken_layer_hid() -> None:
    data = _remap_to_unicode(_pdf(DECISION, _font("Serif"), size=16), lambda _: "0000")

    document = extract_document(data, workers=1)

    assert document.ocr.used
    assert "page 1: text layer unreadable (unmapped glyphs), read with OCR" in document.warnings
    assert document.issuer is not None and "Giáo dục" in document.issuer


# ------------------------------------------------------------------ legacy fonts


def _legacy_font(tmp_path: Path, family: str, table: dict[str, str]) -> str:
    """A copy of the serif font whose code points `table`'s keys draw the glyphs of its
    values' first letters, as `.VnTime` and `VNI-Times` did; named `family`."""
    font = FontFile(str(SERIF))
    for subtable in font["cmap"].tables:
        if not subtable.isUnicode():
            continue
        cmap = subtable.cmap
        for code, letter in table.items():
            glyph = cmap.get(ord(unicodedata.normalize("NFC", letter)[0]))
            if glyph is not None and len(code) == 1:
                cmap[ord(code)] = glyph
    for record in font["name"].names:
        if record.nameID in (1, 4, 6):
            record.string = family
    path = tmp_path / f"{family}.ttf"
    font.save(str(path))
    return _font(family, path)


def _to_tcvn3(text: str) -> str:
    inverse = {unicode: code for code, unicode in TCVN3.items()}
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))


def _to_vni(text: str) -> str:
    inverse: dict[str, str] = {}
    for code, unicode in sorted(VNI_TABLE.items(), key=lambda kv: (kv[0].lower() != kv[0], kv[0])):
        inverse.setdefault(unicode, code)
    return "".join(inverse.get(c, c) for c in unicodedata.normalize("NFC", text))


BODY = [
    "Điều 1. Tặng giấy khen cho ông Nguyễn Văn Hùng, giáo viên trường tiểu học",
    "Nam Thắng, đã có thành tích xuất sắc trong năm học 2023 - 2024.",
    "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
]


def test_a_tcvn3_layer_is_decoded_and_a_capitals_font_keeps_its_capitals(
    tmp_path: Path,
) -> None:
    real_path = SHARED / "domain/real-texts" / "07_thquangchau_qd_khen_thuong_hoc_sinh_2021.txt"
    if not real_path.exists():
        pytest.skip(f"real texts not present at {real_path.parent}")
    real = real_path.read_text()
    legacy_header = next(line for line in real.splitlines() if "ß" in line and "#" not in line)
    capitals = _legacy_font(tmp_path, "VnTimeH", TCVN3)
    body_font = _legacy_font(tmp_path, "VnTime", TCVN3)

    def header(pdf: canvas.Canvas) -> None:
        pdf.setFont(capitals, 13)
        pdf.drawString(60, A4[1] - 50, legacy_header)

    data = _pdf([_to_tcvn3(line) for line in BODY], body_font, before=header)
    result = read_document(data, ocr=RecordingEngine())

    page = result.pages[0]
    assert page.source == PageSource.text_layer and result.warnings == []
    texts = [line.text for line in page.lines]
    assert texts[0] == "PHÒNG GD & ĐT VIỆT YÊN"
    assert texts[1:] == BODY
    assert unicodedata.is_normalized("NFC", result.text())


def test_a_legacy_font_is_recognized_by_its_code_points_when_its_name_says_nothing(
    tmp_path: Path,
) -> None:
    tcvn3 = _legacy_font(tmp_path, "TimesBody", TCVN3)
    result = read_document(_pdf([_to_tcvn3(line) for line in BODY], tcvn3))
    assert [line.text for line in result.pages[0].lines] == BODY


def test_a_vni_layer_is_decoded(tmp_path: Path) -> None:
    vni = _legacy_font(tmp_path, "VNI-Times", VNI_TABLE)
    encoded = [_to_vni(line) for line in BODY]
    assert any("ä" in line for line in encoded)  # really VNI bytes in the layer

    result = read_document(_pdf(encoded, vni), ocr=RecordingEngine())

    assert result.pages[0].source == PageSource.text_layer
    assert [line.text for line in result.pages[0].lines] == BODY


def test_nfd_text_comes_out_nfc() -> None:
    nfd = [unicodedata.normalize("NFD", line) for line in DECISION]
    assert nfd[0] != DECISION[0]

    result = read_document(_pdf(nfd, _font("Serif")), ocr=RecordingEngine())

    assert result.pages[0].source == PageSource.text_layer
    assert [line.text for line in result.pages[0].lines] == DECISION


# ------------------------------------------------------------------ invisible OCR layers


def _scan(lines: list[str]) -> Image.Image:
    font = ImageFont.truetype(str(SERIF), 50)
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((250, 330 + 90 * i), line, font=font, fill=0)
    return image


def _scanner_pdf(layer: list[str]) -> bytes:
    scan = _scan(DECISION)

    def page_image(pdf: canvas.Canvas) -> None:
        pdf.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])

    return _pdf(layer, _font("Serif"), size=12, before=page_image, render_mode=3)


def test_a_poor_invisible_ocr_layer_is_replaced_by_our_ocr() -> None:
    unmarked = [unicodedata.normalize("NFD", line) for line in DECISION]
    poor = ["".join(c for c in line if not unicodedata.combining(c)) for line in unmarked]
    engine = RecordingEngine()

    result = read_document(_scanner_pdf(poor), ocr=engine)

    assert result.pages[0].source == PageSource.ocr
    assert engine.sizes == [(2480, 3508)]  # the scan itself, taken out as stored
    assert result.warnings == [
        "page 1: invisible OCR layer unreadable (poor OCR layer), read with OCR"
    ]


def test_a_scanner_layer_misreading_one_name_in_twenty_is_not_kept() -> None:
    names = ["Ngô Manh Dương", "Lê Thi Quỳnh Hưng", "Đặng Thị Thanh Hạnh", "Võ Mạrnh Khoa"]
    names += ["Nguyễn Thị Thu Hà", "Lý Thị Thu Mai", "Dương Đức Đóa"]
    words = " ".join(names).split()
    layer = measure(words)
    assert 0.9 < layer.syllable_share < 0.98
    assert unreadable_reason(layer) is None  # typed, it is what the page says
    assert unreadable_reason(layer, invisible=True) == "poor OCR layer"


def test_one_poor_page_of_a_scanner_layer_sends_every_page_of_it_to_ocr() -> None:
    """Marks lost on a list of names leave syllables (`Thi`, `Manh`): the page that gives the
    scanner away speaks for the pages it made beside it."""
    unmarked = [unicodedata.normalize("NFD", line) for line in DECISION]
    poor = ["".join(c for c in line if not unicodedata.combining(c)) for line in unmarked]
    merged = pikepdf.new()
    for layer in (poor, DECISION):
        merged.pages.extend(pikepdf.open(io.BytesIO(_scanner_pdf(layer))).pages)
    buffer = io.BytesIO()
    merged.save(buffer)
    engine = RecordingEngine()

    result = read_document(buffer.getvalue(), ocr=engine, workers=1)

    assert [page.source for page in result.pages] == [PageSource.ocr, PageSource.ocr]
    assert len(engine.sizes) == 2
    assert result.warnings[1] == (
        "page 2: invisible OCR layer unreadable (poor on page 1), read with OCR"
    )


def test_a_good_invisible_ocr_layer_is_kept() -> None:
    engine = RecordingEngine()
    result = read_document(_scanner_pdf(DECISION), ocr=engine)
    assert result.pages[0].source == PageSource.text_layer and engine.sizes == []
    assert result.warnings == []
    assert "Trường Tiểu học Nam Thắng" in result.text()


def test_the_cells_of_a_ruled_table_in_a_tcvn3_font_are_decoded(tmp_path: Path) -> None:
    body_font = _legacy_font(tmp_path, "VnTime", TCVN3)
    rows = [
        ("1", "Nguyễn Văn Hùng", "Trường tiểu học Nam Thắng"),
        ("2", "Trần Thị Mai", "Trường trung học cơ sở Nam Điền"),
    ]

    def table(pdf: canvas.Canvas) -> None:
        columns, top = [60, 100, 260, 520], 600
        pdf.setFont(body_font, 12)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                pdf.drawString(columns[c] + 4, top - 18 * r - 13, _to_tcvn3(cell))
        for r in range(len(rows) + 1):
            pdf.line(columns[0], top - 18 * r, columns[-1], top - 18 * r)
        for x in columns:
            pdf.line(x, top, x, top - 18 * len(rows))

    data = _pdf([_to_tcvn3(line) for line in BODY], body_font, before=table)
    result = read_document(data, ocr=RecordingEngine())

    [found] = result.pages[0].tables
    assert [tuple(c.text for c in row.cells) for row in found.rows] == rows


def test_a_unicode_font_named_like_a_legacy_one_is_left_as_it_is(tmp_path: Path) -> None:
    family = _legacy_font(tmp_path, "VnTimeUnicode", {})  # a `.Vn` name, Unicode inside
    result = read_document(_pdf(DECISION, family), ocr=RecordingEngine())
    assert [line.text for line in result.pages[0].lines] == DECISION


def test_capitals_typed_in_a_tcvn3_body_font_stay_capitals(tmp_path: Path) -> None:
    """TCVN3 has no toned capitals: `THÞ X· QU¶NG` must come back as `THỊ XÃ QUẢNG`."""
    font = _legacy_font(tmp_path, "TimesLegacy", TCVN3)
    lines = [
        "UBND THỊ XÃ QUẢNG YÊN",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 65/QĐ-PGDĐT",
        "8. BÀ NGUYỄN THỊ QUỲNH HƯƠNG, Kế toán Trường THCS Quang Trung",
        *BODY,
    ]
    inverse = {unicode: code for code, unicode in TCVN3.items()}

    def typed(text: str) -> str:  # capitals without a code of their own use the lowercase one
        return "".join(inverse.get(c, inverse.get(c.lower(), c)) for c in text)

    result = read_document(_pdf([typed(line) for line in lines], font), ocr=RecordingEngine())

    assert [line.text for line in result.pages[0].lines] == lines
