"""docker-compose.yml agrees with the program it runs: no Docker engine runs here, so the
file is read and each service's command, ports and environment checked against the
settings and the CLI, and its servers' credentials against the URLs that reach them."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from typer.main import get_command

from service.cli import app
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text("utf-8"))
    return data


def settings_of(service: dict[str, Any]) -> Settings:
    environment = service["environment"]
    names = {f"TDKT_{name.upper()}" for name in Settings.model_fields}
    unknown = {key for key in environment if key.startswith("TDKT_")} - names
    assert not unknown, f"not settings: {unknown}"
    values = {key[5:].lower(): value for key, value in environment.items()}
    return Settings.model_validate(values)  # raises on a value the program would refuse


def test_every_service_has_a_health_check_and_waits_for_what_it_needs(
    compose: dict[str, Any],
) -> None:
    services = compose["services"]
    assert {"api", "worker", "postgres", "redis", "minio", "minio-bucket"} <= set(services)
    for name in ("api", "worker", "postgres", "redis", "minio"):
        assert "healthcheck" in services[name], name
    for name in ("api", "worker"):
        needs = services[name]["depends_on"]
        assert needs["postgres"]["condition"] == "service_healthy"
        assert needs["redis"]["condition"] == "service_healthy"
        assert needs["minio-bucket"]["condition"] == "service_completed_successfully"
    for name in ("postgres", "redis", "minio"):
        assert services[name]["volumes"], name


def test_the_api_and_workers_run_real_commands_with_settings_the_program_accepts(
    compose: dict[str, Any],
) -> None:
    services = compose["services"]
    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    api, worker = services["api"], services["worker"]
    assert api["command"][0] == worker["command"][0] == "tdkt"
    assert {api["command"][1], worker["command"][1]} == {"serve", "worker"} <= commands
    api_settings, worker_settings = settings_of(api), settings_of(worker)
    assert api_settings.host == "0.0.0.0"
    assert api["ports"] == [f"{api_settings.port}:{api_settings.port}"]
    assert "ports" not in worker  # workers scale: --scale worker=N
    for key in ("database_url", "storage_url", "queue_url", "s3_access_key", "s3_secret_key"):
        assert getattr(api_settings, key) == getattr(worker_settings, key), key
    assert api_settings.queue_url  # the API hands documents to the workers


def test_the_urls_reach_the_servers_with_their_own_credentials(compose: dict[str, Any]) -> None:
    services = compose["services"]
    settings = settings_of(services["api"])
    database = urlsplit(settings.database_url or "")
    postgres = services["postgres"]["environment"]
    assert database.scheme == "postgresql+psycopg" and database.hostname == "postgres"
    assert (database.username, database.password) == (
        postgres["POSTGRES_USER"],
        postgres["POSTGRES_PASSWORD"],
    )
    assert database.path.lstrip("/") == postgres["POSTGRES_DB"]
    queue = urlsplit(settings.queue_url or "")
    assert queue.scheme == "redis" and queue.hostname == "redis" and queue.port == 6379
    storage = urlsplit(settings.storage_url or "")
    assert storage.scheme == "s3"
    endpoint = parse_qs(storage.query)["endpoint"][0]
    assert endpoint.split(":")[0] == "minio"
    minio = services["minio"]["environment"]
    assert settings.s3_access_key.get_secret_value() == minio["MINIO_ROOT_USER"]
    assert settings.s3_secret_key.get_secret_value() == minio["MINIO_ROOT_PASSWORD"]
    bucket_command = " ".join(services["minio-bucket"]["command"])
    assert f"mb --ignore-existing local/{storage.netloc}" in bucket_command


def test_the_image_carries_vietnamese_tesseract_and_installs_the_project() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text("utf-8")
    assert "tesseract-ocr-vie" in dockerfile
    assert "pip install" in dockerfile and 'CMD ["tdkt", "serve"]' in dockerfile
