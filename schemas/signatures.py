"""`PdfSignature`: what tdkt found out about one digital signature in a PDF, kept as evidence.

Decree 30/2020/NĐ-CP makes an electronically signed document as valid as the paper one:
who signed, when, and whether the file changed since are what an archive must keep.
Every check is offline; what could not be checked says so (`not_checked`), never `valid`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field


class SignatureState(StrEnum):
    """One word for a signature, the worst of its checks first:

    - `modified`: the file was changed after signing (signed bytes altered, or a later
      update that changes content rather than adding a signature, form data or
      validation data);
    - `invalid`: the signature value does not verify, or the signature can't be read;
    - `revoked`: the certificate was revoked by the signing time, per data in the file;
    - `expired`: the certificate was not valid at the signing time;
    - `untrusted`: its chain leads to none of the configured trust roots;
    - `unchecked`: intact, but no trust roots are configured (not checked against a list);
    - `valid`: intact, chained to a configured root, valid at the signing time, not
      known revoked.
    """

    valid = "valid"
    unchecked = "unchecked"
    untrusted = "untrusted"
    expired = "expired"
    revoked = "revoked"
    invalid = "invalid"
    modified = "modified"


class SignatureTrust(StrEnum):
    trusted = "trusted"  # chained to a configured root
    untrusted = "untrusted"
    not_checked = "not_checked"  # no trust roots configured


class RevocationStatus(StrEnum):
    """From data embedded in the file only (DSS, CMS revocation archive); never fetched."""

    revoked = "revoked"
    not_revoked = "not_revoked"  # embedded data about the certificate says it is good
    not_checked = "not_checked"  # no embedded data about it, or no trusted chain to check


class PdfSignature(BaseModel):
    field_name: str | None = Field(default=None, examples=["Signature1"])
    signer_organization: str | None = Field(default=None, examples=["UBND tỉnh Nam Định"])
    signer_name: str | None = Field(
        default=None, description="The certificate subject's common name"
    )
    signer_subject: str = Field(default="", description="The certificate subject in full")
    issuer: str = Field(default="", description="The issuing CA's name, in full")
    serial: str = Field(default="", description="The certificate serial number, hex")
    signed_at: datetime | None = Field(
        default=None, description="The signing time the signer states (a signed attribute)"
    )
    timestamp_at: datetime | None = Field(
        default=None, description="The time in a timestamp token, when the signature has one"
    )
    timestamp_trusted: bool | None = Field(
        default=None, description="The timestamp token verifies and chains to a trust root"
    )
    covers_whole_file: bool = Field(
        default=False, description="The signed byte ranges cover every byte of the file"
    )
    intact: bool = Field(
        default=False, description="The signed bytes are as signed (their digest matches)"
    )
    modified_after_signing: bool = Field(
        default=False,
        description="A later update changes the document beyond signatures, form data "
        "and validation data",
    )
    trust: SignatureTrust = SignatureTrust.not_checked
    valid_at_signing_time: bool | None = Field(
        default=None,
        description="The certificate's validity period covers the signing time (the "
        "timestamp's when there is one); null when the signature states no time",
    )
    revocation: RevocationStatus = RevocationStatus.not_checked
    state: SignatureState
    problems: list[str] = Field(
        default_factory=list, description="What went wrong, as the checks said it"
    )
