"""The web page in a real browser, as an archivist uses it: sign in, upload a sample (by
the file chooser and by dropping a file), wait for it, correct a name with the evidence
highlighted on the page image, approve, read the history, find the name typed without
diacritics, export. Screenshots of each page are kept in test-artifacts/screenshots."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx2 as httpx
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from extractors.text_normalize import fold
from tests.browser import assert_accessible, chromium, screenshots
from tests.search_archive import build
from tests.seaweedfs import free_port
from tests.service_helpers import sample

ADMIN_PASSWORD = "mật-khẩu-quản-trị"
LIST = "qd_list_grid4_textpdf_namdinh_2024.pdf"
CERT = "cert_giaykhen_so_textpdf_hatinh_2024.pdf"
NEW_NAME = "Phạm Thị Thuỳ Dương"
# A typewritten 1999 decision: OCR reads its fifth recipient as "Hà Thị Nhân" (confidence
# 0.2); the paper says "Hà Thị Nhàn".
TYPEWRITTEN = "qd_inline_typewriter_scan_heavy_yenthanh_1999.pdf"
READ_AS, PRINTED = "Hà Thị Nhân", "Hà Thị Nhàn"


@contextmanager
def serving(data_dir: Path, settings: dict[str, str] | None = None) -> Iterator[str]:
    """`tdkt serve` on the archive in `data_dir`, as a new user starts it (with any other
    `TDKT_*` `settings`); stopped by pid."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TDKT_")},
        "TDKT_DATA_DIR": str(data_dir),
        "TDKT_JOB_WORKERS": "1",
        "TDKT_ADMIN_PASSWORD": ADMIN_PASSWORD,
        **(settings or {}),
    }
    log = data_dir / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).with_name("tdkt")), "serve", "--port", str(port)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, log.read_text()[-2000:]
            time.sleep(0.2)
        assert "admin" in log.read_text("utf-8")  # the first start says how to sign in
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("web-browser")) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(
        base_url=server, viewport={"width": 1366, "height": 800}, locale="vi-VN",
        accept_downloads=True,
    )  # fmt: skip
    yield context.new_page()
    context.close()


def sign_in(page: Page, name: str, password: str) -> None:
    page.get_by_label("Tên đăng nhập").fill(name)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def assert_box_on_evidence(page: Page, row: Locator) -> None:
    """The marked box sits on the row's evidence: its place on the image is the evidence
    box's place on the page, in the page's own units (points, or pixels OCR read)."""
    expect(page.locator("#page-frame")).to_have_attribute("aria-busy", "false")
    document_id = int(page.url.rsplit("/", 1)[1].split("#")[0])
    pages = page.request.get(f"/api/v1/documents/{document_id}/pages").json()
    evidence = json.loads(row.get_attribute("data-bbox") or "null")
    on = next(p for p in pages if p["number"] == int(row.get_attribute("data-page") or 1))
    shown = page.locator("img.page-image").bounding_box()
    marked = page.locator(".evidence").bounding_box()
    assert shown and marked and evidence
    scale = shown["width"] / on["width"]
    assert abs(marked["y"] - shown["y"] - evidence[1] * scale) < 3
    assert abs(marked["height"] - (evidence[3] - evidence[1]) * scale) < 3
    assert abs(marked["x"] - shown["x"] - evidence[0] * scale) < 3


def test_an_archivist_uploads_corrects_approves_and_finds_a_record(page: Page) -> None:
    shots = screenshots("archivist")
    page.goto("/")
    assert "/login" in page.url
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    page.screenshot(path=shots / "01-dang-nhap.png")
    assert_accessible(page, shots, "01-dang-nhap")
    page.get_by_label("Tên đăng nhập").fill("admin")
    page.get_by_label("Mật khẩu").fill(ADMIN_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Tra cứu khen thưởng")).to_be_visible()

    # Upload: one file by the chooser, one dropped onto the zone.
    page.get_by_role("link", name="Tải lên").click()
    page.locator("#files").set_input_files(str(sample(LIST)))
    data = base64.b64encode(sample(CERT).read_bytes()).decode()
    page.evaluate(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, { type: "application/pdf" }));
            document.getElementById("dropzone").dispatchEvent(
                new DragEvent("drop", { dataTransfer: transfer, bubbles: true }));
        }""",
        [CERT, data],
    )
    items = page.locator("#upload-list li")
    expect(items).to_have_count(2)
    for index in range(2):
        expect(items.nth(index)).to_contain_text("Xong:", timeout=120_000)
    assert items.nth(0).locator("progress").get_attribute("value") == "100"
    page.screenshot(path=shots / "02-tai-len.png", full_page=True)
    assert_accessible(page, shots, "02-tai-len")

    # The document: page image beside the fields; focusing a row shows its evidence.
    items.nth(0).get_by_role("link", name="Xem và duyệt").click()
    image = page.locator("img.page-image")
    expect(image).to_be_visible()
    page.wait_for_function("document.querySelector('img.page-image').naturalWidth > 0")
    row = page.locator("article.award").nth(1)
    name_input = row.get_by_label("Họ và tên")
    old_name = name_input.input_value()
    name_input.focus()
    box = page.locator(".evidence")
    expect(box).to_be_visible()
    expect(page.locator("#page-frame")).to_have_attribute("aria-busy", "false")
    assert_box_on_evidence(page, row)
    page.screenshot(path=shots / "03-tai-lieu.png")
    assert_accessible(page, shots, "03-tai-lieu")

    name_input.fill(NEW_NAME)
    name_input.press("Enter")
    expect(row.locator(".row-status")).to_contain_text("Đã lưu")
    expect(row.locator("h3")).to_contain_text(NEW_NAME)
    with page.expect_navigation(timeout=60_000):  # the page reloads once it is read again
        page.get_by_role("button", name="Đọc lại").click()
    row = page.locator("article.award").nth(1)
    expect(row.get_by_label("Họ và tên")).to_have_value(NEW_NAME, timeout=60_000)
    page.get_by_role("button", name="Duyệt tài liệu").click()
    expect(page.locator("#review-state")).to_contain_text("Đã duyệt (admin)")
    row.locator("summary", has_text="Lịch sử thay đổi").click()
    history = row.locator(".history-list")
    expect(history).to_contain_text(f"«{old_name}» → «{NEW_NAME}»")
    expect(history).to_contain_text("admin — Duyệt")
    expect(history).to_contain_text("tdkt — Đọc tự động")
    expect(history).to_contain_text("tdkt — Đọc lại: read again; 1 corrected fields kept")
    row.scroll_into_view_if_needed()
    page.screenshot(path=shots / "04-lich-su.png")

    # Staff search: typed without diacritics, found as printed, exported.
    page.get_by_role("link", name="Tra cứu").click()
    page.get_by_label("Họ và tên").fill(fold(NEW_NAME))
    page.get_by_role("button", name="Tìm").click()
    result = page.locator("table.awards tbody tr")
    expect(result.first).to_contain_text(NEW_NAME)
    expect(result.first).to_contain_text("Đã duyệt")
    page.screenshot(path=shots / "05-tra-cuu.png", full_page=True)
    assert_accessible(page, shots, "05-tra-cuu")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_text("utf-8-sig")
    names = [r for r in csv.reader(io.StringIO(text))]
    assert any(NEW_NAME in cells for cells in names[1:]), names[:3]

    # The person's timeline, and the review queue.
    result.first.get_by_role("link", name=NEW_NAME).click()
    expect(page.get_by_role("heading", name=NEW_NAME)).to_be_visible()
    expect(page.locator(".timeline li")).to_have_count(1)
    page.screenshot(path=shots / "06-nguoi.png")
    assert_accessible(page, shots, "06-nguoi")
    page.get_by_role("link", name="Cần duyệt").click()
    expect(page.get_by_role("heading", name="Cần duyệt")).to_be_visible()
    page.screenshot(path=shots / "07-can-duyet.png")
    assert_accessible(page, shots, "07-can-duyet")


def test_a_doubtful_scan_waits_in_the_queue_until_corrected_and_approved(page: Page) -> None:
    shots = screenshots("review")
    page.goto("/upload")
    page.locator("#files").set_input_files(str(sample(TYPEWRITTEN)))
    expect(page.locator("#upload-list li").first).to_contain_text("Xong:", timeout=180_000)
    page.get_by_role("link", name="Cần duyệt").click()
    waiting = page.locator("table.awards tbody tr", has_text=TYPEWRITTEN)
    expect(waiting).to_have_count(1)
    # Its least sure field first: the signer under the grey seal, which tdkt could not read.
    expect(waiting.locator("td").first).to_have_text("0%")
    page.screenshot(path=shots / "01-can-duyet.png")
    waiting.get_by_role("link", name="dòng 5: Họ và tên").click()  # straight to the row

    row = page.locator("article.award").nth(4)
    expect(row).to_be_focused()
    expect(page.locator(".evidence")).to_be_visible()
    name = row.get_by_label("Họ và tên")
    expect(name).to_have_value(READ_AS)
    expect(row.locator(".field.low")).to_contain_text("cần kiểm tra")
    name.focus()
    assert_box_on_evidence(page, row)
    page.screenshot(path=shots / "02-ban-quet.png")
    assert_accessible(page, shots, "02-ban-quet")
    name.fill(PRINTED)
    name.press("Enter")
    expect(row.locator(".row-status")).to_contain_text("Đã lưu")
    page.get_by_role("button", name="Duyệt tài liệu").click()
    expect(page.locator("#review-state")).to_contain_text("Đã duyệt")

    page.get_by_role("link", name="Cần duyệt").click()
    expect(page.locator("table.awards tbody tr", has_text=TYPEWRITTEN)).to_have_count(0)
    page.get_by_role("link", name="Tra cứu").click()
    page.get_by_label("Họ và tên").fill(fold(PRINTED))
    page.get_by_label("Họ và tên").press("Enter")
    first = page.locator("table.awards tbody tr").first
    expect(first).to_contain_text(PRINTED)
    expect(first).to_contain_text("376/QĐ")
    page.screenshot(path=shots / "03-tim-thay.png")


def test_the_page_can_be_used_with_the_keyboard(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "f-name"  # the first search field, right after the skip link
    page.keyboard.type("tran van")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("kết quả")


def test_an_admin_adds_a_viewer_who_can_read_but_not_change(page: Page) -> None:
    shots = screenshots("admin-viewer")
    page.goto("/admin/users")  # still signed in as admin from the test before
    page.get_by_label("Tên đăng nhập").fill("thu.le")
    page.get_by_label("Vai trò").select_option("viewer")
    page.get_by_label("Mật khẩu (ít nhất 8 ký tự)").fill("thu-xem-hồ-sơ")
    page.get_by_role("button", name="Thêm").click()
    expect(page.locator("table.awards")).to_contain_text("thu.le", timeout=10_000)
    page.screenshot(path=shots / "01-tai-khoan.png")
    assert_accessible(page, shots, "01-tai-khoan")

    # A ZIP becomes a batch; its page follows it to the end.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in (
            "qd_inline_dash_textpdf_ninhbinh_2023.pdf",
            "qd_inline_run_textpdf_backan_2023.pdf",
        ):
            archive.write(sample(name), f"2023/{name}")
    page.goto("/upload")
    page.locator("#files").set_input_files(
        files=[{"name": "lo-2023.zip", "mimeType": "application/zip", "buffer": buffer.getvalue()}]
    )
    page.get_by_role("link", name="xem tiến độ").click()
    expect(page.locator("#batch-eta")).to_contain_text("xong", timeout=120_000)
    expect(page.locator("#batch-settled")).to_have_text("2")
    page.screenshot(path=shots / "02-lo.png")
    assert_accessible(page, shots, "02-lo")

    page.get_by_role("button", name="Đăng xuất").click()
    sign_in(page, "thu.le", "thu-xem-hồ-sơ")
    expect(page.get_by_role("heading", name="Tra cứu khen thưởng")).to_be_visible()
    expect(page.get_by_role("link", name="Tải lên")).to_have_count(0)
    page.goto("/upload")
    expect(page.get_by_role("heading", name="Không có quyền")).to_be_visible()
    page.goto("/documents")
    page.locator("table.awards tbody a").first.click()
    expect(page.locator("article.award").first.get_by_label("Họ và tên")).to_have_attribute(
        "readonly", ""
    )
    expect(page.get_by_role("button", name="Duyệt tài liệu")).to_have_count(0)
    page.screenshot(path=shots / "03-nguoi-xem.png")


def test_an_archivist_joins_a_teacher_who_moved_schools(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shots = screenshots("people")
    data_dir = tmp_path_factory.mktemp("web-people")
    build(data_dir)
    with serving(data_dir) as base:
        page = browser.new_page(base_url=base, viewport={"width": 1366, "height": 800})
        page.goto("/?name=nguyen+thi+thanh+xuan")
        sign_in(page, "admin", ADMIN_PASSWORD)
        page.locator("table.awards tbody a", has_text="Nguyễn Thị Thanh Xuân").first.click()
        timeline = page.locator(".timeline li")
        expect(timeline).to_have_count(5)
        namesake = page.locator("#namesakes li")
        expect(namesake).to_contain_text("Trường THCS Hải Hậu")
        page.screenshot(path=shots / "01-trung-ten.png")
        assert_accessible(page, shots, "01-trung-ten")
        namesake.get_by_role("button", name="Là cùng một người — gộp").click()
        expect(page.locator("#joined")).to_contain_text("Trường THCS Hải Hậu")
        expect(timeline).to_have_count(6)
        page.screenshot(path=shots / "02-da-gop.png")
        page.get_by_role("button", name="Tách ra").click()
        expect(page.locator("#joined")).to_have_count(0)
        expect(timeline).to_have_count(5)


def test_a_teachers_eligibility_and_the_yearly_report_in_the_browser(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from datetime import date

    from extractors.commendation_method import annotate
    from extractors.decision_changes import decision_change
    from schemas.award_codes import AwardCode, IssuerLevel
    from tests.search_archive import NK, SO, UBND, Row, decision

    shots = screenshots("state-records")
    year = date.today().year
    teacher = [Row("Trịnh Thu Hà", NK)]
    decisions = [
        decision(f"{n}/QĐ-SGDĐT", SO, IssuerLevel.tinh, date(y, 8, 1), f"{y - 1}-{y}", teacher)
        for n, y in ((11, year - 3), (12, year - 2), (13, year - 1))
    ]
    province = decision(
        "70/QĐ-UBND", UBND, IssuerLevel.tinh, date(year, 3, 2), f"{year - 1}-{year}",
        [Row("Trịnh Thu Hà", NK, AwardCode.bang_khen_cap_tinh, "Bằng khen"),
         Row("Phan Văn Lộc", NK, AwardCode.bang_khen_cap_tinh, "Bằng khen")],
    )  # fmt: skip
    province.subject = f"Về việc tặng Bằng khen năm học {year - 1}-{year}"
    annulment = decision("71/QĐ-UBND", UBND, IssuerLevel.tinh, date(year, 4, 2), None, [])
    annulment.subject = f"Về việc thu hồi Bằng khen tại Quyết định số 70/QĐ-UBND ngày 02/03/{year}"
    annulment.awards = province.awards[1:]  # it names Phan Văn Lộc
    annulment.changes = decision_change(annulment.subject)
    for document in [*decisions, province, annulment]:
        for award in document.awards:
            award.recipient.position = "Giáo viên"
        annotate(document)
    data_dir = tmp_path_factory.mktemp("web-state")
    build(data_dir, decisions=[*decisions, annulment, province])
    with serving(data_dir) as base:
        page = browser.new_page(base_url=base, viewport={"width": 1366, "height": 900})
        page.goto("/?name=trinh+thu+ha")
        sign_in(page, "admin", ADMIN_PASSWORD)
        page.locator("table.awards tbody a", has_text="Trịnh Thu Hà").first.click()
        rules = page.locator("ul.eligibility li")
        provincial = page.locator("li[data-rule='cstd_tinh_needs_three_cstd_co_so']")
        expect(provincial).to_contain_text("Đủ quá trình khen thưởng")
        expect(provincial).to_contain_text("Điều 22")
        expect(provincial.locator("a")).to_have_count(3)
        national = rules.filter(has_text="Chiến sĩ thi đua toàn quốc")
        expect(national).to_contain_text("Chưa đủ")
        page.screenshot(path=shots / "01-dieu-kien.png", full_page=True)
        assert_accessible(page, shots, "01-dieu-kien")

        page.goto("/?name=phan+van+loc")
        page.locator("table.awards tbody a", has_text="Phan Văn Lộc").first.click()
        revoked = page.locator(".timeline li.revoked")
        expect(revoked).to_have_count(1)
        expect(revoked.locator("del")).to_contain_text("Bằng khen")
        expect(revoked).to_contain_text("Đã hủy bỏ — QĐ 71/QĐ-UBND")

        page.get_by_role("link", name="Báo cáo").click()
        page.get_by_label("Năm").fill(str(year))
        page.get_by_role("button", name="Lập báo cáo").click()
        expect(page.get_by_role("heading", name=f"Năm {year}")).to_be_visible()
        teachers = page.locator("table.report tbody tr", has_text="Người trực tiếp")
        cell = teachers.locator("td[data-col='2'] a")  # Bằng khen: the annulled one left out
        expect(cell).to_have_text("1")
        page.screenshot(path=shots / "02-bao-cao.png", full_page=True)
        assert_accessible(page, shots, "02-bao-cao")
        cell.click()
        expect(page.get_by_role("status").first).to_contain_text("1 kết quả")
        expect(page.locator("table.awards tbody tr")).to_contain_text("Trịnh Thu Hà")
