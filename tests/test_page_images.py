"""Page images beside the extracted fields: an award's evidence box, scaled onto the
served image, frames the recipient's name — on a text PDF, a phone photo (also one lying
sideways, which OCR turned and flattened), and a scanned PDF. Word files have no image."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from typing import Any

import pytesseract
import pytest
from fastapi.testclient import TestClient
from PIL import Image
from rapidfuzz import fuzz

from extractors.ocr_engine import OcrPage, OcrWord
from extractors.ocr_pages import ocr_page
from extractors.page_image import prepare_for_ocr
from extractors.pdf_reader import ocr_image, open_pdf
from extractors.text_normalize import fold
from service.api.app import create_app
from service.page_images import page_key
from service.settings import Settings
from tests.service_helpers import authorize, blank_scan, sample, wait_for

TEXT_PDF = "qd_list_grid4_textpdf_namdinh_2024.pdf"  # two pages; its list is on page 2
PHOTO = "qd_inline_single_photo_canloc_2016.jpg"
SIDEWAYS_PHOTO = "ducpho_sideways.jpg"  # qd_inline_photo_seal_ducpho_2019.jpg turned 90°
SCAN = "qd_list_combined_scan_light_haihau_2006.pdf"
DOCX = "qd_list_numbered_docx_thoxuan_2020.docx"
WITH_IMAGES = (TEXT_PDF, PHOTO, SIDEWAYS_PHOTO, SCAN)


def _sideways_photo() -> bytes:
    with Image.open(sample("qd_inline_photo_seal_ducpho_2019.jpg")) as photo:
        turned = photo.rotate(90, expand=True)
    buffer = io.BytesIO()
    turned.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("archive"), job_workers=2)
    with TestClient(create_app(settings)) as client:
        authorize(client)
        yield client


@pytest.fixture(scope="module")
def documents(client: TestClient) -> dict[str, dict[str, Any]]:
    """Each file uploaded (all at once, so they are read side by side) and done."""
    files = {name: sample(name).read_bytes() for name in (TEXT_PDF, PHOTO, SCAN, DOCX)}
    files[SIDEWAYS_PHOTO] = _sideways_photo()
    ids = {
        name: client.post("/api/v1/documents", files={"file": (name, data)}).json()["id"]
        for name, data in files.items()
    }
    done = {name: wait_for(client, document_id) for name, document_id in ids.items()}
    assert {name: d["status"] for name, d in done.items()} == dict.fromkeys(files, "done")
    return done


def _awards(client: TestClient, document_id: int) -> list[dict[str, Any]]:
    found = client.get("/api/v1/awards", params={"document_id": document_id, "limit": 200})
    items: list[dict[str, Any]] = found.json()["items"]
    assert items, f"document {document_id} has no awards"
    return items


def _pages(client: TestClient, document_id: int) -> dict[int, dict[str, Any]]:
    response = client.get(f"/api/v1/documents/{document_id}/pages")
    assert response.status_code == 200, response.text
    return {page["number"]: page for page in response.json()}


def _image(client: TestClient, page: dict[str, Any]) -> Image.Image:
    response = client.get(page["image_url"])
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/jpeg"
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image


def _read_box(image: Image.Image, page: dict[str, Any], bbox: list[float]) -> str:
    """The text Tesseract reads inside the box, scaled from page units onto the image."""
    sx, sy = image.width / page["width"], image.height / page["height"]
    x0, y0, x1, y1 = bbox[0] * sx, bbox[1] * sy, bbox[2] * sx, bbox[3] * sy
    pad = 0.2 * (y1 - y0)  # a little paper round the ink, which Tesseract needs
    crop = image.crop((round(x0 - pad), round(y0 - pad), round(x1 + pad), round(y1 + pad)))
    # --psm 3: of the page modes tried, the one that reads a table row's cells best
    text: str = pytesseract.image_to_string(crop, lang="vie", config="--psm 3")
    return text


@pytest.mark.parametrize("name", WITH_IMAGES)
def test_an_awards_evidence_box_frames_the_recipients_name_on_the_page_image(
    client: TestClient,
    documents: dict[str, dict[str, Any]],
    name: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OMP_THREAD_LIMIT", "1")  # tesseract on 2 cores: 1 thread is faster
    document_id = documents[name]["id"]
    pages = _pages(client, document_id)
    awards = _awards(client, document_id)
    for award in awards[:1] if len(awards) == 1 else [awards[0], awards[-1]]:
        evidence = award["evidence"]
        page = pages[evidence["page"]]
        read = _read_box(_image(client, page), page, evidence["bbox"])
        # Spaces aside: in a table row Tesseract often runs the words of a cell together.
        recipient = fold(award["recipient"]["name"]).replace(" ", "")
        assert fuzz.partial_ratio(recipient, fold(read).replace(" ", "")) >= 80, (recipient, read)


@pytest.mark.parametrize("name", WITH_IMAGES)
def test_each_page_image_has_the_pages_proportions(
    client: TestClient, documents: dict[str, dict[str, Any]], name: str
) -> None:
    pages = _pages(client, documents[name]["id"])
    assert sorted(pages) == list(range(1, documents[name]["pages"] + 1))
    for page in pages.values():
        assert page["has_image"] is True
        image = _image(client, page)
        assert image.width <= 1600
        assert image.width / image.height == pytest.approx(page["width"] / page["height"], rel=0.01)


def test_the_sideways_photo_is_served_upright_as_ocr_read_it(
    client: TestClient, documents: dict[str, dict[str, Any]]
) -> None:
    (page,) = _pages(client, documents[SIDEWAYS_PHOTO]["id"]).values()
    assert page["source"] == "ocr" and page["rotation"] in (90, 270)
    image = _image(client, page)
    assert image.height > image.width  # a portrait sheet, though the file is landscape


def test_a_page_image_is_made_once_then_served_from_the_store(
    client: TestClient, documents: dict[str, dict[str, Any]]
) -> None:
    document = documents[SCAN]
    page = _pages(client, document["id"])[1]
    store = client.app.state.archive.store  # type: ignore[attr-defined]
    key = page_key(document["sha256"], 1)
    store.delete(key)
    began = time.perf_counter()
    first = client.get(page["image_url"])
    made = time.perf_counter() - began
    assert store.exists(key)
    began = time.perf_counter()
    again = client.get(page["image_url"])
    kept = time.perf_counter() - began
    assert again.content == first.content == store.get(key)
    assert kept < made
    assert "immutable" in again.headers["cache-control"]
    assert again.headers["cache-control"].startswith("private")
    not_modified = client.get(page["image_url"], headers={"If-None-Match": again.headers["etag"]})
    assert not_modified.status_code == 304 and not not_modified.content


def test_a_reprocessed_document_gets_a_new_image_url_and_etag(
    client: TestClient, documents: dict[str, dict[str, Any]]
) -> None:
    document_id = documents[TEXT_PDF]["id"]
    before = _pages(client, document_id)[1]
    etag = client.get(before["image_url"]).headers["etag"]
    assert client.post(f"/api/v1/documents/{document_id}/reprocess").status_code == 202
    assert wait_for(client, document_id)["status"] == "done"
    after = _pages(client, document_id)[1]
    assert after["image_url"] != before["image_url"]
    assert client.get(after["image_url"]).headers["etag"] != etag


def test_a_word_documents_pages_have_no_image(
    client: TestClient, documents: dict[str, dict[str, Any]]
) -> None:
    document_id = documents[DOCX]["id"]
    pages = _pages(client, document_id)
    assert pages and all(p["has_image"] is False and p["image_url"] is None for p in pages.values())
    assert {p["source"] for p in pages.values()} == {"docx"}
    response = client.get(f"/api/v1/documents/{document_id}/pages/1/image")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "no_image"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/documents/999999/pages",
        "/api/v1/documents/999999/pages/1/image",
        "/api/v1/documents/{scan}/pages/99/image",
    ],
    ids=["unknown-document", "unknown-document-image", "unknown-page"],
)
def test_unknown_documents_and_pages_are_not_found(
    client: TestClient, documents: dict[str, dict[str, Any]], path: str
) -> None:
    response = client.get(path.format(scan=documents[SCAN]["id"]))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert response.json()["error"]["message"]


def test_a_document_that_was_not_read_has_no_pages(client: TestClient) -> None:
    response = client.post("/api/v1/documents", files={"file": ("trang.png", blank_scan())})
    document_id = response.json()["id"]
    assert wait_for(client, document_id)["status"] == "failed"
    for path in ("pages", "pages/1/image"):
        response = client.get(f"/api/v1/documents/{document_id}/{path}")
        assert response.status_code == 409
        assert response.json()["error"]["code"] == "not_ready"


class _OneWordEngine:
    """Reads one word over the middle quarter of whatever image it is given."""

    name = "one word"

    def recognize(self, image: Image.Image) -> OcrPage:
        w, h = image.size
        word = OcrWord("Nguyễn", (w // 4, h // 4, w // 2, h // 2), 0.9)
        return OcrPage([word], 90.0, w, h)


def test_a_low_resolution_scan_enlarged_for_ocr_has_its_size_in_its_boxes_units() -> None:
    document = open_pdf(sample(SCAN).read_bytes())
    try:
        image = ocr_image(document[0])
    finally:
        document.close()
    small = image.reduce(2)  # a 150 DPI scan, which OCR enlarges to read
    assert prepare_for_ocr(small).scale > 1
    page = ocr_page(1, small, _OneWordEngine())
    assert (page.width, page.height) == small.size
    (word,) = [word for line in page.lines for word in line.words]
    assert word.bbox is not None and page.width and page.height
    x0, y0, x1, y1 = word.bbox
    fractions = (x0 / page.width, y0 / page.height, x1 / page.width, y1 / page.height)
    assert fractions == pytest.approx((0.25, 0.25, 0.5, 0.5), abs=0.01)
