"""The shared spaCy pipeline loads once however many searches ask for it at once: the
first concurrent searches after a start all answer (spaCy's E084 came from two pipelines
built side by side, a matcher of one applied to the other's documents)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from extractors import nlp, taxonomy
from service.search_query import parse_text

THREADS = 8


def fresh_load() -> None:
    """As after a start: nothing built yet."""
    for loaded in (nlp.get_nlp, nlp._token_only, nlp._lexicon_exact, taxonomy._matcher):
        loaded.cache_clear()


def first_search(barrier: threading.Barrier) -> tuple[int, tuple[str, ...], str | None]:
    barrier.wait()  # every thread asks at the same moment
    parsed = parse_text("cstd co so 2019-2020 bang khen tinh nguyen khuyen")
    return id(nlp.get_nlp()), parsed.award_codes, parsed.period


def test_concurrent_first_searches_share_one_pipeline_and_all_answer() -> None:
    for _ in range(3):  # a race may hide once; three fresh loads in a row
        fresh_load()
        barrier = threading.Barrier(THREADS)
        with ThreadPoolExecutor(THREADS) as pool:
            results = list(pool.map(first_search, [barrier] * THREADS))
        assert len({pipeline for pipeline, _, _ in results}) == 1
        for _, codes, period in results:
            assert codes == ("chien_si_thi_dua_co_so", "bang_khen_cap_tinh")
            assert period == "2019-2020"
