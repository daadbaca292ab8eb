"""Documents read by `tdkt worker` processes through Redis: each once, even when a task
arrives twice, and finished by another worker when one is killed in the middle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.celery_jobs import TASK, make_celery
from service.settings import Settings
from tests.conftest import NewDatabase
from tests.service_helpers import authorize, sample, truth, wait_for

TDKT = Path(sys.executable).with_name("tdkt")
TEXT = "qd_list_grid4_textpdf_namdinh_2024.pdf"
SCAN = "qd_list_typewriter_photo_old_hatay_2000.pdf"


class Worker:
    """A `tdkt worker` in its own process group, stopped by the test that started it."""

    def __init__(self, settings: Settings, log: Path) -> None:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("TDKT_")},
            "TDKT_DATA_DIR": str(settings.data_dir),
            "TDKT_DATABASE_URL": settings.resolved_database_url,
            "TDKT_QUEUE_URL": settings.queue_url or "",
            "TDKT_QUEUE_NAME": settings.queue_name,
            "TDKT_QUEUE_VISIBILITY_TIMEOUT": str(settings.queue_visibility_timeout),
        }
        self.log = log
        self.env = env
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [str(TDKT), "worker", "--concurrency", "1"],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while b" ready." not in log.read_bytes():
            assert self.process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "worker did not start"
            time.sleep(0.2)

    def kill(self) -> None:
        """kill -9 of the worker and its pool processes."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def settings(tmp_path: Path, new_database: NewDatabase, redis_url: str) -> Iterator[Settings]:
    name = f"tdkt-test-{uuid.uuid4().hex[:8]}"
    yield Settings(
        data_dir=tmp_path / "data",
        database_url=new_database(tmp_path),
        queue_url=redis_url,
        queue_name=name,
        queue_visibility_timeout=4,
    )
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{name}*"))
    if keys:
        client.delete(*keys)


def upload(client: TestClient, name: str) -> dict[str, Any]:
    with sample(name).open("rb") as stream:
        response = client.post("/api/v1/documents", files={"file": (name, stream)})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def test_documents_are_read_by_a_worker_and_a_task_sent_twice_reads_once(
    settings: Settings, tmp_path: Path
) -> None:
    with TestClient(create_app(settings)) as client:
        authorize(client)
        worker = Worker(settings, tmp_path / "worker.log")
        try:
            document = upload(client, TEXT)
            done = wait_for(client, document["id"], timeout=60)
            assert done["status"] == "done"
            assert done["award_count"] == len(truth(TEXT)["awards"])
            celery = make_celery(settings)
            for _ in range(2):
                celery.send_task(TASK, args=[document["id"]])
            time.sleep(2)
            again = client.get(f"/api/v1/documents/{document['id']}").json()
            assert again["attempts"] == 1 and again["award_count"] == done["award_count"]
            assert [e["event"] for e in again["events"]] == ["received", "started", "done"]
            celery.close()
        finally:
            worker.stop()


def test_a_document_whose_worker_is_killed_finishes_on_another(
    settings: Settings, tmp_path: Path
) -> None:
    with TestClient(create_app(settings)) as client:
        authorize(client)
        first = Worker(settings, tmp_path / "first.log")
        second: Worker | None = None
        try:
            document = upload(client, SCAN)
            deadline = time.monotonic() + 60
            while client.get(f"/api/v1/documents/{document['id']}").json()["status"] != (
                "processing"
            ):
                assert time.monotonic() < deadline
                time.sleep(0.05)
            first.kill()
            assert client.get(f"/api/v1/documents/{document['id']}").json()["status"] == (
                "processing"
            )
            second = Worker(settings, tmp_path / "second.log")
            done = wait_for(client, document["id"], timeout=120)
            assert done["status"] == "done", done["error"]
            assert done["attempts"] == 2
            events = [e["event"] for e in done["events"]]
            assert events.count("started") == 2 and events[-1] == "done"
            assert done["award_count"] == len(
                client.get("/api/v1/awards", params={"document_id": document["id"],
                                                     "limit": 200}).json()["items"]
            )  # fmt: skip
        finally:
            first.kill()
            if second is not None:
                second.stop()


def test_tdkt_ingest_hands_documents_to_the_workers(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "hồ sơ"
    folder.mkdir()
    for name in (TEXT, "cert_giaykhen_so_textpdf_hatinh_2024.pdf"):
        (folder / name).write_bytes(sample(name).read_bytes())
    worker = Worker(settings, tmp_path / "worker.log")
    try:
        result = subprocess.run(
            [str(TDKT), "ingest", str(folder)],
            env={**worker.env},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        worker.stop()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("2 done, 0 duplicate, 0 failed")
    assert b"tdkt.process_document" in worker.log.read_bytes()  # read by the worker
