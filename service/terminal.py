"""What the CLI shows on a terminal: the ingest progress bar and the award table (rich)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from service.api.models import AwardOut
from service.ingest import FileResult


class _FilesPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("  -- files/s" if speed is None else f"{speed:5.2f} files/s")


@contextmanager
def ingest_progress(total: int) -> Iterator[Callable[[FileResult], None]]:
    """A bar on stderr with files/s and ETA; yields the callback that advances it."""
    console = Console(stderr=True)
    with Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        _FilesPerSecond(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("ingest", total=total)

        def advance(_result: FileResult) -> None:
            progress.advance(task)

        yield advance


HEADINGS = ("id", "Họ tên / tập thể", "Đơn vị", "Danh hiệu", "Năm", "Số QĐ", "Cơ quan")


def award_table(items: list[AwardOut], total: int) -> None:
    """A table on a terminal; tab-separated lines, one award each, into a pipe or file."""
    rows = [
        (
            str(award.id),
            award.recipient.name,
            award.recipient.unit or "",
            award.award_text or award.award_code,
            award.period or "",
            award.decision.number or "",
            award.decision.issuer or "",
        )
        for award in items
    ]
    console = Console()
    if not console.is_terminal:
        print("\t".join(HEADINGS))
        for row in rows:
            print("\t".join(cell.replace("\t", " ") for cell in row))
        return
    shown = f", first {len(items)}" if total > len(items) else ""
    table = Table(title=f"{total} awards{shown}")
    for index, heading in enumerate(HEADINGS):
        table.add_column(heading, no_wrap=index == 1)
    for row in rows:
        table.add_row(*row)
    console.print(table)
