"""Vietnamese text normalization: what the parsers and the search index rely on."""

import subprocess
import unicodedata

import pytest

from extractors.text_normalize import (
    clean_text,
    decode_legacy,
    fold,
    fold_aligned,
    is_all_caps,
    looks_legacy,
    nfc,
    normalize_tone_placement,
    title_case_name,
)


def test_nfc_composes_decomposed_text() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Thanh Xuân")
    assert nfd != "Nguyễn Thị Thanh Xuân"
    assert nfc(nfd) == "Nguyễn Thị Thanh Xuân"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Sở\u00a0Giáo   dục\u2003và Đào tạo ", "Sở Giáo dục và Đào tạo"),
        ("\u00d0ÀO TẠO", "ĐÀO TẠO"),  # OCR's Eth for Đ
        ("\u00f0ồng", "đồng"),
        ("Số:      /QĐ – THQC", "Số: /QĐ - THQC"),
        ("năm học 2020 — 2021", "năm học 2020 - 2021"),
        ("Liên doanh Việt\u2010Nga", "Liên doanh Việt-Nga"),
        ("line one  \n  line two", "line one\nline two"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        (unicodedata.normalize("NFD", "Trường"), "Trường"),
        (
            "phßng GD & ®t viÖt yªn\nTRƯỜNG TIỂU HỌC QUANG CHÂU",
            "phòng GD & đt việt yên\nTRƯỜNG TIỂU HỌC QUANG CHÂU",
        ),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Nguyễn Thị Thanh Xuân", "nguyen thi thanh xuan"),
        ("ĐẶNG  VĂN\nĐÔNG", "dang van dong"),
        ("Sở Giáo dục và Đào tạo", "so giao duc va dao tao"),
        ("Hoà Bình", "hoa binh"),
        ("Hòa Bình", "hoa binh"),
        (unicodedata.normalize("NFD", "Thủy"), "thuy"),
        ("QUYẾT ĐỊNH", "quyet dinh"),
    ],
)
def test_fold_is_a_matching_key(text: str, key: str) -> None:
    assert fold(text) == key


def test_fold_aligned_keeps_offsets() -> None:
    text = "Bằng khen của Chủ tịch  UBND"
    assert len(fold_aligned(text)) == len(text)
    assert fold_aligned(text).index("chu tich") == text.index("Chủ tịch")


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("hoà", "hòa"),
        ("Hoá học", "Hóa học"),
        ("khoẻ", "khỏe"),
        ("thuỷ", "thủy"),
        ("Uỷ ban", "Ủy ban"),
        ("tuỳ", "tùy"),
        ("luỹ", "lũy"),
        ("HOÀ THUỴ", "HÒA THỤY"),
        ("hòa thủy", "hòa thủy"),  # already in the chosen convention
        ("quý", "quý"),  # qu + y: same in both conventions
        ("hoàn thuyền khuỷu", "hoàn thuyền khuỷu"),  # closed syllables don't move
    ],
)
def test_tone_placement_uses_hoa_thuy(text: str, normalized: str) -> None:
    assert normalize_tone_placement(text) == normalized


def test_tone_placement_makes_both_spellings_equal() -> None:
    assert normalize_tone_placement("Trường Mầm non Thuỷ Vân") == normalize_tone_placement(
        "Trường Mầm non Thủy Vân"
    )


@pytest.mark.parametrize(
    ("legacy", "decoded"),
    [
        ("phßng GD & ®t viÖt yªn", "phòng GD & đt việt yên"),  # TCVN3 (real-texts 07)
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("B¸t X¸t", "Bát Xát"),
        ("Vieät Nam", "Việt Nam"),  # VNI
        ("Tröôøng Tieåu hoïc", "Trường Tiểu học"),
        ("Sôû Giaùo duïc vaø Ñaøo taïo", "Sở Giáo dục và Đào tạo"),
        ("UÛY BAN NHAÂN DAÂN TÆNH HAØ NOÄI", "ỦY BAN NHÂN DÂN TỈNH HÀ NỘI"),
        ("Nguyeãn Thò Thanh Xuaân", "Nguyễn Thị Thanh Xuân"),
        ("Quyeát ñònh soá 123/QÑ-UBND", "Quyết định số 123/QĐ-UBND"),
        ("Coâng ty TNHH", "Công ty TNHH"),
        ("Baèng khen", "Bằng khen"),
    ],
)
def test_decode_legacy_fonts(legacy: str, decoded: str) -> None:
    assert looks_legacy(legacy)
    assert decode_legacy(legacy) == decoded


@pytest.mark.parametrize(
    "text",
    [
        "hello world",
        "Microsoft® Word",
        "naïve café",
        "Trường Tiểu học Quang Châu",
        "Hoà Bình",  # real Latin-1-only Vietnamese: à is a letter, not a VNI mark
        "Hoá học",
        "quá",
        "25°C",
        "QĐ số 34/QĐ-LĐTL ngày 11/01/2006",
        "",
    ],
)
def test_plain_text_is_never_decoded(text: str) -> None:
    assert not looks_legacy(text)
    assert decode_legacy(text) == text


TCVN3_WORDS = [
    "trường", "giáo dục", "đào tạo", "quyết định", "khen thưởng", "chiến sĩ thi đua cơ sở",
    "nguyễn thị thanh xuân", "huyện việt yên", "tỉnh nam định", "giấy khen", "bằng khen",
    "lao động tiên tiến", "ủy ban nhân dân", "học sinh xuất sắc", "kỷ niệm chương",
    "huân chương lao động hạng ba", "người", "hươu", "ngoài", "khuya",
]  # fmt: skip


@pytest.mark.parametrize("word", TCVN3_WORDS)
def test_tcvn3_round_trip_through_iconv(word: str) -> None:
    """Encode with glibc's TCVN5712-1 (the standard's table), decode with ours."""
    encoded = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=word.encode(), capture_output=True
    )
    if encoded.returncode != 0:
        pytest.skip("iconv without TCVN5712-1")
    assert decode_legacy(encoded.stdout.decode("latin-1")) == word


@pytest.mark.parametrize(
    ("name", "titled"),
    [
        ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
        ("TRẦN THỊ THU HÀ", "Trần Thị Thu Hà"),
        ("ĐẶNG ĐÌNH ĐÔNG", "Đặng Đình Đông"),
        ("trần văn bình", "Trần Văn Bình"),
        ("H'HEN NIÊ", "H'Hen Niê"),
        ("Nguyễn Thị Thanh Xuân", "Nguyễn Thị Thanh Xuân"),
        ("Ksor H'Bia", "Ksor H'Bia"),  # mixed case: untouched
        ("  LÊ   VĂN TÁM ", "Lê Văn Tám"),
        ("Lý PHƯƠNG MAI", "Lý Phương Mai"),  # capitals but one word a decoder slipped on
        ("Nguyễn Văn AN", "Nguyễn Văn AN"),  # mostly mixed case: as printed
    ],
)
def test_title_case_name(name: str, titled: str) -> None:
    assert title_case_name(name) == titled


@pytest.mark.parametrize(
    ("text", "caps"),
    [
        ("NGUYỄN VĂN AN", True),
        ("CHIẾN SĨ THI ĐUA CƠ SỞ", True),
        ("UBND TỈNH NAM ĐỊNH - 2023", True),
        ("Nguyễn Văn An", False),
        ("ĐẶNG văn", False),
        ("123 - ;", False),
    ],
)
def test_is_all_caps(text: str, caps: bool) -> None:
    assert is_all_caps(text) is caps
