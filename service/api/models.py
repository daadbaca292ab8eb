"""What the API answers with: documents, their events and records, award rows, pages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field, field_serializer

from schemas import ExtractedDocument, PdfSignature
from schemas.award_codes import CommendationMethod, RecipientKind, RecipientRank
from schemas.document_text import Page, PageSource
from schemas.extracted import Evidence, Recipient
from service.api.errors import ErrorInfo
from service.batches import BatchProgress
from service.db.models import Award, Document, ProcessingEvent, as_utc
from service.people import Person
from service.retention import Retention
from service.signature_sentences import signature_sentence

API = "/api/v1"


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else as_utc(moment)


class DocumentLinks(BaseModel):
    self: str
    original: str
    awards: str


class DocumentOut(BaseModel):
    id: int
    sha256: str
    filename: str
    media_type: str
    size_bytes: int
    pages: int | None
    status: str = Field(examples=["done"], description="queued | processing | done | failed")
    document_type: str | None = Field(examples=["decision"])
    error: ErrorInfo | None = None
    attempts: int
    created_at: datetime
    updated_at: datetime
    processed_at: datetime | None
    uploaded_by: str | None = None
    review_state: str = Field(
        default="unreviewed", description="unreviewed | needs_review | reviewed"
    )
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    deleted_at: datetime | None = Field(
        default=None, description="Set while the document is deleted (restorable until purged)"
    )
    deleted_by: str | None = None
    delete_reason: str | None = None
    links: DocumentLinks

    @field_serializer("created_at", "updated_at", "processed_at", "reviewed_at", "deleted_at")
    def _in_utc(self, moment: datetime | None) -> datetime | None:
        return _utc(moment)

    @classmethod
    def of(cls, document: Document) -> DocumentOut:
        base = f"{API}/documents/{document.id}"
        return cls(
            id=document.id,
            sha256=document.sha256,
            filename=document.filename,
            media_type=document.media_type,
            size_bytes=document.size_bytes,
            pages=document.pages,
            status=document.status,
            document_type=document.document_type,
            error=(
                ErrorInfo(code=document.error_code, message=document.error_message or "")
                if document.error_code
                else None
            ),
            attempts=document.attempts,
            created_at=document.created_at,
            updated_at=document.updated_at,
            processed_at=document.processed_at,
            uploaded_by=document.uploaded_by,
            review_state=document.review_state,
            reviewed_by=document.reviewed_by,
            reviewed_at=document.reviewed_at,
            deleted_at=document.deleted_at,
            deleted_by=document.deleted_by,
            delete_reason=document.delete_reason,
            links=DocumentLinks(
                self=base,
                original=f"{base}/original",
                awards=f"{API}/awards?document_id={document.id}",
            ),
        )


class EventOut(BaseModel):
    at: datetime
    event: str = Field(examples=["done"])
    detail: str | None = None
    duration_ms: int | None = None

    @field_serializer("at")
    def _in_utc(self, moment: datetime) -> datetime | None:
        return _utc(moment)

    @classmethod
    def of(cls, event: ProcessingEvent) -> EventOut:
        return cls(
            at=event.at, event=event.event, detail=event.detail, duration_ms=event.duration_ms
        )


class SignatureOut(PdfSignature):
    sentence: str = Field(
        description="The signature's state in one plain Vietnamese sentence",
        examples=[
            "Chữ ký số hợp lệ của UBND tỉnh Nam Định, ký lúc 10:15:30 ngày 22/05/2025; "
            "tệp không bị sửa sau khi ký."
        ],
    )

    @classmethod
    def of(cls, signature: PdfSignature) -> SignatureOut:
        return cls(**signature.model_dump(), sentence=signature_sentence(signature))


class RetentionOut(BaseModel):
    """How long the document must be kept (`service.retention`)."""

    label: str = Field(examples=["20 năm"], description="`vĩnh viễn` or `N năm`")
    years: int | None = Field(description="None: kept forever (vĩnh viễn)")
    until: date | None = Field(description="The last day it must be kept; None: forever")
    rule: str = Field(examples=["tinh"], description="The key of the retention table that gave it")

    @classmethod
    def of(cls, retention: Retention) -> RetentionOut:
        return cls(
            label=retention.label, years=retention.years, until=retention.until,
            rule=retention.rule,
        )  # fmt: skip


class DocumentDetail(DocumentOut):
    award_count: int = 0
    retention: RetentionOut
    record: ExtractedDocument | None = Field(
        default=None, description="The extracted record (the `tdkt extract --json` shape)."
    )
    signatures: list[SignatureOut] = Field(
        default_factory=list,
        description="The file's digital signatures as checked when it was read, each "
        "with a sentence for people; empty for an unsigned file",
    )
    events: list[EventOut] = Field(default_factory=list)


class DocumentList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentOut]


class DecisionRef(BaseModel):
    document_id: int
    document_type: str
    issuer: str | None = Field(examples=["Sở Giáo dục và Đào tạo tỉnh Nam Định"])
    issuer_level: str | None
    number: str | None = Field(examples=["1234/QĐ-SGDĐT"])
    date: date | None
    link: str


class DecisionLinkRef(BaseModel):
    document_id: int
    link: str


class AwardOut(BaseModel):
    id: int
    recipient: Recipient
    award_code: str = Field(examples=["chien_si_thi_dua_co_so"])
    award_text: str | None = Field(examples=["Chiến sĩ thi đua cơ sở"])
    award_class: int | None
    period: str | None = Field(examples=["2023-2024"])
    reason: str | None
    amount_vnd: int | None
    confidence: float
    evidence: Evidence
    decision: DecisionRef
    review_state: str = Field(examples=["unreviewed"])
    commendation_method: CommendationMethod | None = None
    status: str = Field(
        default="active",
        description="active; revoked (annulled by the decision in revoked_by); change (a row of "
        "a decision that corrects, amends or annuls another)",
    )
    revoked_by: DecisionLinkRef | None = None
    match: str | None = Field(
        default=None,
        description="How the name matched: exact (diacritics as typed), folded, fuzzy",
        examples=["exact"],
    )

    @classmethod
    def of(cls, award: Award, match: str | None = None) -> AwardOut:
        bbox: Any = tuple(award.evidence_bbox) if award.evidence_bbox else None
        return cls(
            id=award.id,
            recipient=Recipient(
                kind=RecipientKind(award.recipient_kind),
                name=award.name,
                honorific=award.honorific,
                position=award.position,
                unit=award.unit,
                rank=RecipientRank(award.rank) if award.rank else None,
            ),
            award_code=award.award_code,
            award_text=award.award_text,
            award_class=award.award_class,
            period=award.period,
            reason=award.reason,
            amount_vnd=award.amount_vnd,
            confidence=award.confidence,
            evidence=Evidence(page=award.evidence_page, bbox=bbox, text=award.evidence_text),
            decision=DecisionRef(
                document_id=award.document_id,
                document_type=award.document_type,
                issuer=award.issuer,
                issuer_level=award.issuer_level,
                number=award.number,
                date=award.decision_date,
                link=f"{API}/documents/{award.document_id}",
            ),
            review_state=award.review_state,
            commendation_method=(
                CommendationMethod(award.commendation_method) if award.commendation_method else None
            ),
            status=award.status or "active",
            revoked_by=(
                DecisionLinkRef(
                    document_id=award.revoked_by_document_id,
                    link=f"{API}/documents/{award.revoked_by_document_id}",
                )
                if award.revoked_by_document_id
                else None
            ),
            match=match,
        )


class FacetOut(BaseModel):
    value: str = Field(description="What to filter on", examples=["chien_si_thi_dua_co_so"])
    label: str = Field(examples=["Chiến sĩ thi đua cơ sở"])
    count: int


class AwardList(BaseModel):
    total: int = Field(description="How many awards match in all, not only on this page.")
    limit: int
    offset: int
    items: list[AwardOut]
    facets: dict[str, list[FacetOut]] | None = Field(
        default=None,
        description="With facets=true: the commonest award_code, period, issuer, unit values "
        "among all matches, with counts",
    )


class PersonOut(BaseModel):
    id: str = Field(examples=["nguyen-thi-thanh-xuan~thpt-nguyen-khuyen"])
    name: str = Field(examples=["Nguyễn Thị Thanh Xuân"], description="Commonest spelling")
    spellings: dict[str, int] = Field(
        description="Every printed spelling of the name and how many rows carry it"
    )
    units: list[str] = Field(description="Units printed on the person's awards, commonest first")
    award_count: int
    first_year: int | None
    last_year: int | None
    match: str = Field(
        description="exact (a spelling as typed, diacritics included), folded (same letters) "
        "or fuzzy (an OCR slip away)",
        examples=["exact"],
    )
    namesakes: list[str] = Field(
        description="Ids of other people with the same name at other units"
    )
    joined: list[str] = Field(
        default_factory=list,
        description="Ids an archivist joined into this person (one teacher at two schools)",
    )
    links: dict[str, str]

    @classmethod
    def of(cls, person: Person) -> PersonOut:
        first, last = person.years
        base = f"{API}/people/{person.id}"
        return cls(
            id=person.id,
            name=person.name,
            spellings=dict(person.spellings),
            units=person.units,
            award_count=len(person.awards),
            first_year=first,
            last_year=last,
            match=person.match,
            namesakes=person.namesakes,
            joined=person.members,
            links={"self": base, "streaks": f"{base}/streaks"},
        )


class PersonList(BaseModel):
    total: int
    items: list[PersonOut]


class PersonDetail(PersonOut):
    awards: list[AwardOut] = Field(description="Oldest first, each with its decision")


class StreakOut(BaseModel):
    award_code: str = Field(examples=["chien_si_thi_dua_co_so"])
    label: str = Field(examples=["Chiến sĩ thi đua cơ sở"])
    first_year: int
    last_year: int
    years: int = Field(description="Consecutive years in the run")
    periods: list[str] = Field(examples=[["2018-2019", "2019-2020", "2020-2021"]])
    award_ids: list[int]


class BatchOut(BaseModel):
    id: int
    name: str = Field(examples=["ho-so-2019.zip"])
    source_kind: str = Field(examples=["zip"], description="zip or folder")
    receiving: bool = Field(description="Files are still being admitted")
    finished: bool = Field(description="Every file is done, failed, duplicate or rejected")
    total: int
    counts: dict[str, int] = Field(
        description="Files by state: pending, rejected, duplicate, queued, processing, done, "
        "failed",
        examples=[{"done": 40, "processing": 2, "queued": 7, "rejected": 1}],
    )
    files_per_second: float
    eta_seconds: float | None
    created_at: datetime
    links: dict[str, str]

    @field_serializer("created_at")
    def _in_utc(self, moment: datetime) -> datetime | None:
        return _utc(moment)

    @classmethod
    def of(cls, progress: BatchProgress) -> BatchOut:
        batch = progress.batch
        base = f"{API}/batches/{batch.id}"
        eta = progress.eta_seconds()
        return cls(
            id=batch.id,
            name=batch.name,
            source_kind=batch.source_kind,
            receiving=batch.receiving,
            finished=progress.finished,
            total=progress.total,
            counts=progress.counts,
            files_per_second=round(progress.files_per_second(), 3),
            eta_seconds=round(eta, 1) if eta is not None else None,
            created_at=batch.created_at,
            links={"self": base, "report": f"{base}/report"},
        )


class PageOut(BaseModel):
    """One page as read; a box divided by (width, height) gives fractions of its image."""

    number: int = Field(ge=1)
    source: PageSource = Field(description="text_layer | ocr | docx")
    width: float | None = Field(
        description="In the units of the page's boxes: PDF points on text-layer pages, "
        "pixels of the image OCR read on OCR pages; null for DOCX"
    )
    height: float | None
    rotation: int = Field(description="Degrees OCR turned the page to read it upright")
    has_image: bool = Field(description="False for DOCX pages: Word files have no geometry")
    image_url: str | None = Field(
        description="The page as JPEG, already turned and flattened as OCR read it; the URL "
        "changes when the document is processed again",
        examples=["/api/v1/documents/7/pages/1/image?v=20250101T101500123456"],
    )

    @classmethod
    def of(cls, document_id: int, page: Page, reading: str) -> PageOut:
        has_image = page.source != PageSource.docx
        url = f"{API}/documents/{document_id}/pages/{page.number}/image?v={reading}"
        return cls(
            number=page.number,
            source=page.source,
            width=page.width,
            height=page.height,
            rotation=page.rotation,
            has_image=has_image,
            image_url=url if has_image else None,
        )
