"""The `tdkt` commands benchmarks start: each in its own process group, stopped by pid."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx

from service.settings import Settings

TDKT = Path(sys.executable).with_name("tdkt")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def tdkt_env(settings: Settings, **extra: str) -> dict[str, str]:
    """This environment without any TDKT_* of its own, and the settings' archive, database
    and queue."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_")}
    env.update(
        TDKT_DATA_DIR=str(settings.data_dir),
        TDKT_QUEUE_NAME=settings.queue_name,
        **({"TDKT_DATABASE_URL": settings.database_url} if settings.database_url else {}),
        **({"TDKT_QUEUE_URL": settings.queue_url} if settings.queue_url else {}),
        **extra,
    )
    return env


def api_token(env: dict[str, str], name: str = "bench") -> str:
    """An archivist's API token on the archive `env` names (`tdkt user add --token`)."""
    made = subprocess.run(
        [str(TDKT), "user", "add", name, "--role", "archivist", "--no-password", "--token"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return made.stdout.strip().splitlines()[-1]


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`tdkt ARGS…` in a process group of its own, its output appended to `log`."""
    with log.open("ab") as out:
        return subprocess.Popen(
            [str(TDKT), *args], env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip


def kill(process: subprocess.Popen[bytes]) -> None:
    """kill -9 of the process and everything it started."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def wait_ready(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the API did not start")
