"""Reading a ZIP of documents safely: what is in it, and each member's bytes, bounded.

Nothing is ever extracted to a path built from a member's name (a name is only a label),
so `../../etc/passwd` cannot escape anywhere; such a member is still refused by name
(`unsafe_path`), because an archive that carries one was not made by an archivist.
A ZIP bomb is refused whole before anything is read: a member that claims to expand
more than `max_ratio` times, or members that claim more than the total allowed, or two
members of one name (`duplicate_member`: an item is its name). While
a member is read, more bytes than it declared stop it (`zip_bomb`). Archives inside the
archive are refused by name and by their first bytes (`nested_archive`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from extractors.errors import CorruptFileError, ExtractionError, TooLargeError
from service.document_files import DOCUMENT_SUFFIXES, is_hidden

ARCHIVE_SUFFIXES = frozenset({".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz"})
ARCHIVE_MAGIC = (b"PK\x03\x04", b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b", b"BZh")
CHUNK = 1024 * 1024
MIN_BOMB_BYTES = 1024 * 1024  # small members may compress well (blank pages) without harm


class ZipBombError(ExtractionError):
    code = "zip_bomb"


class NestedArchiveError(ExtractionError):
    code = "nested_archive"


class DuplicateMemberError(ExtractionError):
    """Two members under one name: which one a batch item meant could not be told."""

    code = "duplicate_member"


@dataclass(frozen=True)
class ZipLimits:
    max_member_bytes: int
    max_total_bytes: int
    max_ratio: float = 100.0
    max_members: int = 100_000


@dataclass(frozen=True)
class Member:
    """A file in the ZIP that is meant as a document: its name, size, and why not, if not."""

    path: str
    size: int
    problem: tuple[str, str] | None = None


def _unsafe(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in PurePosixPath(name.replace("\\", "/")).parts


def _decoded(info: zipfile.ZipInfo) -> str:
    """Names written without the UTF-8 flag by old Windows tools are cp437 bytes; many
    Vietnamese tools wrote UTF-8 anyway, so try that first."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return info.filename


def list_members(path: Path, limits: ZipLimits) -> list[Member]:
    """The ZIP's document members; raises for a ZIP that must be refused whole."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise CorruptFileError(f"not a readable ZIP file: {error}") from None
    if len(infos) > limits.max_members:
        raise TooLargeError(f"the ZIP holds {len(infos)} entries, more than {limits.max_members}")
    members: list[Member] = []
    names: set[str] = set()
    total = 0
    for info in infos:
        name = _decoded(info)
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if info.is_dir() or is_hidden(parts):
            continue
        ratio = info.file_size / info.compress_size if info.compress_size else 0.0
        if info.file_size > MIN_BOMB_BYTES and ratio > limits.max_ratio:
            raise ZipBombError(f"{name} claims to expand {ratio:.0f} times")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise ZipBombError(
                f"the ZIP expands to more than {limits.max_total_bytes / 1024**3:g} GB"
            )
        suffix = PurePosixPath(name).suffix.lower()
        problem: tuple[str, str] | None = None
        if _unsafe(name):
            problem = ("unsafe_path", "a name that points outside the archive")
        elif suffix in ARCHIVE_SUFFIXES:
            problem = ("nested_archive", "archives inside the archive are not opened")
        elif suffix not in DOCUMENT_SUFFIXES:
            continue  # notes and spreadsheets kept beside the scans
        elif info.flag_bits & 0x1:
            problem = ("encrypted_member", "the file is encrypted inside the ZIP")
        elif info.file_size > limits.max_member_bytes:
            problem = ("too_large", "the file is larger than the upload limit")
        if name in names:
            raise DuplicateMemberError(f"the ZIP holds two files named {name}")
        names.add(name)
        members.append(Member(name, info.file_size, problem))
    return members


def _magic_for(name: str) -> tuple[bytes, ...]:
    """Archive signatures to refuse; a DOCX is itself a ZIP, so not that one for it."""
    if name.lower().endswith(".docx"):
        return tuple(m for m in ARCHIVE_MAGIC if not m.startswith(b"PK"))
    return ARCHIVE_MAGIC


def read_member(path: Path, name: str, declared: int) -> Iterator[bytes]:
    """A member's bytes in chunks; stops at more than it declared or an archive's magic."""
    with zipfile.ZipFile(path) as archive:
        info = next(i for i in archive.infolist() if _decoded(i) == name)
        with archive.open(info) as stream:
            seen = 0
            first = True
            while chunk := stream.read(CHUNK):
                if first and chunk.startswith(_magic_for(name)):
                    raise NestedArchiveError("archives inside the archive are not opened")
                first = False
                seen += len(chunk)
                if seen > declared:
                    raise ZipBombError(f"{name} holds more bytes than it declares")
                yield chunk
