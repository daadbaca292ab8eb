"""Signed decisions in the archive, seen in a real browser and through the API: each
signature's state said in Vietnamese on the document page, the signed / state filters,
and a file changed after signing sent to review with a warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import assert_accessible, chromium, screenshots
from tests.signed_pdfs import PROVINCE, Material, make_material
from tests.test_web_browser import ADMIN_PASSWORD, serving, sign_in

CASES = ("unsigned", "once", "twice", "altered", "expired", "foreign", "timestamped")


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    return make_material(tmp_path_factory.mktemp("signed"))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, material: Material) -> Iterator[Page]:
    data = tmp_path_factory.mktemp("web-signatures")
    with serving(data, {"TDKT_TRUST_ROOTS": str(material.roots)}) as base, chromium() as browser:
        yield _signed_in(browser, base)


def _signed_in(browser: Browser, base: str) -> Page:
    context = browser.new_context(base_url=base, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto("/login")
    sign_in(page, "admin", ADMIN_PASSWORD)
    expect(page.get_by_role("heading", name="Tra cứu khen thưởng")).to_be_visible()
    return page


@pytest.fixture(scope="module")
def documents(page: Page, material: Material) -> dict[str, int]:
    """Every case uploaded through the upload page, read; its document id by case."""
    page.goto("/upload")
    page.locator("#files").set_input_files([str(material.files[case]) for case in CASES])
    items = page.locator("#upload-list li")
    expect(items).to_have_count(len(CASES))
    for index in range(len(CASES)):
        expect(items.nth(index)).to_contain_text("Xong:", timeout=120_000)
    listed = page.request.get("/api/v1/documents?limit=50").json()["items"]
    return {Path(item["filename"]).stem: item["id"] for item in listed}


def _detail(page: Page, document_id: int) -> dict[str, object]:
    response = page.request.get(f"/api/v1/documents/{document_id}")
    assert response.ok, response.text()
    body: dict[str, object] = response.json()
    return body


def test_the_document_page_says_each_signature_state_in_vietnamese(
    page: Page, documents: dict[str, int]
) -> None:
    shots = screenshots("signatures")
    page.goto(f"/documents/{documents['once']}")
    signatures = page.locator("#signatures li")
    expect(signatures).to_have_count(1)
    sentence = signatures.first.locator(".sig-sentence")
    expect(sentence).to_contain_text(f"Chữ ký số hợp lệ của {PROVINCE}, ký lúc ")
    expect(sentence).to_contain_text("tệp không bị sửa sau khi ký")
    expect(signatures.first.locator(".sig-state")).to_have_text("Hợp lệ")
    page.screenshot(path=shots / "01-hop-le.png", full_page=True)
    assert_accessible(page, shots, "01-hop-le")

    page.goto(f"/documents/{documents['twice']}")
    expect(page.locator("#signatures li")).to_have_count(2)
    expect(page.locator("#signatures li").nth(1)).to_contain_text("Trần Văn Hùng")

    page.goto(f"/documents/{documents['altered']}")
    altered = page.locator("#signatures li").first
    expect(altered.locator(".sig-sentence")).to_contain_text("tệp đã bị sửa sau khi ký")
    expect(altered.locator(".sig-state")).to_have_text("Tệp bị sửa sau khi ký")
    expect(page.locator("p.warning")).to_contain_text(["changed after signing"])
    expect(page.locator("#review-state")).to_have_text("Cần kiểm tra")
    page.screenshot(path=shots / "02-bi-sua.png", full_page=True)

    page.goto(f"/documents/{documents['foreign']}")
    expect(page.locator(".sig-sentence")).to_contain_text("không thuộc danh sách tin cậy")
    page.goto(f"/documents/{documents['expired']}")
    expect(page.locator(".sig-sentence")).to_contain_text("không còn hiệu lực vào lúc ký")
    page.goto(f"/documents/{documents['timestamped']}")
    expect(page.locator(".sig-sentence")).to_contain_text("(theo dấu thời gian)")
    page.goto(f"/documents/{documents['unsigned']}")
    expect(page.locator("#signatures")).to_have_count(0)


def test_the_api_gives_each_signature_with_its_sentence(
    page: Page, documents: dict[str, int]
) -> None:
    states = {}
    for case, document_id in documents.items():
        detail = _detail(page, document_id)
        signatures = detail["signatures"]
        assert isinstance(signatures, list)
        states[case] = [s["state"] for s in signatures]
        assert all(s["sentence"].startswith("Chữ ký số") for s in signatures)
    assert states == {
        "unsigned": [],
        "once": ["valid"],
        "twice": ["valid", "valid"],
        "altered": ["modified"],
        "expired": ["expired"],
        "foreign": ["untrusted"],
        "timestamped": ["valid"],
    }
    assert _detail(page, documents["altered"])["review_state"] == "needs_review"
    assert _detail(page, documents["once"])["review_state"] != "needs_review"


def test_awards_and_documents_filter_by_signed_and_signature_state(
    page: Page, documents: dict[str, int]
) -> None:
    def award_documents(query: str) -> set[int]:
        response = page.request.get(f"/api/v1/awards?{query}&limit=200")
        assert response.ok, response.text()
        return {item["decision"]["document_id"] for item in response.json()["items"]}

    def listed(query: str) -> set[int]:
        items = page.request.get(f"/api/v1/documents?{query}").json()["items"]
        return {item["id"] for item in items}

    everything = set(documents.values())
    signed = everything - {documents["unsigned"]}
    assert award_documents("signed=true") == signed
    assert award_documents("signed=false") == {documents["unsigned"]}
    assert award_documents("signature_state=modified") == {documents["altered"]}
    valid = {documents[c] for c in ("once", "twice", "timestamped")}
    assert award_documents("signature_state=valid") == valid
    assert listed("signed=true") == signed
    assert listed("signature_state=untrusted") == {documents["foreign"]}
    bad = page.request.get("/api/v1/awards?signature_state=fine")
    assert bad.status == 422 and bad.json()["error"]["code"] == "invalid_request"

    page.goto("/")
    page.get_by_label("Chữ ký số").select_option(label="Tệp bị sửa sau khi ký")
    page.get_by_role("button", name="Tìm").click()
    rows = page.locator("table.awards tbody tr")
    expect(rows.first).to_be_visible()
    links = rows.locator(f"a[href^='/documents/{documents['altered']}']")
    assert links.count() >= 1
    assert rows.locator("a[href^='/documents/']").count() == links.count()
