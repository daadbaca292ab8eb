"""The root certificates a signature's chain must reach to be trusted (`TDKT_TRUST_ROOTS`).

A folder of PEM or DER files (a PEM file may hold several certificates). Read only when
a signed PDF needs it, once per `TrustRoots`; none configured means signatures are checked
for integrity only and said to be "not checked against a trust list".
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from asn1crypto import pem, x509

SUFFIXES = (".pem", ".crt", ".cer", ".der")


class TrustRootsError(Exception):
    """The configured folder is missing or holds a file that is not a certificate."""


class TrustRoots:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder

    @property
    def configured(self) -> bool:
        return self.folder is not None

    @cached_property
    def certificates(self) -> tuple[x509.Certificate, ...]:
        if self.folder is None:
            return ()
        if not self.folder.is_dir():
            raise TrustRootsError(f"trust roots folder {self.folder.name!r} is not a folder")
        found: list[x509.Certificate] = []
        for path in sorted(self.folder.iterdir()):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                found.extend(_certificates_in(path))
        return tuple(found)


def _certificates_in(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes()
    try:
        if pem.detect(data):
            return [
                x509.Certificate.load(der)
                for kind, _, der in pem.unarmor(data, multiple=True)
                if kind == "CERTIFICATE"
            ]
        cert = x509.Certificate.load(data)
        cert.native  # noqa: B018  (parses it all: a broken file fails here, not later)
        return [cert]
    except (ValueError, TypeError) as error:
        raise TrustRootsError(f"{path.name} is not a PEM or DER certificate: {error}") from None
