"""Ingest throughput: `python -m bench.ingest [--documents 60] [--queue-url … --database-url …]`.

Makes a batch of N distinct documents from the samples (text PDFs, DOCX, scans and
photos in their proportions; each copy made unique by bytes after its end, which every
reader ignores), uploads it as one ZIP to a fresh archive through the API, and waits for
the batch to finish. Prints files/s and pages/s, the peak memory of every process that
took part (the API and its workers), and the time per stage summed over all documents
(fetch, OCR/read, parse, store derived files, index). By default everything runs
embedded (SQLite, local store, worker processes of the API); with `--queue-url` and
`--database-url` it runs on PostgreSQL with `--workers` Celery workers (`tdkt worker`).
It prints; it never asserts.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import tempfile
import threading
import time
import uuid
import zipfile
from collections import defaultdict
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bench.processes import start, tdkt_env
from service import accounts
from service.api.app import create_app
from service.archive import open_archive
from service.db.models import Document, ProcessingEvent, Role
from service.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SUFFIXES = (".pdf", ".docx", ".jpg", ".png")
_STAGE = re.compile(r"(\w+)=([\d.]+)")


def unique_copy(path: Path, n: int) -> bytes:
    """The file's bytes, made distinct: trailing bytes for PDFs and images, a ZIP
    comment for DOCX."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        buffer = io.BytesIO(data)
        with zipfile.ZipFile(buffer, "a") as archive:
            archive.comment = f"copy {n}".encode()
        return buffer.getvalue()
    return data + f"\n% copy {n}\n".encode()


def make_batch(count: int) -> tuple[bytes, int]:
    """A ZIP of `count` documents cycling through the samples, and how many they are."""
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix in SUFFIXES)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for n in range(count):
            source = sources[n % len(sources)]
            archive.writestr(f"lo-{n:05d}/{source.name}", unique_copy(source, n))
    return buffer.getvalue(), count


class MemoryWatch:
    """Peak resident memory of a process and all its descendants, sampled from /proc."""

    def __init__(self, root: int, interval: float = 0.2) -> None:
        self.root = root
        self.peaks: dict[int, tuple[str, int]] = {}
        self.extra: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _children(self) -> dict[int, list[int]]:
        tree: defaultdict[int, list[int]] = defaultdict(list)
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    tree[int(fields[1])].append(int(entry.name))
                except (OSError, IndexError):
                    continue
        return tree

    def _sample(self, roots: list[int]) -> None:
        tree = self._children()
        stack = list(roots)
        while stack:
            pid = stack.pop()
            stack.extend(tree.get(pid, []))
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            found = re.search(r"VmRSS:\s+(\d+) kB", status)
            if found:
                kb = int(found.group(1))
                name, peak = self.peaks.get(pid, (cmd[:60], 0))
                self.peaks[pid] = (name, max(peak, kb))

    def _run(self, interval: float) -> None:
        while not self._stop.is_set():
            self._sample([self.root, *self.extra])
            time.sleep(interval)


def stage_totals(settings: Settings) -> tuple[dict[str, float], int]:
    """Seconds per stage summed over every document, and the pages of all documents."""
    archive = open_archive(settings, migrate=False)
    totals: defaultdict[str, float] = defaultdict(float)
    with archive.db.read() as session:
        pages = session.scalar(select(func.coalesce(func.sum(Document.pages), 0))) or 0
        for detail in session.scalars(
            select(ProcessingEvent.detail).where(ProcessingEvent.event == "done")
        ):
            for stage, seconds in _STAGE.findall(detail or ""):
                totals[stage] += float(seconds)
    archive.close()
    return dict(totals), int(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=60)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database-url", help="e.g. postgresql+psycopg://postgres@127.0.0.1/x")
    parser.add_argument("--queue-url", help="e.g. redis://127.0.0.1:6379/0 (Celery workers)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tdkt-ingest-") as temp:
        settings = Settings(
            data_dir=Path(temp),
            database_url=args.database_url,
            queue_url=args.queue_url,
            queue_name=f"tdkt-bench-{uuid.uuid4().hex[:8]}",
            job_workers=args.workers,
        )
        data, count = make_batch(args.documents)
        workers: list[subprocess.Popen[bytes]] = []
        with TestClient(create_app(settings)) as client, MemoryWatch(os.getpid()) as memory:
            client.headers["Authorization"] = f"Bearer {_token(client)}"
            if args.queue_url:
                env = tdkt_env(settings)
                workers = [
                    start(["worker", "--concurrency", "1"], env, Path(temp) / f"worker-{n}.log")
                    for n in range(args.workers)
                ]
                memory.extra = [w.pid for w in workers]
            began = time.perf_counter()
            batch = client.post("/api/v1/batches", files={"file": ("bench.zip", data)}).json()
            while True:
                state = client.get(f"/api/v1/batches/{batch['id']}").json()
                if state["finished"]:
                    break
                time.sleep(0.5)
            seconds = time.perf_counter() - began
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=30)
        mode = "PostgreSQL + Celery" if args.queue_url else "embedded (SQLite, worker processes)"
        print(f"{mode}: {count} documents, {args.workers} workers")
        totals, pages = stage_totals(settings)
        print(f"  {seconds:.1f} s: {count / seconds:.2f} files/s, {pages / seconds:.2f} pages/s")
        print(f"  states: {state['counts']}")
        print("  time per stage, summed over documents: " + ", ".join(
            f"{stage} {total:.1f} s" for stage, total in totals.items()
        ))  # fmt: skip
        print("  peak memory (RSS) per process:")
        tesseract = [kb for name, kb in memory.peaks.values() if name.startswith("tesseract")]
        for pid, (name, kb) in sorted(memory.peaks.items(), key=lambda kv: -kv[1][1]):
            if not name.startswith("tesseract"):
                role = "API (this process)" if pid == os.getpid() else name
                print(f"    {kb / 1024:7.0f} MB  {pid:>7}  {role}")
        if tesseract:
            print(
                f"    {max(tesseract) / 1024:7.0f} MB  highest of {len(tesseract)} tesseract runs"
            )


if __name__ == "__main__":
    main()


def _token(client: TestClient) -> str:
    archive = client.app.state.archive  # type: ignore[attr-defined]
    with archive.db.write() as session:
        user = accounts.add_user(session, "bench", Role.archivist, None)
        return accounts.new_token(session, user, "bench")
