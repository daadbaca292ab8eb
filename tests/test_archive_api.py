"""The archive service over HTTP: upload, processing in worker processes, search, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from extractors.text_normalize import fold
from service.api.app import create_app
from service.settings import Settings
from tests.conftest import NewDatabase
from tests.service_helpers import authorize, blank_scan, sample, truth, wait_for

LIST = "qd_list_grid4_textpdf_namdinh_2024.pdf"
CERT = "cert_giaykhen_so_textpdf_hatinh_2024.pdf"
DOCX = "qd_list_numbered_docx_thoxuan_2020.docx"


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, new_database: NewDatabase
) -> Iterator[TestClient]:
    data_dir = tmp_path_factory.mktemp("archive")
    settings = Settings(
        data_dir=data_dir, database_url=new_database(data_dir), job_workers=2, max_upload_mb=2
    )
    with TestClient(create_app(settings)) as client:
        authorize(client)
        yield client


def upload(client: TestClient, path: Path, name: str | None = None) -> tuple[int, dict[str, Any]]:
    with path.open("rb") as stream:
        response = client.post("/api/v1/documents", files={"file": (name or path.name, stream)})
    return response.status_code, response.json()


def test_upload_returns_queued_document_then_its_awards_become_searchable(
    client: TestClient,
) -> None:
    status, body = upload(client, sample(LIST))
    assert status == 201
    assert body["status"] in ("queued", "processing", "done")
    assert body["media_type"] == "application/pdf" and body["pages"] == 2
    done = wait_for(client, body["id"])
    expected = truth(LIST)
    assert done["status"] == "done" and done["error"] is None
    assert done["award_count"] == len(expected["awards"])
    assert done["record"]["number"] == expected["number"]
    assert [e["event"] for e in done["events"]] == ["received", "started", "done"]
    person = expected["awards"][0]["recipient"]
    found = client.get("/api/v1/awards", params={"name": fold(person["name"])}).json()
    assert found["total"] >= 1
    hit = found["items"][0]
    assert hit["recipient"]["name"] == person["name"]  # diacritics kept in what is returned
    assert hit["recipient"]["unit"] == person["unit"]
    assert hit["decision"]["number"] == expected["number"]
    assert hit["decision"]["document_id"] == body["id"]


def test_same_bytes_again_return_the_existing_document(client: TestClient) -> None:
    first_status, first = upload(client, sample(CERT))
    wait_for(client, first["id"])
    again_status, again = upload(client, sample(CERT), name="bản sao.pdf")
    assert (first_status, again_status) == (201, 200)
    assert again["id"] == first["id"] and again["filename"] == CERT
    awards = client.get("/api/v1/awards", params={"document_id": first["id"]}).json()
    assert awards["total"] == len(truth(CERT)["awards"])  # nothing processed twice


def test_original_comes_back_byte_for_byte_with_its_vietnamese_name(client: TestClient) -> None:
    name = "Quyết định khen thưởng.docx"
    _, body = upload(client, sample(DOCX), name=name)
    response = client.get(f"/api/v1/documents/{body['id']}/original")
    assert response.status_code == 200
    assert response.content == sample(DOCX).read_bytes()
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    disposition = response.headers["content-disposition"]
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == name


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        (b"name,unit\nNguyen Van A,THPT\n", 415, "unsupported_type"),
        (b"", 422, "empty_document"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", 422, "corrupt_file"),
        (b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024), 413, "too_large"),
    ],
    ids=["wrong-type", "empty", "corrupt-pdf", "oversized"],
)
def test_bad_uploads_are_refused_with_a_code_and_nothing_is_stored(
    client: TestClient, payload: bytes, status: int, code: str
) -> None:
    before = client.get("/api/v1/documents").json()["total"]
    response = client.post("/api/v1/documents", files={"file": ("x.pdf", payload)})
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert client.get("/api/v1/documents").json()["total"] == before
    assert client.get("/healthz").json() == {"status": "ok"}


def test_a_request_without_a_file_is_refused(client: TestClient) -> None:
    response = client.post("/api/v1/documents", data={"note": "no file"})
    assert response.status_code in (400, 415)
    assert response.json()["error"]["code"] in ("missing_file", "invalid_upload")
    response = client.post(
        "/api/v1/documents", content=b"raw", headers={"content-type": "application/pdf"}
    )
    assert (response.status_code, response.json()["error"]["code"]) == (415, "invalid_upload")


def test_a_document_that_cannot_be_read_fails_with_a_code_and_keeps_its_original(
    client: TestClient,
) -> None:
    response = client.post("/api/v1/documents", files={"file": ("trang.png", blank_scan())})
    assert response.status_code == 201
    failed = wait_for(client, response.json()["id"])
    assert failed["status"] == "failed"
    assert failed["error"]["code"] == "empty_document"
    original = client.get(f"/api/v1/documents/{failed['id']}/original")
    assert original.content == blank_scan()
    again = client.post(f"/api/v1/documents/{failed['id']}/reprocess")
    assert again.status_code == 202
    assert wait_for(client, failed["id"])["attempts"] == 2
    listed = client.get("/api/v1/documents", params={"status": "failed"}).json()
    assert failed["id"] in [d["id"] for d in listed["items"]]


def test_reprocess_replaces_rows_instead_of_adding_to_them(client: TestClient) -> None:
    _, body = upload(client, sample(LIST))
    wait_for(client, body["id"])
    before = client.get("/api/v1/awards", params={"document_id": body["id"]}).json()["total"]
    response = client.post(f"/api/v1/documents/{body['id']}/reprocess")
    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    done = wait_for(client, body["id"])
    after = client.get("/api/v1/awards", params={"document_id": body["id"]}).json()["total"]
    assert done["status"] == "done" and after == before == len(truth(LIST)["awards"])


def test_award_filters_narrow_the_results_and_pages_keep_the_total(client: TestClient) -> None:
    _, body = upload(client, sample(LIST))
    wait_for(client, body["id"])
    expected = truth(LIST)
    mine = {"document_id": body["id"]}
    code = expected["awards"][0]["award_code"]
    period = expected["awards"][0]["period"]
    by_code = client.get("/api/v1/awards", params={**mine, "award_code": code}).json()
    assert by_code["total"] == sum(a["award_code"] == code for a in expected["awards"])
    first, second = (
        client.get("/api/v1/awards", params={**mine, "limit": 5, "offset": offset}).json()
        for offset in (0, 5)
    )
    assert first["total"] == second["total"] == len(expected["awards"])
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    start = int(period[:4])
    assert client.get("/api/v1/awards", params={**mine, "year_from": start})
    assert client.get("/api/v1/awards", params={**mine, "year_to": start - 1}).json()["total"] == 0
    assert client.get("/api/v1/awards", params={**mine, "period": period}).json()["total"] > 0
    number = client.get("/api/v1/awards", params={"number": fold(expected["number"])}).json()
    assert number["total"] == len(expected["awards"])
    unit = expected["awards"][0]["recipient"]["unit"]
    by_unit = client.get("/api/v1/awards", params={**mine, "unit": fold(unit)}).json()
    assert by_unit["total"] >= 1
    assert all(fold(unit) in fold(a["recipient"]["unit"]) for a in by_unit["items"])
    one = client.get(f"/api/v1/awards/{by_unit['items'][0]['id']}").json()
    assert one["recipient"]["unit"] == by_unit["items"][0]["recipient"]["unit"]


def test_unknown_ids_and_bad_filters_answer_with_error_codes(client: TestClient) -> None:
    for path in ("/api/v1/documents/999999", "/api/v1/awards/999999", "/api/v1/nothing"):
        response = client.get(path)
        assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")
    bad = client.get("/api/v1/awards", params={"award_code": "bang_khen_tinh_lon"})
    assert (bad.status_code, bad.json()["error"]["code"]) == (422, "invalid_request")
    years = client.get("/api/v1/awards", params={"year_from": 2020, "year_to": 2010})
    assert years.status_code == 422
    punctuation = client.get("/api/v1/awards", params={"q": '"*^:'}).json()
    assert punctuation["total"] == 0  # typed syntax never reaches the search engine as syntax


def test_readiness_checks_database_and_store(client: TestClient) -> None:
    body = client.get("/readyz").json()
    assert body == {"status": "ready", "checks": {"database": "ok", "store": "ok"}}


def test_openapi_documents_the_upload_and_the_error_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    upload_op = spec["paths"]["/api/v1/documents"]["post"]
    assert "multipart/form-data" in upload_op["requestBody"]["content"]
    assert {"200", "201", "413", "415", "422"} <= set(upload_op["responses"])
    assert "ErrorResponse" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 200
