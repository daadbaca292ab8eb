"""Search latency on synthetic awards: `python -m bench.search [--awards 100000]`.

Generates decisions with realistic Vietnamese names, units, years and award codes, loads
them through the archive's own write path (rows + FTS5 index, one transaction per
document) into a fresh SQLite archive, then times each kind of query the API serves and
prints load time, database size and p50/p95/p99 per kind. It prints; it never asserts.
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

from extractors.text_normalize import fold
from samples.names import FAMILY, FAMILY_WEIGHTS, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M
from schemas import ExtractedDocument
from schemas.award_codes import AwardCode, DocumentType, IssuerLevel, RecipientKind
from schemas.document_text import DocumentText
from schemas.extracted import Award, Recipient
from service.archive import Archive, open_archive
from service.award_search import AwardQuery, search_awards
from service.db.models import Document
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


def _name(rng: random.Random) -> str:
    female = rng.random() < 0.7
    family = rng.choices(FAMILY, FAMILY_WEIGHTS)[0]
    middle = rng.choice(MIDDLE_F if female else MIDDLE_M)
    given = rng.choice(GIVEN_F if female else GIVEN_M)
    return f"{family} {middle} {given}"


def _decision(rng: random.Random, number: int, size: int) -> ExtractedDocument:
    province = rng.choice(PROVINCES)
    year = rng.randint(2005, 2025)
    code, text, _ = rng.choices(CODES, [w for *_, w in CODES])[0]
    period = f"{year - 1}-{year}"
    awards = [
        Award(
            recipient=Recipient(
                kind=RecipientKind.individual,
                name=_name(rng),
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


def load(archive: Archive, total: int, seed: int = 7) -> tuple[float, list[ExtractedDocument]]:
    """Write `total` awards as decisions of 20-80 recipients; returns seconds and the decisions."""
    rng = random.Random(seed)
    decisions: list[ExtractedDocument] = []
    began = time.perf_counter()
    written = 0
    while written < total:
        size = min(rng.randint(20, 80), total - written)
        extracted = _decision(rng, len(decisions) + 1, size)
        with archive.db.write() as session:
            document = Document(
                sha256=f"{len(decisions):064x}",
                filename=f"qd-{len(decisions)}.pdf",
                media_type="application/pdf",
                size_bytes=1,
            )
            session.add(document)
            session.flush()
            replace_records(session, document, extracted, DocumentText(media_type="", pages=[]))
        decisions.append(extracted)
        written += size
    return time.perf_counter() - began, decisions


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def _name_and_school(award: Award) -> AwardQuery:
    """A name and the school's own name, typed without diacritics: `q=nguyen van an le loi`."""
    school = (award.recipient.unit or "").split(" ", 2)[-1]
    return AwardQuery(q=fold(f"{award.recipient.name} {school}"))


def run_queries(
    archive: Archive, decisions: list[ExtractedDocument], repeats: int, seed: int = 11
) -> dict[str, tuple[float, float, float, float]]:
    """Per query kind: p50, p95, p99 in ms and the mean number of hits."""
    rng = random.Random(seed)
    people = [award for d in decisions for award in d.awards]
    kinds: dict[str, Callable[[], AwardQuery]] = {
        "name, with diacritics": lambda: AwardQuery(name=rng.choice(people).recipient.name),
        "name, without diacritics": lambda: AwardQuery(
            name=fold(rng.choice(people).recipient.name)
        ),
        "words anywhere (q)": lambda: _name_and_school(rng.choice(people)),
        "name + year range": lambda: AwardQuery(
            name=fold(rng.choice(people).recipient.name), year_from=2010, year_to=2020
        ),
        "filter only (code + years)": lambda: AwardQuery(
            award_code=rng.choice(CODES)[0].value,
            year_from=(y := rng.randint(2006, 2024)),
            year_to=y,
        ),
        "unit words + code": lambda: AwardQuery(
            unit=f"{rng.choice(SCHOOL_KINDS)} {rng.choice(SCHOOL_NAMES)}",
            award_code=AwardCode.chien_si_thi_dua_co_so.value,
        ),
        "decision number": lambda: AwardQuery(number=f"{rng.randint(1, len(decisions))}/QĐ-SGDĐT"),
    }
    results: dict[str, tuple[float, float, float, float]] = {}
    with archive.db.read() as session:
        for label, make in kinds.items():
            timings: list[float] = []
            hits: list[int] = []
            for _ in range(repeats):
                query = make()
                began = time.perf_counter()
                page = search_awards(session, query)
                timings.append((time.perf_counter() - began) * 1000)
                hits.append(page.total)
            p50, p95, p99 = _percentiles(timings)
            results[label] = (p50, p95, p99, statistics.fmean(hits))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--awards", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=300, help="queries per kind")
    parser.add_argument("--data-dir", type=Path, help="keep the archive here (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as temp:
        data_dir = args.data_dir or Path(temp)
        archive = open_archive(Settings(data_dir=data_dir))
        seconds, decisions = load(archive, args.awards)
        size_mb = (data_dir / "tdkt.db").stat().st_size / 1e6
        print(
            f"loaded {args.awards} awards in {len(decisions)} decisions: {seconds:.1f} s "
            f"({args.awards / seconds:,.0f} awards/s), database {size_mb:.0f} MB"
        )
        print(f"{'query':32} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'hits':>9}")
        for label, (p50, p95, p99, hits) in run_queries(archive, decisions, args.repeats).items():
            print(f"{label:32} {p50:8.2f} {p95:8.2f} {p99:8.2f} {hits:9.1f}")
        archive.close()


if __name__ == "__main__":
    main()
