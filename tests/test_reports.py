"""Forms 0602.N and 0603.N counted from an archive of generated decisions whose true
counts are known: every cell of both forms for a year, annulled and other years' awards
left out, cells linked to the search that lists their rows, XLSX and PDF written."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from extractors.commendation_method import annotate
from extractors.decision_changes import decision_change
from schemas import ExtractedDocument
from schemas.award_codes import AwardCode, IssuerLevel, RecipientKind
from schemas.extracted import Award, Recipient
from service.api.app import create_app
from service.settings import Settings
from tests.search_archive import build
from tests.service_helpers import authorize

A = AwardCode
YEAR = 2025
# (subject, the method a reader of it would file it under; None: it does not say)
SUBJECTS = [
    ("Về việc tặng Bằng khen cho tập thể, cá nhân đã có thành tích xuất sắc năm học 2024-2025",
     "thuong_xuyen"),
    ("Về việc khen thưởng thành tích xuất sắc đột xuất trong công tác cứu hộ", "dot_xuat"),
    ("Về việc khen thưởng tổng kết phong trào thi đua “Dạy tốt, học tốt” giai đoạn 2020-2025",
     "chuyen_de"),
    ("Về việc khen thưởng cán bộ có quá trình cống hiến khi nghỉ hưu", "cong_hien"),
    ("Về việc khen thưởng người nước ngoài có đóng góp cho quan hệ hữu nghị", "doi_ngoai"),
    ("Về việc khen thưởng", None),
]  # fmt: skip
# (position, rank) as the form's rows place them
POSITIONS = [
    ("Giáo viên", "truc_tiep"), ("Hiệu trưởng", "lanh_dao_khac"),
    ("Phó Giám đốc Sở Giáo dục và Đào tạo", "lanh_dao_cap_vu_so"),
    ("Phó Chủ tịch UBND tỉnh", "lanh_dao_cap_bo_tinh"),
    ("Giám đốc Công ty cổ phần Sông Hồng", "doanh_nhan"), (None, None),
]  # fmt: skip
COLLECTIVES = [
    ("Trường THPT Nguyễn Trãi", None), ("Công ty TNHH Thành Công", "doanh_nghiep"),
    ("Hộ gia đình ông Lò Văn Pụa", "ho_gia_dinh"),
]  # fmt: skip
PROVINCE = [A.bang_khen_cap_tinh, A.chien_si_thi_dua_cap_tinh, A.co_thi_dua_cap_tinh,
            A.ky_niem_chuong]  # fmt: skip
STATE = [A.bang_khen_thu_tuong, A.huan_chuong_lao_dong, A.nha_giao_uu_tu,
         A.chien_si_thi_dua_toan_quoc, A.co_thi_dua_chinh_phu]  # fmt: skip
INDIVIDUAL_ONLY = {A.chien_si_thi_dua_cap_tinh, A.ky_niem_chuong, A.nha_giao_uu_tu,
                   A.chien_si_thi_dua_toan_quoc}  # fmt: skip
COLLECTIVE_ONLY = {A.co_thi_dua_cap_tinh, A.co_thi_dua_chinh_phu}
YEARLY = {A.chien_si_thi_dua_cap_tinh, A.co_thi_dua_cap_tinh, A.co_thi_dua_chinh_phu}


@dataclass(frozen=True)
class Truth:
    code: str
    kind: str
    rank: str | None
    method: str | None
    counted: bool  # signed in YEAR and not annulled


def generate() -> tuple[list[ExtractedDocument], list[Truth]]:
    rng = random.Random(19)
    documents: list[ExtractedDocument] = []
    truths: list[Truth] = []
    for n in range(60):
        code = rng.choice(PROVINCE + STATE)
        subject, method = rng.choice(SUBJECTS)
        if method is None and code in YEARLY:
            method = "thuong_xuyen"  # the Law gives these titles for a year's results only
        year = YEAR if n % 7 else YEAR - 1
        issuer = "Ủy ban nhân dân tỉnh Hà Giang" if code in PROVINCE else "Thủ tướng Chính phủ"
        awards = []
        for _ in range(rng.randint(1, 6)):
            kind = (
                "collective" if code in COLLECTIVE_ONLY else "individual"
                if code in INDIVIDUAL_ONLY else rng.choice(["collective", "individual"])
            )  # fmt: skip
            if kind == "collective":
                name, rank = rng.choice(COLLECTIVES)
                position = None
            else:
                name = f"Nguyễn Văn {chr(65 + rng.randint(0, 20))}{rng.randint(1, 999)}"
                position, rank = rng.choice(POSITIONS)
            awards.append(
                Award(
                    recipient=Recipient(kind=RecipientKind(kind), name=name, position=position),
                    award_code=code,
                    award_text=code.value,
                    confidence=0.95,
                )
            )
            truths.append(Truth(code.value, kind, rank, method, year == YEAR and n != 13))
        documents.append(
            ExtractedDocument(
                document_type="decision",
                issuer=issuer,
                issuer_level=IssuerLevel.tinh,
                number=f"{100 + n}/QĐ-UBND",
                date=date(year, 1 + n % 12, 10),
                subject=subject,
                awards=awards,
                pages=1,
            )
        )
    annulment = ExtractedDocument(
        document_type="decision", issuer="Ủy ban nhân dân tỉnh Hà Giang", number="900/QĐ-UBND",
        date=date(YEAR, 12, 1), pages=1,
        subject=f"Về việc hủy bỏ Quyết định số 113/QĐ-UBND ngày 10/{1 + 13 % 12:02d}/{YEAR}",
    )  # fmt: skip
    annulment.changes = decision_change(annulment.subject)
    documents.append(annulment)
    for document in documents:
        annotate(document)  # as parsing does
    return documents, truths


COLUMNS_0603: dict[str, Callable[[Truth], bool]] = {
    "1": lambda t: t.code in {c.value for c in PROVINCE},
    "2": lambda t: t.code == "bang_khen_cap_tinh",
    "3": lambda t: t.code == "chien_si_thi_dua_cap_tinh",
    "4": lambda t: t.code == "co_thi_dua_cap_tinh",
    "5": lambda t: t.code == "ky_niem_chuong",
}


def _with_rank(rank: str) -> Callable[[Truth], bool]:
    return lambda t: t.kind == "individual" and t.rank == rank


def _with_method(method: str) -> Callable[[Truth], bool]:
    return lambda t: t.method == method


ROWS: dict[str, Callable[[Truth], bool]] = {
    "total": lambda t: True,
    "collective": lambda t: t.kind == "collective" and t.rank != "ho_gia_dinh",
    "business": lambda t: t.rank == "doanh_nghiep",
    "household": lambda t: t.rank == "ho_gia_dinh",
    "individual": lambda t: t.kind == "individual",
    **{rank: _with_rank(rank)
       for rank in ("lanh_dao_cap_bo_tinh", "lanh_dao_cap_vu_so", "doanh_nhan",
                    "lanh_dao_khac", "truc_tiep")},
    **{m: _with_method(m)
       for m in ("thuong_xuyen", "chuyen_de", "dot_xuat", "doi_ngoai", "cong_hien",
                 "nien_han", "khang_chien")},
}  # fmt: skip
ROW_CODES = {
    "0603.N": ["total", "collective", "business", "household", "individual",
               "lanh_dao_cap_bo_tinh", "lanh_dao_cap_vu_so", "doanh_nhan", "lanh_dao_khac",
               "truc_tiep", "thuong_xuyen", "chuyen_de", "dot_xuat", "doi_ngoai", "cong_hien",
               "nien_han", "khang_chien"],
}  # fmt: skip


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, list[Truth]]:
    documents, truths = generate()
    return build(tmp_path_factory.mktemp("reports"), decisions=documents), truths


@pytest.fixture(scope="module")
def client(archive: tuple[Settings, list[Truth]]) -> TestClient:
    with TestClient(create_app(archive[0])) as client:
        authorize(client)
        yield client


def _expected(truths: list[Truth], column: Callable[[Truth], bool], row: str) -> int:
    return sum(1 for t in truths if t.counted and column(t) and ROWS[row](t))


def test_every_cell_of_0603_is_the_true_count(client: TestClient, archive) -> None:
    _, truths = archive
    body = client.get("/api/v1/reports/0603.N", params={"year": YEAR}).json()
    assert [c["number"] for c in body["columns"]] == ["1", "2", "3", "4", "5"]
    rows = [r for r in body["rows"] if not r["section"]]
    assert [r["code"] for r in rows] == [f"{n:02d}" for n in range(1, 18)]
    for name, row in zip(ROW_CODES["0603.N"], rows, strict=True):
        for column, cell in zip(body["columns"], row["cells"], strict=True):
            check = COLUMNS_0603[column["number"]]
            if cell["status"] == "na":
                assert _expected(truths, check, name) == 0, (name, column["number"])
                continue
            assert cell["value"] == _expected(truths, check, name), (row["label"], column)
    # awards of the annulled decision and of the year before are not counted
    assert body["total"] == sum(1 for t in truths if t.counted and COLUMNS_0603["1"](t))
    assert body["total"] < sum(1 for t in truths if COLUMNS_0603["1"](t))


def test_every_cell_of_0602_is_the_true_count(client: TestClient, archive) -> None:
    _, truths = archive
    body = client.get("/api/v1/reports/0602.N", params={"year": YEAR}).json()
    rows = [r for r in body["rows"] if not r["section"]]
    assert [r["code"] for r in rows][:3] == ["01", "02", "03"]
    assert all(c["status"] == "manual" for r in rows[1:3] for c in r["cells"])  # proposers
    names = ["total", "collective", "business", "household", "individual",
             "lanh_dao_cap_bo_tinh", "lanh_dao_cap_vu_so", "doanh_nhan", "lanh_dao_khac",
             "truc_tiep", "thuong_xuyen", "chuyen_de", "dot_xuat", "doi_ngoai", "cong_hien",
             "nien_han", "khang_chien"]  # fmt: skip
    counted_rows = [rows[0], *rows[3:]]
    for name, row in zip(names, counted_rows, strict=True):
        for column, cell in zip(body["columns"], row["cells"], strict=True):
            codes, kind = set(column["codes"]), column["kind"]

            def check(t: Truth, codes: set[str] = codes, kind: str | None = kind) -> bool:
                return t.code in codes and (kind is None or t.kind == kind)

            if cell["status"] in ("na", "manual"):
                assert cell["value"] is None
                continue
            assert cell["value"] == _expected(truths, check, name), (row["label"], column)
    labels = [c["path"][2] for c in body["columns"] if c["number"] == "2"]
    assert labels == ["Huân chương Lao động", "Huân chương Lao động"]


def test_a_cell_links_to_the_awards_behind_it(client: TestClient) -> None:
    body = client.get("/api/v1/reports/0603.N", params={"year": YEAR}).json()
    teachers = next(r for r in body["rows"] if r["code"] == "10")
    cell = max(teachers["cells"][1:], key=lambda c: c["value"] or 0)  # one award, teachers
    params = parse_qsl(urlsplit(cell["link"]).query)
    found = client.get("/api/v1/awards", params=[*params, ("limit", "200")]).json()
    assert found["total"] == cell["value"] > 0
    assert {a["recipient"]["rank"] for a in found["items"]} == {"truc_tiep"}


def test_a_split_the_documents_do_not_state_is_marked(client: TestClient, archive) -> None:
    _, truths = archive
    body = client.get("/api/v1/reports/0603.N", params={"year": YEAR}).json()
    regular = next(r for r in body["rows"] if r["code"] == "11")
    unstated = sum(1 for t in truths if t.counted and COLUMNS_0603["1"](t) and t.method is None)
    assert regular["cells"][0]["status"] == "incomplete"
    assert regular["cells"][0]["unknown"] == unstated > 0
    assert body["unreviewed"] == body["total"]  # nobody approved anything yet
    only = client.get("/api/v1/reports/0603.N", params={"year": YEAR, "reviewed_only": True})
    assert only.json()["total"] == 0


def test_the_form_is_written_as_xlsx_and_pdf(client: TestClient) -> None:
    xlsx = client.get("/api/v1/reports/0603.N", params={"year": YEAR, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Biểu số: 0603.N/BNV-TĐKT" in texts
    assert "- Thường xuyên" in texts and "Chiến sĩ thi đua cấp bộ, cấp tỉnh" in texts
    pdf = client.get("/api/v1/reports/0602.N", params={"year": YEAR, "format": "pdf"})
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and len(pdf.content) > 5000
    missing = client.get("/api/v1/reports/0699.N", params={"year": YEAR})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_tdkt_report_writes_the_xlsx(archive, tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from service.cli import app

    settings, _ = archive
    monkeypatch.setenv("TDKT_DATA_DIR", str(settings.data_dir))
    target = tmp_path / "0603.xlsx"
    result = CliRunner().invoke(
        app, ["report", "0603.N", "--year", str(YEAR), "--xlsx", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert load_workbook(target).active["A1"].value == "Biểu số: 0603.N/BNV-TĐKT"
