"""`ExtractedDocument`: the `tdkt extract --json` contract of DESIGN.md; field names are fixed."""

from datetime import date as Date

from pydantic import BaseModel, ConfigDict, Field

from schemas.award_codes import (
    AwardCode,
    ChangeAction,
    CommendationMethod,
    DocumentType,
    IssuerLevel,
    RecipientKind,
    RecipientRank,
)
from schemas.document_text import BBox
from schemas.signatures import PdfSignature


class _Model(BaseModel):
    model_config = ConfigDict(use_enum_values=False)


class Signer(_Model):
    name: str | None = None
    title: str | None = Field(default=None, examples=["Phó Giám đốc"])
    authority: str | None = Field(default=None, examples=["KT. GIÁM ĐỐC"])


class DeclaredCounts(_Model):
    collective: int | None = None
    individual: int | None = None


class Recipient(_Model):
    kind: RecipientKind
    name: str = Field(examples=["Nguyễn Thị Thanh Xuân"])
    honorific: str | None = Field(default=None, examples=["Bà"])
    position: str | None = Field(default=None, examples=["Giáo viên"])
    unit: str | None = Field(default=None, examples=["Trường THPT Nguyễn Khuyến"])
    rank: RecipientRank | None = Field(
        default=None,
        description="An individual's rank as the position says it (truc_tiep for a teacher, "
        "lanh_dao_khac for a head teacher), or doanh_nghiep / ho_gia_dinh for a collective "
        "that is a business or a household; null where the document does not say",
    )


class Evidence(_Model):
    page: int | None = None
    bbox: BBox | None = None
    text: str = ""


class FieldEvidence(Evidence):
    source: str = Field(
        description="Where the value came from instead of its usual line: `signing_stamp` "
        "(a printed `Giờ ký` stamp) or `signature_time` (a digital signature's time)",
        examples=["signing_stamp"],
    )


class Award(_Model):
    recipient: Recipient
    award_code: AwardCode
    award_text: str | None = None
    award_class: int | None = Field(default=None, ge=1, le=3)
    period: str | None = Field(default=None, pattern=r"^\d{4}(-\d{4})?$")
    reason: str | None = None
    amount_vnd: int | None = None
    commendation_method: CommendationMethod | None = Field(
        default=None,
        description="How the commendation came about, read from the subject and reason "
        "(thuong_xuyen for a school year's results, chuyen_de for a named campaign, ...); "
        "null where they do not say",
    )
    confidence: float = Field(ge=0, le=1)
    evidence: Evidence = Field(default_factory=Evidence)


class DecisionChange(_Model):
    """An earlier decision this one corrects, amends or annuls, as its subject cites it."""

    action: ChangeAction
    number: str = Field(examples=["123/QĐ-UBND"])
    date: Date | None = None


class OcrInfo(_Model):
    used: bool = False
    engine: str | None = None
    mean_confidence: float | None = None


class ExtractedDocument(_Model):
    document_type: DocumentType
    issuer: str | None = None
    issuer_parent: str | None = None
    issuer_level: IssuerLevel | None = None
    number: str | None = None
    date: Date | None = None
    place: str | None = None
    subject: str | None = None
    signer: Signer = Field(default_factory=Signer)
    declared_counts: DeclaredCounts = Field(default_factory=DeclaredCounts)
    awards: list[Award] = Field(default_factory=list)
    changes: DecisionChange | None = Field(
        default=None,
        description="The earlier decision this one corrects, amends or annuls; its award "
        "rows then name whose award changes rather than new awards",
    )
    pages: int = 0
    ocr: OcrInfo = Field(default_factory=OcrInfo)
    field_confidence: dict[str, float] = Field(
        default_factory=dict,
        description="OCR confidence (0..1, the least sure word) of fields read from scans, "
        "by JSON pointer: /number, /signer/name, /awards/0/recipient/name",
        examples=[{"/number": 0.93, "/awards/0/recipient/name": 0.61}],
    )
    low_confidence: list[str] = Field(
        default_factory=list,
        description="Pointers of fields read with confidence below 0.7: check them first",
    )
    ocr_readings: dict[str, str] = Field(
        default_factory=dict,
        description="What OCR read for a name whose tone marks repair changed, by JSON "
        "pointer; such names are in low_confidence",
        examples=[{"/awards/3/recipient/name": "NGUYỄN THỊ THỤ"}],
    )
    field_evidence: dict[str, FieldEvidence] = Field(
        default_factory=dict,
        description="Where a field was read when not from its usual line, by JSON pointer: "
        "/date from a digital signature's time or a printed `Giờ ký` stamp",
    )
    signatures: list[PdfSignature] = Field(
        default_factory=list,
        description="The PDF's digital signatures, in signing order, each with what was "
        "checked offline; empty for an unsigned file",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What tdkt doubts (a count it could not square, a number not found) and "
        "how it read the file (a page whose text layer was garbage, read with OCR)",
    )

    def needs_review(self) -> bool:
        """A field read below the review threshold, or a warning that doubts the reading:
        how a page was read (its text layer replaced by OCR) is noted, not doubted; the
        fields OCR read there carry their own confidence."""
        return bool(self.low_confidence) or any(
            not w.endswith(READ_WITH_OCR) for w in self.warnings
        )


READ_WITH_OCR = ", read with OCR"  # the end of a warning that only says how a page was read
