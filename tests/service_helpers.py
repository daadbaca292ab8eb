"""Helpers for tests of the running service: samples, waiting for documents, blank scans."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from PIL import Image

from service import accounts
from service.db.models import Role

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample(name: str) -> Path:
    return SAMPLES / name


def truth(name: str) -> dict[str, Any]:
    stem = name.rsplit(".", 1)[0]
    data: dict[str, Any] = json.loads((SAMPLES / f"{stem}.truth.json").read_text("utf-8"))
    return data


def blank_scan() -> bytes:
    """A white page: it opens, so it is accepted, but reading finds no text."""
    buffer = io.BytesIO()
    Image.new("L", (1200, 1600), 255).save(buffer, format="PNG")
    return buffer.getvalue()


def wait_for(client: TestClient, document_id: int, timeout: float = 120) -> dict[str, Any]:
    """The document once it is `done` or `failed`."""
    deadline = time.monotonic() + timeout
    while True:
        body: dict[str, Any] = client.get(f"/api/v1/documents/{document_id}").json()
        if body["status"] in ("done", "failed"):
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"document {document_id} still {body['status']}")
        time.sleep(0.1)


def authorize(client: TestClient, role: str = Role.admin, name: str | None = None) -> TestClient:
    """Send an API token of a user with `role` (made now) on every request of the client."""
    archive = client.app.state.archive  # type: ignore[attr-defined]
    name = name or f"test-{role}"
    with archive.db.write() as session:
        user = accounts.find_user(session, name) or accounts.add_user(session, name, role, None)
        token = accounts.new_token(session, user, "tests")
    client.headers["Authorization"] = f"Bearer {token}"
    return client
