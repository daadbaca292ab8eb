"""A parsed record joined with its PDF's digital signatures.

The signatures are evidence in their own right (`signatures`); a file changed after
signing, or a signature that does not verify, is a warning (so it waits for review); and
when no date line could be read, the first signature's time gives the date, as the
field's evidence says.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from extractors import sniff
from extractors.pdf_signatures import read_signatures
from extractors.trust_roots import TrustRoots
from schemas import ExtractedDocument, FieldEvidence, PdfSignature, SignatureState

VIETNAM = timezone(timedelta(hours=7), "ICT")  # a decision is dated where it is signed
SIGNATURE_DATE_CONFIDENCE = 0.9  # the day it was signed, which is nearly always its date


def add_signatures(
    document: ExtractedDocument, data: bytes, media_type: str, roots: TrustRoots
) -> ExtractedDocument:
    """`document` with the signatures of `data` (a PDF; other types have none)."""
    if media_type != sniff.PDF:
        return document
    signatures = read_signatures(data, roots)
    if not signatures:
        return document
    document.signatures = signatures
    for number, signature in enumerate(signatures, start=1):
        who = signature.signer_organization or signature.signer_name or "unknown signer"
        if signature.state is SignatureState.modified:
            document.warnings.append(
                f"signature {number} ({who}): the file was changed after signing"
            )
        elif signature.state is SignatureState.invalid:
            document.warnings.append(f"signature {number} ({who}) does not verify")
    if document.date is None:
        _date_from_signature(document, signatures)
    return document


def signing_time(signature: PdfSignature) -> datetime | None:
    """The timestamp's time when it verifies, else the time the signer states."""
    if signature.timestamp_at is not None and signature.timestamp_trusted is not False:
        return signature.timestamp_at
    return signature.signed_at


def _date_from_signature(document: ExtractedDocument, signatures: list[PdfSignature]) -> None:
    for signature in signatures:
        moment = signing_time(signature)
        if moment is None or signature.state is SignatureState.invalid:
            continue
        local = moment.astimezone(VIETNAM)
        kind = "timestamp" if moment == signature.timestamp_at else "signing time"
        who = signature.signer_organization or signature.signer_name or ""
        document.date = local.date()
        document.field_evidence["/date"] = FieldEvidence(
            text=f"digital signature {kind} {local.isoformat(sep=' ')} {who}".strip(),
            source="signature_time",
        )
        document.field_confidence["/date"] = SIGNATURE_DATE_CONFIDENCE
        document.low_confidence = [p for p in document.low_confidence if p != "/date"]
        return
