"""Every answer carries headers that keep a browser from running what it was not meant to:
nosniff, no framing, a same-origin referrer, a CSP the pages work under; originals open
in the browser only when they are images or PDFs, and anything else downloads."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from service import accounts
from service.api.app import create_app
from service.db.models import Role
from tests.search_archive import build
from tests.service_helpers import authorize, blank_scan, sample

PASSWORD = "quản-trị-2024"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = build(tmp_path_factory.mktemp("headers")).model_copy(update={"admin_password": None})
    with TestClient(create_app(settings), follow_redirects=False) as client:
        authorize(client)
        yield client


@pytest.fixture(scope="module")
def originals(client: TestClient) -> dict[str, int]:
    """Document ids of an uploaded PDF, DOCX and PNG."""
    files = {
        "pdf": ("qd.pdf", sample("qd_inline_dash_textpdf_ninhbinh_2023.pdf").read_bytes()),
        "docx": ("ds.docx", sample("qd_list_numbered_docx_thoxuan_2020.docx").read_bytes()),
        "png": ("scan.png", blank_scan()),
    }
    ids = {}
    for kind, (name, data) in files.items():
        answer = client.post("/api/v1/documents", files={"file": (name, data)})
        assert answer.status_code == 201, answer.text
        ids[kind] = answer.json()["id"]
    return ids


@pytest.fixture(scope="module")
def browser(client: TestClient) -> TestClient:
    archive = client.app.state.archive  # type: ignore[attr-defined]
    with archive.db.write() as session:
        accounts.add_user(session, "web-admin", Role.admin, PASSWORD)
    signed_in = TestClient(client.app, follow_redirects=False)
    answer = signed_in.post("/login", data={"name": "web-admin", "password": PASSWORD})
    assert answer.status_code == 303
    return signed_in


def assert_protected(headers: Mapping[str, str]) -> None:
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert "content-security-policy" in headers


@pytest.mark.parametrize(
    "path,status",
    [
        ("/api/v1/awards?name=xuan", 200),
        ("/api/v1/awards/999999", 404),
        ("/api/v1/awards?offset=-1", 422),
        ("/healthz", 200),
        ("/login", 200),
        ("/static/app.js", 200),
        ("/openapi.json", 200),
    ],
)
def test_every_answer_carries_the_security_headers(
    client: TestClient, path: str, status: int
) -> None:
    answer = client.get(path)
    assert answer.status_code == status
    assert_protected(answer.headers)


def test_api_answers_may_load_nothing(client: TestClient) -> None:
    csp = client.get("/api/v1/awards").headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp


def test_unauthenticated_answers_are_protected_too(tmp_path: Path) -> None:
    settings = build(tmp_path)
    with TestClient(create_app(settings)) as anonymous:
        answer = anonymous.get("/api/v1/awards")
        assert answer.status_code == 401
        assert_protected(answer.headers)


PAGES = ["/", "/?name=nguyen+thi", "/documents", "/documents/1", "/review", "/reports",
         "/people/nguyen-thi-thanh-xuan~trung-hoc-pho-thong-nguyen-khuyen", "/upload",
         "/admin/users", "/login"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_pages_run_only_this_sites_files_and_hold_nothing_inline(
    browser: TestClient, path: str
) -> None:
    answer = browser.get(path)
    assert answer.status_code in (200, 303), (path, answer.status_code)
    if answer.status_code == 303:
        return
    assert_protected(answer.headers)
    csp = answer.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    html = answer.text
    # what this CSP would block: inline scripts, inline handlers, style attributes
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
    assert not re.search(r"\son[a-z]+\s*=", html), path
    assert not re.search(r"\sstyle\s*=", html), path
    assert "<style" not in html, path


def test_a_pdf_or_image_original_opens_in_the_browser_a_docx_downloads(
    client: TestClient, originals: dict[str, int]
) -> None:
    for kind, inline in [("pdf", True), ("png", True), ("docx", False)]:
        answer = client.get(f"/api/v1/documents/{originals[kind]}/original")
        assert answer.status_code == 200
        assert_protected(answer.headers)
        disposition = answer.headers["content-disposition"]
        assert disposition.startswith("inline;" if inline else "attachment;"), (kind, disposition)
    image = client.get(f"/api/v1/documents/{originals['png']}/original").headers
    assert "sandbox" in image["content-security-policy"]
    assert image["content-type"] == "image/png"
    docx = client.get(f"/api/v1/documents/{originals['docx']}/original").headers
    assert "sandbox" in docx["content-security-policy"]
    pdf = client.get(f"/api/v1/documents/{originals['pdf']}/original").headers
    assert pdf["content-type"] == "application/pdf"
    assert "frame-ancestors 'none'" in pdf["content-security-policy"]


def test_the_openapi_page_may_load_its_cdn(client: TestClient) -> None:
    answer = client.get("/docs")
    assert answer.status_code == 200
    csp = answer.headers["content-security-policy"]
    assert "https://cdn.jsdelivr.net" in csp
    for source in re.findall(r'src="([^"]+)"', answer.text):
        assert source.startswith("https://cdn.jsdelivr.net/"), source
