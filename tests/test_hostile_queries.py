"""Hostile searches: a query too long for a search is refused (422 `query_too_long`) before
any work, exports included, on the API and the page alike; text that looks like FTS5
syntax is only ever words."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from service import accounts
from service.api.app import create_app
from service.db.models import Role
from service.query_limits import MAX_QUERY_CHARS, MAX_QUERY_WORDS
from tests.conftest import NewDatabase
from tests.search_archive import build
from tests.service_helpers import authorize

PASSWORD = "xem-hồ-sơ-2024"


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, new_database: NewDatabase
) -> Iterator[TestClient]:
    data_dir = tmp_path_factory.mktemp("queries")
    settings = build(data_dir, new_database(data_dir)).model_copy(update={"admin_password": None})
    with TestClient(create_app(settings), follow_redirects=False) as client:
        authorize(client, Role.viewer)
        yield client


@pytest.fixture
def page(client: TestClient) -> Iterator[TestClient]:
    """The same app seen by a signed-in browser (cookie, no token)."""
    archive = client.app.state.archive  # type: ignore[attr-defined]
    with archive.db.write() as session:
        if accounts.find_user(session, "web-viewer") is None:
            accounts.add_user(session, "web-viewer", Role.viewer, PASSWORD)
    browser = TestClient(client.app, follow_redirects=False)
    answer = browser.post("/login", data={"name": "web-viewer", "password": PASSWORD})
    assert answer.status_code == 303
    yield browser


LONG = "nguyen " * 8_000  # 56 KB: far past any name, inside a URL a client sends
MANY_WORDS = " ".join(["thi"] * (MAX_QUERY_WORDS + 1))

SEARCHES = [
    ("/api/v1/awards", "name"),
    ("/api/v1/awards", "q"),
    ("/api/v1/awards", "unit"),
    ("/api/v1/awards", "issuer"),
    ("/api/v1/awards", "number"),
    ("/api/v1/awards/export", "name"),
    ("/api/v1/awards/export", "q"),
    ("/api/v1/awards/export", "unit"),
    ("/api/v1/people", "q"),
]


@pytest.mark.parametrize("path,field", SEARCHES)
@pytest.mark.parametrize("value", [LONG, MANY_WORDS], ids=["56KB", "too-many-words"])
def test_a_query_too_long_for_a_search_is_a_422_query_too_long(
    client: TestClient, path: str, field: str, value: str
) -> None:
    answer = client.get(path, params={field: value})
    assert answer.status_code == 422, answer.text[:300]
    assert answer.headers["content-type"].startswith("application/json")
    error = answer.json()["error"]
    assert error["code"] == "query_too_long"
    assert field in error["message"]


@pytest.mark.parametrize("format", ["csv", "xlsx", "json"])
def test_an_export_of_a_too_long_query_is_refused_before_its_first_byte(
    client: TestClient, format: str
) -> None:
    answer = client.get("/api/v1/awards/export", params={"q": MANY_WORDS, "format": format})
    assert answer.status_code == 422
    assert "attachment" not in answer.headers.get("content-disposition", "")
    assert answer.json()["error"]["code"] == "query_too_long"


WORST = " ".join(["nguyen", "thi", "thanh", "xuan", "truong", "thpt"] * 4)[:MAX_QUERY_CHARS]


@pytest.mark.parametrize("field", ["q", "name", "unit", "issuer", "number"])
def test_a_query_at_the_limit_is_still_answered(client: TestClient, field: str) -> None:
    assert len(WORST.split()) == MAX_QUERY_WORDS
    answer = client.get("/api/v1/awards", params={field: WORST, "facets": "true"})
    assert answer.status_code == 200, answer.text[:300]
    export = client.get("/api/v1/awards/export", params={field: WORST, "format": "json"})
    assert export.status_code == 200 and isinstance(export.json(), list)


def test_an_export_still_holds_its_rows(client: TestClient) -> None:
    rows = client.get("/api/v1/awards/export", params={"name": "xuan", "format": "json"}).json()
    assert rows and all("Xu" in row["name"] for row in rows)
    empty = client.get("/api/v1/awards/export", params={"name": "zzzz", "format": "json"})
    assert empty.status_code == 200 and empty.json() == []


def test_a_person_id_too_long_is_refused(client: TestClient) -> None:
    answer = client.get("/api/v1/people/" + "a-" * 400 + "~x")
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "query_too_long"


def test_the_search_page_says_a_query_is_too_long_and_does_not_search(page: TestClient) -> None:
    answer = page.get("/", params={"name": LONG})
    assert answer.status_code == 422
    assert "Họ và tên quá dài" in answer.text
    assert f'maxlength="{MAX_QUERY_CHARS}"' in answer.text
    normal = page.get("/", params={"name": "Nguyễn Thị Thanh Xuân"})
    assert normal.status_code == 200 and "quá dài" not in normal.text
    assert "Nguyễn Thị Thanh Xuân" in normal.text and "0 kết quả" not in normal.text


def test_the_reports_page_refuses_a_too_long_issuer(page: TestClient) -> None:
    answer = page.get("/reports", params={"year": "2020", "issuer": LONG})
    assert "Cơ quan ban hành quá dài" in answer.text


# --- FTS5 syntax in what users type -----------------------------------------------------

SYNTAX = ['"', 'nguyen"thi', "*", "xuan*", "NEAR", "NEAR(nguyen thi)", "AND", "OR", "NOT",
          "(", ")", "(nguyen", 'thi) OR "x', "nguyen AND", '""""', "name : x", "^xuan",
          "-"]  # fmt: skip


@pytest.mark.parametrize("text", SYNTAX)
def test_fts_syntax_in_a_person_id_is_only_words(client: TestClient, text: str) -> None:
    for pid in (text, f"nguyen-{text}-thi~thpt", f"{text}~{text}"):
        answer = client.get(f"/api/v1/people/{quote(pid, safe='')}")
        assert answer.status_code == 404, (pid, answer.text[:200])
        assert answer.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("text", SYNTAX)
def test_fts_syntax_in_a_search_is_only_words(client: TestClient, text: str) -> None:
    for field in ("q", "name", "unit", "issuer", "number"):
        answer = client.get("/api/v1/awards", params={field: f"xuan {text}"})
        assert answer.status_code == 200, (field, text, answer.text[:200])
    assert client.get("/api/v1/people", params={"q": f"xuan {text}"}).status_code == 200


def test_a_person_found_by_name_is_still_found_by_id(client: TestClient) -> None:
    people = client.get("/api/v1/people", params={"q": "Nguyễn Thị Thanh Xuân"}).json()["items"]
    assert people
    detail = client.get(f"/api/v1/people/{quote(people[0]['id'], safe='')}")
    assert detail.status_code == 200 and detail.json()["awards"]


def test_an_fts5_string_is_quoted_with_its_quotes_doubled() -> None:
    from service.search_backends.sqlite_fts5 import quoted

    assert quoted('nguyen"thi') == '"nguyen""thi"'
    assert quoted("NEAR") == '"NEAR"'


@pytest.mark.parametrize("value", [LONG, MANY_WORDS], ids=["56KB", "too-many-words"])
def test_a_report_for_a_too_long_issuer_is_a_422(client: TestClient, value: str) -> None:
    answer = client.get("/api/v1/reports/0603.N", params={"year": 2020, "issuer": value})
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "query_too_long"
    fine = client.get("/api/v1/reports/0603.N", params={"year": 2020, "issuer": "UBND tỉnh"})
    assert fine.status_code == 200
