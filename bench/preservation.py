"""Fixity, backup and audit-chain speed on a big archive: `python -m bench.preservation
[--documents 10000] [--keep DIR]`.

Builds a fresh SQLite archive (local store) of N documents through the real receive path
(`admit`: the original stored under its hash, its row, its `document.upload` audit
entry), each a distinct one-page PDF of 600 bytes, then written as reading writes it (its
three derived files and its rows, from a cheap synthetic decision of a few awards; no
OCR). Then it times `fsck`, a full `backup`, an incremental one with nothing changed, and
`audit verify`, and prints seconds and objects (or entries) per second. It prints; it
never asserts.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from bench.search import _decision
from schemas.document_text import DocumentText, Page, PageSource
from service.archive import Archive, derived_key, open_archive
from service.db.models import AuditEntry, Document
from service.preservation import audit
from service.preservation.backup import backup
from service.preservation.fixity import fsck
from service.receive import Spool, admit
from service.records import replace_records
from service.settings import Settings

AWARDS_PER_DOCUMENT = 4


def tiny_pdf(n: int) -> bytes:
    """A valid one-page PDF whose text (and so hash) is its own."""
    content = f"BT /F1 12 Tf 72 720 Td (Quyet dinh so {n}/QD-SGDDT) Tj ET".encode()
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    return bytes(out)


def build(archive: Archive, count: int, seed: int = 7) -> float:
    """Receive and record `count` documents; returns seconds."""
    rng = random.Random(seed)
    began = time.perf_counter()
    for n in range(count):
        with Spool(1 << 20) as spool:
            spool.write(tiny_pdf(n))
            document = admit(archive, spool, f"qd-{n:05d}.pdf", "bench").document
        extracted = _decision(rng, n + 1, AWARDS_PER_DOCUMENT)
        text = DocumentText(
            media_type="application/pdf",
            pages=[Page(number=1, width=595, height=842, source=PageSource.text_layer)],
        )
        record = json.dumps(extracted.model_dump(mode="json"), ensure_ascii=False).encode()
        archive.store.put(derived_key(document.sha256, "text.txt"), f"QĐ {n}".encode())
        archive.store.put(derived_key(document.sha256, "document_text.json"),
                          text.model_dump_json().encode())  # fmt: skip
        archive.store.put(derived_key(document.sha256, "extracted.json"), record)
        with archive.db.write() as session:
            current = session.get(Document, document.id)
            assert current is not None
            replace_records(session, current, extracted, text)
        if (n + 1) % 1000 == 0:
            archive.db.optimize()
            print(f"  built {n + 1} documents, {time.perf_counter() - began:.0f} s", flush=True)
    return time.perf_counter() - began


def timed(label: str, units: int, unit: str, seconds: float) -> None:
    rate = units / seconds if seconds else float("inf")
    print(f"{label:<34} {seconds:8.2f} s   {units:>7} {unit}   {rate:9.0f} {unit}/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="tdkt-bench-preservation-"))
    root.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=root / "data", job_workers=1, fixity_days=0)
    archive = open_archive(settings)
    try:
        print(f"building {args.documents} documents in {root}")
        seconds = build(archive, args.documents)
        objects = sum(1 for _ in archive.store.iter())
        stored = sum(info.size for info in archive.store.iter())
        database = (root / "data").glob("tdkt.db*")
        db_bytes = sum(p.stat().st_size for p in database)
        timed("build (receive + record)", args.documents, "documents", seconds)
        print(f"store: {objects} objects, {stored / 1e6:.1f} MB; database {db_bytes / 1e6:.1f} MB")

        began = time.perf_counter()
        report = fsck(archive)
        timed("fsck (originals + untracked scan)", report.checked, "originals",
              time.perf_counter() - began)  # fmt: skip
        print(f"  fsck ok: {report.ok}")

        folder = root / "backup"
        for label in ("backup, full", "backup, incremental (no change)"):
            began = time.perf_counter()
            made = backup(archive, folder)
            timed(label, made.objects, "objects", time.perf_counter() - began)
            print(f"  copied {made.copied} objects, {made.bytes_copied / 1e6:.1f} MB")

        with archive.db.read() as session:
            entries = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
            began = time.perf_counter()
            checked, broken = audit.verify(session)
            timed("audit verify", checked, "entries", time.perf_counter() - began)
        print(f"  {entries} entries, chain {'broken at ' + str(broken) if broken else 'intact'}")
    finally:
        archive.close()
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
