"""Batches over HTTP: a ZIP of an archivist's folder, read safely, reported file by file,
resumed after a stop without reading anything twice; a server folder from the allow-list."""

from __future__ import annotations

import csv
import io
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from service import batches
from service.api.app import create_app
from service.archive import open_archive
from service.settings import Settings
from tests.conftest import NewDatabase
from tests.service_helpers import authorize, sample, truth

BATCHES = "/api/v1/batches"
LIST = "qd_list_grid4_textpdf_namdinh_2024.pdf"
CERT = "cert_giaykhen_so_textpdf_hatinh_2024.pdf"
DOCX = "qd_list_numbered_docx_thoxuan_2020.docx"
DASH = "qd_inline_dash_textpdf_ninhbinh_2023.pdf"


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def an_archivists_zip() -> bytes:
    inner = zip_of({"x.pdf": sample(CERT).read_bytes()})
    return zip_of(
        {
            f"hồ sơ 2024/{LIST}": sample(LIST).read_bytes(),
            f"hồ sơ 2024/{DOCX}": sample(DOCX).read_bytes(),
            f"hồ sơ 2024/bản sao/{LIST}": sample(LIST).read_bytes(),  # same bytes twice
            "hồ sơ 2024/ghi chú.txt": "không phải tài liệu".encode(),
            "hồ sơ 2024/hỏng.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog",
            "hồ sơ 2024/lồng.zip": inner,
            "../../ngoài.pdf": sample(DASH).read_bytes(),
            "__MACOSX/._x.pdf": b"junk",
        }
    )


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, new_database: NewDatabase) -> Settings:
    root = tmp_path_factory.mktemp("batches")
    allowed = root / "scans"
    allowed.mkdir()
    shutil.copy(sample(DASH), allowed / DASH)
    return Settings(
        data_dir=root / "data",
        database_url=new_database(root),
        job_workers=2,
        batch_folders=[allowed],
    )


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        authorize(client)
        yield client


def wait_finished(client: TestClient, batch_id: int, timeout: float = 180) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        body: dict[str, Any] = client.get(f"{BATCHES}/{batch_id}").json()
        if body["finished"]:
            return body
        assert time.monotonic() < deadline, body
        time.sleep(0.2)


def report_rows(client: TestClient, batch_id: int) -> dict[str, dict[str, str]]:
    response = client.get(f"{BATCHES}/{batch_id}/report")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    return {row["file"]: row for row in rows}


def test_a_zip_is_read_file_by_file_and_reported(client: TestClient) -> None:
    response = client.post(BATCHES, files={"file": ("hồ sơ 2024.zip", an_archivists_zip())})
    assert response.status_code == 202, response.text
    batch = response.json()
    assert batch["name"] == "hồ sơ 2024.zip" and batch["total"] == 6
    done = wait_finished(client, batch["id"])
    assert done["counts"] == {"done": 2, "duplicate": 1, "rejected": 3}
    assert done["eta_seconds"] == 0 and done["files_per_second"] > 0
    rows = report_rows(client, batch["id"])
    assert rows[f"hồ sơ 2024/{LIST}"]["status"] == "done"
    assert rows[f"hồ sơ 2024/bản sao/{LIST}"]["status"] == "duplicate"
    assert (
        rows[f"hồ sơ 2024/bản sao/{LIST}"]["document_id"]
        == rows[f"hồ sơ 2024/{LIST}"]["document_id"]
    )
    assert rows["hồ sơ 2024/hỏng.pdf"]["error_code"] == "corrupt_file"
    assert rows["hồ sơ 2024/lồng.zip"]["error_code"] == "nested_archive"
    assert rows["../../ngoài.pdf"]["error_code"] == "unsafe_path"
    assert "hồ sơ 2024/ghi chú.txt" not in rows and len(rows) == 6
    assert len(rows[f"hồ sơ 2024/{DOCX}"]["sha256"]) == 64
    expected = truth(LIST)["awards"][0]["recipient"]["name"]
    found = client.get("/api/v1/awards", params={"name": expected}).json()
    assert found["total"] >= 1  # one document, however many times it was in the ZIP


def test_a_zip_bomb_is_refused_whole_and_nothing_is_kept(client: TestClient) -> None:
    before = client.get("/api/v1/documents").json()["total"]
    bomb = zip_of({"a.pdf": sample(DASH).read_bytes(), "b.pdf": bytes(30 * 1024 * 1024)})
    response = client.post(BATCHES, files={"file": ("bom.zip", bomb)})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "zip_bomb"
    assert client.get("/api/v1/documents").json()["total"] == before


def test_what_is_not_a_zip_is_refused_with_a_code(client: TestClient) -> None:
    response = client.post(BATCHES, files={"file": ("x.zip", sample(DASH).read_bytes())})
    assert response.status_code == 422 and response.json()["error"]["code"] == "corrupt_file"
    empty = client.post(BATCHES, files={"file": ("notes.zip", zip_of({"a.txt": b"x"}))})
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "empty_document"


def test_a_server_folder_only_from_the_allow_list(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    denied = client.post(BATCHES, json={"folder": str(tmp_path)})
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "folder_not_allowed"
    escape = client.post(BATCHES, json={"folder": f"{settings.batch_folders[0]}/../.."})
    assert escape.status_code == 403
    missing = client.post(BATCHES, json={"folder": "/không/có"})
    assert missing.status_code == 404
    allowed = client.post(BATCHES, json={"folder": str(settings.batch_folders[0])})
    assert allowed.status_code == 202
    assert wait_finished(client, allowed.json()["id"])["counts"] == {"done": 1}
    assert client.get(f"{BATCHES}/999999").status_code == 404


def test_a_batch_stopped_midway_carries_on_without_reading_a_file_twice(
    tmp_path: Path, new_database: NewDatabase
) -> None:
    settings = Settings(data_dir=tmp_path, database_url=new_database(tmp_path), job_workers=1)
    archive = open_archive(settings)
    members = {name: sample(name).read_bytes() for name in (LIST, CERT, DOCX, DASH)}
    spool_path = tmp_path / "in.zip"
    spool_path.write_bytes(zip_of(members))
    from service.receive import spool_file

    with spool_file(spool_path, 10**8) as spool:
        batch_id = batches.create_zip_batch(archive, spool, "in.zip")
    admitted: list[int] = []
    batches.receive_items(  # stopped after two files, as a shutdown would
        archive, batch_id, on_new_document=admitted.append, should_stop=lambda: len(admitted) >= 2
    )
    archive.close()
    assert len(admitted) == 2
    with TestClient(create_app(settings)) as client:  # the next start carries on
        authorize(client)
        done = wait_finished(client, batch_id)
        assert done["counts"] == {"done": 4}
        documents = client.get("/api/v1/documents").json()
        assert documents["total"] == 4
        for document in documents["items"]:
            detail = client.get(f"/api/v1/documents/{document['id']}").json()
            assert [e["event"] for e in detail["events"]].count("started") == 1
