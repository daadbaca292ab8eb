"""One folder for every temporary file a tdkt process makes, emptied of the dead at start.

Uploads spool to disk, batch ZIPs are copied out of the store, OCR hands tesseract its
page images; a process killed with `kill -9` leaves those behind. Each process therefore
works in a folder of its own under one tdkt root (`TDKT_TEMP_DIR`), holding a lock on
it for as long as it lives. At start, every folder whose lock can be taken belongs to no
living process and is removed; folders of running processes (another API worker, a
worker still reading) are locked and left alone.

tdkt's own temp files (upload spools, batch ZIP copies, exports) go to the claimed folder;
job worker processes make it their whole temporary directory (`tempfile.tempdir` and
`TMPDIR`), so tesseract's and the OCR page pools' files go there too. The API process
itself keeps the system's for everything else: `multiprocessing` keeps its forkserver's
socket there for the process's life.
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

OWNER = ".owner"


@dataclass
class TempArea:
    root: Path
    folder: Path
    _lock: IO[bytes]


def _locked(folder: Path) -> IO[bytes] | None:
    """The folder's owner file, locked by us; None when a living process holds it."""
    try:
        handle = (folder / OWNER).open("ab")
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def sweep(root: Path) -> list[Path]:
    """Remove the folders under `root` no living process holds; returns them."""
    removed = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if not folder.is_dir() or folder.is_symlink():
            continue
        if (folder / OWNER).exists():
            handle = _locked(folder)
            if handle is None:
                continue  # a living process works here
            handle.close()
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def claim(root: Path) -> TempArea:
    """Sweep `root`, then make and lock this process's own folder under it."""
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    removed = sweep(root)
    if removed:
        log.info("removed %d temporary folders left by stopped processes", len(removed))
    folder = root / f"{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir(mode=0o700)
    lock = _locked(folder)
    assert lock is not None, "a folder just made is ours"
    return TempArea(root, folder, lock)


def release(area: TempArea) -> None:
    """Remove the process's folder (at a clean stop) and let go of its lock."""
    shutil.rmtree(area.folder, ignore_errors=True)
    area._lock.close()


_claimed: list[Path] = []  # the folders this process holds, the one in use last


def folder() -> Path | None:
    """This process's folder for temporary files, or None (a command that claimed none:
    the system's temp folder)."""
    return _claimed[-1] if _claimed else None


@contextmanager
def process_temp_dir(root: Path) -> Iterator[TempArea]:
    """Claim a folder under `root` for the block: tdkt's own temp files go there."""
    area = claim(root)
    _claimed.append(area.folder)
    try:
        yield area
    finally:
        _claimed.remove(area.folder)
        release(area)


def use_for_this_process(path: Path) -> None:
    """Every temp file of this process and of the programs it starts (tesseract, OCR page
    workers) in `path`: for worker processes, which live inside their parent's claim."""
    _claimed.append(path)
    tempfile.tempdir = str(path)
    os.environ["TMPDIR"] = str(path)
