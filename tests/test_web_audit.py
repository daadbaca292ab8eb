"""The admin's Nhật ký & bảo quản page: what was done, newest first and in words, filtered
and paged; whether the chain holds; the CSV; the fixity runs. Nobody else sees it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from service import accounts
from service.api.app import create_app
from service.archive import Archive
from service.db.models import AuditEntry, Role
from service.preservation.fixity import fsck
from service.settings import Settings
from service.web.audit_words import ACTION_WORDS

PASSWORDS = {
    Role.viewer: "xem-nhật-ký-1",
    Role.archivist: "lưu-trữ-nhật-ký",
    Role.admin: "quản-trị-nk",
}


def _client(data_dir: Path) -> TestClient:
    settings = Settings(data_dir=data_dir, job_workers=1, admin_password=None, fixity_days=0)
    return TestClient(create_app(settings), follow_redirects=False)


def _archive(client: TestClient) -> Archive:
    archive: Archive = client.app.state.archive  # type: ignore[attr-defined]
    return archive


def _add_users(client: TestClient) -> None:
    with _archive(client).db.write() as session:
        for role, password in PASSWORDS.items():
            accounts.add_user(session, f"nk-{role}", role, password)


def sign_in(client: TestClient, role: str) -> None:
    client.cookies.clear()
    answer = client.post("/login", data={"name": f"nk-{role}", "password": PASSWORDS[role]})
    assert answer.status_code == 303


def sign_out(client: TestClient) -> None:
    token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/documents").text)
    assert token
    assert client.post("/logout", data={"csrf_token": token[1]}).status_code == 303


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with _client(tmp_path_factory.mktemp("audit-page")) as client:
        _add_users(client)
        sign_in(client, Role.viewer)
        sign_out(client)
        client.post("/login", data={"name": "ai-đó", "password": "đoán-bừa-thôi"})
        archive = _archive(client)
        fsck(archive)
        stray = hashlib.sha256(b"ai bo vao").hexdigest()
        archive.store.put(f"originals/{stray}", b"ai bo vao")  # behind tdkt's back
        fsck(archive)
        sign_in(client, Role.admin)
        yield client


def actions_shown(page: str) -> list[str]:
    """The raw codes of the log's rows, top to bottom."""
    table = page.split('id="audit-log"')[1].split("</table>")[0]
    return re.findall(r"<code>([a-z_]+\.[a-z_]+)</code>", table)


def test_an_admin_sees_every_action_newest_first_in_words_and_code(client: TestClient) -> None:
    page = client.get("/audit")
    assert page.status_code == 200
    assert "<h1>Nhật ký &amp; bảo quản</h1>" in page.text
    shown = actions_shown(page.text)
    assert shown == [
        "session.sign_in", "fixity.check", "fixity.check", "session.sign_in_failed",
        "session.sign_out", "session.sign_in",
    ]  # fmt: skip
    assert "Đăng nhập sai" in page.text and "Đăng xuất" in page.text
    assert "Kiểm tra toàn vẹn bản gốc" in page.text
    assert "Nguyên vẹn: 6 mục" in page.text
    assert 'href="/audit"' in page.text  # in the admin's navigation


def test_the_filters_pick_by_action_actor_and_day(client: TestClient) -> None:
    by_action = client.get("/audit", params={"action": "session.sign_in_failed"}).text
    assert actions_shown(by_action) == ["session.sign_in_failed"]
    assert "ai-đó" in by_action
    by_actor = client.get("/audit", params={"actor": "nk-viewer"}).text
    assert actions_shown(by_actor) == ["session.sign_out", "session.sign_in"]
    today = date.today()
    tomorrow, yesterday = today + timedelta(days=1), today - timedelta(days=1)
    # Vietnam's day runs 7 h ahead of UTC: today and yesterday's evening there cover it all.
    around = client.get(
        "/audit", params={"since": yesterday.isoformat(), "until": tomorrow.isoformat()}
    )
    assert len(actions_shown(around.text)) >= 6
    after = client.get("/audit", params={"since": (today + timedelta(days=2)).isoformat()}).text
    assert actions_shown(after) == [] and "Không có mục nào" in after
    before = client.get("/audit", params={"until": (today - timedelta(days=2)).isoformat()}).text
    assert actions_shown(before) == []
    bad = client.get("/audit", params={"since": "31/12/2024"})
    assert bad.status_code == 200 and "Ngày không hợp lệ: 31/12/2024" in bad.text


def test_the_log_is_paged(client: TestClient) -> None:
    from service.preservation import audit

    with _archive(client).db.write() as session:
        for n in range(55):
            audit.record(session, "nk-admin", "token.add", f"user:máy-{n}", {"label": str(n)})
    first = client.get("/audit", params={"action": "token.add"}).text
    assert len(actions_shown(first)) == 50 and "Trang 1 / 2" in first
    assert "user:máy-54" in first and "user:máy-4<" not in first
    second = client.get("/audit", params={"action": "token.add", "page": "2"}).text
    assert len(actions_shown(second)) == 5 and "user:máy-4<" in second


def test_the_csv_link_downloads_the_filtered_log_and_is_audited(client: TestClient) -> None:
    page = client.get("/audit", params={"action": "session.sign_in_failed"}).text
    link = re.search(r'href="(/api/v1/audit\?[^"]+)"', page)
    assert link and "format=csv" in link[1]
    csv = client.get(link[1].replace("&amp;", "&"))
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.strip().splitlines()
    assert len(lines) == 2 and "session.sign_in_failed" in lines[1] and "ai-đó" in lines[1]
    exported = client.get("/audit", params={"action": "audit.export"}).text
    assert actions_shown(exported) == ["audit.export"] and "nk-admin" in exported


def test_the_fixity_runs_show_what_was_checked_and_found(client: TestClient) -> None:
    page = client.get("/audit").text
    table = page.split('id="fixity-log"')[1].split("<tbody>")[1].split("</tbody>")[0]
    runs = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert len(runs) == 2
    newest, oldest = (
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", r, re.S)]
        for r in runs
    )
    assert newest[1:] == ["dòng lệnh", "0", "0", "0", "1", "0", "Có lỗi"]
    assert oldest[1:] == ["dòng lệnh", "0", "0", "0", "0", "0", "Tốt"]


@pytest.mark.parametrize("role", [Role.viewer, Role.archivist])
def test_others_get_the_forbidden_page_and_no_link(client: TestClient, role: str) -> None:
    sign_in(client, role)
    try:
        answer = client.get("/audit")
        assert answer.status_code == 403 and "Không có quyền" in answer.text
        assert 'href="/audit"' not in client.get("/documents").text
    finally:
        sign_in(client, Role.admin)


def test_an_edited_entry_shows_where_the_chain_breaks(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        _add_users(client)
        sign_in(client, Role.viewer)
        sign_in(client, Role.admin)
        with _archive(client).db.write() as session:
            session.execute(update(AuditEntry).where(AuditEntry.id == 1).values(actor="người khác"))
        page = client.get("/audit").text
    assert "Chuỗi bị phá vỡ tại mục 1" in page


def test_every_action_tdkt_records_has_vietnamese_words() -> None:
    source = Path(__file__).parents[1] / "service"
    recorded = {
        found
        for path in source.rglob("*.py")
        for found in re.findall(
            r'audit\.record\((?:[^()"]|"[^"]*")*?"([a-z]+\.[a-z_]+)"', path.read_text("utf-8")
        )
    }
    assert len(recorded) >= 20
    assert recorded - set(ACTION_WORDS) == set()
