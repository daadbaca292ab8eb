"""Recipients: the shared spaCy pipeline, splitting one recipient, and splitting a run."""

from pathlib import Path

import pytest

from extractors.nlp import (
    RecipientParts,
    find_honorific,
    get_nlp,
    looks_like_person_name,
    name_doubts,
    recipient_from_cells,
    split_recipient,
    split_recipient_run,
)
from extractors.parsing.list_columns import Role, header_roles, names_persons
from schemas import RecipientKind

REAL_TEXTS = Path(__file__).resolve().parents[2] / "shared" / "domain" / "real-texts"
needs_real_texts = pytest.mark.skipif(not REAL_TEXTS.is_dir(), reason="real-texts not here")
IND, COL = RecipientKind.individual, RecipientKind.collective


def test_pipeline_is_blank_vietnamese_with_fold_norms_and_entity_ruler() -> None:
    nlp = get_nlp()
    assert nlp.lang == "vi"
    assert nlp.pipe_names == ["vi_fold_norm", "vi_lexicon_entities"]
    assert get_nlp() is nlp  # built once


def test_tokenizer_splits_punctuation_but_keeps_codes_whole() -> None:
    doc = get_nlp()("Bà Vũ Thị Xuân- Hiệu trưởng, số 1234/QĐ-UBND (GD&ĐT) Đ/c TP. Huế;")
    assert [t.text for t in doc] == [
        "Bà", "Vũ", "Thị", "Xuân", "-", "Hiệu", "trưởng", ",", "số", "1234/QĐ-UBND", "(",
        "GD&ĐT", ")", "Đ/c", "TP.", "Huế", ";",
    ]  # fmt: skip


def test_norm_is_the_folded_form() -> None:
    doc = get_nlp()("TRƯỜNG Tiểu học Đông Hòa")
    assert [t.norm_ for t in doc] == ["truong", "tieu", "hoc", "dong", "hoa"]


def test_entity_ruler_labels_honorific_position_unit_case_and_accent_insensitively() -> None:
    doc = get_nlp()("ông Nguyễn Văn A, PHÓ HIỆU TRƯỞNG truong THCS X")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("ông", "HONORIFIC"),
        ("PHÓ HIỆU TRƯỞNG", "POSITION"),
        ("truong", "UNIT"),
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Bà Trần Thị Lan Dung, Giáo viên Trường THPT Nguyễn Khuyến",
            RecipientParts(
                IND, "Trần Thị Lan Dung", "Bà", "Giáo viên", "Trường THPT Nguyễn Khuyến"
            ),
        ),
        (
            "Bà Vũ Thị Xuân- Hiệu trưởng Trường Tiểu học Hải Vân",
            RecipientParts(IND, "Vũ Thị Xuân", "Bà", "Hiệu trưởng", "Trường Tiểu học Hải Vân"),
        ),
        (
            "ông Nguyễn Đức Hải, chuyên viên Văn phòng Sở Giáo dục và Đào tạo thành phố Huế",
            RecipientParts(
                IND,
                "Nguyễn Đức Hải",
                "Ông",
                "chuyên viên",
                "Văn phòng Sở Giáo dục và Đào tạo thành phố Huế",
            ),
        ),
        (
            "Đ/c Lê Văn Tám - Tổ trưởng tổ Toán, Trường THCS Lê Lợi",
            RecipientParts(IND, "Lê Văn Tám", "Đ/c", "Tổ trưởng tổ Toán", "Trường THCS Lê Lợi"),
        ),
        (
            "NGUYỄN VĂN AN, Giáo viên, Trường Tiểu học Hòa Bình",
            RecipientParts(IND, "Nguyễn Văn An", None, "Giáo viên", "Trường Tiểu học Hòa Bình"),
        ),
        (
            "Em Nguyễn Minh Khôi, Học sinh lớp 5A",
            RecipientParts(IND, "Nguyễn Minh Khôi", "Em", "Học sinh", "lớp 5A"),
        ),
        ("Trần Văn Bình", RecipientParts(IND, "Trần Văn Bình")),
        (
            "2. Bà Nguyễn Thị Thu Hương- Hiệu trưởng trường THCS Thị trấn Vôi.",
            RecipientParts(
                IND, "Nguyễn Thị Thu Hương", "Bà", "Hiệu trưởng", "trường THCS Thị trấn Vôi"
            ),
        ),
        (
            "Đ/C: Nguyễn Văn Bảy, Kế toán",
            RecipientParts(IND, "Nguyễn Văn Bảy", "Đ/c", "Kế toán", None),
        ),
        (
            "Bà Nguyễn Thị Khoa, Phó Hiệu trưởng, Chủ tịch Công đoàn Trường THCS X",
            RecipientParts(
                IND, "Nguyễn Thị Khoa", "Bà", "Phó Hiệu trưởng, Chủ tịch Công đoàn", "Trường THCS X"
            ),
        ),
        (
            "bà Võ Phương Quỳnh Ngân, giáo viên Trường Mầm non Thủy Vân",  # Phương ≠ Phường
            RecipientParts(
                IND, "Võ Phương Quỳnh Ngân", "Bà", "giáo viên", "Trường Mầm non Thủy Vân"
            ),
        ),
        ("Đoàn Văn Hậu, Giáo viên", RecipientParts(IND, "Đoàn Văn Hậu", None, "Giáo viên")),
        (
            "Tổ Toán - Tin, Trường THPT Nguyễn Khuyến",
            RecipientParts(
                COL, "Tổ Toán - Tin, Trường THPT Nguyễn Khuyến", unit="Trường THPT Nguyễn Khuyến"
            ),
        ),
        (
            "Trường Mầm non Bộc Bố, huyện Pác Nặm",
            RecipientParts(COL, "Trường Mầm non Bộc Bố, huyện Pác Nặm"),
        ),
        (
            "Công đoàn Trường Tiểu học An Hòa",
            RecipientParts(COL, "Công đoàn Trường Tiểu học An Hòa", unit="Trường Tiểu học An Hòa"),
        ),
        (
            "Nhân dân và cán bộ thị xã Uông Bí, tỉnh Quảng Ninh",
            RecipientParts(COL, "Nhân dân và cán bộ thị xã Uông Bí, tỉnh Quảng Ninh"),
        ),
        (
            "Trường Tiểu học và Trung học cơ sở Quang Phong, huyện Na Rì;",
            RecipientParts(COL, "Trường Tiểu học và Trung học cơ sở Quang Phong, huyện Na Rì"),
        ),
        (
            "- Lớp 5A, Trường Tiểu học X",
            RecipientParts(COL, "Lớp 5A, Trường Tiểu học X", unit="Trường Tiểu học X"),
        ),
    ],
)
def test_split_recipient(text: str, parts: RecipientParts) -> None:
    assert split_recipient(text) == parts


def test_kind_given_by_the_caller_wins() -> None:
    parts = split_recipient("Trường THCS Đặng Dung", RecipientKind.collective)
    assert parts.kind is COL and parts.name == "Trường THCS Đặng Dung"


@pytest.mark.parametrize(
    ("cells", "parts"),
    [
        (
            ("NGUYỄN THỊ THANH XUÂN", "Giáo viên", "Trường THPT Nguyễn Khuyến"),
            RecipientParts(
                IND, "Nguyễn Thị Thanh Xuân", None, "Giáo viên", "Trường THPT Nguyễn Khuyến"
            ),
        ),
        (
            ("Bà Trần Thị Hoa", "", None),
            RecipientParts(IND, "Trần Thị Hoa", "Bà", None, None),
        ),
        (
            ("Ông Lê Văn Tám", "Hiệu trưởng", ""),
            RecipientParts(IND, "Lê Văn Tám", "Ông", "Hiệu trưởng", None),
        ),
        (
            ("Tổ Văn phòng", None, "Trường THCS Lê Lợi"),
            RecipientParts(COL, "Tổ Văn phòng", unit="Trường THCS Lê Lợi"),
        ),
        (  # what OCR leaves in a scanned grid's cells: a ruling's dash, specks, a stop
            ("Lê Ngọc Cúc", "Kế toán: ._", "Công an huyện Lục Ngạn -"),
            RecipientParts(IND, "Lê Ngọc Cúc", None, "Kế toán", "Công an huyện Lục Ngạn"),
        ),
        (
            ("Trương Hoài Nghĩa", "_-Giáo. viên. ¬", "Trường MN \\ Lê Quý Đôn"),
            RecipientParts(IND, "Trương Hoài Nghĩa", None, "Giáo viên", "Trường MN Lê Quý Đôn"),
        ),
    ],
)
def test_recipient_from_cells(
    cells: tuple[str, str | None, str | None], parts: RecipientParts
) -> None:
    assert recipient_from_cells(*cells) == parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trần Văn Bình", True),
        ("NGUYỄN VĂN AN", True),
        ("Lò Văn Pọm", True),
        ("Tổ Toán Tin", False),  # Tổ is a team, Tô a family name
        ("Trường Tiểu học", False),
        ("Bình", False),
        ("Nguyễn Văn An, Giáo viên", False),
    ],
)
def test_looks_like_person_name(text: str, expected: bool) -> None:
    assert looks_like_person_name(text) is expected


def test_find_honorific() -> None:
    assert find_honorific("Đồng chí Nguyễn Văn A") == ("Đồng chí", 8)
    assert find_honorific("đ/c: Lê Văn Tám") == ("Đ/c", 4)
    assert find_honorific("ông bà") is None  # an honorific is followed by a name
    assert find_honorific("Trường THCS X") is None


@pytest.mark.parametrize(
    ("run", "pieces"),
    [
        ("Phòng Nội vụ và Phòng Tài chính", ["Phòng Nội vụ", "Phòng Tài chính"]),
        ("Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"]),
        ("Phòng Văn hóa và Thông tin", ["Phòng Văn hóa và Thông tin"]),
        ("Sở Lao động - Thương binh và Xã hội", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Nguyễn Văn An và Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
        (  # a person's bracketed post ends them: the body after the comma is its own
            "thượng tá Mai Thị Thu Hương (Cán bộ Công an huyện Mộc Châu), "
            "Nhân dân và cán bộ xã Đông Sang",
            [
                "thượng tá Mai Thị Thu Hương (Cán bộ Công an huyện Mộc Châu)",
                "Nhân dân và cán bộ xã Đông Sang",
            ],
        ),
        (
            "Tặng Giấy khen cho: - Bà Trần Thị Lan Dung, Giáo viên Trường THPT Nguyễn Khuyến; "
            "- Tổ Toán - Tin, Trường THPT Nguyễn Khuyến;",
            [
                "Bà Trần Thị Lan Dung, Giáo viên Trường THPT Nguyễn Khuyến",
                "Tổ Toán - Tin, Trường THPT Nguyễn Khuyến",
            ],
        ),
        (
            "1. Bà Vũ Thị Xuân- Hiệu trưởng trường Mầm non Thị trấn Vôi.\n"
            "2. Bà Nguyễn Thị Thu Hương- Hiệu trưởng trường THCS Thị trấn Vôi.",
            [
                "Bà Vũ Thị Xuân- Hiệu trưởng trường Mầm non Thị trấn Vôi",
                "Bà Nguyễn Thị Thu Hương- Hiệu trưởng trường THCS Thị trấn Vôi",
            ],
        ),
        (
            "2 tập thể được khen thưởng gồm Trường Tiểu học Lý Thường Kiệt (phường Thuận Hóa) "
            "và Trường Trung học cơ sở Đặng Dung (xã Quảng Điền).",
            [
                "Trường Tiểu học Lý Thường Kiệt (phường Thuận Hóa)",
                "Trường Trung học cơ sở Đặng Dung (xã Quảng Điền)",
            ],
        ),
        (  # numbers and a section numeral as OCR misreads them
            "1. Tổ Toán - Tin, Trường MN Lê Quý Đôn.\n1I. Cá nhân\n"
            "5S. Thầy Nguyễn Văn San, Giáo viên Trường Mầm non Bắc Sơn.",
            [
                "Tổ Toán - Tin, Trường MN Lê Quý Đôn",
                "Cá nhân",
                "Thầy Nguyễn Văn San, Giáo viên Trường Mầm non Bắc Sơn",
            ],
        ),
        (  # bodies between commas, the last after a `;`
            "Trường Tiểu học và Trung học cơ sở Yên Lư, Sở Lao động - Thương binh và Xã hội, "
            "Trường THCS Nghiên Loan II; Ban Chỉ huy Quân sự huyện Mộc Châu.",
            [
                "Trường Tiểu học và Trung học cơ sở Yên Lư",
                "Sở Lao động - Thương binh và Xã hội",
                "Trường THCS Nghiên Loan II",
                "Ban Chỉ huy Quân sự huyện Mộc Châu",
            ],
        ),
        (
            "Ban Chỉ huy Quân sự thành phố Sơn La, Nhân dân và cán bộ xã Chiềng Lề; Công an xã",
            [
                "Ban Chỉ huy Quân sự thành phố Sơn La",
                "Nhân dân và cán bộ xã Chiềng Lề",
                "Công an xã",
            ],
        ),
        (  # between `;`, a body before the one it belongs to stays with it
            "Phòng Quản lý chất lượng, Sở Giáo dục và Đào tạo; Tổ Toán - Tin, Trường THPT A",
            ["Phòng Quản lý chất lượng, Sở Giáo dục và Đào tạo", "Tổ Toán - Tin, Trường THPT A"],
        ),
        (  # between `;`, a person's comma parts the name from the unit
            "Nguyễn Văn An, Trường THCS Yên Lư; Trần Thị Bình, Trường Tiểu học Yên Lư",
            ["Nguyễn Văn An, Trường THCS Yên Lư", "Trần Thị Bình, Trường Tiểu học Yên Lư"],
        ),
    ],
)
def test_split_recipient_run(run: str, pieces: list[str]) -> None:
    assert split_recipient_run(run) == pieces


@needs_real_texts
def test_real_run_of_collectives_bac_kan_09() -> None:
    text = (REAL_TEXTS / "09_backan_qd1870_2023_bang_khen_39_tap_the.txt").read_text()
    run = text[text.index("gồm:") : text.index("[excerpt ends here]")]
    pieces = split_recipient_run(run)
    assert len(pieces) == 26  # of the 39, the excerpt holds 25 whole names and a cut one
    assert pieces[0] == "Trường Trung học phổ thông Bắc Kạn"
    assert pieces[2] == "Trường Mầm non Bộc Bố, huyện Pác Nặm"
    assert pieces[6] == "Trường Tiểu học Nghiên Loan II, huyện Pác Nặm"
    assert pieces[15] == "Trường Tiểu học và Trung học cơ sở Quang Phong, huyện Na Rì"
    assert pieces[24] == "Trường Tiểu học và Trung học cơ sở Thanh Mai, huyện Chợ Mới"
    parsed = [split_recipient(p) for p in pieces]
    assert all(p.kind is COL for p in parsed)
    assert all(p.name == piece for p, piece in zip(parsed, pieces, strict=True))
    assert all(p.unit is None for p in parsed)  # `huyện …` is a place, not a parent body


@needs_real_texts
def test_real_run_of_individuals_hue_10() -> None:
    text = (REAL_TEXTS / "10_hue_bang_khen_ttcp_2025_7_nha_giao.txt").read_text()
    paragraph = next(line for line in text.splitlines() if line.startswith("7 cá nhân"))
    parsed = [split_recipient(p) for p in split_recipient_run(paragraph)]
    assert [(p.honorific, p.name, p.position, p.unit) for p in parsed] == [
        ("Bà", "Lê Thị Thu Hà", "Hiệu trưởng", "Trường Mầm non Hồng Bắc"),
        ("Ông", "Bùi Phước Dương", "Hiệu trưởng", "Trường Tiểu học Bắc Sơn"),
        ("Bà", "Nguyễn Thị Thu Hà", "Hiệu trưởng", "Trường THCS Quang Trung"),
        ("Bà", "Trần Thị Khuyên", "Hiệu trưởng", "Trường Mầm non Xuân Lộc"),
        ("Bà", "Trương Thị Cúc", "Phó Hiệu trưởng", "Trường Tiểu học Hồng Quảng"),
        ("Bà", "Võ Phương Quỳnh Ngân", "giáo viên", "Trường Mầm non Thủy Vân"),
        (
            "Ông",
            "Nguyễn Đức Hải",
            "chuyên viên",
            "Văn phòng Sở Giáo dục và Đào tạo thành phố Huế",
        ),
    ]
    assert all(p.kind is IND for p in parsed)


@needs_real_texts
def test_real_nomination_snippet_13() -> None:
    text = (REAL_TEXTS / "13_vongla_dang_ky_thi_dua_and_nomination_snippets.txt").read_text()
    run = text[text.index("1. Bà Vũ") :]
    parsed = [split_recipient(p) for p in split_recipient_run(run)]
    assert [(p.name, p.position, p.unit) for p in parsed] == [
        ("Vũ Thị Xuân", "Hiệu trưởng", "trường Mầm non Thị trấn Vôi"),
        ("Nguyễn Thị Thu Hương", "Hiệu trưởng", "trường THCS Thị trấn Vôi"),
    ]


@pytest.mark.parametrize(
    ("text", "position", "unit"),
    [
        # `Kế toán Trường` folds like the position `Kế toán trưởng`
        ("Ông Võ Văn Cường, Kế toán Trường THPT Kim Đồng", "Kế toán", "Trường THPT Kim Đồng"),
        (
            "Bà Lê Thị Hoa, Kế toán trưởng Trường THPT Kim Đồng",
            "Kế toán trưởng",
            "Trường THPT Kim Đồng",
        ),
        # read left to right: `Đội trưởng`, not `Trưởng Công an`
        (
            "Đại úy Chu Thị Mai, Đội trưởng Công an huyện Phong Điền",
            "Đội trưởng",
            "Công an huyện Phong Điền",
        ),
    ],
)
def test_a_phrase_spelled_with_its_marks_wins_over_one_that_only_folds_alike(
    text: str, position: str, unit: str
) -> None:
    parts = split_recipient(text)
    assert (parts.position, parts.unit) == (position, unit)


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("Lê Ngọc Cúc. C : -", "Lê Ngọc Cúc"),
        ("Vũ Thị Thúy Huyền ˆ.<", "Vũ Thị Thúy Huyền"),
        ("Võ Thị Quỳnh Hương 1 TT uc", "Võ Thị Quỳnh Hương"),
        ("NGUYỄN VĂN A", "Nguyễn Văn A"),
        ("H'Hen Niê", "H'Hen Niê"),
    ],
)
def test_a_name_cell_drops_what_ocr_left_after_the_name(cell: str, name: str) -> None:
    parts = recipient_from_cells(cell, "Giáo viên", "Trường THCS Kim Đồng", IND)
    assert (parts.name, parts.position) == (name, "Giáo viên")


def test_a_misread_list_header_still_names_its_columns_and_its_persons() -> None:
    cells = ['"mm', 'mờ Hạ và tên. ¬ ".', "Chứcvụ", "Đơn vị - ' _`", "Ghỉ chủ"]
    assert header_roles(cells) == [None, Role.name, Role.position, Role.unit, Role.note]
    assert names_persons(cells[1]) is True
    assert names_persons("Tên tập thể") is False and names_persons("Tên") is None
    # a data row is never taken for a header, however close its words come
    assert header_roles(["", "Lê Ngọc Cúc", "Phó Trưởng phòng", "Công an huyện", "Tái đạt"]) is None


@pytest.mark.parametrize(
    ("name", "doubted"),
    [
        ("Đặng Mạnh Výỹ", True),
        ("Chu Ngọc Hồg", True),
        ("Đặng Mạnh Vỹ", False),
        ("H'Bia Niê", False),
    ],
)
def test_a_name_word_whose_marks_make_no_syllable_is_doubted(name: str, doubted: bool) -> None:
    parts = RecipientParts(IND, name)
    assert ("a name word with marks no syllable has" in name_doubts(parts)) is doubted


@pytest.mark.parametrize(
    ("unit", "cleaned"),
    [
        ("Trường THCS Thân Nhân Trung „", "Trường THCS Thân Nhân Trung"),
        ("Trường 'Trung học cơ sở Ngô Sỹ Liên", "Trường Trung học cơ sở Ngô Sỹ Liên"),
        ('Trường" TH Bắc Sơn.', "Trường TH Bắc Sơn"),
        ("Câu lạc bộ “Em yêu khoa học”", "Câu lạc bộ “Em yêu khoa học”"),  # quotes that pair
    ],
)
def test_specks_ocr_glued_to_a_units_words_come_off(unit: str, cleaned: str) -> None:
    assert recipient_from_cells("Lê Thị Hoa", "Giáo viên", unit, IND).unit == cleaned
