"""`tdkt user …` through the installed command, as an administrator runs it on a server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from service.api.app import create_app
from service.settings import Settings

TDKT = Path(sys.executable).with_name("tdkt")


def tdkt(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TDKT_")}
    env["TDKT_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [str(TDKT), "user", *args], env=env, input=stdin, capture_output=True, text=True
    )


def test_accounts_made_on_the_command_line_sign_in(tmp_path: Path) -> None:
    added = tdkt(tmp_path, "add", "Lan.Nguyen", "--role", "archivist", "--password-stdin",
                 stdin="mật-khẩu-của-lan\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    token = tdkt(tmp_path, "add", "scanner", "--role", "archivist", "--no-password", "--token")
    assert token.returncode == 0 and token.stdout.startswith("tdkt_")
    again = tdkt(tmp_path, "add", "lan.nguyen", "--no-password")
    assert again.returncode == 2
    assert again.stderr.strip().splitlines() == [
        "error: user_exists: user 'lan.nguyen' already exists"
    ]
    bad = tdkt(tmp_path, "add", "thu", "--role", "boss", "--no-password")
    assert bad.returncode == 2 and "invalid_role" in bad.stderr
    weak = tdkt(tmp_path, "password", "lan.nguyen", "--password-stdin", stdin="ngắn\n")
    assert weak.returncode == 2 and "weak_password" in weak.stderr
    listed = tdkt(tmp_path, "list").stdout.splitlines()
    assert listed == ["lan.nguyen\tarchivist", "scanner\tarchivist"]

    with TestClient(create_app(Settings(data_dir=tmp_path, job_workers=1))) as client:
        signed = client.post(
            "/api/v1/session", json={"name": "lan.nguyen", "password": "mật-khẩu-của-lan"}
        )
        assert signed.json()["role"] == "archivist"
        client.cookies.clear()
        headers = {"Authorization": f"Bearer {token.stdout.strip()}"}
        assert client.get("/api/v1/documents", headers=headers).status_code == 200
        # Users existed, so no admin was made at this start.
        names = tdkt(tmp_path, "list").stdout
        assert "admin" not in names
