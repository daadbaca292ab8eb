"""The service with its originals and derived files on S3 (a real SeaweedFS on 127.0.0.1)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.api.app import create_app
from service.settings import Settings
from service.storage import open_store
from tests.seaweedfs import S3Server
from tests.service_helpers import authorize, sample, truth, wait_for

CERT = "cert_giaykhen_so_textpdf_hatinh_2024.pdf"


@pytest.fixture
def s3_settings(s3_server: S3Server, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        storage_url=f"s3://tdkt-archive?endpoint={s3_server.endpoint}&secure=false",
        s3_access_key=SecretStr(s3_server.access_key),
        s3_secret_key=SecretStr(s3_server.secret_key),
        job_workers=1,
    )


@pytest.fixture
def client(s3_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(s3_settings)) as client:
        authorize(client)
        yield client


def test_upload_keeps_original_and_derived_files_in_the_bucket(
    client: TestClient, s3_settings: Settings
) -> None:
    data = sample(CERT).read_bytes()
    response = client.post("/api/v1/documents", files={"file": ("Giấy khen Sở GDĐT.pdf", data)})
    assert response.status_code == 201
    done = wait_for(client, response.json()["id"])
    assert done["status"] == "done"
    assert done["award_count"] == len(truth(CERT)["awards"])
    assert client.get(f"/api/v1/documents/{done['id']}/original").content == data
    sha = hashlib.sha256(data).hexdigest()
    store = open_store(
        s3_settings.resolved_storage_url,
        access_key=s3_settings.s3_access_key.get_secret_value(),
        secret_key=s3_settings.s3_secret_key.get_secret_value(),
    )
    assert store.stat(f"originals/{sha}").metadata["filename"] == "Giấy khen Sở GDĐT.pdf"
    derived = {info.key for info in store.iter(f"derived/{sha}/")}
    assert {f"derived/{sha}/extracted.json", f"derived/{sha}/text.txt"} <= derived
    assert client.get("/readyz").json()["checks"]["store"] == "ok"


def test_a_batch_reads_a_scanners_inbox_in_the_bucket(s3_settings: Settings) -> None:
    settings = s3_settings.model_copy(update={"batch_prefixes": ["inbox/"]})
    store = open_store(
        settings.resolved_storage_url,
        access_key=settings.s3_access_key.get_secret_value(),
        secret_key=settings.s3_secret_key.get_secret_value(),
    )
    store.put("inbox/2019/giấy khen.pdf", sample(CERT).read_bytes(), content_type="")
    store.put("inbox/2019/ghi chú.txt", "không phải tài liệu".encode(), content_type="")
    with TestClient(create_app(settings)) as client:
        authorize(client)
        denied = client.post("/api/v1/batches", json={"prefix": "originals/"})
        assert denied.status_code == 403
        assert denied.json()["error"]["code"] == "prefix_not_allowed"
        assert client.post("/api/v1/batches", json={"prefix": "inbox/../x/"}).status_code == 403
        empty = client.post("/api/v1/batches", json={"prefix": "inbox/2030/"})
        assert empty.status_code == 422
        response = client.post("/api/v1/batches", json={"prefix": "inbox/2019/"})
        assert response.status_code == 202 and response.json()["total"] == 1
        deadline = time.monotonic() + 60
        while not (body := client.get(response.json()["links"]["self"]).json())["finished"]:
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert body["counts"] == {"done": 1}
        found = client.get(
            "/api/v1/awards", params={"name": truth(CERT)["awards"][0]["recipient"]["name"]}
        )
        assert found.json()["total"] >= 1
