"""Every route of the API enforces its role: walked from the OpenAPI with no credentials,
a bad token, and a token of each role; and the browser's cookie needs its CSRF token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.db.models import Role
from service.settings import Settings
from tests.service_helpers import authorize

PUBLIC = None
V, A, ADMIN = Role.viewer, Role.archivist, Role.admin

# Who may call each route. A new route fails the walk until it is listed here.
EXPECTED: dict[tuple[str, str], str | None] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/readyz"): PUBLIC,
    ("POST", "/api/v1/session"): PUBLIC,
    ("GET", "/api/v1/session"): V,
    ("DELETE", "/api/v1/session"): V,
    ("POST", "/api/v1/documents"): A,
    ("GET", "/api/v1/documents"): V,
    ("GET", "/api/v1/documents/{document_id}"): V,
    ("GET", "/api/v1/documents/{document_id}/original"): V,
    ("POST", "/api/v1/documents/{document_id}/reprocess"): A,
    ("DELETE", "/api/v1/documents/{document_id}"): A,
    ("POST", "/api/v1/documents/{document_id}/restore"): A,
    ("POST", "/api/v1/documents/{document_id}/purge"): ADMIN,
    ("POST", "/api/v1/documents/{document_id}/approve"): A,
    ("PATCH", "/api/v1/documents/{document_id}"): A,
    ("GET", "/api/v1/documents/{document_id}/pages"): V,
    ("GET", "/api/v1/documents/{document_id}/pages/{number}/image"): V,
    ("GET", "/api/v1/awards"): V,
    ("GET", "/api/v1/awards/export"): V,
    ("GET", "/api/v1/awards/{award_id}"): V,
    ("PATCH", "/api/v1/awards/{award_id}"): A,
    ("GET", "/api/v1/awards/{award_id}/history"): V,
    ("GET", "/api/v1/review"): V,
    ("GET", "/api/v1/people"): V,
    ("GET", "/api/v1/people/{person_id}"): V,
    ("GET", "/api/v1/people/{person_id}/streaks"): V,
    ("POST", "/api/v1/people/{person_id}/joined"): A,
    ("DELETE", "/api/v1/people/{person_id}/joined/{other_id}"): A,
    ("POST", "/api/v1/batches"): A,
    ("GET", "/api/v1/batches/{batch_id}"): V,
    ("GET", "/api/v1/batches/{batch_id}/report"): V,
    ("GET", "/api/v1/users"): ADMIN,
    ("POST", "/api/v1/users"): ADMIN,
    ("PATCH", "/api/v1/users/{name}"): ADMIN,
    ("POST", "/api/v1/users/{name}/tokens"): ADMIN,
    ("GET", "/api/v1/users/{name}/tokens"): ADMIN,
    ("DELETE", "/api/v1/users/{name}/tokens/{token_id}"): ADMIN,
    ("GET", "/api/v1/settings"): ADMIN,
    ("GET", "/api/v1/audit"): ADMIN,
    ("GET", "/api/v1/fixity"): ADMIN,
    ("GET", "/api/v1/reports/{form}"): V,
    ("GET", "/api/v1/people/{person_id}/eligibility"): V,
}


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data_dir: Path = tmp_path_factory.mktemp("roles")
    settings = Settings(data_dir=data_dir, job_workers=1, admin_password="first-admin-pw")
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def tokens(app_client: TestClient) -> dict[str, str]:
    found = {}
    for role in Role.ALL:
        authorize(app_client, role)
        found[role] = app_client.headers.pop("Authorization")
    return found


def routes(client: TestClient) -> list[tuple[str, str]]:
    paths = client.app.openapi()["paths"]  # type: ignore[attr-defined]
    return sorted(
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if method in ("get", "post", "put", "patch", "delete")
    )


def test_every_route_is_listed(app_client: TestClient) -> None:
    assert set(routes(app_client)) == set(EXPECTED)


def call(client: TestClient, method: str, path: str, headers: dict[str, str]) -> tuple[int, str]:
    url = re.sub(r"\{name\}", "nobody", path)
    url = re.sub(r"\{\w+\}", "987654", url)
    body = {"json": {}} if method in ("POST", "PATCH") else {}
    response = client.request(method, url, headers=headers, **body)  # type: ignore[arg-type]
    if not response.headers.get("content-type", "").startswith("application/json"):
        return response.status_code, ""
    answer = response.json()
    return response.status_code, answer["error"]["code"] if isinstance(
        answer, dict
    ) and "error" in answer else ""


@pytest.mark.parametrize(("method", "path"), sorted(EXPECTED))
def test_each_route_answers_each_role(
    app_client: TestClient, tokens: dict[str, str], method: str, path: str
) -> None:
    needed = EXPECTED[(method, path)]
    app_client.cookies.clear()
    status, code = call(app_client, method, path, {})
    if needed is None:
        assert status not in (401, 403), (status, code)
        return
    assert (status, code) == (401, "unauthorized")
    status, code = call(app_client, method, path, {"Authorization": "Bearer tdkt_not-a-token"})
    assert (status, code) == (401, "unauthorized")
    for role in Role.ALL:
        status, code = call(app_client, method, path, {"Authorization": tokens[role]})
        if Role.ALL.index(role) < Role.ALL.index(needed):
            assert (status, code) == (403, "forbidden"), role
        else:
            assert status != 401 and code not in ("forbidden", "csrf_failed"), (role, status, code)


def test_a_signed_in_browser_must_send_its_csrf_token(app_client: TestClient) -> None:
    app_client.cookies.clear()
    wrong = app_client.post("/api/v1/session", json={"name": "admin", "password": "nope-nope"})
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (401, "bad_credentials")
    signed = app_client.post(
        "/api/v1/session", json={"name": "Admin", "password": "first-admin-pw"}
    )
    assert signed.status_code == 200
    assert "httponly" in signed.headers["set-cookie"].lower()
    csrf = signed.json()["csrf_token"]
    new_user = {"name": "thu.le", "role": "viewer", "password": "mật-khẩu-dài"}
    refused = app_client.post("/api/v1/users", json=new_user)
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "csrf_failed")
    forged = app_client.post("/api/v1/users", json=new_user, headers={"X-CSRF-Token": "x" * 43})
    assert forged.status_code == 403
    made = app_client.post("/api/v1/users", json=new_user, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201, made.text
    assert app_client.get("/api/v1/users").status_code == 200  # reads need no token
    assert app_client.delete("/api/v1/session", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert app_client.get("/api/v1/users").status_code == 401


def test_passwords_are_hashed_and_disabled_users_are_out(app_client: TestClient) -> None:
    from sqlalchemy import select

    from service.db.models import User

    archive = app_client.app.state.archive  # type: ignore[attr-defined]
    authorize(app_client, Role.admin)
    made = app_client.post(
        "/api/v1/users", json={"name": "mai", "role": "archivist", "password": "short"}
    )
    assert (made.status_code, made.json()["error"]["code"]) == (422, "weak_password")
    made = app_client.post(
        "/api/v1/users", json={"name": "mai", "role": "archivist", "password": "mai-2024-xyz"}
    )
    assert made.status_code == 201
    again = app_client.post("/api/v1/users", json={"name": "MAI", "role": "viewer"})
    assert (again.status_code, again.json()["error"]["code"]) == (409, "user_exists")
    token = app_client.post("/api/v1/users/mai/tokens", json={"label": "scanner"}).json()["token"]
    spare = app_client.post("/api/v1/users/mai/tokens", json={"label": "spare"}).json()["token"]
    listed = app_client.get("/api/v1/users/mai/tokens").json()
    assert [t["label"] for t in listed] == ["scanner", "spare"]
    revoked = app_client.delete(f"/api/v1/users/mai/tokens/{listed[1]['id']}")
    assert revoked.status_code == 204
    check = app_client.get("/api/v1/awards", headers={"Authorization": f"Bearer {spare}"})
    assert check.status_code == 401
    check = app_client.get("/api/v1/awards", headers={"Authorization": f"Bearer {token}"})
    assert check.status_code == 200
    with archive.db.read() as session:
        stored = session.scalars(select(User.password_hash).where(User.name == "mai")).one()
    assert stored.startswith("$argon2id$") and "mai-2024-xyz" not in stored
    assert app_client.patch("/api/v1/users/mai", json={"active": False}).status_code == 200
    app_client.headers.pop("Authorization")
    assert (
        app_client.get("/api/v1/awards", headers={"Authorization": f"Bearer {token}"}).status_code
        == 401
    )
    login = app_client.post("/api/v1/session", json={"name": "mai", "password": "mai-2024-xyz"})
    assert login.status_code == 401


def test_guessing_a_password_is_stopped_after_five_tries(app_client: TestClient) -> None:
    app_client.cookies.clear()
    authorize(app_client, Role.admin)
    app_client.post(
        "/api/v1/users", json={"name": "hoa", "role": "viewer", "password": "hoa-2024-xyz"}
    )
    app_client.headers.pop("Authorization")
    for attempt in range(5):
        wrong = app_client.post(
            "/api/v1/session", json={"name": "hoa", "password": f"doan-{attempt}"}
        )
        assert wrong.status_code == 401
    stopped = app_client.post("/api/v1/session", json={"name": "HOA", "password": "hoa-2024-xyz"})
    assert (stopped.status_code, stopped.json()["error"]["code"]) == (429, "too_many_attempts")
    assert int(stopped.headers["retry-after"]) > 60
    other = app_client.post("/api/v1/session", json={"name": "admin", "password": "first-admin-pw"})
    assert other.status_code == 200  # another account from the same place still signs in
    app_client.cookies.clear()
