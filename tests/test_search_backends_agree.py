"""SQLite and PostgreSQL give the same answers: the same archive built on both, the same
queries asked of both, the same rows, totals, facets and people back.

Besides the archive the search tests use, one decision carries the text that tokenizers
read differently (`2019-2020`, `12/2019/QĐ-UBND`, `Toán - Tin`, `Ánh_Tuyết`, brackets).
Each query is asked twice: as the service answers it (lexicon keys first), and with the
lexicon's limits at one so every name, unit, issuer and word goes through the word index.
Only the order of rows ranked by the word index may differ (bm25 against ts_rank).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from schemas.award_codes import AwardCode, IssuerLevel
from service import award_search
from service.archive import Archive, open_archive
from service.award_search import AwardQuery, iter_awards, search_awards
from service.people import find_people
from tests.postgres import PostgresServer
from tests.search_archive import DECISIONS, Row, build, decision

TRICKY = decision(
    "12/2019/QĐ-UBND",
    "UBND huyện Hải Hậu",
    IssuerLevel.huyen,
    date(2019, 5, 2),
    "2018-2019",
    [
        Row("Lê Thị Ánh_Tuyết", "Tổ Toán - Tin, Trường THCS Hải Hậu"),
        Row("Phạm Văn Đức", "Trường Tiểu học Hải Hậu (cơ sở 2)", AwardCode.giay_khen, "Giấy khen"),
        Row("Nguyễn Thị Thanh Xuân", "Trường THCS Hải Hậu", AwardCode.giay_khen, "Giấy khen"),
    ],
).model_copy(update={"subject": "Về việc khen thưởng năm học 2019-2020 (đợt 2), số 7_BC"})

Q = AwardQuery
QUERIES = [
    *(
        Q(q=q)
        for q in (
            "giao vien",
            "nguyen khuyen",
            "12/2019",
            "2019-2020",
            "toan tin",
            "toan - tin",
            "anh_tuyet",
            "anh tuyet",
            "Ánh Tuyết",
            "tuyet",
            "co so 2",
            "(co so 2)",
            "qd ubnd",
            "ubnd hai hau",
            "hai hau giao vien",
            "khen thuong",
            "ve viec",
            "dot 2",
            "7_bc",
            "7 bc",
            "bc",
            "le thi anh tuyet hai hau",
            "x_",
            "_",
            '"*^:',
            "nguyen thi thanh xuan hai hau",
            "THPT Nguyễn Khuyến Nguyễn Thị Thanh Xuân",
            "giay khen hai hau",
            "cstd co so 2021",
        )
    ),
    *(
        Q(number=n)
        for n in (
            "12/2019/QĐ-UBND",
            "2019/qd",
            "qd-ubnd",
            "12 2019",
            "303",
            "QĐ",
            "sgddt 303",
        )
    ),
    *(
        Q(name=n)
        for n in (
            "le thi anh tuyet",
            "Lê Thị Ánh_Tuyết",
            "Phạm Văn Đức",
            "pham van duc",
            "duc",
            "nguyen thi thanh xuan",
            "Nguyễn Thị Hường",
            "tran van thinl",
            "thanh xuan",
        )
    ),
    *(Q(unit=u) for u in ("Tổ Toán - Tin", "Hải Hậu", "tieu hoc", "THCS Hải Hậu", "le loi")),
    *(Q(issuer=i) for i in ("UBND huyện Hải Hậu", "nam dinh", "so giao duc")),
    Q(name="nguyen thi thanh xuan", q="hai hau"),
    Q(name="xuan", unit="hai hau", award_codes=("giay_khen",)),
    Q(q="hai hau", year_from=2019, year_to=2021),
    Q(number="qd", award_codes=("chien_si_thi_dua_co_so", "giay_khen")),
    Q(issuer="so giao duc", period="2019-2020", q="giao vien"),
    Q(q="giao vien", review_state="needs_review"),
    Q(award_codes=("giay_khen",)),
    Q(),
]
PEOPLE = ["nguyen thi thanh xuan", "Lê Thị Ánh Tuyết", "pham van duc", "tran van thinl", "Hường"]


@pytest.fixture(scope="module")
def archives(
    tmp_path_factory: pytest.TempPathFactory, postgres: PostgresServer
) -> Iterator[dict[str, Archive]]:
    decisions = [*DECISIONS, TRICKY]
    opened = {}
    for backend in ("sqlite", "postgresql"):
        folder = tmp_path_factory.mktemp(backend)
        url = postgres.new_database() if backend == "postgresql" else None
        opened[backend] = open_archive(build(folder, url, decisions))
    yield opened
    for archive in opened.values():
        archive.close()


def described(query: AwardQuery) -> str:
    fields = {k: v for k, v in vars(query).items() if v != getattr(AwardQuery(), k)}
    return ",".join(f"{k}={v}" for k, v in fields.items()) or "everything"


def answer(archive: Archive, query: AwardQuery) -> dict[str, Any]:
    """All a query's answer that must not depend on the backend."""
    with archive.db.read() as session:
        page = search_awards(session, query, facets=10)
        return {
            "total": page.total,
            "page": sorted(a.id for a in page.awards),
            "matches": page.matches,
            "facets": page.facets,
            "rows": sorted(a.id for a in iter_awards(session, query)),
        }


@pytest.mark.parametrize("lexicon_first", [True, False], ids=["lexicon", "word-index"])
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: described(q))
def test_every_query_finds_the_same_rows_and_counts_on_both_backends(
    archives: dict[str, Archive],
    query: AwardQuery,
    lexicon_first: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not lexicon_first:
        monkeypatch.setattr(award_search, "MAX_NAMES", 1)
        monkeypatch.setattr(award_search, "MAX_ORG_KEYS", 1)
    on_sqlite = answer(archives["sqlite"], query)
    assert answer(archives["postgresql"], query) == on_sqlite


def test_the_tricky_words_are_found_at_all(archives: dict[str, Archive]) -> None:
    """Guards the comparison above against agreeing on nothing."""
    found = {q: answer(archives["sqlite"], Q(q=q))["total"] for q in ("12/2019", "toan - tin")}
    assert found == {"12/2019": 3, "toan - tin": 1}
    assert answer(archives["sqlite"], Q(number="2019/qd"))["total"] == 3


@pytest.mark.parametrize("typed", PEOPLE)
def test_people_are_grouped_the_same_on_both_backends(
    archives: dict[str, Archive], typed: str
) -> None:
    def people(archive: Archive) -> list[tuple[str, str, list[int]]]:
        with archive.db.read() as session:
            return [(p.id, p.match, [a.id for a in p.awards]) for p in find_people(session, typed)]

    assert people(archives["postgresql"]) == people(archives["sqlite"])
