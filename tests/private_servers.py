"""Throwaway PostgreSQL and Redis servers for a machine that runs none the tests can use.

CI and this project's development machines run both on their standard ports; a fresh
Debian or Ubuntu machine after `make test`'s package install has them too, but its
PostgreSQL asks for a password the tests don't have. Then the tests start their own:
a PostgreSQL cluster in a temporary folder (trust auth, fsync off) and a Redis without
persistence, each on 127.0.0.1 and a free port, each stopped by process id at the end.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.seaweedfs import free_port


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)  # PostgreSQL's fast shutdown; Redis quits
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        raise RuntimeError(f"{name} not found (apt-get install postgresql)")
    return found[-1]


@contextmanager
def private_postgres(folder: Path) -> Iterator[str]:
    """A PostgreSQL cluster of its own; yields its admin URL (user postgres, trust)."""
    data = folder / "pgdata"
    data.mkdir(parents=True)
    # PostgreSQL refuses to run as root: run it as the `postgres` account then.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(folder, "postgres")
        shutil.chown(data, "postgres")
    subprocess.run(
        [*as_user, _postgres_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
         "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
        check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    process = subprocess.Popen(
        [*as_user, _postgres_bin("postgres"), "-D", str(data), "-h", "127.0.0.1",
         "-p", str(port), "-k", str(folder), "-F", "-c", "full_page_writes=off"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        _wait_for_port(port, process)
        time.sleep(0.5)  # accepting connections follows listening by a moment
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        _stop(process)


@contextmanager
def private_redis() -> Iterator[str]:
    """A Redis of its own without persistence; yields its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server not found (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        _wait_for_port(port, process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)
