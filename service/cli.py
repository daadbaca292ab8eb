"""The `tdkt` command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from extractors.errors import ExtractionError

app = typer.Typer(help="tdkt: Vietnamese award records (hồ sơ thi đua, khen thưởng), digitized.")


def _fail(code: str, message: str, exit_code: int) -> None:
    typer.echo(f"error: {code}: {message}", err=True)
    raise typer.Exit(exit_code)


@app.callback()
def main() -> None:
    """tdkt: Vietnamese award records (hồ sơ thi đua, khen thưởng), digitized."""


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A PDF, DOCX, PNG, JPEG or TIFF file.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the ExtractedDocument as JSON (the default).")
    ] = False,
    text_output: Annotated[
        bool, typer.Option("--text", help="Print the text as read, pages separated by form feeds.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="OCR worker processes (default: one per core).")
    ] = None,
) -> None:
    """Extract award records from FILE and print them. Touches no database or store."""
    from extractors.extract import extract_document
    from extractors.reader import read_document

    if json_output and text_output:
        _fail("usage", "--json and --text exclude each other", 2)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        _fail("not_found", f"no such file: {file}", 2)
    except IsADirectoryError:
        _fail("not_a_file", f"{file} is a directory", 2)
    except OSError as error:
        _fail("unreadable", f"{file}: {error.strerror}", 2)
    try:
        if text_output:
            sys.stdout.write(read_document(data, workers=workers).text() + "\n")
        else:
            document = extract_document(data, workers=workers)
            sys.stdout.write(document.model_dump_json(indent=2) + "\n")
    except ExtractionError as error:
        _fail(error.code, error.message, error.exit_code)


if __name__ == "__main__":
    app()
