"""Deleting a document takes its awards out of every read; restoring brings them back the
same; purging removes its original for good, within its retention only when forced."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from service import accounts
from service.api.app import create_app
from service.archive import Archive, original_key
from service.db.models import AuditEntry, Role
from service.preservation.fixity import fsck
from service.settings import Settings
from service.storage.local import LocalStore
from tests.conftest import NewDatabase
from tests.service_helpers import authorize, sample, wait_for

LIST = "qd_list_grid4_textpdf_namdinh_2024.pdf"  # Sở GD&ĐT tỉnh Nam Định, 2024: 20 năm
DOCX = "qd_list_numbered_docx_thoxuan_2020.docx"  # UBND huyện Thọ Xuân, 2020: 10 năm
THAIBINH = "qd_list_combined_textpdf_thaibinh_2023.pdf"  # Bằng khen of UBND tỉnh Thái Bình
NAME = "pham hong dung"  # a teacher of THAIBINH only


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, new_database: NewDatabase
) -> Iterator[TestClient]:
    data_dir = tmp_path_factory.mktemp("deleted")
    settings = Settings(
        data_dir=data_dir,
        database_url=new_database(data_dir),
        replica_url=str(data_dir / "replica"),
        job_workers=1,
    )
    with TestClient(create_app(settings), follow_redirects=False) as client:
        with _archive(client).db.write() as session:
            accounts.add_user(session, "web-viewer", Role.viewer, "xem-2024-abc")
        authorize(client, Role.archivist)
        for name in (LIST, DOCX, THAIBINH):
            with sample(name).open("rb") as stream:
                made = client.post("/api/v1/documents", files={"file": (name, stream)})
            assert wait_for(client, made.json()["id"])["status"] == "done"
        yield client


def _archive(client: TestClient) -> Archive:
    archive: Archive = client.app.state.archive  # type: ignore[attr-defined]
    return archive


def _id_of(client: TestClient, filename: str) -> int:
    items = client.get("/api/v1/documents", params={"limit": 200}).json()["items"]
    return next(d["id"] for d in items if d["filename"] == filename)


def _everything(client: TestClient) -> dict[str, Any]:
    """What staff see: searches (by index, by words, unfiltered with facets), people, the
    export, a report, the lists."""

    def get(path: str, **params: Any) -> Any:
        response = client.get(path, params=params)
        assert response.status_code == 200, response.text
        return response.json() if "json" in response.headers["content-type"] else response.text

    def ids(page: dict[str, Any]) -> tuple[int, list[int]]:
        return page["total"], sorted(a["id"] for a in page["items"])

    unfiltered = get("/api/v1/awards", facets="true", limit=200)
    return {
        "name": ids(get("/api/v1/awards", name=NAME)),
        "words": ids(get("/api/v1/awards", q="dung thai binh", limit=200)),
        "number": ids(get("/api/v1/awards", number="1875/QĐ-UBND", limit=200)),
        "code": ids(get("/api/v1/awards", award_code="bang_khen_cap_tinh", limit=200)),
        "all": ids(unfiltered),
        "facets": unfiltered["facets"],
        "people": [p["id"] for p in get("/api/v1/people", q=NAME)["items"]],
        "export": get("/api/v1/awards/export", format="csv"),
        "report": get("/api/v1/reports/0603.N", year=2023),
        "documents": [d["id"] for d in get("/api/v1/documents")["items"]],
        "review": [i["document"]["id"] for i in get("/api/v1/review")["items"]],
    }


def test_a_deleted_documents_awards_leave_every_read_and_come_back_on_restore(
    client: TestClient,
) -> None:
    before = _everything(client)
    assert before["name"][0] >= 1 and before["people"] and "Phạm Hồng Dũng" in before["export"]
    document_id = _id_of(client, THAIBINH)
    award_id = before["name"][1][0]

    authorize(client, Role.viewer)
    refused = client.delete(f"/api/v1/documents/{document_id}")
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "forbidden")
    authorize(client, Role.archivist, "lan")
    deleted = client.delete(f"/api/v1/documents/{document_id}", params={"reason": "bản trùng"})
    assert deleted.status_code == 200, deleted.text
    assert deleted.json()["deleted_by"] == "lan" and deleted.json()["delete_reason"] == "bản trùng"
    again = client.delete(f"/api/v1/documents/{document_id}")
    assert (again.status_code, again.json()["error"]["code"]) == (409, "already_deleted")

    after = _everything(client)
    assert after["name"] == (0, []) and after["words"] == (0, []) and after["number"] == (0, [])
    assert after["people"] == [] and "Phạm Hồng Dũng" not in after["export"]
    assert document_id not in after["documents"] and document_id not in after["review"]
    kept_total = before["all"][0] - before["number"][0]
    assert after["all"][0] == kept_total == len(after["all"][1])
    assert after["code"] == (0, []) < before["code"]
    issuers = [f["label"] for f in after["facets"]["issuer"]]
    assert not any("Thái Bình" in label for label in issuers)
    assert sum(f["count"] for f in after["facets"]["award_code"]) == kept_total
    assert after["report"] != before["report"]
    assert client.get(f"/api/v1/awards/{award_id}").status_code == 404
    corrected = client.patch(f"/api/v1/awards/{award_id}", json={"name": "X"})
    assert corrected.status_code == 404
    reread = client.post(f"/api/v1/documents/{document_id}/reprocess")
    assert (reread.status_code, reread.json()["error"]["code"]) == (409, "document_deleted")
    listed = client.get("/api/v1/documents", params={"deleted": "true"}).json()["items"]
    assert [d["id"] for d in listed] == [document_id]
    assert client.get(f"/api/v1/documents/{document_id}").json()["deleted_at"]  # archivists see it

    authorize(client, Role.viewer)
    assert client.get(f"/api/v1/documents/{document_id}").status_code == 404
    assert client.get(f"/api/v1/documents/{document_id}/original").status_code == 404
    assert client.get("/api/v1/documents", params={"deleted": "true"}).status_code == 403
    client.headers.pop("Authorization")
    signed = client.post("/login", data={"name": "web-viewer", "password": "xem-2024-abc"})
    assert signed.status_code == 303
    assert client.get(f"/documents/{document_id}").status_code == 404  # the web pages
    assert THAIBINH not in client.get("/documents").text
    assert "Phạm Hồng Dũng" not in client.get("/", params={"name": NAME}).text
    client.cookies.clear()

    authorize(client, Role.archivist, "lan")
    restored = client.post(f"/api/v1/documents/{document_id}/restore")
    assert restored.status_code == 200 and restored.json()["deleted_at"] is None
    assert _everything(client) == before
    twice = client.post(f"/api/v1/documents/{document_id}/restore")
    assert (twice.status_code, twice.json()["error"]["code"]) == (409, "not_deleted")
    assert _steps(client, document_id) == [
        ("document.delete", "lan", {"reason": "bản trùng", "awards": 15}),
        ("document.restore", "lan", {"awards": 15}),
    ]


def _steps(client: TestClient, document_id: int) -> list[tuple[str, str, Any]]:
    with _archive(client).db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.target == f"document:{document_id}")
        ).all()
    return [(e.action, e.actor, e.detail) for e in entries if e.action != "document.upload"]


def test_each_document_shows_its_retention(client: TestClient) -> None:
    province = client.get(f"/api/v1/documents/{_id_of(client, LIST)}").json()["retention"]
    assert province == {"label": "20 năm", "years": 20, "until": "2044-12-31", "rule": "tinh"}
    district = client.get(f"/api/v1/documents/{_id_of(client, DOCX)}").json()["retention"]
    assert district == {"label": "10 năm", "years": 10, "until": "2030-12-31", "rule": "huyen"}
    token = client.headers.pop("Authorization")
    client.post("/login", data={"name": "web-viewer", "password": "xem-2024-abc"})
    page = client.get(f"/documents/{_id_of(client, LIST)}").text
    assert "Thời hạn bảo quản: 20 năm (đến 31/12/2044)" in page
    client.cookies.clear()
    client.headers["Authorization"] = token


def test_purge_needs_a_deleted_document_an_admin_and_within_retention_a_forced_reason(
    client: TestClient,
) -> None:
    archive = _archive(client)
    document_id = _id_of(client, LIST)
    sha256 = client.get(f"/api/v1/documents/{document_id}").json()["sha256"]
    authorize(client, Role.admin, "chi")
    purge = f"/api/v1/documents/{document_id}/purge"
    early = client.post(purge, json={"reason": "hết giá trị"})
    assert (early.status_code, early.json()["error"]["code"]) == (409, "not_deleted")
    assert client.delete(f"/api/v1/documents/{document_id}").status_code == 200

    authorize(client, Role.archivist)
    assert client.post(purge, json={"force": True, "reason": "x"}).status_code == 403
    authorize(client, Role.admin, "chi")
    kept = client.post(purge, json={"reason": "hết giá trị"})
    assert (kept.status_code, kept.json()["error"]["code"]) == (409, "retention_unexpired")
    assert "20 năm" in kept.json()["error"]["message"]
    no_reason = client.post(purge, json={"force": True})
    assert no_reason.json()["error"]["code"] == "retention_unexpired"
    assert archive.store.exists(original_key(sha256))
    assert LocalStore(archive.settings.replica_url or "").exists(original_key(sha256))

    done = client.post(purge, json={"force": True, "reason": "quyết định hủy tài liệu số 5"})
    assert done.status_code == 200, done.text
    assert done.json()["objects_removed"] >= 2  # the original and what was read from it
    assert not archive.store.exists(original_key(sha256))
    assert list(archive.store.iter(f"derived/{sha256}/")) == []
    replica = LocalStore(archive.settings.replica_url or "")
    assert not replica.exists(original_key(sha256))  # no copy left in the second store
    assert client.get(f"/api/v1/documents/{document_id}").status_code == 404
    assert fsck(archive).ok  # nothing missing, nothing left behind

    with archive.db.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.target == f"document:{document_id}")
        ).all()
    steps = [(e.action, e.actor) for e in entries if e.action != "document.upload"]
    assert steps == [("document.delete", "chi"), ("document.purge", "chi")]
    purged = entries[-1].detail
    assert purged["reason"] == "quyết định hủy tài liệu số 5" and purged["forced"] is True
    assert purged["sha256"] == sha256 and purged["number"] == "1322/QĐ-SGDĐT"
    assert purged["retention"] == "20 năm"
