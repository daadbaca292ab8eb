"""The web page's latency on a synthetic archive: `python -m bench.web [--awards 100000]`.

Loads awards as `bench.search` does, starts `tdkt serve` on it, signs in as a browser
does (form post, cookie) and times whole page answers over HTTP: the search page by
name typed without diacritics, by award and school year, with nothing asked (counts over
everything), a document with its rows, the review queue, a person's timeline; and a
correction through the API (a write that re-indexes its document). It prints p50/p95 in
milliseconds; it never asserts.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx2 as httpx

from bench.processes import api_token, free_port, kill, start, tdkt_env, wait_ready
from bench.search import load
from extractors.text_normalize import fold
from service import accounts
from service.archive import open_archive
from service.db.models import Role
from service.people import person_id
from service.search_keys import name_fold, org_key
from service.settings import Settings

PASSWORD = "bench-viewer-password"


def _time(call: Callable[[], httpx.Response], repeats: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        response = call()
        samples.append((time.perf_counter() - began) * 1000)
        if response.status_code >= 400:
            raise SystemExit(f"{response.request.url} answered {response.status_code}")
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return cuts[49], cuts[94]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--awards", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=100, help="requests per kind")
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-web-") as temp:
        settings = Settings(data_dir=Path(temp))
        archive = open_archive(settings)
        seconds, decisions = load(archive, args.awards)
        with archive.db.write() as session:
            accounts.add_user(session, "bench-viewer", Role.viewer, PASSWORD)
        archive.db.optimize()
        archive.close()
        print(f"loaded {args.awards} awards in {len(decisions)} decisions ({seconds:.0f} s)")
        port = free_port()
        env = tdkt_env(settings, TDKT_PORT=str(port), TDKT_JOB_WORKERS="1")
        token = api_token(env)
        server = start(["serve"], env, Path(temp) / "serve.log")
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(base)
            browser = httpx.Client(base_url=base, timeout=60)
            signed = browser.post("/login", data={"name": "bench-viewer", "password": PASSWORD})
            if "tdkt_session" not in browser.cookies:
                raise SystemExit(f"sign-in failed: {signed.status_code}")
            script = httpx.Client(
                base_url=base, timeout=60, headers={"Authorization": f"Bearer {token}"}
            )

            def pick() -> tuple[int, int]:
                number = rng.randrange(len(decisions))
                return number, rng.randrange(len(decisions[number].awards))

            def by_name() -> httpx.Response:
                d, a = pick()
                name = fold(decisions[d].awards[a].recipient.name)
                return browser.get("/", params={"name": name})

            def by_award() -> httpx.Response:
                d, _ = pick()
                award = decisions[d].awards[0]
                return browser.get(
                    "/", params={"award_code": award.award_code.value, "period": award.period}
                )

            def person() -> httpx.Response:
                d, a = pick()
                recipient = decisions[d].awards[a].recipient
                pid = person_id(name_fold(recipient.name), org_key(recipient.unit or "") or None)
                return browser.get(f"/people/{pid}")

            def correction() -> httpx.Response:
                d, _ = pick()
                award_id = script.get(
                    "/api/v1/awards", params={"document_id": d + 1, "limit": 1}
                ).json()["items"][0]["id"]
                return script.patch(
                    f"/api/v1/awards/{award_id}", json={"position": f"Giáo viên {rng.random():.6f}"}
                )

            kinds: dict[str, Callable[[], httpx.Response]] = {
                "search page, name without marks": by_name,
                "search page, award + school year": by_award,
                "search page, nothing asked": lambda: browser.get("/"),
                "document page": lambda: browser.get(f"/documents/{pick()[0] + 1}"),
                "review queue page": lambda: browser.get("/review"),
                "person page": person,
                "correction (API, incl. a read)": correction,
            }
            print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8}")
            for label, call in kinds.items():
                p50, p95 = _time(call, args.repeats)
                print(f"{label:34} {p50:8.1f} {p95:8.1f}")
        finally:
            kill(server)


if __name__ == "__main__":
    main()
