"""A PDF's digital signatures (PAdES / CMS), each checked offline with pyHanko.

Per signature: who signed (certificate subject), the issuing CA and serial, the stated
signing time and a timestamp token's, whether the signed byte ranges cover the whole
file, whether the signed bytes are intact and whether a later update changed content,
whether the chain reaches a configured trust root at the signing time, and revocation
from data embedded in the file only. Nothing is fetched: certificates, CRLs and OCSP
responses come from the file (CMS and DSS) and the trust roots folder.

An unsigned PDF costs one byte search: a signature dictionary's `/ByteRange` is never
inside a compressed object stream (its `/Contents` is written in place after signing).
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from asn1crypto import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import (
    EmbeddedPdfSignature,
    PdfSignatureStatus,
    SignatureCoverageLevel,
    validate_pdf_signature,
)
from pyhanko_certvalidator import ValidationContext

from extractors.embedded_revocation import EmbeddedRevocation, file_revocation_data
from extractors.trust_roots import TrustRoots
from schemas.signatures import PdfSignature, RevocationStatus, SignatureState, SignatureTrust

SIGNATURE_MARK = b"/ByteRange"

# pyHanko logs every failed path build with a traceback; the outcome is in the status.
for _name in ("pyhanko.sign.validation.generic_cms", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_NO_CHAIN = {
    AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND,
    AdESIndeterminate.CERTIFICATE_CHAIN_GENERAL_FAILURE,
    AdESIndeterminate.NO_SIGNING_CERTIFICATE_FOUND,
    AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE,
}
_OUT_OF_TIME = {
    AdESIndeterminate.EXPIRED,
    AdESFailure.NOT_YET_VALID,
    AdESIndeterminate.NOT_YET_VALID,
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
}
_REVOKED = {AdESFailure.REVOKED, AdESIndeterminate.REVOKED_NO_POE}
_ALLOWED_LATER = {
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
}  # later signatures, form data, validation data and document timestamps


def has_signature_mark(data: bytes) -> bool:
    return SIGNATURE_MARK in data


def read_signatures(data: bytes, roots: TrustRoots) -> list[PdfSignature]:
    """The signatures of a PDF in signing order; [] when it has none. Raises
    `TrustRootsError` when the trust roots can't be read."""
    if not has_signature_mark(data):
        return []
    roots.certificates  # noqa: B018  (a broken trust roots folder is the caller's error)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        found: list[EmbeddedPdfSignature] = reader.embedded_regular_signatures
    except Exception as error:  # a hostile file may break the parser anywhere: never the read
        return [_unreadable(None, f"the signature fields could not be read: {error}")]
    if not found:
        return []
    embedded = file_revocation_data(reader)
    return [_checked(signature, roots, embedded) for signature in found]


def _validate(
    signature: EmbeddedPdfSignature, roots: TrustRoots, data: EmbeddedRevocation, moment: datetime
) -> PdfSignatureStatus:
    context = ValidationContext(
        trust_roots=list(roots.certificates),
        other_certs=data.certs,
        crls=data.crls,
        ocsps=data.ocsps,
        moment=moment,
        allow_fetching=False,
        revocation_mode="soft-fail",
        # A CRL or OCSP response fetched after signing (long-term validation adds them
        # later) speaks for the signing time too, as other verifiers take it.
        retroactive_revinfo=True,
    )
    return validate_pdf_signature(signature, context)


def _checked(
    signature: EmbeddedPdfSignature, roots: TrustRoots, embedded: EmbeddedRevocation
) -> PdfSignature:
    try:
        cert: x509.Certificate = signature.signer_cert
        data = embedded.with_signature(signature)
        signed_at = signature.self_reported_timestamp
        moment = signed_at or datetime.now(UTC)
        status = _validate(signature, roots, data, moment)
        stamped_at = _timestamp_time(status, roots)
        if stamped_at is not None and abs(stamped_at - moment) > timedelta(minutes=1):
            moment = stamped_at  # the timestamp's time is the one to judge the cert at
            status = _validate(signature, roots, data, moment)
    except Exception as error:  # SignatureValidationError, or the parser on a hostile file
        return _unreadable(_field_name(signature), f"the signature could not be checked: {error}")
    return _record(signature, cert, status, roots, data, signed_at)


def _record(
    signature: EmbeddedPdfSignature,
    cert: x509.Certificate,
    status: PdfSignatureStatus,
    roots: TrustRoots,
    data: EmbeddedRevocation,
    signed_at: datetime | None,
) -> PdfSignature:
    problems: list[str] = []
    stamp = status.timestamp_validity
    stamped = stamp is not None and stamp.intact and stamp.valid
    signing_time = _timestamp_time(status, roots) or signed_at
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    modified = not whole and (
        status.coverage != SignatureCoverageLevel.ENTIRE_REVISION
        or status.modification_level not in _ALLOWED_LATER
        or status.docmdp_ok is False
    )
    if not status.intact:
        problems.append("the signed bytes were changed after signing")
    if modified:
        level = status.modification_level.name if status.modification_level else "unknown"
        problems.append(f"a later update changes the document ({level})")
    if status.intact and not status.valid:
        problems.append("the signature value does not verify")
    indic = status.trust_problem_indic
    if not roots.configured:
        trust = SignatureTrust.not_checked
    elif indic is None or indic not in _NO_CHAIN:
        trust = SignatureTrust.trusted
    else:
        trust = SignatureTrust.untrusted
        problems.append("the certificate chain reaches none of the trust roots")
    if indic is not None and roots.configured and indic not in _NO_CHAIN:
        problems.append(f"certificate check: {getattr(indic, 'name', indic)}")
    valid_then = _valid_at(cert, signing_time)
    if valid_then is False:
        problems.append("the certificate was not valid at the signing time")
    if status.revoked or indic in _REVOKED:
        revocation = RevocationStatus.revoked
    elif trust is SignatureTrust.trusted and indic is None and data.speaks_for(cert, roots):
        revocation = RevocationStatus.not_revoked
    else:
        revocation = RevocationStatus.not_checked
    state = _state(
        intact=status.intact and not modified,
        valid=status.valid,
        revocation=revocation,
        valid_then=valid_then,
        trust=trust,
        time_problem=indic in _OUT_OF_TIME,
        other_problem=indic is not None and indic not in _NO_CHAIN | _OUT_OF_TIME | _REVOKED,
    )
    subject = cert.subject.native
    return PdfSignature(
        field_name=_field_name(signature),
        signer_organization=_text(subject.get("organization_name")),
        signer_name=_text(subject.get("common_name")),
        signer_subject=_distinguished(cert.subject),
        issuer=_distinguished(cert.issuer),
        serial=format(cert.serial_number, "x"),
        signed_at=signed_at,
        timestamp_at=stamp.timestamp if stamp is not None else None,
        timestamp_trusted=_timestamp_trusted(stamp, stamped, roots),
        covers_whole_file=whole,
        intact=status.intact,
        modified_after_signing=modified,
        trust=trust,
        valid_at_signing_time=valid_then,
        revocation=revocation,
        state=state,
        problems=problems,
    )


def _timestamp_time(status: PdfSignatureStatus, roots: TrustRoots) -> datetime | None:
    """The timestamp token's time when it verifies (and, with a trust list, is trusted)."""
    stamp = status.timestamp_validity
    if stamp is None or not (stamp.intact and stamp.valid):
        return None
    if roots.configured and not stamp.trusted:
        return None
    moment: datetime = stamp.timestamp
    return moment


def _timestamp_trusted(stamp: Any, stamped: bool, roots: TrustRoots) -> bool | None:
    """False when the token does not verify; None when it does but no trust list is set."""
    if stamp is None:
        return None
    if not stamped:
        return False
    return bool(stamp.trusted) if roots.configured else None


def _state(
    *,
    intact: bool,
    valid: bool,
    revocation: RevocationStatus,
    valid_then: bool | None,
    trust: SignatureTrust,
    time_problem: bool,
    other_problem: bool,
) -> SignatureState:
    if not intact:
        return SignatureState.modified
    if not valid:
        return SignatureState.invalid
    if revocation is RevocationStatus.revoked:
        return SignatureState.revoked
    if valid_then is False or (trust is SignatureTrust.trusted and time_problem):
        return SignatureState.expired
    if trust is SignatureTrust.untrusted or (trust is SignatureTrust.trusted and other_problem):
        return SignatureState.untrusted
    if trust is SignatureTrust.not_checked:
        return SignatureState.unchecked
    return SignatureState.valid


def _valid_at(cert: x509.Certificate, moment: datetime | None) -> bool | None:
    if moment is None:
        return None
    validity = cert["tbs_certificate"]["validity"]
    begins: datetime = validity["not_before"].native
    ends: datetime = validity["not_after"].native
    return bool(begins <= moment <= ends)


_SHORT = {
    "common_name": "CN", "organization_name": "O", "organizational_unit_name": "OU",
    "locality_name": "L", "state_or_province_name": "ST", "country_name": "C",
    "email_address": "E", "serial_number": "SERIALNUMBER", "user_id": "UID", "title": "T",
}  # fmt: skip


def _distinguished(name: x509.Name) -> str:
    """`CN=UBND tỉnh Nam Định, O=…, C=VN`, most specific first as the certificate lists it."""
    parts = [
        f"{_SHORT.get(key, key)}={_text(value) or ''}"
        for key, value in reversed(list(name.native.items()))
    ]
    return ", ".join(parts)


def _field_name(signature: EmbeddedPdfSignature) -> str | None:
    try:
        name: Any = signature.field_name
    except (KeyError, TypeError, ValueError):
        return None
    return _text(str(name)) if name else None


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Iterable) and not isinstance(value, str):
        value = ", ".join(str(v) for v in value)
    return unicodedata.normalize("NFC", str(value)).strip() or None


def _unreadable(field_name: str | None, problem: str) -> PdfSignature:
    return PdfSignature(field_name=field_name, state=SignatureState.invalid, problems=[problem])
