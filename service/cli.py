"""The `tdkt` command line."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from extractors.errors import ExtractionError
from service.cli_support import fail, load_settings

T = TypeVar("T")

app = typer.Typer(help="tdkt: Vietnamese award records (hồ sơ thi đua, khen thưởng), digitized.")


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
    from extractors.trust_roots import TrustRoots, TrustRootsError

    if json_output and text_output:
        fail("usage", "--json and --text exclude each other", 2)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        fail("not_found", f"no such file: {file}", 2)
    except IsADirectoryError:
        fail("not_a_file", f"{file} is a directory", 2)
    except OSError as error:
        fail("unreadable", f"{file}: {error.strerror}", 2)
    try:
        if text_output:
            sys.stdout.write(read_document(data, workers=workers).text() + "\n")
        else:
            roots = TrustRoots(load_settings().trust_roots)
            document = extract_document(data, workers=workers, trust_roots=roots)
            sys.stdout.write(document.model_dump_json(indent=2) + "\n")
    except ExtractionError as error:
        fail(error.code, error.message, error.exit_code)
    except TrustRootsError as error:
        fail("trust_roots", str(error), 2)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
) -> None:
    """Run the archive service: API, jobs, data under ./tdkt-data unless TDKT_* says otherwise."""
    import uvicorn

    from service.api.app import create_app

    settings = load_settings()
    settings = settings.model_copy(
        update={"host": host or settings.host, "port": port if port is not None else settings.port}
    )
    shown = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host
    where = settings.data_dir.resolve() if settings.uses_data_dir() else "the configured URLs"
    typer.echo(f"tdkt: serving http://{shown}:{settings.port}/ (API docs at /docs); data: {where}")
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (read recursively).")],
    workers: Annotated[
        int | None, typer.Option(help="Documents read at once (default: one per core).")
    ] = None,
) -> None:
    """Archive files and read them; prints done / duplicate / failed, exits 1 if any failed."""
    from service.archive import open_archive
    from service.document_files import find_files
    from service.ingest import ingest_files
    from service.terminal import ingest_progress

    for path in paths:
        if not path.exists():
            fail("not_found", f"no such file or folder: {path}", 2)
    files = list(find_files(paths))
    archive = open_archive(load_settings())
    try:
        with ingest_progress(len(files)) as advance:
            report = ingest_files(archive, files, workers=workers, on_result=advance)
    finally:
        archive.close()
    done, duplicate = report.count("done"), report.count("duplicate")
    typer.echo(f"{done} done, {duplicate} duplicate, {len(report.failed)} failed")
    for failed in report.failed:
        typer.echo(f"failed: {failed.path}: {failed.code}: {failed.message}", err=True)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def worker(
    concurrency: Annotated[
        int | None, typer.Option(help="Documents read at once (default: TDKT_JOB_WORKERS).")
    ] = None,
) -> None:
    """Read documents from the queue (TDKT_QUEUE_URL) until stopped."""
    from service.celery_jobs import run_worker

    settings = load_settings()
    if not settings.queue_url:
        fail("invalid_settings", "TDKT_QUEUE_URL is not set (e.g. redis://127.0.0.1:6379/0)", 2)
    run_worker(settings, concurrency or settings.job_workers)


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(help="Words anywhere in the award.")] = None,
    name: Annotated[str | None, typer.Option(help="A recipient's name.")] = None,
    unit: Annotated[str | None, typer.Option(help="Words of the unit.")] = None,
    award_code: Annotated[str | None, typer.Option(help="An award code.")] = None,
    period: Annotated[str | None, typer.Option(help="2023-2024 or 2024.")] = None,
    year_from: Annotated[
        int | None, typer.Option(help="Awards covering this year or later.")
    ] = None,
    year_to: Annotated[
        int | None, typer.Option(help="Awards covering this year or earlier.")
    ] = None,
    issuer: Annotated[str | None, typer.Option(help="Words of the issuing body.")] = None,
    number: Annotated[str | None, typer.Option(help="Decision number.")] = None,
    kind: Annotated[str | None, typer.Option(help="individual or collective.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=200)] = 20,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    export: Annotated[
        Path | None,
        typer.Option(help="Write every match to this .csv, .xlsx or .json file instead."),
    ] = None,
) -> None:
    """Search the archive's awards, with or without diacritics."""
    from schemas.award_codes import AwardCode, RecipientKind
    from service import award_export
    from service.api.models import AwardList, AwardOut
    from service.archive import open_archive
    from service.award_search import AwardQuery, check_query, iter_awards, search_awards
    from service.query_limits import QueryTooLong
    from service.terminal import award_table

    if award_code is not None and award_code not in AwardCode.__members__:
        fail("invalid_request", f"unknown award code {award_code!r}", 2)
    if kind is not None and kind not in RecipientKind.__members__:
        fail("invalid_request", "kind is individual or collective", 2)
    export_format = export.suffix.lower().lstrip(".") if export else None
    if export and export_format not in award_export.FORMATS:
        fail("invalid_request", "the export file must end in .csv, .xlsx or .json", 2)
    search_query = AwardQuery(
        q=query,
        name=name,
        unit=unit,
        issuer=issuer,
        number=number,
        award_codes=(award_code,) if award_code else (),
        kind=kind,
        period=period,
        year_from=year_from,
        year_to=year_to,
        limit=limit,
        offset=offset,
    )
    try:
        check_query(search_query)
    except QueryTooLong as error:
        fail(error.code, str(error), 2)
    archive = open_archive(load_settings())
    try:
        with archive.db.read() as session:
            if export and export_format:
                written = Counter()
                rows = written.each(iter_awards(session, search_query))
                _export(export, award_export.chunks(rows, export_format))
                typer.echo(f"{written.count} awards written to {export}")
                return
            page = search_awards(session, search_query)
            items = [AwardOut.of(award, page.matches.get(award.id)) for award in page.awards]
    finally:
        archive.close()
    if json_output:
        result = AwardList(total=page.total, limit=limit, offset=offset, items=items)
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        award_table(items, page.total)


@app.command()
def report(
    form: Annotated[str, typer.Argument(help="0602.N or 0603.N (Thông tư 02/2023/TT-BNV).")],
    year: Annotated[int, typer.Option(help="Decisions signed this year.")],
    issuer: Annotated[str | None, typer.Option(help="Only this body's decisions.")] = None,
    reviewed_only: Annotated[bool, typer.Option(help="Count only approved rows.")] = False,
    xlsx: Annotated[Path | None, typer.Option(help="Write the form as XLSX here.")] = None,
    pdf: Annotated[Path | None, typer.Option(help="Write the form as PDF here.")] = None,
) -> None:
    """Count a yearly statistics form from the archive; print it, or write XLSX/PDF."""
    from service.archive import open_archive
    from service.state_records.report_files import cell_text, pdf_bytes, xlsx_bytes
    from service.state_records.reports import UnknownForm, build_report

    archive = open_archive(load_settings())
    try:
        with archive.db.read() as session:
            try:
                counted = build_report(session, form, year, issuer, reviewed_only)
            except UnknownForm as error:
                fail("not_found", str(error), 2)
    finally:
        archive.close()
    for target, make in ((xlsx, xlsx_bytes), (pdf, pdf_bytes)):
        if target is not None:
            _export(target, iter([make(counted)]))
            typer.echo(f"{counted.form.code} {year} written to {target}")
    if xlsx is None and pdf is None:
        typer.echo(f"{counted.form.code} {counted.title} — năm {year}")
        typer.echo(
            "cột: "
            + " | ".join(
                f"{c.number} {' / '.join(c.path[1:]) or c.path[0]}" for c in counted.columns
            )
        )
        for row in counted.rows:
            cells = " ".join(f"{cell_text(c) or '·':>5}" for c in row.cells)
            typer.echo(f"{row.row.code:>3} {row.row.label[:60]:<60} {cells}")


class Counter:
    """Counts what passes through a stream without holding it."""

    def __init__(self) -> None:
        self.count = 0

    def each(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            self.count += 1
            yield item


def _export(target: Path, chunks: Iterator[bytes]) -> None:
    """Write the export beside `target`, then move it into place: never half a file."""
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as out:
            for chunk in chunks:
                out.write(chunk)
    except OSError as error:
        partial.unlink(missing_ok=True)
        fail("export_failed", f"{target}: {error.strerror}", 1)
    partial.replace(target)


def _add_subcommands() -> None:
    from service.cli_documents import document_app
    from service.cli_users import user_app
    from service.preservation.commands import install

    app.add_typer(user_app, name="user")
    app.add_typer(document_app, name="document")
    install(app)


_add_subcommands()

if __name__ == "__main__":
    app()
