"""Search latency on synthetic awards: `python -m bench.search [--awards 100000]`.

Generates decisions with realistic Vietnamese names, units, years and award codes (a few
names carry an OCR slip, as scans do), loads them through the archive's own write path
(rows, word index, lexicon; one transaction per document) into a fresh SQLite archive —
or into the empty PostgreSQL database `--database-url postgresql+psycopg://…` names —
then times each kind of query the API serves — names with and without diacritics,
misspelled names, filters, words, facets, people — and prints load time, database size
and p50/p95/p99 per kind. It prints; it never asserts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from extractors.text_normalize import fold
from samples.names import FAMILY, FAMILY_WEIGHTS, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M
from schemas import ExtractedDocument
from schemas.award_codes import AwardCode, DocumentType, IssuerLevel, RecipientKind
from schemas.document_text import DocumentText
from schemas.extracted import Award, Recipient
from service.archive import Archive, open_archive
from service.award_search import AwardQuery, search_awards
from service.db.models import Document
from service.people import find_people
from service.records import replace_records
from service.settings import Settings

PROVINCES = [
    "Nam Định", "Thái Bình", "Nghệ An", "Hà Tĩnh", "Quảng Nam", "Đà Nẵng", "Hải Phòng",
    "Bắc Giang", "Phú Thọ", "Ninh Bình", "Thanh Hóa", "Quảng Ninh", "Bắc Kạn", "Đắk Lắk",
]  # fmt: skip
SCHOOL_KINDS = ["Trường THPT", "Trường THCS", "Trường Tiểu học", "Trường Mầm non"]
SCHOOL_NAMES = [
    "Nguyễn Khuyến", "Trần Hưng Đạo", "Lê Quý Đôn", "Chu Văn An", "Nguyễn Du", "Lê Lợi",
    "Hùng Vương", "Phan Đình Phùng", "Huỳnh Thúc Kháng", "Quang Trung", "Lý Thường Kiệt",
    "Nguyễn Trãi", "Võ Thị Sáu", "Kim Đồng", "Đinh Tiên Hoàng", "Ngô Quyền", "Hai Bà Trưng",
]  # fmt: skip
POSITIONS = ["Giáo viên", "Hiệu trưởng", "Phó Hiệu trưởng", "Tổ trưởng chuyên môn", "Nhân viên"]
CODES = [
    (AwardCode.lao_dong_tien_tien, "Lao động tiên tiến", 10),
    (AwardCode.chien_si_thi_dua_co_so, "Chiến sĩ thi đua cơ sở", 5),
    (AwardCode.giay_khen, "Giấy khen", 4),
    (AwardCode.bang_khen_cap_tinh, "Bằng khen", 2),
    (AwardCode.chien_si_thi_dua_cap_tinh, "Chiến sĩ thi đua cấp tỉnh", 1),
]


# What OCR does to letters (folded): `h` read as `li`, `u` as `n`, `m` as `rn`, ...
SLIPS = [("h", "li"), ("u", "n"), ("m", "rn"), ("n", "u"), ("c", "e"), ("i", "l"), ("a", "o")]
OCR_SLIP_SHARE = 0.03


def misspell(name: str, rng: random.Random) -> str:
    """The name with one OCR-like slip in a word longer than two letters (or unchanged)."""
    words = name.split()
    order = list(range(len(words)))
    rng.shuffle(order)
    for i in order:
        word = words[i]
        slips = [(a, b) for a, b in SLIPS if a in word.lower() and len(word) > 2]
        if slips:
            a, b = rng.choice(slips)
            at = word.lower().index(a)
            words[i] = word[:at] + b + word[at + 1 :]
            return " ".join(words)
    return name


def _name(rng: random.Random) -> str:
    female = rng.random() < 0.7
    family = rng.choices(FAMILY, FAMILY_WEIGHTS)[0]
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    return f"{family} {middle} {given}"


def _printed_name(rng: random.Random) -> str:
    name = _name(rng)
    return misspell(name, rng) if rng.random() < OCR_SLIP_SHARE else name


def _decision(rng: random.Random, number: int, size: int) -> ExtractedDocument:
    province = rng.choice(PROVINCES)
    year = rng.randint(2005, 2025)
    code, text, _ = rng.choices(CODES, [w for *_, w in CODES])[0]
    period = f"{year - 1}-{year}"
    awards = [
        Award(
            recipient=Recipient(
                kind=RecipientKind.individual,
                name=_printed_name(rng),
                position=rng.choice(POSITIONS),
                unit=f"{rng.choice(SCHOOL_KINDS)} {rng.choice(SCHOOL_NAMES)}",
            ),
            award_code=code,
            award_text=text,
            period=period,
            confidence=0.95,
        )
        for _ in range(size)
    ]
    return ExtractedDocument(
        document_type=DocumentType.decision,
        issuer=f"Sở Giáo dục và Đào tạo tỉnh {province}",
        issuer_level=IssuerLevel.tinh,
        number=f"{number}/QĐ-SGDĐT",
        date=date(year, rng.randint(6, 8), rng.randint(1, 28)),
        subject=f"Về việc công nhận danh hiệu {text} năm học {period}",
        awards=awards,
        pages=max(1, size // 25),
    )


def load(
    archive: Archive, total: int, seed: int = 7, write: bool = True
) -> tuple[float, list[ExtractedDocument]]:
    """Write `total` awards as decisions of 20-80 recipients; returns seconds and the decisions
    (with `write=False` only makes the same decisions, for an archive loaded before)."""
    rng = random.Random(seed)
    decisions: list[ExtractedDocument] = []
    began = time.perf_counter()
    written = 0
    while written < total:
        size = min(rng.randint(20, 80), total - written)
        extracted = _decision(rng, len(decisions) + 1, size)
        decisions.append(extracted)
        written += size
        if not write:
            continue
        with archive.db.write() as session:
            document = Document(
                sha256=f"{len(decisions) - 1:064x}",
                filename=f"qd-{len(decisions) - 1}.pdf",
                media_type="application/pdf",
                size_bytes=1,
            )
            session.add(document)
            session.flush()
            replace_records(session, document, extracted, DocumentText(media_type="", pages=[]))
        if len(decisions) % 200 == 0:
            archive.db.optimize()  # as the job pool does
    return time.perf_counter() - began, decisions


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def _name_and_school(award: Award) -> Run:
    """A name and the school's own name, typed without diacritics: `q=nguyen van an le loi`."""
    school = (award.recipient.unit or "").split(" ", 2)[-1]
    return _awards(AwardQuery(q=fold(f"{award.recipient.name} {school}")))


Run = Callable[[Session], int]


def _awards(query: AwardQuery, facets: int = 0) -> Run:
    return lambda session: search_awards(session, query, facets=facets).total


def _people(q: str) -> Run:
    return lambda session: len(find_people(session, q))


def run_queries(
    archive: Archive, decisions: list[ExtractedDocument], repeats: int, seed: int = 11
) -> dict[str, tuple[float, float, float, float]]:
    """Per query kind: p50, p95, p99 in ms and the mean number of hits."""
    rng = random.Random(seed)
    people = [award for d in decisions for award in d.awards]

    def someone() -> str:
        return rng.choice(people).recipient.name

    def school() -> str:
        return f"{rng.choice(SCHOOL_KINDS)} {rng.choice(SCHOOL_NAMES)}"

    def school_year() -> str:
        year = rng.randint(2005, 2024)
        return f"{year}-{year + 1}"

    def code() -> str:
        return rng.choice(CODES)[0].value

    cstdcs = (AwardCode.chien_si_thi_dua_co_so.value,)
    kinds: dict[str, Callable[[], Run]] = {
        "name, with diacritics": lambda: _awards(AwardQuery(name=someone())),
        "name, without diacritics": lambda: _awards(AwardQuery(name=fold(someone()))),
        "name with an honorific": lambda: _awards(AwardQuery(name=f"cô {someone()}")),
        "misspelled name (OCR slip)": lambda: _awards(
            AwardQuery(name=fold(misspell(someone(), rng)))
        ),
        "name + year range": lambda: _awards(
            AwardQuery(name=fold(someone()), year_from=2010, year_to=2020)
        ),
        "filter: code + year": lambda: _awards(
            AwardQuery(award_codes=(code(),), year_from=(y := rng.randint(2006, 2024)), year_to=y)
        ),
        "filter: code only": lambda: _awards(AwardQuery(award_codes=(code(),))),
        "filter: unit + code": lambda: _awards(AwardQuery(unit=school(), award_codes=cstdcs)),
        "filter: issuer + period": lambda: _awards(
            AwardQuery(issuer=f"Sở Giáo dục {rng.choice(PROVINCES)}", period=school_year())
        ),
        "filter: decision number": lambda: _awards(
            AwardQuery(number=f"{rng.randint(1, len(decisions))}/QĐ-SGDĐT")
        ),
        "words: name + school (q)": lambda: _name_and_school(rng.choice(people)),
        "words: award + year + school (q)": lambda: _awards(
            AwardQuery(q=f"cstd co so {school_year()} {fold(rng.choice(SCHOOL_NAMES))}")
        ),
        "facets: name": lambda: _awards(AwardQuery(name=fold(someone())), facets=10),
        "facets: code + year": lambda: _awards(
            AwardQuery(award_codes=(code(),), year_from=(y := rng.randint(2006, 2024)), year_to=y),
            facets=10,
        ),
        "facets: code only": lambda: _awards(AwardQuery(award_codes=(code(),)), facets=10),
        "facets: unit": lambda: _awards(AwardQuery(unit=school()), facets=10),
        "facets: award words (q)": lambda: _awards(
            AwardQuery(q=f"cstd co so {fold(rng.choice(SCHOOL_NAMES))}"), facets=10
        ),
        "facets: everything": lambda: _awards(AwardQuery(), facets=10),
        "people: name": lambda: _people(fold(someone())),
    }
    results: dict[str, tuple[float, float, float, float]] = {}
    with archive.db.read() as session:
        for label, make in kinds.items():
            timings: list[float] = []
            hits: list[int] = []
            for _ in range(repeats):
                run = make()
                began = time.perf_counter()
                hits.append(run(session))
                timings.append((time.perf_counter() - began) * 1000)
            p50, p95, p99 = _percentiles(timings)
            results[label] = (p50, p95, p99, statistics.fmean(hits))
    return results


def database_mb(archive: Archive) -> float:
    """The database's size on disk: the SQLite file (with its WAL), or PostgreSQL's own count."""
    if archive.db.is_postgresql:
        with archive.db.read() as session:
            size = session.execute(text("SELECT pg_database_size(current_database())"))
            return int(size.scalar_one()) / 1e6
    path = Path(archive.db.url.database or "")
    wal = path.with_name(path.name + "-wal")
    return (path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--awards", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=300, help="queries per kind")
    parser.add_argument("--data-dir", type=Path, help="keep the archive here (default: temp)")
    parser.add_argument(
        "--database-url",
        help="an empty database to load instead of SQLite under --data-dir "
        "(e.g. postgresql+psycopg://postgres@127.0.0.1/tdkt_bench)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="query the archive --data-dir holds from a run before"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as temp:
        data_dir = args.data_dir or Path(temp)
        archive = open_archive(Settings(data_dir=data_dir, database_url=args.database_url))
        seconds, decisions = load(archive, args.awards, write=not args.reuse)
        archive.db.optimize()
        size_mb = database_mb(archive)
        action = "generated (archive reused)" if args.reuse else "loaded"
        print(
            f"{action} {args.awards} awards in {len(decisions)} decisions: {seconds:.1f} s "
            f"({args.awards / seconds:,.0f} awards/s), {archive.db.url.get_backend_name()} "
            f"database {size_mb:.0f} MB"
        )
        print(f"{'query':34} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'hits':>9}")
        for label, (p50, p95, p99, hits) in run_queries(archive, decisions, args.repeats).items():
            print(f"{label:34} {p50:8.2f} {p95:8.2f} {p99:8.2f} {hits:9.1f}")
        archive.close()


if __name__ == "__main__":
    main()
