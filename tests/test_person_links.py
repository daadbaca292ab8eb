"""A teacher who moved schools: two people by the rows, joined into one by an archivist,
and apart again when the join is undone; who did each is kept."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from service.api.app import create_app
from service.db.models import AuditEntry, PersonLink, Role
from tests.conftest import NewDatabase
from tests.search_archive import build
from tests.service_helpers import authorize


def test_an_archivist_joins_a_namesake_and_can_undo_it(
    tmp_path: Path, new_database: NewDatabase
) -> None:
    settings = build(tmp_path, new_database(tmp_path))
    with TestClient(create_app(settings)) as client:
        authorize(client, Role.archivist, "lan")
        people = client.get("/api/v1/people", params={"q": "nguyen thi thanh xuan"}).json()
        teacher, namesake = people["items"]
        other = client.get("/api/v1/people", params={"q": "tran van thinh"}).json()["items"][0]

        refused = client.post(
            f"/api/v1/people/{teacher['id']}/joined", json={"person_id": other["id"]}
        )
        assert (refused.status_code, refused.json()["error"]["code"]) == (422, "not_namesakes")
        authorize(client, Role.viewer, "thu")
        denied = client.post(
            f"/api/v1/people/{teacher['id']}/joined", json={"person_id": namesake["id"]}
        )
        assert denied.status_code == 403

        authorize(client, Role.archivist, "lan")
        joined = client.post(
            f"/api/v1/people/{teacher['id']}/joined", json={"person_id": namesake["id"]}
        )
        assert joined.status_code == 200, joined.text
        person = joined.json()
        assert person["award_count"] == teacher["award_count"] + namesake["award_count"]
        assert person["units"] == teacher["units"] + namesake["units"]
        assert sorted(person["joined"]) == sorted([teacher["id"], namesake["id"]])
        assert person["namesakes"] == []
        years = [a["period"] for a in person["awards"]]
        assert years == sorted(years, key=lambda p: p or "")  # one timeline, oldest first

        found = client.get("/api/v1/people", params={"q": "nguyen thi thanh xuan"}).json()
        assert found["total"] == 1 and found["items"][0]["id"] == person["id"]
        assert person["id"] == teacher["id"]  # joined into the person it was asked on
        by_old_id = client.get(f"/api/v1/people/{namesake['id']}").json()
        assert by_old_id["id"] == person["id"]  # links to either still work

        undone = client.delete(f"/api/v1/people/{person['id']}/joined/{namesake['id']}")
        assert undone.status_code == 200
        again = client.get("/api/v1/people", params={"q": "nguyen thi thanh xuan"}).json()
        assert again["total"] == 2
        archive = client.app.state.archive  # type: ignore[attr-defined]
        with archive.db.read() as session:
            kept = session.scalars(select(PersonLink)).one()
        assert (kept.created_by, kept.removed_by) == ("lan", "lan")
        with archive.db.read() as session:
            logged = session.scalars(
                select(AuditEntry).where(AuditEntry.action.like("person.%")).order_by(AuditEntry.id)
            ).all()
        assert [(e.actor, e.action, e.target) for e in logged] == [
            ("lan", "person.join", f"person:{person['id']}"),
            ("lan", "person.unjoin", f"person:{person['id']}"),
        ]
        assert logged[0].detail == {"joined": namesake["id"]}
        assert (
            client.delete(f"/api/v1/people/{person['id']}/joined/{namesake['id']}").status_code
            == 404
        )
