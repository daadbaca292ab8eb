"""The eligibility rules, one made-up history each: the archive shows the history the Law
requires (with the awards that satisfy it) or says what is missing; annulled awards do
not count; every rule cites its article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient

from schemas.award_codes import AwardCode, IssuerLevel
from service.api.app import create_app
from service.db.models import Award
from service.state_records.eligibility import Verdict, check, rules
from tests.search_archive import NK, SO, Row, build, decision
from tests.service_helpers import authorize

A = AwardCode


def history(*items: tuple[str, int], status: str = "active") -> list[Award]:
    return [
        Award(id=i, award_code=code, year_start=year - 1, year_end=year, status=status,
              period=f"{year - 1}-{year}")
        for i, (code, year) in enumerate(items, start=1)
    ]  # fmt: skip


def verdict(rule_id: str, awards: list[Award], year: int) -> Verdict:
    rule = next(r for r in rules() if r.id == rule_id)
    return check(rule, awards, year)


def test_every_rule_cites_the_article_it_comes_from() -> None:
    assert rules()
    for rule in rules():
        assert rule.citation.startswith("Luật 06/2022/QH15, Điều "), rule.id
        assert rule.wording and rule.requires and rule.times >= 1


def test_cstd_co_so_needs_lao_dong_tien_tien_of_the_same_year() -> None:
    rule = "cstd_co_so_needs_lao_dong_tien_tien"
    assert verdict(rule, history(("lao_dong_tien_tien", 2025)), 2025).satisfied
    assert verdict(rule, history(("chien_si_tien_tien", 2025)), 2025).satisfied
    late = verdict(rule, history(("lao_dong_tien_tien", 2023)), 2025)
    assert not late.satisfied and "2025–2025" in (late.missing or "")


def test_cstd_tinh_needs_three_consecutive_years_of_cstd_co_so() -> None:
    rule = "cstd_tinh_needs_three_cstd_co_so"
    three = history(*[("chien_si_thi_dua_co_so", y) for y in (2022, 2023, 2024)])
    met = verdict(rule, three, 2025)  # the third in the year before the nomination
    assert met.satisfied and [a.year_end for a in met.awards] == [2022, 2023, 2024]
    gap = history(*[("chien_si_thi_dua_co_so", y) for y in (2021, 2023, 2024)])
    unmet = verdict(rule, gap, 2025)
    assert not unmet.satisfied
    assert "hồ sơ có 2 năm liền (2023, 2024)" in (unmet.missing or "")
    old = verdict(rule, three, 2027)  # a run that ended three years ago no longer counts
    assert not old.satisfied
    lower = history(*[("lao_dong_tien_tien", y) for y in (2022, 2023, 2024)])
    assert not verdict(rule, lower, 2025).satisfied


def test_cstd_bo_needs_the_same_history() -> None:
    three = history(*[("chien_si_thi_dua_co_so", y) for y in (2023, 2024, 2025)])
    assert verdict("cstd_bo_needs_three_cstd_co_so", three, 2025).satisfied


def test_cstd_toan_quoc_needs_two_cstd_bo_or_tinh() -> None:
    rule = "cstd_toan_quoc_needs_two_cstd_bo_tinh"
    two = history(("chien_si_thi_dua_cap_tinh", 2019), ("chien_si_thi_dua_cap_bo", 2022))
    assert verdict(rule, two, 2025).satisfied
    one = verdict(rule, history(("chien_si_thi_dua_cap_tinh", 2022)), 2025)
    assert not one.satisfied and "hồ sơ có 1" in (one.missing or "")


def test_an_annulled_award_does_not_count() -> None:
    rule = "cstd_tinh_needs_three_cstd_co_so"
    kept = history(*[("chien_si_thi_dua_co_so", y) for y in (2023, 2024)])
    revoked = history(("chien_si_thi_dua_co_so", 2022), status="revoked")
    assert not verdict(rule, kept + revoked, 2025).satisfied


def test_the_api_answers_for_a_person(tmp_path: Path) -> None:
    rows = [Row("Trịnh Thu Hà", NK)]
    decisions = [
        decision(f"{n}/QĐ-SGDĐT", SO, IssuerLevel.tinh, date(y, 8, 1), f"{y - 1}-{y}", rows)
        for n, y in ((11, 2022), (12, 2023), (13, 2024))
    ]
    with TestClient(create_app(build(tmp_path, decisions=decisions))) as client:
        authorize(client)
        person = client.get("/api/v1/people", params={"q": "trinh thu ha"}).json()["items"][0]
        answer = client.get(f"/api/v1/people/{person['id']}/eligibility", params={"year": 2025})
        by_code = {v["award_code"]: v for v in answer.json()}
        tinh = by_code[A.chien_si_thi_dua_cap_tinh]
        assert tinh["satisfied"] and [a["period"] for a in tinh["awards"]] == [
            "2021-2022", "2022-2023", "2023-2024",
        ]  # fmt: skip
        assert tinh["citation"] == "Luật 06/2022/QH15, Điều 22"
        assert not by_code[A.chien_si_thi_dua_toan_quoc]["satisfied"]
        assert client.get("/api/v1/people/nobody~x/eligibility").status_code == 404
