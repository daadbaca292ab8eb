"""Imports flow one way, `service → extractors → schemas` (DESIGN.md).

`schemas` imports nothing of ours and `extractors` never imports `service`; a library
that reached into the service would drag databases and settings into every caller.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "schemas": {"extractors", "service", "bench", "samples"},
    "extractors": {"service", "bench", "samples"},
    "service": {"bench", "samples", "tests"},
}


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_against_the_flow(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files
    offending = {
        str(path.relative_to(ROOT)): sorted(_imported_packages(path) & FORBIDDEN[package])
        for path in files
        if _imported_packages(path) & FORBIDDEN[package]
    }
    assert offending == {}
