"""What the accuracy bench counts as right (bench/scoring.py), as a spec."""

from datetime import date

import pytest

from bench.scoring import Counts, fold, score_document, score_failure, totals
from schemas.award_codes import AwardCode, DocumentType, RecipientKind
from schemas.extracted import Award, ExtractedDocument, OcrInfo, Recipient, Signer


def award(
    name: str,
    unit: str | None = "Trường THPT Nguyễn Khuyến",
    code: AwardCode = AwardCode.chien_si_thi_dua_co_so,
    period: str | None = "2023-2024",
    position: str | None = "Giáo viên",
    kind: RecipientKind = RecipientKind.individual,
) -> Award:
    return Award(
        recipient=Recipient(kind=kind, name=name, position=position, unit=unit),
        award_code=code,
        period=period,
        confidence=0.9,
    )


def document(awards: list[Award], **fields: object) -> ExtractedDocument:
    base: dict[str, object] = {
        "document_type": DocumentType.decision,
        "issuer": "Sở Giáo dục và Đào tạo tỉnh Nam Định",
        "issuer_parent": "UBND tỉnh Nam Định",
        "number": "1234/QĐ-SGDĐT",
        "date": date(2025, 5, 22),
        "place": "Nam Định",
        "subject": "Về việc tặng danh hiệu Chiến sĩ thi đua cơ sở năm học 2023-2024",
        "signer": Signer(name="Nguyễn Văn An", title="Phó Giám đốc"),
        "awards": awards,
    }
    base.update(fields)
    return ExtractedDocument.model_validate(base)


TRUTH_ROWS = [
    award("Nguyễn Thị Thanh Xuân"),
    award("Trần Văn Bình", position="Phó Hiệu trưởng"),
    award("Lê Thị Hồng Nhung", unit="Trường THCS Lê Quý Đôn", period=None),
]


def test_a_perfect_extraction_scores_one_everywhere() -> None:
    truth = document(TRUTH_ROWS)
    score = score_document(truth.model_copy(deep=True), truth)
    assert (score.doc_fields_correct, score.doc_fields_total) == (5, 5)
    assert score.secondary_accuracy == 1.0
    assert score.precision == score.recall == score.f1 == score.f1_strict == 1.0
    for rate in (
        score.names_exact_rate,
        score.code_accuracy,
        score.period_accuracy,
        score.unit_accuracy,
        score.kind_accuracy,
        score.position_accuracy,
    ):
        assert rate == 1.0
    assert score.missed == score.spurious == []


def test_a_missing_row_lowers_recall_only() -> None:
    score = score_document(document(TRUTH_ROWS[:2]), document(TRUTH_ROWS))
    assert score.precision == 1.0
    assert score.recall == pytest.approx(2 / 3)
    assert score.missed == ["Lê Thị Hồng Nhung"]


def test_an_extra_row_lowers_precision_only() -> None:
    extracted = document([*TRUTH_ROWS, award("Phạm Quốc Toản")])
    score = score_document(extracted, document(TRUTH_ROWS))
    assert score.recall == 1.0
    assert score.precision == pytest.approx(3 / 4)
    assert score.spurious == ["Phạm Quốc Toản"]


def test_a_dropped_tone_mark_still_matches_but_is_not_exact() -> None:
    extracted = document([award("Nguyễn Thị Thanh Xuan"), *TRUTH_ROWS[1:]])
    score = score_document(extracted, document(TRUTH_ROWS))
    assert score.f1 == 1.0
    assert score.matched_strict == 3, "folded names are equal: a strict match"
    assert score.names_exact == 2
    assert score.names_exact_rate == pytest.approx(2 / 3)


def test_one_ocr_error_in_a_long_name_is_a_fuzzy_match_only() -> None:
    extracted = document([award("Nguyễn Thị Thanh Xuâm"), *TRUTH_ROWS[1:]])
    score = score_document(extracted, document(TRUTH_ROWS))
    assert score.matched_rows == 3
    assert score.matched_strict == 2
    assert score.f1 == 1.0
    assert score.f1_strict < 1.0
    assert [p.fuzzy for p in score.pairs].count(True) == 1


def test_short_names_need_an_exact_folded_match() -> None:
    score = score_document(document([award("Lê Bá")]), document([award("Lê Ba")]))
    assert score.matched_rows == 1
    score = score_document(document([award("Lê Bo")]), document([award("Lê Ba")]))
    assert score.matched_rows == 0, "'le ba' is under 8 characters: no near match"
    score = score_document(document([award("Lê Văn Bo")]), document([award("Lê Văn Ba")]))
    assert score.matched_rows == 1, "'le van ba' is 9 characters (spaces count)"


def test_two_namesakes_in_different_units_are_paired_by_unit() -> None:
    truth = document(
        [
            award("Nguyễn Văn Hùng", unit="Trường THPT Nguyễn Khuyến", code=AwardCode.giay_khen),
            award("Nguyễn Văn Hùng", unit="Trường THCS Lê Quý Đôn"),
        ]
    )
    extracted = document(list(reversed(truth.awards)))
    score = score_document(extracted, truth)
    assert {(p.extracted_index, p.truth_index) for p in score.pairs} == {(0, 1), (1, 0)}
    assert score.unit_accuracy == score.code_accuracy == 1.0


def test_null_in_truth_is_right_only_when_null_in_extraction() -> None:
    truth = document(TRUTH_ROWS, number=None, place=None)
    assert (
        score_document(document(TRUTH_ROWS, number=None, place=None), truth).doc_fields_correct == 5
    )
    invented = score_document(document(TRUTH_ROWS, number="12/QĐ-UBND"), truth)
    assert invented.doc_fields_correct == 4
    assert invented.period_accuracy == 1.0, "a null period matched by a null period is right"


def test_fields_compare_after_nfc_and_space_collapse_but_keep_diacritics() -> None:
    truth = document(TRUTH_ROWS)
    decomposed = "Sở Giáo dục và Đào tạo tỉnh Nam Định".replace("ở", "o\u031b\u0309")
    spaced = document(TRUTH_ROWS, issuer=f"  {decomposed.replace(' ', '   ')} ")
    assert score_document(spaced, truth).field_correct["issuer"] == 1
    bare = document(TRUTH_ROWS, issuer="So Giao duc va Dao tao tinh Nam Dinh")
    assert score_document(bare, truth).field_correct["issuer"] == 0


def test_wrong_row_attributes_count_against_their_own_accuracy() -> None:
    extracted = document(
        [
            award("Nguyễn Thị Thanh Xuân", code=AwardCode.lao_dong_tien_tien),
            award("Trần Văn Bình", position="Giáo viên", period="2023"),
            award("Lê Thị Hồng Nhung", unit=None, period=None),
        ]
    )
    score = score_document(extracted, document(TRUTH_ROWS))
    assert score.code_accuracy == pytest.approx(2 / 3)
    assert score.period_accuracy == pytest.approx(2 / 3)
    assert score.position_accuracy == pytest.approx(2 / 3)
    assert score.unit_accuracy == pytest.approx(2 / 3)
    assert score.names_exact_rate == 1.0


def test_empty_truth_and_empty_extraction_is_perfect() -> None:
    """Convention: P and R over nothing are 1.0, so F1 is 1.0; accuracy among 0 rows is None."""
    score = score_document(document([]), document([]))
    assert score.precision == score.recall == score.f1 == 1.0
    assert score.names_exact_rate is None


def test_rows_extracted_where_truth_has_none_score_zero_f1() -> None:
    score = score_document(document([award("Phạm Quốc Toản")]), document([]))
    assert (score.precision, score.recall, score.f1) == (0.0, 1.0, 0.0)


def test_a_failed_extraction_is_all_wrong_with_no_rows() -> None:
    score = score_failure(document(TRUTH_ROWS), "corrupt_file: bad xref")
    assert score.doc_fields_correct == 0
    assert (score.extracted_rows, score.truth_rows, score.matched_rows) == (0, 3, 0)
    assert score.recall == 0.0
    assert score.f1 == 0.0
    assert score.failed == 1


def test_totals_are_micro_averaged_overall_and_per_group() -> None:
    truth_text = document(TRUTH_ROWS)
    truth_scan = document(TRUTH_ROWS[:1], ocr=OcrInfo(used=True))
    perfect = score_document(truth_text, truth_text)
    missing_all = score_document(document([]), truth_scan)
    summed = totals([perfect, missing_all], ["text", "scan"])
    assert summed.overall.files == 2
    assert summed.overall.recall == pytest.approx(3 / 4), "3 of 4 truth rows, not mean(1, 0)"
    assert summed.groups["text"].f1 == 1.0
    assert summed.groups["scan"].recall == 0.0
    assert summed.overall.field_correct["number"] == 2


def test_totals_of_nothing_is_empty() -> None:
    assert totals([]).overall == Counts(files=0)


def test_fold_strips_diacritics_and_d_bar() -> None:
    assert fold("  ĐẶNG  Thị Thanh Xuân ") == "dang thi thanh xuan"


def test_a_collectives_unit_may_repeat_the_body_its_name_holds() -> None:
    """DESIGN.md: a collective's `unit` may repeat that body; any other unit is wrong."""
    name = "Công đoàn Trường THCS Kim Đồng"
    truth = document([award(name, unit=None, position=None, kind=RecipientKind.collective)])
    for unit, right in (("Trường THCS Kim Đồng", True), ("Trường THCS Lê Lợi", False)):
        extracted = document([award(name, unit=unit, position=None, kind=RecipientKind.collective)])
        assert score_document(extracted, truth).unit_accuracy == (1.0 if right else 0.0)
