"""Fresh databases on the PostgreSQL server the tests use (127.0.0.1:5432 here and in CI).

Each archive a test builds gets its own database, `tdkt_test_<random>`, so tests never
share state; all are dropped when the test session ends.
"""

from __future__ import annotations

import os
import uuid

import psycopg

ADMIN_URL = os.environ.get(
    "TDKT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)


class PostgresServer:
    def __init__(self, admin_url: str = ADMIN_URL) -> None:
        self.admin_url = admin_url
        self.created: list[str] = []

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5)

    def check(self) -> None:
        """Raise `psycopg.OperationalError` when the server cannot be reached."""
        with self._admin() as connection:
            connection.execute("SELECT 1")

    def new_database(self) -> str:
        """A new empty database; its SQLAlchemy URL."""
        name = f"tdkt_test_{uuid.uuid4().hex[:12]}"
        with self._admin() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        info = psycopg.conninfo.conninfo_to_dict(self.admin_url)
        user = info.get("user", "postgres")
        host = info.get("host", "127.0.0.1")
        port = info.get("port", 5432)
        return f"postgresql+psycopg://{user}@{host}:{port}/{name}"

    def drop_all(self) -> None:
        with self._admin() as connection:
            for name in self.created:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.created.clear()
