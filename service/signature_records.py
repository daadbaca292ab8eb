"""A document's digital signatures as rows, and the search conditions on them.

`signed=true|false` and `signature_state=…` filter awards and documents by the
signatures of the file they were read from; a document matches a state when any of
its signatures is in it.
"""

from __future__ import annotations

from typing import Any

from schemas import PdfSignature
from service.db.models import DocumentSignature


def signature_rows(document_id: int, signatures: list[PdfSignature]) -> list[DocumentSignature]:
    return [
        DocumentSignature(
            document_id=document_id,
            seq=seq,
            state=signature.state.value,
            signer_organization=signature.signer_organization,
            signer_name=signature.signer_name,
            issuer=signature.issuer,
            serial=signature.serial,
            signed_at=signature.signed_at,
            timestamp_at=signature.timestamp_at,
            covers_whole_file=signature.covers_whole_file,
            modified_after_signing=signature.modified_after_signing,
            trust=signature.trust.value,
            revocation=signature.revocation.value,
        )
        for seq, signature in enumerate(signatures, start=1)
    ]


def signature_conditions(
    document_column: str, signed: bool | None, state: str | None
) -> tuple[list[str], dict[str, Any]]:
    """SQL conditions (and their parameters) on the rows whose document id is in
    `document_column`, e.g. `awards.document_id`."""
    where: list[str] = []
    params: dict[str, Any] = {}
    of_document = f"FROM document_signatures s WHERE s.document_id = {document_column}"
    if signed is True:
        where.append(f"EXISTS (SELECT 1 {of_document})")
    elif signed is False:
        where.append(f"NOT EXISTS (SELECT 1 {of_document})")
    if state is not None:
        where.append(f"EXISTS (SELECT 1 {of_document} AND s.state = :signature_state)")
        params["signature_state"] = state
    return where, params
