"""A batch that survives anything: `python -m bench.survive [--documents 500] [--queue-url …]`.

Uploads a batch of N distinct documents (made from the samples) to `tdkt serve`, kills
the API with SIGKILL (its whole process group: its worker processes too) when a third
is settled, starts it again; with `--queue-url` (Celery) it also kills one `tdkt worker`
at two thirds and starts another. Then it checks, from the database: every file ended
done, failed with a reason, rejected with a reason, or duplicate; no document twice; one
set of award rows per document; and no document that was done before a kill was read
again. It prints what it found; it does not assert.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from bench.ingest import make_batch
from bench.processes import api_token, free_port, kill, start, tdkt_env, wait_ready
from service.archive import open_archive
from service.db.models import Award, BatchItem, Decision, Document, ProcessingEvent
from service.settings import Settings


def batch_state(base: str, batch_id: int, auth: dict[str, str]) -> dict[str, Any]:
    url = f"{base}/api/v1/batches/{batch_id}"
    body: dict[str, Any] = httpx.get(url, headers=auth, timeout=30).json()
    return body


def done_ids(settings: Settings) -> set[int]:
    archive = open_archive(settings, migrate=False)
    with archive.db.read() as session:
        ids = set(session.scalars(select(Document.id).where(Document.status == "done")))
    archive.close()
    return ids


def verify(settings: Settings, done_before: set[int]) -> None:
    archive = open_archive(settings, migrate=False)
    with archive.db.read() as session:
        items = session.execute(select(BatchItem.status, BatchItem.error_code)).all()
        documents = session.execute(
            select(Document.id, Document.sha256, Document.status, Document.error_code)
        ).all()
        started = Counter(
            session.scalars(
                select(ProcessingEvent.document_id).where(ProcessingEvent.event == "started")
            )
        )
        rows = {
            document_id: n
            for document_id, n in session.execute(
                select(Award.document_id, func.count()).group_by(Award.document_id)
            )
        }
        expected = {
            document_id: len(record.get("awards", []))
            for document_id, record in session.execute(
                select(Decision.document_id, Decision.record)
            )
        }
    archive.close()
    statuses = Counter(status for _, _, status, _ in documents)
    print(f"  documents: {dict(statuses)}")
    print(f"  batch items: {dict(Counter(status for status, _ in items))}")
    unsettled = [d for d in documents if d[2] in ("queued", "processing")]
    no_reason = [d for d in documents if d[2] == "failed" and not d[3]]
    rejected_no_reason = [i for i in items if i[0] == "rejected" and not i[1]]
    twice = len(documents) - len({sha for _, sha, _, _ in documents})
    wrong_rows = [d for d, n in expected.items() if rows.get(d, 0) != n]
    reread = [d for d in done_before if started[d] > 1]
    print(f"  left queued or processing: {len(unsettled)}")
    print(f"  failed without a reason: {len(no_reason) + len(rejected_no_reason)}")
    print(f"  same bytes stored twice: {twice}")
    print(f"  documents whose award rows differ from their record: {len(wrong_rows)}")
    print(f"  done before a kill and read again: {len(reread)} of {len(done_before)}")
    print(f"  documents read more than once (interrupted by a kill): "
          f"{sum(1 for n in started.values() if n > 1)}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--database-url")
    parser.add_argument("--queue-url")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tdkt-survive-") as temp:
        root = Path(temp)
        port = free_port()
        name = f"tdkt-survive-{uuid.uuid4().hex[:8]}"
        settings = Settings(
            data_dir=root / "data",
            database_url=args.database_url,
            queue_url=args.queue_url,
            queue_name=name,
        )
        env = tdkt_env(
            settings,
            TDKT_PORT=str(port),
            TDKT_JOB_WORKERS=str(args.workers),
            TDKT_QUEUE_VISIBILITY_TIMEOUT="30",
        )
        base = f"http://127.0.0.1:{port}"
        auth = {"Authorization": f"Bearer {api_token(env)}"}
        api = start(["serve"], env, root / "api.log")
        workers = [
            start(["worker", "--concurrency", "1"], env, root / f"worker-{n}.log")
            for n in range(args.workers if args.queue_url else 0)
        ]
        began = time.perf_counter()
        try:
            wait_ready(base)
            data, count = make_batch(args.documents)
            batch = httpx.post(
                f"{base}/api/v1/batches",
                files={"file": ("survive.zip", data)},
                headers=auth,
                timeout=600,
            ).json()
            done_before: set[int] = set()
            killed_api = killed_worker = False
            while True:
                state = batch_state(base, batch["id"], auth)
                settled = sum(
                    state["counts"].get(s, 0) for s in ("done", "failed", "rejected", "duplicate")
                )
                if not killed_api and settled >= count / 3:
                    done_before |= done_ids(settings)
                    kill(api)
                    print(f"  killed the API (kill -9) with {settled} of {count} settled")
                    api = start(["serve"], env, root / "api.log")
                    wait_ready(base)
                    killed_api = True
                elif workers and not killed_worker and settled >= 2 * count / 3:
                    done_before |= done_ids(settings)
                    kill(workers[0])
                    print(f"  killed a worker (kill -9) with {settled} of {count} settled")
                    workers[0] = start(["worker", "--concurrency", "1"], env, root / "w.log")
                    killed_worker = True
                if state["finished"]:
                    break
                time.sleep(0.5)
            seconds = time.perf_counter() - began
            print(f"{count} documents in {seconds:.0f} s ({count / seconds:.2f} files/s)")
            verify(settings, done_before)
        finally:
            for process in [api, *workers]:
                if process.poll() is None:
                    kill(process)


if __name__ == "__main__":
    main()
