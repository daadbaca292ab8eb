"""Killing the service mid-ingest loses nothing: after a restart every document finishes once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx

from tests.seaweedfs import free_port
from tests.service_helpers import SAMPLES

SCANS = sorted(p for p in SAMPLES.iterdir() if "_scan_" in p.name or "_photo_" in p.name)
SCANS = [p for p in SCANS if p.suffix in (".pdf", ".jpg", ".png", ".tif")][:6]


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "TDKT_DATA_DIR": str(data_dir), "TDKT_JOB_WORKERS": "1"}


def _token(data_dir: Path) -> dict[str, str]:
    """An archivist's API token, made with `tdkt user add … --token` as a script would."""
    tdkt = Path(sys.executable).with_name("tdkt")
    made = subprocess.run(
        [str(tdkt), "user", "add", "loader", "--role", "archivist", "--no-password", "--token"],
        env=_env(data_dir), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return {"Authorization": f"Bearer {made.stdout.strip()}"}


def _start(data_dir: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = _env(data_dir)
    tdkt = Path(sys.executable).with_name("tdkt")
    with log.open("ab") as out:
        process = subprocess.Popen(
            [str(tdkt), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: workers die with it
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    _kill(process, signal.SIGKILL)
    raise AssertionError(f"tdkt serve did not start: {log.read_text()[-2000:]}")


def _kill(process: subprocess.Popen[bytes], sig: int) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    process.wait(timeout=60)


def _statuses(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [row[0] for row in connection.execute("SELECT status FROM documents ORDER BY id")]


def test_kill_mid_ingest_then_restart_finishes_every_document_once(tmp_path: Path) -> None:
    assert len(SCANS) >= 6
    data_dir, log, port = tmp_path / "data", tmp_path / "serve.log", free_port()
    base = f"http://127.0.0.1:{port}/api/v1"
    auth = _token(data_dir)
    process = _start(data_dir, port, log)
    try:
        for path in SCANS:
            response = httpx.post(
                f"{base}/documents",
                files={"file": (path.name, path.read_bytes())},
                headers=auth,
                timeout=60,
            )
            assert response.status_code == 201, response.text
        deadline = time.monotonic() + 120
        while "done" not in _statuses(data_dir / "tdkt.db") and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        _kill(process, signal.SIGKILL)  # the API and its workers, mid-ingest
    left = _statuses(data_dir / "tdkt.db")
    assert "done" in left and {"queued", "processing"} & set(left), left

    process = _start(data_dir, port, log)
    try:
        deadline = time.monotonic() + 240
        while {"queued", "processing"} & set(_statuses(data_dir / "tdkt.db")):
            assert time.monotonic() < deadline, _statuses(data_dir / "tdkt.db")
            time.sleep(0.2)
        documents = httpx.get(f"{base}/documents", params={"limit": 200}, headers=auth).json()
        assert documents["total"] == len(SCANS)  # none duplicated
        for document in documents["items"]:
            assert document["status"] in ("done", "failed")
            if document["status"] == "failed":
                assert document["error"]["code"]
                continue
            detail = httpx.get(f"{base}/documents/{document['id']}", headers=auth).json()
            rows = httpx.get(
                f"{base}/awards", params={"document_id": document["id"]}, headers=auth
            ).json()
            assert rows["total"] == len(detail["record"]["awards"])  # one set of rows
    finally:
        _kill(process, signal.SIGTERM)
