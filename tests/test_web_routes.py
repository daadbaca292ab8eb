"""The page's routes without a browser: sign-in and its redirects, who sees which page,
and every page rendering over a real archive."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.batches import create_folder_batch
from service.db.models import Role
from tests.search_archive import build
from tests.service_helpers import sample

PASSWORDS = {
    Role.viewer: "xem-hồ-sơ-2024",
    Role.archivist: "lưu-trữ-2024",
    Role.admin: "quản-trị-2024",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = build(tmp_path_factory.mktemp("web"))
    settings = settings.model_copy(update={"admin_password": None})
    with TestClient(create_app(settings), follow_redirects=False) as client:
        archive = client.app.state.archive  # type: ignore[attr-defined]
        from service import accounts

        with archive.db.write() as session:
            for role, password in PASSWORDS.items():
                accounts.add_user(session, f"web-{role}", role, password)
        create_folder_batch(archive, "lô thử", [sample("cert_giaykhen_so_textpdf_hatinh_2024.pdf")])
        yield client


def sign_in(client: TestClient, role: str) -> None:
    client.cookies.clear()
    answer = client.post(
        "/login", data={"name": f"web-{role}", "password": PASSWORDS[role], "next": "/review"}
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/review"


PAGES = ["/", "/?name=nguyen+thi&award_code=chien_si_thi_dua_co_so", "/documents", "/documents/1",
         "/review", "/batches/1", "/upload", "/admin/users"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_signed_out_pages_send_to_sign_in_and_back(client: TestClient, path: str) -> None:
    client.cookies.clear()
    answer = client.get(path)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=")


def test_a_wrong_password_is_refused_with_a_message(client: TestClient) -> None:
    client.cookies.clear()
    answer = client.post("/login", data={"name": "web-viewer", "password": "sai-mật-khẩu"})
    assert answer.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu" in answer.text
    assert "tdkt_session" not in answer.headers.get("set-cookie", "")


def test_sign_in_never_sends_the_browser_to_another_site(client: TestClient) -> None:
    client.cookies.clear()
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        answer = client.post(
            "/login",
            data={"name": "web-viewer", "password": PASSWORDS[Role.viewer], "next": target},
        )
        assert answer.headers["location"] == "/"


def test_a_viewer_sees_the_archive_but_not_upload_or_accounts(client: TestClient) -> None:
    sign_in(client, Role.viewer)
    for path in PAGES[:6]:
        assert client.get(path).status_code == 200, path
    for path in ("/upload", "/admin/users"):
        answer = client.get(path)
        assert answer.status_code == 403 and "Không có quyền" in answer.text
    page = client.get("/documents/1").text
    assert "readonly" in page and 'id="approve"' not in page


def test_an_archivist_gets_upload_and_edit_an_admin_gets_accounts(client: TestClient) -> None:
    sign_in(client, Role.archivist)
    assert client.get("/upload").status_code == 200
    assert 'id="approve"' in client.get("/documents/1").text
    assert client.get("/admin/users").status_code == 403
    sign_in(client, Role.admin)
    users = client.get("/admin/users").text
    assert "web-viewer" in users and "web-archivist" in users


def test_search_page_lists_rows_facets_and_export_links(client: TestClient) -> None:
    sign_in(client, Role.viewer)
    page = client.get("/", params={"name": "nguyen thi huong"}).text
    assert "Nguyễn Thị Hường" in page
    assert re.search(r"\d+ kết quả", page)
    assert "/api/v1/awards/export?name=nguyen+thi+huong&amp;format=xlsx" in page
    bad = client.get("/", params={"period": "2019/2020"}).text
    assert "Năm học phải có dạng 2019-2020" in bad


def test_sign_out_needs_the_pages_csrf_token(client: TestClient) -> None:
    sign_in(client, Role.viewer)
    client.post("/logout", data={"csrf_token": "forged"})
    assert client.get("/").status_code == 200  # still signed in
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text)
    assert token
    assert client.post("/logout", data={"csrf_token": token[1]}).status_code == 303
    assert client.get("/").status_code == 303
