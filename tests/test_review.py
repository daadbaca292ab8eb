"""Review: corrections are logged with author, time and the value before, change what
search finds, survive a re-read; approval marks documents reviewed; the queue puts the
least sure documents first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from extractors.text_normalize import fold
from service.api.app import create_app
from service.db.models import Role
from service.settings import Settings
from tests.conftest import NewDatabase
from tests.search_archive import DECISIONS, build
from tests.service_helpers import authorize, sample, wait_for

LIST = "qd_list_grid4_textpdf_namdinh_2024.pdf"


@pytest.fixture
def client(tmp_path: Path, new_database: NewDatabase) -> Iterator[TestClient]:
    data_dir = tmp_path / "data"
    settings = Settings(data_dir=data_dir, database_url=new_database(data_dir), job_workers=1)
    with TestClient(create_app(settings)) as client:
        authorize(client, Role.archivist, "lan.archivist")
        yield client


def uploaded(client: TestClient, name: str = LIST) -> dict[str, Any]:
    path = sample(name)
    response = client.post("/api/v1/documents", files={"file": (path.name, path.read_bytes())})
    assert response.status_code == 201, response.text
    return wait_for(client, response.json()["id"])


def rows(client: TestClient, document_id: int) -> list[dict[str, Any]]:
    answer = client.get("/api/v1/awards", params={"document_id": document_id, "limit": 200})
    items: list[dict[str, Any]] = answer.json()["items"]
    return sorted(items, key=lambda a: a["id"])


def test_a_corrected_name_is_found_logged_and_kept_through_a_re_read(client: TestClient) -> None:
    document = uploaded(client)
    assert document["uploaded_by"] == "lan.archivist"
    before = rows(client, document["id"])
    target = before[1]
    old_name = target["recipient"]["name"]
    new_name = "Nguyễn Thị Thuỳ Dương"
    answer = client.patch(f"/api/v1/awards/{target['id']}", json={"name": new_name})
    assert answer.status_code == 200, answer.text
    assert answer.json()["recipient"]["name"] == new_name

    found = client.get("/api/v1/awards", params={"name": fold(new_name), "fuzzy": "false"}).json()
    assert [a["id"] for a in found["items"]] == [target["id"]]
    gone = client.get("/api/v1/awards", params={"name": old_name, "fuzzy": "false"}).json()
    assert target["id"] not in [a["id"] for a in gone["items"]]

    history = client.get(f"/api/v1/awards/{target['id']}/history").json()
    assert [h["action"] for h in history] == ["extracted", "corrected"]
    change = history[1]
    assert (change["user"], change["field"]) == ("lan.archivist", "name")
    assert (change["old_value"], change["new_value"]) == (old_name, new_name)
    assert change["at"] >= history[0]["at"]

    assert client.post(f"/api/v1/documents/{document['id']}/reprocess").status_code == 202
    wait_for(client, document["id"])
    after = rows(client, document["id"])
    assert [a["id"] for a in after] == [a["id"] for a in before]  # links stay good
    assert after[1]["recipient"]["name"] == new_name  # the person's value, not the reading
    assert [a["recipient"]["name"] for a in after[2:]] == [
        a["recipient"]["name"] for a in before[2:]
    ]
    history = client.get(f"/api/v1/awards/{target['id']}/history").json()
    assert [h["action"] for h in history] == ["extracted", "corrected", "reprocessed"]
    assert "1 corrected" in history[2]["note"]


def test_approval_marks_the_document_and_its_rows_reviewed(client: TestClient) -> None:
    document = uploaded(client, "cert_giaykhen_so_textpdf_hatinh_2024.pdf")
    approved = client.post(
        f"/api/v1/documents/{document['id']}/approve", json={"note": "đã đối chiếu"}
    )
    assert approved.status_code == 200
    body = approved.json()
    assert (body["review_state"], body["reviewed_by"]) == ("reviewed", "lan.archivist")
    reviewed = client.get("/api/v1/awards", params={"review_state": "reviewed"}).json()
    assert {a["decision"]["document_id"] for a in reviewed["items"]} == {document["id"]}
    award = reviewed["items"][0]
    history = client.get(f"/api/v1/awards/{award['id']}/history").json()
    assert history[-1]["action"] == "approved"
    assert (history[-1]["user"], history[-1]["note"]) == ("lan.archivist", "đã đối chiếu")

    assert client.post(f"/api/v1/documents/{document['id']}/reprocess").status_code == 202
    again = wait_for(client, document["id"])
    assert again["review_state"] == "reviewed"  # read to the same values: still approved


BAD_CORRECTIONS: list[tuple[dict[str, Any], str]] = [
    ({"name": "  "}, "name"),
    ({"period": "2019-2021"}, "period"),
    ({"award_code": "huan_chuong_vang"}, "award_code"),
    ({"award_class": 4}, "award_class"),
    ({"confidence": 1.0}, "confidence"),
    ({"name": "Lê Văn Tám", "amount_vnd": -5}, "amount_vnd"),
    ({}, "at least one"),
]


def test_a_bad_correction_is_refused_and_changes_nothing(client: TestClient) -> None:
    document = uploaded(client)
    award = rows(client, document["id"])[0]
    for change, problem in BAD_CORRECTIONS:
        answer = client.patch(f"/api/v1/awards/{award['id']}", json=change)
        assert answer.status_code == 422, change
        assert answer.json()["error"]["code"] == "invalid_correction"
        assert problem in answer.json()["error"]["message"]
    assert client.get(f"/api/v1/awards/{award['id']}").json() == award | {"match": None}
    history = client.get(f"/api/v1/awards/{award['id']}/history").json()
    assert [h["action"] for h in history] == ["extracted"]


def test_a_viewer_reads_the_history_but_cannot_correct(client: TestClient) -> None:
    document = uploaded(client)
    award = rows(client, document["id"])[0]
    authorize(client, Role.viewer, "thu.viewer")
    denied = client.patch(f"/api/v1/awards/{award['id']}", json={"name": "Lê Văn Tám"})
    assert denied.status_code == 403
    assert client.post(f"/api/v1/documents/{document['id']}/approve").status_code == 403
    assert client.get(f"/api/v1/awards/{award['id']}/history").status_code == 200


def test_the_queue_shows_the_least_sure_documents_first(tmp_path: Path) -> None:
    base = DECISIONS[0]
    sure = base.model_copy(update={"number": "101/QĐ-UBND"})
    doubtful = base.model_copy(
        update={
            "number": "102/QĐ-UBND",
            "field_confidence": {"/awards/0/recipient/name": 0.41, "/number": 0.9},
            "low_confidence": ["/awards/0/recipient/name"],
        }
    )
    unsure = base.model_copy(
        update={
            "number": "103/QĐ-UBND",
            "field_confidence": {"/signer/name": 0.62},
            "low_confidence": ["/signer/name"],
        }
    )
    mismatch = base.model_copy(
        update={"number": "104/QĐ-UBND", "warnings": ["declared 5 individuals, found 4"]}
    )
    settings = build(tmp_path, None, [sure, unsure, doubtful, mismatch])
    with TestClient(create_app(settings)) as client:
        authorize(client, Role.viewer)
        queue = client.get("/api/v1/review").json()
        assert [item["number"] for item in queue["items"]] == [
            "102/QĐ-UBND",
            "103/QĐ-UBND",
            "104/QĐ-UBND",
        ]
        assert queue["items"][0]["confidence"] == 0.41
        assert queue["items"][0]["low_confidence"] == ["/awards/0/recipient/name"]
        assert queue["items"][2]["warnings"] == ["declared 5 individuals, found 4"]
        first = queue["items"][0]["document"]["id"]
        authorize(client, Role.archivist)
        assert client.post(f"/api/v1/documents/{first}/approve").status_code == 200
        queue = client.get("/api/v1/review").json()
        assert queue["total"] == 2 and queue["items"][0]["number"] == "103/QĐ-UBND"


def test_a_corrected_decision_number_and_date_reach_every_row_and_survive_a_re_read(
    client: TestClient,
) -> None:
    document = uploaded(client)
    before = rows(client, document["id"])
    old_number = before[0]["decision"]["number"]
    change = {"number": "77/QĐ-SGDĐT", "date": "2024-05-28"}
    answer = client.patch(f"/api/v1/documents/{document['id']}", json=change)
    assert answer.status_code == 200, answer.text
    assert answer.json()["number"] == "77/QĐ-SGDĐT"
    found = client.get("/api/v1/awards", params={"number": "77/QĐ-SGDĐT"}).json()
    assert found["total"] == len(before)
    assert {a["decision"]["date"] for a in found["items"]} == {"2024-05-28"}
    history = client.get(f"/api/v1/awards/{before[3]['id']}/history").json()
    assert {
        (h["field"], h["old_value"], h["new_value"]) for h in history if h["field"] == "number"
    } == {("number", old_number, "77/QĐ-SGDĐT")}
    bad = client.patch(f"/api/v1/documents/{document['id']}", json={"date": "28/05/2024"})
    assert (bad.status_code, bad.json()["error"]["code"]) == (422, "invalid_correction")

    assert client.post(f"/api/v1/documents/{document['id']}/reprocess").status_code == 202
    wait_for(client, document["id"])
    after = rows(client, document["id"])
    assert {a["decision"]["number"] for a in after} == {"77/QĐ-SGDĐT"}
    assert client.get("/api/v1/awards", params={"number": old_number}).json()["total"] == 0
