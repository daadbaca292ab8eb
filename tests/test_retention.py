"""Retention periods from the issuer's level and the document's kind, and the setting."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from service.db.models import Decision, Document
from service.retention import DEFAULT_RETENTION, retention_of
from service.settings import Settings


def _document(
    level: str | None, kind: str = "decision", day: date | None = None
) -> tuple[Document, Decision]:
    document = Document(document_type=kind, created_at=datetime(2025, 3, 1, tzinfo=UTC))
    decision = Decision(document_type=kind, issuer_level=level, date=day)
    return document, decision


def test_the_prime_ministers_awards_are_kept_forever_a_provinces_twenty_years() -> None:
    forever = retention_of(DEFAULT_RETENTION, *_document("trung_uong", day=date(1999, 5, 2)))
    assert forever.permanent and forever.label == "vĩnh viễn" and not forever.expired()
    province = retention_of(DEFAULT_RETENTION, *_document("tinh", day=date(2004, 5, 2)))
    assert (province.years, province.until, province.rule) == (20, date(2024, 12, 31), "tinh")
    assert not province.expired(date(2024, 12, 31)) and province.expired(date(2025, 1, 1))


def test_an_unknown_level_is_kept_forever_and_no_date_counts_from_the_upload() -> None:
    document, _ = _document(None)
    assert retention_of(DEFAULT_RETENTION, document, None).permanent
    school = retention_of(DEFAULT_RETENTION, *_document("co_so"))
    assert school.until == date(2035, 12, 31)  # uploaded 2025, ten years


def test_the_table_is_a_setting_and_a_level_with_a_kind_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TDKT_RETENTION", '{"tinh/certificate": 5, "huyen": "permanent"}')
    table = Settings().retention
    assert table["tinh"] == 20  # the defaults not named stay
    cert = retention_of(table, *_document("tinh", "certificate", date(2010, 1, 1)))
    assert (cert.years, cert.rule) == (5, "tinh/certificate")
    assert retention_of(table, *_document("huyen", day=date(2010, 1, 1))).permanent
    monkeypatch.setenv("TDKT_RETENTION", '{"tinh": "mãi mãi"}')
    with pytest.raises(ValidationError, match="number of years"):
        Settings()
