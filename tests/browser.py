"""Headless Chromium from Debian's `chromium` package, driven by Playwright.

Playwright's own browser download is never used: the test machine installs Chromium
with `make test`, and a missing browser is an error, not a skipped test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

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
