"""Headless Chromium from Debian's `chromium` package, driven by Playwright.

Playwright's own browser download is never used: the test machine installs Chromium
with `make test`, and a missing browser is an error, not a skipped test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path(os.environ.get("TDKT_TEST_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(
    os.environ.get("TDKT_TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "test-artifacts")
)


@contextmanager
def chromium() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        raise AssertionError(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"]
        )
        try:
            yield browser
        finally:
            browser.close()


def screenshots(name: str) -> Path:
    """Where a test's screenshots go (kept after the run as artifacts)."""
    folder = ARTIFACTS / "screenshots" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def assert_accessible(page: Page, folder: Path, name: str) -> None:
    """axe-core (shipped in its package) finds no serious or critical problem on the page;
    the full report is kept beside the screenshots."""
    results = Axe().run(page)
    (folder / f"{name}.axe.txt").write_text(results.generate_report(), "utf-8")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, serious
