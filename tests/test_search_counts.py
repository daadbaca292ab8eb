"""The search's counts follow the rows: a document read again replaces its counts too."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from schemas.document_text import DocumentText
from service.archive import open_archive
from service.award_search import AwardQuery, search_awards
from service.db.models import Document
from service.records import replace_records
from tests.conftest import NewDatabase
from tests.search_archive import DECISIONS, build


def facets(session: Session, query: AwardQuery) -> dict[str, list[tuple[str, int]]]:
    page = search_awards(session, query, facets=20)
    assert page.facets is not None
    return {name: [(v.value, v.count) for v in values] for name, values in page.facets.items()}


def test_reprocessing_a_document_moves_every_count_with_its_rows(
    tmp_path: Path, new_database: NewDatabase
) -> None:
    archive = open_archive(build(tmp_path, new_database(tmp_path)))
    try:
        with archive.db.write() as session:
            first = session.get(Document, 1)
            assert first is not None
            shorter = DECISIONS[0].model_copy(update={"awards": DECISIONS[0].awards[:1]})
            replace_records(session, first, shorter, DocumentText(media_type="", pages=[]))
        with archive.db.read() as session:
            everything = facets(session, AwardQuery())
            assert sum(n for _, n in everything["award_code"]) == 11 - 5 + 1
            code = AwardQuery(award_codes=("chien_si_thi_dua_co_so",))
            by_rows = AwardQuery(award_codes=("chien_si_thi_dua_co_so",), year_from=1945)
            assert facets(session, code) == facets(session, by_rows)
            assert dict(facets(session, code)["period"])["2019-2020"] == 1
            gone = search_awards(session, AwardQuery(name="Nguyễn Thị Hường", fuzzy=False))
            assert gone.total == 0
    finally:
        archive.close()
