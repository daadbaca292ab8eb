"""Build the truth of a document from what its composer printed (right by construction)."""

from dataclasses import dataclass
from datetime import date

from samples.variants.issuers import AwardChoice, Issuer
from samples.variants.parts import Signer
from samples.variants.recipients import Recipient
from schemas.extracted import (
    Award,
    DeclaredCounts,
    Evidence,
    ExtractedDocument,
)
from schemas.extracted import Recipient as TruthRecipient
from schemas.extracted import Signer as TruthSigner


@dataclass(frozen=True)
class Row:
    """One recipient as printed, with the award it gets."""

    recipient: Recipient
    award: AwardChoice
    period: str | None
    reason: str | None
    amount: int | None = None
    page: int = 1
    award_text: str | None = None  # when the row prints its own wording

    def truth(self) -> Award:
        r = self.recipient
        return Award(
            recipient=TruthRecipient(
                kind=r.kind, name=r.name, honorific=r.honorific, position=r.position, unit=r.unit
            ),
            award_code=self.award.code,
            award_text=self.award_text or self.award.text,
            period=self.period,
            reason=self.reason,
            amount_vnd=self.amount,
            confidence=1.0,
            evidence=Evidence(page=self.page, text=r.printed()),
        )


def document(
    *,
    document_type: str,
    issuer: Issuer,
    number: str | None,
    day: date | None,
    subject: str | None,
    signer: Signer,
    rows: list[Row],
    pages: int,
    ocr: bool,
    counts: tuple[int | None, int | None] = (None, None),
    parent: bool = True,
    signed: bool = True,
) -> ExtractedDocument:
    return ExtractedDocument.model_validate(
        {
            "document_type": document_type,
            "issuer": issuer.name,
            "issuer_parent": issuer.parent if parent else None,
            "issuer_level": issuer.level,
            "number": number,
            "date": day,
            "place": issuer.place,
            "subject": subject,
            "signer": (
                TruthSigner(name=signer.name, title=signer.title, authority=signer.authority)
                if signed
                else TruthSigner(name=None, title=None, authority=None)
            ),
            "declared_counts": DeclaredCounts(collective=counts[0], individual=counts[1]),
            "awards": [row.truth() for row in rows],
            "pages": pages,
            "ocr": {"used": ocr},
        }
    )
