"""Which files are documents: by suffix when found in a folder, a ZIP or an S3 prefix.

A file named on its own is always tried (its bytes decide); among the files of a folder,
ZIP or prefix only documents by their suffix are taken and hidden ones skipped, so the
notes and spreadsheets kept beside scans are not reported as failures.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})


def is_hidden(parts: Sequence[str]) -> bool:
    """A path inside a hidden folder or a hidden file (`.DS_Store`, `__MACOSX/…`)."""
    return any((part.startswith(".") and part != "..") or part == "__MACOSX" for part in parts)


def is_document(parts: Sequence[str]) -> bool:
    """A path (as its parts, below the folder, ZIP or prefix) taken as a document."""
    return (
        bool(parts) and not is_hidden(parts) and Path(parts[-1]).suffix.lower() in DOCUMENT_SUFFIXES
    )


def find_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and document files under folders named (recursively), in name order."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            if is_document(found.relative_to(path).parts) and found.is_file():
                yield found
