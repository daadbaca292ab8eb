"""The database handle: one engine, read sessions and write transactions.

SQLite is shared by the API process and the job worker processes, so it runs in WAL
mode with a busy timeout, and write transactions start with `BEGIN IMMEDIATE`: a writer
waits for the lock up front instead of failing when a read turns into a write.

PostgreSQL write transactions likewise take one lock first (a transaction-scoped
advisory lock): every document's write updates the same counters (lexicon, facet
pairs), so writers would queue on those rows anyway, and taking them one writer at a
time cannot deadlock. Reads never wait for it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

_WRITE = "tdkt_write"
BUSY_TIMEOUT_MS = 60_000
WRITER_LOCK = 0x7464_6B74  # "tdkt": the advisory lock a PostgreSQL writer holds
ANALYZED = ("awards", "award_words", "lexicon", "lexicon_names", "facet_pairs")


class Database:
    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.is_postgresql = self.url.get_backend_name() == "postgresql"
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url, pool_pre_ping=not self.is_sqlite)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        elif self.is_postgresql:
            _configure_postgresql(self.engine)
        self._write_engine = self.engine.execution_options(**{_WRITE: True})
        self._reads = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(self._write_engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reads() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._writes() as session, session.begin():
            yield session

    def optimize(self) -> None:
        """Refresh the planner's statistics where rows have changed much since last time.

        Without them SQLite guesses which index is narrower, and on a million awards a
        wrong guess (award code instead of unit) costs a hundred milliseconds a query.
        Cheap when little changed (`analysis_limit`); the archive runs it at start and
        every few hundred documents. PostgreSQL's autovacuum keeps its statistics, but
        only after a pause in writing; ANALYZE here keeps them fresh during a batch.
        """
        if self.is_postgresql:
            with self.engine.connect() as connection:
                connection.exec_driver_sql(f"ANALYZE {', '.join(ANALYZED)}")
                connection.commit()
            return
        if not self.is_sqlite:
            return
        with self._write_engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA analysis_limit = 2000")
            if _statistics_stale(connection):
                connection.exec_driver_sql("ANALYZE")
            else:
                connection.exec_driver_sql("PRAGMA optimize = 0x10002")
            connection.commit()

    def write_engine(self) -> Engine:
        return self._write_engine

    def dispose(self) -> None:
        self.engine.dispose()


def _statistics_stale(connection: Connection) -> bool:
    """Whether the award rows have grown by a quarter since SQLite last counted them (or
    were never counted). `PRAGMA optimize` before SQLite 3.46 looks only at tables the
    connection itself has queried, so a writer's never are."""
    tables = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('awards', 'sqlite_stat1')"
    ).scalars()
    present = set(tables)
    if "awards" not in present:
        return False
    rows = connection.exec_driver_sql("SELECT max(id) FROM awards").scalar() or 0
    if "sqlite_stat1" not in present:
        return bool(rows)
    stat = connection.exec_driver_sql(
        "SELECT stat FROM sqlite_stat1 WHERE tbl = 'awards' AND idx IS NOT NULL"
    ).scalar()
    return stat is None or rows > 1.25 * int(str(stat).split()[0])


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(connection: sqlite3.Connection, _record: Any) -> None:
        connection.isolation_level = None  # SQLAlchemy's begin event emits BEGIN itself
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(_WRITE, False):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
