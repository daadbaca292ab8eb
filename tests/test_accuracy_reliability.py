"""The reliability table and the review-queue figures count what a reviewer would see."""

from __future__ import annotations

from bench.accuracy import FileResult, reliability
from bench.scoring import DocumentScore, RowPair


def _result(
    name: str, confidences: list[float], wrong: list[list[str]], queued: bool
) -> FileResult:
    pairs = [
        RowPair(extracted_index=i, truth_index=i, fuzzy=False, wrong=w) for i, w in enumerate(wrong)
    ]
    score = DocumentScore(doc_fields_correct=5, doc_fields_total=5, pairs=pairs)
    return FileResult(
        name=name,
        path=name,
        group="text",
        seconds=0.0,
        score=score,
        row_confidences=confidences,
        queued=queued,
    )


def test_bands_and_queue_shares() -> None:
    results = [
        _result("right.pdf", [1.0, 0.99], [[], []], queued=False),
        _result("wrong_caught.pdf", [0.4, 1.0], [["kind"], []], queued=True),
        _result("wrong_missed.pdf", [0.98], [["unit"]], queued=False),
        _result("right_held.pdf", [0.6], [[]], queued=True),
    ]
    text, data = reliability(results)
    bands = {(b["low"], b["rows"]): b["right"] for b in data["bands"]}  # type: ignore[index,union-attr]
    assert bands[(0.0, 1)] == 0.0  # the doubted row was wrong
    assert bands[(0.5, 1)] == 1.0
    assert bands[(0.97, 4)] == 0.75  # one sure row of four was wrong
    assert data["queue_holds_wrong"] == 0.5
    assert data["queue_holds_right"] == 0.5
    assert data["wrong_not_queued"] == ["wrong_missed.pdf"]
    assert "wrong but not queued: wrong_missed.pdf" in text
