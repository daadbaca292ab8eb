"""Upload-to-searchable time over HTTP: `python -m bench.service [FOLDER]`.

Starts `tdkt serve` on a free 127.0.0.1 port with a fresh data folder, uploads each sample
alone and waits until its first recipient is found by `GET /api/v1/awards?name=`
(diacritics folded): that is when staff could find it. Prints seconds per file, per text
document and per scanned page; then uploads them all at once for files per minute.
Stops the server by its process id. It prints; it never asserts.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx2 as httpx

from bench.processes import api_token
from extractors.text_normalize import fold

DOCUMENTS = {".pdf", ".docx", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(data_dir: Path, port: int, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """The service on a fresh archive, and an archivist's API token for it."""
    env = {**os.environ, "TDKT_DATA_DIR": str(data_dir), "TDKT_JOB_WORKERS": str(workers)}
    token = api_token(env)
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("tdkt")), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return process, token
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("tdkt serve did not start")


def _stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)


def _wait_searchable(client: httpx.Client, document_id: int) -> dict[str, Any]:
    while True:
        body: dict[str, Any] = client.get(f"/api/v1/documents/{document_id}").json()
        if body["status"] == "failed":
            return body
        if body["status"] == "done":
            awards = body["record"]["awards"]
            if not awards:
                return body
            name = fold(awards[0]["recipient"]["name"])
            found = client.get("/api/v1/awards", params={"name": name, "document_id": document_id})
            if found.json()["total"]:
                return body
        time.sleep(0.02)


def _warm_up(client: httpx.Client, files: list[Path]) -> None:
    """One upload first, so the workers' first start (spaCy, Tesseract) is not counted.

    It is a copy of the first PDF with a comment after its end: other bytes, so the
    timed upload of the original is not answered as a duplicate.
    """
    pdf = next(p for p in files if p.suffix.lower() == ".pdf")
    data = pdf.read_bytes() + b"\n% tdkt warm-up\n"
    response = client.post("/api/v1/documents", files={"file": ("warm-up.pdf", data)})
    _wait_searchable(client, response.json()["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("samples"))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in DOCUMENTS)
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as temp:
        port = _free_port()
        process, token = _start(Path(temp) / "one", port, args.workers)
        auth = {"Authorization": f"Bearer {token}"}
        text_seconds: list[float] = []
        scan_seconds_per_page: list[float] = []
        try:
            with httpx.Client(
                base_url=f"http://127.0.0.1:{port}", headers=auth, timeout=300
            ) as client:
                _warm_up(client, files)
                print(f"{'file':58} {'pages':>5} {'ocr':>4} {'seconds':>8}  status")
                for path in files:
                    began = time.perf_counter()
                    response = client.post(
                        "/api/v1/documents", files={"file": (path.name, path.read_bytes())}
                    )
                    body = _wait_searchable(client, response.json()["id"])
                    seconds = time.perf_counter() - began
                    record = body.get("record") or {}
                    pages = record.get("pages") or body.get("pages") or 1
                    ocr = bool(record.get("ocr", {}).get("used"))
                    (scan_seconds_per_page if ocr else text_seconds).append(
                        seconds / pages if ocr else seconds
                    )
                    print(f"{path.name:58} {pages:5} {'yes' if ocr else 'no':>4} "
                          f"{seconds:8.2f}  {body['status']}")  # fmt: skip
        finally:
            _stop(process)
        if text_seconds:
            print(
                f"text documents: {statistics.fmean(text_seconds):.2f} s mean, "
                f"{statistics.median(text_seconds):.2f} s median upload-to-searchable"
            )
        if scan_seconds_per_page:
            print(
                f"scanned pages: {statistics.fmean(scan_seconds_per_page):.2f} s mean, "
                f"{statistics.median(scan_seconds_per_page):.2f} s median per page"
            )
        port = _free_port()
        process, token = _start(Path(temp) / "all", port, args.workers)
        auth = {"Authorization": f"Bearer {token}"}
        try:
            with httpx.Client(
                base_url=f"http://127.0.0.1:{port}", headers=auth, timeout=300
            ) as client:
                _warm_up(client, files)
                began = time.perf_counter()
                ids = [
                    client.post(
                        "/api/v1/documents", files={"file": (p.name, p.read_bytes())}
                    ).json()["id"]
                    for p in files
                ]
                for document_id in ids:
                    _wait_searchable(client, document_id)
                seconds = time.perf_counter() - began
        finally:
            _stop(process)
        print(
            f"all {len(ids)} at once with {args.workers} workers: {seconds:.1f} s, "
            f"{len(ids) / seconds * 60:.0f} files/min"
        )


if __name__ == "__main__":
    main()
