"""`tdkt ingest` and `tdkt search` as a user runs them, on the embedded default archive."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from extractors.text_normalize import fold
from tests.postgres import PostgresServer
from tests.service_helpers import sample, truth

TDKT = Path(sys.executable).with_name("tdkt")
LIST = "qd_list_grid4_textpdf_namdinh_2024.pdf"
DOCX = "qd_list_numbered_docx_thoxuan_2020.docx"


def _run(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_")}
    return subprocess.run(
        [str(TDKT), *args],
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of documents as an archivist keeps them, with notes beside the scans."""
    root = tmp_path_factory.mktemp("work")
    inbox = root / "hồ sơ" / "2024"
    inbox.mkdir(parents=True)
    shutil.copy(sample(LIST), inbox / LIST)
    shutil.copy(sample(DOCX), inbox.parent / DOCX)
    (inbox / "hỏng.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (inbox / "ghi chú.txt").write_text("không phải tài liệu", encoding="utf-8")
    return root


def test_ingest_reports_done_and_failed_and_exits_non_zero(workdir: Path) -> None:
    result = _run(workdir, "ingest", "hồ sơ", "--workers", "2")
    assert result.returncode == 1
    assert result.stdout.strip() == "2 done, 0 duplicate, 1 failed"
    assert "hỏng.pdf: corrupt_file:" in result.stderr
    assert "ghi chú.txt" not in result.stderr  # not a document: skipped inside a folder
    assert (workdir / "tdkt-data" / "tdkt.db").exists()  # the embedded default, here


def test_ingest_again_finds_duplicates(workdir: Path) -> None:
    result = _run(workdir, "ingest", "hồ sơ")
    assert result.stdout.strip() == "0 done, 2 duplicate, 1 failed"


def test_search_finds_a_name_typed_without_diacritics(workdir: Path) -> None:
    person = truth(LIST)["awards"][0]["recipient"]
    result = _run(workdir, "search", "--name", fold(person["name"]), "--json")
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["total"] >= 1
    assert body["items"][0]["recipient"]["name"] == person["name"]
    table = _run(workdir, "search", fold(person["name"]))
    assert person["name"] in table.stdout


def test_search_export_writes_every_match_to_a_spreadsheet(workdir: Path) -> None:
    expected = [a for a in truth(LIST)["awards"] if a["recipient"]["kind"] == "individual"]
    family = expected[0]["recipient"]["name"].split()[0]
    target = workdir / "kết quả.xlsx"
    result = _run(workdir, "search", "--name", fold(family), "--export", str(target))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(target, read_only=True).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    written = int(result.stdout.split()[0])
    assert written == len(rows) - 1 >= 1
    assert all(str(row[1]).startswith(family) for row in rows[1:])
    as_csv = _run(workdir, "search", "--name", fold(family), "--export", str(workdir / "kq.csv"))
    assert as_csv.returncode == 0
    assert (workdir / "kq.csv").read_bytes().startswith("\ufeff".encode())
    wrong = _run(workdir, "search", "--name", "x", "--export", str(workdir / "kq.pdf"))
    assert wrong.returncode == 2 and wrong.stderr.startswith("error: invalid_request:")
    assert not (workdir / "kq.pdf").exists()


def test_settings_come_from_the_environment(workdir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "kho"
    result = _run(workdir, "ingest", f"hồ sơ/2024/{LIST}", TDKT_DATA_DIR=str(elsewhere))
    assert result.returncode == 0 and result.stdout.strip() == "1 done, 0 duplicate, 0 failed"
    assert (elsewhere / "tdkt.db").exists()
    tiny = _run(workdir, "ingest", f"hồ sơ/2024/{LIST}", TDKT_DATA_DIR=str(tmp_path / "x"),
                TDKT_MAX_UPLOAD_MB="0.01")  # fmt: skip
    assert tiny.returncode == 1 and f"{LIST}: too_large:" in tiny.stderr
    bad = _run(workdir, "search", "x", TDKT_MAX_UPLOAD_MB="lots")
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: invalid_settings: TDKT_MAX_UPLOAD_MB")
    assert len(bad.stderr.strip().splitlines()) == 1


def test_the_database_can_be_postgresql_named_in_the_environment(
    workdir: Path, tmp_path: Path, postgres: PostgresServer
) -> None:
    env = {"TDKT_DATA_DIR": str(tmp_path / "objects"), "TDKT_DATABASE_URL": postgres.new_database()}
    result = _run(workdir, "ingest", f"hồ sơ/2024/{LIST}", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 done, 0 duplicate, 0 failed"
    assert not (tmp_path / "objects" / "tdkt.db").exists()  # only the objects are local
    person = truth(LIST)["awards"][0]["recipient"]
    found = _run(workdir, "search", "--name", fold(person["name"]), "--json", **env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["items"][0]["recipient"]["name"] == person["name"]


def test_ingest_of_a_missing_path_is_one_error_line(workdir: Path) -> None:
    result = _run(workdir, "ingest", "không-có")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: not_found: no such file or folder: không-có"
