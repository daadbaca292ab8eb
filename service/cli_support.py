"""What every `tdkt` command shares: one line on stderr and an exit code for a failure,
and the settings (or the archive they name) read from the `TDKT_*` environment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from service.archive import Archive
    from service.settings import Settings


def fail(code: str, message: str, exit_code: int = 2) -> NoReturn:
    typer.echo(f"error: {code}: {message}", err=True)
    raise typer.Exit(exit_code)


def load_settings() -> Settings:
    from pydantic import ValidationError

    from service.settings import Settings

    try:
        return Settings()
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        fail("invalid_settings", f"TDKT_{where.upper()}: {problem['msg']}", 2)


@contextmanager
def open_settings_archive() -> Iterator[Archive]:
    """The archive the `TDKT_*` settings name, migrated, closed afterwards."""
    from service.archive import open_archive

    archive = open_archive(load_settings())
    try:
        yield archive
    finally:
        archive.close()
