"""Finding awards and people the way staff ask: without diacritics, misspelled, with an
honorific, award wording typed as words; filters, facets, people, streaks, export."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from service.api.app import create_app
from tests.conftest import NewDatabase
from tests.search_archive import NK, build
from tests.service_helpers import authorize

AWARDS = "/api/v1/awards"


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, new_database: NewDatabase
) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("search")
    settings = build(folder, new_database(folder))
    with TestClient(create_app(settings)) as client:
        authorize(client)
        yield client


def search(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get(AWARDS, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def names(body: dict[str, Any]) -> list[str]:
    return [item["recipient"]["name"] for item in body["items"]]


def test_a_name_typed_without_diacritics_finds_every_spelling_even_an_ocr_misreading(
    client: TestClient,
) -> None:
    body = search(client, name="nguyen thi thanh xuan")
    assert body["total"] == 6
    assert sorted(set(names(body))) == ["Nguyễn Thị Thanh Xuân", "Nguyễn Thị Thanli Xuân"]
    assert names(body)[-1] == "Nguyễn Thị Thanli Xuân"  # the misreading comes last
    assert [i["match"] for i in body["items"]] == ["folded"] * 5 + ["fuzzy"]


def test_a_name_one_tone_mark_and_letter_away_is_another_person(client: TestClient) -> None:
    assert "Nguyễn Thị Thanh Xuyến" not in names(search(client, name="nguyen thi thanh xuan"))
    assert names(search(client, name="Xuyến", fuzzy=False)) == ["Nguyễn Thị Thanh Xuyến"]


def test_exact_diacritics_rank_first_then_the_same_letters(client: TestClient) -> None:
    hits = search(client, name="Nguyễn Thị Hường")
    assert names(hits) == ["Nguyễn Thị Hường", "Nguyễn Thị Hương"]
    assert [i["match"] for i in hits["items"]] == ["exact", "folded"]
    assert names(search(client, name="Nguyễn Thị Hương")) == [
        "Nguyễn Thị Hương",
        "Nguyễn Thị Hường",
    ]


def test_honorifics_are_not_part_of_the_name(client: TestClient) -> None:
    plain = search(client, name="Nguyễn Thị Thanh Xuân")
    for typed in (
        "cô Nguyễn Thị Thanh Xuân",
        "Đ/c Nguyễn Thị Thanh Xuân",
        "co nguyen thi thanh xuan",
    ):
        assert search(client, name=typed)["total"] == plain["total"], typed


def test_a_misspelled_query_still_finds_the_name_unless_fuzzy_is_off(client: TestClient) -> None:
    assert set(names(search(client, name="tran van thinl"))) == {"Trần Văn Thịnh"}
    assert search(client, name="tran van thinl", fuzzy=False)["total"] == 0


def test_award_wording_and_school_year_typed_as_words_become_filters(client: TestClient) -> None:
    body = search(client, q="cstd co so 2019-2020 nguyen khuyen")
    assert sorted(names(body)) == ["Nguyễn Thị Thanh Xuyến", "Nguyễn Thị Thanh Xuân"]
    assert {i["award_code"] for i in body["items"]} == {"chien_si_thi_dua_co_so"}
    assert {i["period"] for i in body["items"]} == {"2019-2020"}
    provincial = search(client, q="bang khen tinh")
    assert [i["award_code"] for i in provincial["items"]] == ["bang_khen_cap_tinh"]
    assert search(client, q="lao dong tien tien nguyen khuyen")["total"] == 1


def test_words_find_a_school_a_name_or_any_other_field(client: TestClient) -> None:
    school = search(client, q="nguyen khuyen")
    assert school["total"] == 6
    assert {i["recipient"]["unit"] for i in school["items"]} == {NK, "THPT Nguyễn Khuyến"}
    assert search(client, q="Trần Văn Thịnh")["total"] == 2  # a name typed as words
    assert search(client, q="giao vien")["total"] == 11  # the position, in no dictionary
    assert search(client, q="giao vien hai hau")["total"] == 1
    assert search(client, q="nguyen thi thanh xuan hai hau")["total"] == 1  # name + school
    assert search(client, q="THPT Nguyễn Khuyến Nguyễn Thị Thanh Xuân")["total"] == 4


def test_a_unit_matches_however_it_was_printed(client: TestClient) -> None:
    body = search(client, unit="THPT Nguyễn Khuyến", name="nguyen thi thanh xuan")
    units = {i["recipient"]["unit"] for i in body["items"]}
    assert units == {"Trường THPT Nguyễn Khuyến", "THPT Nguyễn Khuyến"}
    assert body["total"] == 5
    spelled_out = search(client, unit="trung hoc pho thong nguyen khuyen", name="xuan")
    assert spelled_out["total"] == 5


def test_filters_narrow_by_issuer_level_type_review_state_and_codes(client: TestClient) -> None:
    assert search(client, issuer="So Giao duc Nam Dinh")["total"] == 10
    assert search(client, issuer="UBND tỉnh Nam Định")["total"] == 1
    assert search(client, issuer_level="tinh")["total"] == 11
    assert search(client, document_type="certificate")["total"] == 1
    doubted = search(client, review_state="needs_review")
    assert sorted(names(doubted)) == ["Nguyễn Thị Thanli Xuân", "Trần Văn Thịnh"]
    both = search(client, award_code=["lao_dong_tien_tien", "bang_khen_cap_tinh"])
    assert both["total"] == 2
    assert search(client, year_from=2022, year_to=2022)["total"] == 2 + 2
    assert search(client, number="303/QĐ-SGDĐT")["total"] == 2


def test_facets_count_every_match_not_only_the_page(client: TestClient) -> None:
    body = search(client, name="nguyen thi thanh xuan", facets="true", limit=1)
    facets = body["facets"]
    codes = {f["value"]: (f["label"], f["count"]) for f in facets["award_code"]}
    assert codes == {
        "chien_si_thi_dua_co_so": ("Chiến sĩ thi đua cơ sở", 4),
        "lao_dong_tien_tien": ("Lao động tiên tiến", 1),
        "bang_khen_cap_tinh": ("Bằng khen cấp tỉnh", 1),
    }
    assert sum(f["count"] for f in facets["period"]) == body["total"] == 6
    units = {f["label"]: f["count"] for f in facets["unit"]}
    assert units["Trường THPT Nguyễn Khuyến"] == 5  # both printings are one unit
    assert units["Trường THCS Hải Hậu"] == 1
    assert {f["label"] for f in facets["issuer"]} == {
        "Sở Giáo dục và Đào tạo tỉnh Nam Định",
        "Ủy ban nhân dân tỉnh Nam Định",
    }
    everything = search(client, facets="true")["facets"]
    assert sum(f["count"] for f in everything["award_code"]) == 11
    assert search(client, name="xuan")["facets"] is None  # only when asked


def test_people_with_one_name_at_two_schools_are_two_people(client: TestClient) -> None:
    response = client.get("/api/v1/people", params={"q": "cô Nguyễn Thị Thanh Xuân"})
    assert response.status_code == 200
    people = response.json()["items"]
    assert len(people) == 2
    teacher, namesake = people
    assert teacher["units"][0] == "Trường THPT Nguyễn Khuyến"
    assert teacher["award_count"] == 5  # incl. the OCR misreading at the same school
    assert teacher["spellings"] == {"Nguyễn Thị Thanh Xuân": 4, "Nguyễn Thị Thanli Xuân": 1}
    assert namesake["units"] == ["Trường THCS Hải Hậu"] and namesake["award_count"] == 1
    assert teacher["namesakes"] == [namesake["id"]] and namesake["namesakes"] == [teacher["id"]]
    assert (teacher["first_year"], teacher["last_year"]) == (2020, 2023)
    assert teacher["match"] == namesake["match"] == "exact"


def test_a_row_printed_without_its_unit_joins_the_only_person_of_that_name(
    client: TestClient,
) -> None:
    people = client.get("/api/v1/people", params={"q": "tran van thinh"}).json()["items"]
    assert len(people) == 1 and people[0]["award_count"] == 2


def test_a_persons_timeline_runs_oldest_first_with_its_documents(client: TestClient) -> None:
    teacher = client.get("/api/v1/people", params={"q": "nguyen thi thanh xuan"}).json()["items"][0]
    detail = client.get(teacher["links"]["self"]).json()
    periods = [a["period"] for a in detail["awards"]]
    assert periods == ["2019-2020", "2020-2021", "2021-2022", "2022-2023", "2022-2023"]
    numbers = [a["decision"]["number"] for a in detail["awards"]]
    assert numbers[:3] == ["101/QĐ-SGDĐT", "202/QĐ-SGDĐT", "303/QĐ-SGDĐT"]
    document = client.get(detail["awards"][0]["decision"]["link"])
    assert document.status_code == 200


def test_streaks_list_consecutive_years_of_the_same_award(client: TestClient) -> None:
    teacher = client.get("/api/v1/people", params={"q": "nguyen thi thanh xuan"}).json()["items"][0]
    streaks = client.get(teacher["links"]["streaks"]).json()
    longest = streaks[0]
    assert longest["award_code"] == "chien_si_thi_dua_co_so"
    assert (longest["first_year"], longest["last_year"], longest["years"]) == (2020, 2022, 3)
    assert longest["periods"] == ["2019-2020", "2020-2021", "2021-2022"]
    assert {s["award_code"] for s in streaks[1:]} == {"lao_dong_tien_tien", "bang_khen_cap_tinh"}


def test_an_unknown_person_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/people/khong-co-ai~")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/people", params={"q": ""}).status_code == 422


def test_csv_export_opens_in_excel_with_vietnamese_headers_and_every_row(
    client: TestClient,
) -> None:
    response = client.get(f"{AWARDS}/export", params={"name": "nguyen thi thanh xuan"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Mã", "Họ và tên / Tập thể"]
    assert len(rows) - 1 == 6
    assert {r[1] for r in rows[1:]} == {"Nguyễn Thị Thanh Xuân", "Nguyễn Thị Thanli Xuân"}


def test_xlsx_and_json_exports_hold_the_same_rows(client: TestClient) -> None:
    params = {"q": "cstd co so"}
    total = search(client, **params)["total"]
    xlsx = client.get(f"{AWARDS}/export", params={**params, "format": "xlsx"})
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][1] == "Họ và tên / Tập thể" and values[0][6] == "Danh hiệu / hình thức"
    assert len(values) - 1 == total == 9
    assert {row[6] for row in values[1:]} == {"Chiến sĩ thi đua cơ sở"}
    as_json = json.loads(client.get(f"{AWARDS}/export", params={**params, "format": "json"}).text)
    assert [r["id"] for r in as_json] == [row[0] for row in values[1:]]
    bad = client.get(f"{AWARDS}/export", params={"format": "pdf"})
    assert bad.status_code == 422 and bad.json()["error"]["code"]


@pytest.mark.parametrize(
    "one_value",
    [
        {"award_code": "chien_si_thi_dua_co_so"},
        {"period": "2022-2023"},
        {"unit": "THPT Nguyễn Khuyến"},
        {"issuer": "Sở GD&ĐT Nam Định"},
    ],
)
def test_facets_of_one_value_agree_with_counting_the_rows(
    client: TestClient, one_value: dict[str, str]
) -> None:
    kept = search(client, **one_value, facets="true")
    counted = search(client, **one_value, year_from=1945, facets="true")  # read row by row
    assert kept["total"] == counted["total"] > 0
    assert kept["facets"] == counted["facets"]
