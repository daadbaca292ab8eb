"""Settings from `TDKT_*` environment variables, read once per app or command, never at import.

With nothing set, everything lives under `./tdkt-data` of the working directory: a SQLite
file and a local object store, jobs in worker processes of this one program. URLs switch
backends without another program: `TDKT_STORAGE_URL=s3://bucket?endpoint=host:port`,
`TDKT_DATABASE_URL=sqlite:///…` or `postgresql+psycopg://user@host/db` (same migrations,
same answers; see `service.search_backends`).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from service.retention import DEFAULT_RETENTION, check_table


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TDKT_", extra="ignore")

    data_dir: Path = Field(
        default=Path("tdkt-data"), description="Where the embedded default keeps its data."
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL (sqlite:///… or postgresql+psycopg://…); "
        "default sqlite:///<data_dir>/tdkt.db.",
    )
    storage_url: str | None = Field(
        default=None,
        description="A folder, file:///path, or s3://bucket?endpoint=host:port&secure=false; "
        "default <data_dir>/objects.",
    )
    replica_url: str | None = Field(
        default=None,
        description="A second store (folder or s3://…) every original is also written to; "
        "`tdkt fsck` mends damaged originals from it.",
    )
    fixity_days: float = Field(
        default=30.0, ge=0, description="Days between the service's fixity checks; 0 = off."
    )
    trust_roots: Path | None = Field(
        default=None,
        description="A folder of PEM or DER root certificates that digital signatures must "
        "chain to; unset, signatures are checked for integrity only (not against a list).",
    )
    temp_dir: Path | None = Field(
        default=None,
        description="Where uploads, batch copies and OCR pages are spooled, one folder per "
        "process; what a killed process left is removed at the next start. Default "
        "<data_dir>/tmp, or tdkt-<uid> in the system's temp folder when nothing is kept "
        "under data_dir.",
    )
    retention: dict[str, int | str] = Field(
        default_factory=lambda: dict(DEFAULT_RETENTION),
        description="Years each document is kept, by issuer level (`tinh`) or level and "
        'kind (`tinh/certificate`), `*` for the rest, or "permanent" (JSON object; the keys '
        "given replace those of the default table in `service.retention`).",
    )
    s3_access_key: SecretStr = SecretStr("")
    s3_secret_key: SecretStr = SecretStr("")
    max_upload_mb: float = Field(default=100.0, gt=0)
    job_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        description="Worker processes that read documents (one document each at a time).",
    )
    max_batch_mb: float = Field(
        default=4096.0, gt=0, description="Largest ZIP accepted as one batch upload."
    )
    max_batch_expanded_gb: float = Field(
        default=50.0, gt=0, description="Most a batch ZIP may expand to (ZIP bombs stop here)."
    )
    max_zip_ratio: float = Field(
        default=100.0, gt=1, description="Most a ZIP member may expand over its packed size."
    )
    batch_folders: list[Path] = Field(
        default_factory=list,
        description="Folders on the server that batches may read (JSON list); none by default.",
    )
    queue_url: str | None = Field(
        default=None,
        description="redis://host:6379/0 to hand documents to Celery workers (`tdkt worker`); "
        "unset, the API reads them in its own worker processes.",
    )
    queue_name: str = Field(default="tdkt", description="Celery queue (and Redis key prefix).")
    queue_visibility_timeout: int = Field(
        default=3600,
        ge=1,
        description="Seconds before a task a dead worker held is handed to another worker.",
    )
    task_retries: int = Field(default=3, ge=0, description="Retries of transient failures.")
    page_time_limit: float = Field(
        default=120.0, gt=0, description="Seconds a worker may spend per page of a document."
    )
    batch_prefixes: list[str] = Field(
        default_factory=list,
        description="Key prefixes of the object store (an S3 inbox such as `inbox/`) that "
        "batches may read (JSON list); none by default.",
    )
    admin_password: SecretStr | None = Field(
        default=None,
        description="Password of the `admin` account created on an archive with no users; "
        "unset, a random one is printed once at that first start.",
    )
    session_hours: float = Field(
        default=12.0, gt=0, description="How long a browser sign-in lasts."
    )
    secure_cookies: bool = Field(
        default=False,
        description="Mark the sign-in cookie Secure (set when the page is served over HTTPS).",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)

    @field_validator("retention")
    @classmethod
    def _retention_table(cls, value: dict[str, int | str]) -> dict[str, int | str]:
        return check_table(value)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'tdkt.db').resolve()}"

    @property
    def resolved_storage_url(self) -> str:
        return self.storage_url or str((self.data_dir / "objects").resolve())

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_batch_bytes(self) -> int:
        return int(self.max_batch_mb * 1024 * 1024)

    @property
    def resolved_temp_dir(self) -> Path:
        if self.temp_dir is not None:
            return self.temp_dir
        if self.uses_data_dir():
            return self.data_dir / "tmp"
        return Path(tempfile.gettempdir()) / f"tdkt-{os.getuid()}"

    def uses_data_dir(self) -> bool:
        """Whether anything is kept under `data_dir` (so it must exist)."""
        return not self.database_url or not self.storage_url
