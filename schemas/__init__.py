"""The language every part of tdkt speaks: pydantic models only. Imports nothing of ours."""

from schemas.award_codes import (
    AwardCode,
    ChangeAction,
    CommendationMethod,
    DocumentType,
    IssuerLevel,
    RecipientKind,
    RecipientRank,
)
from schemas.document_text import (
    BBox,
    Cell,
    DocumentText,
    Line,
    Page,
    PageSource,
    Table,
    TableRow,
    Word,
)
from schemas.extracted import (
    Award,
    DecisionChange,
    DeclaredCounts,
    Evidence,
    ExtractedDocument,
    OcrInfo,
    Recipient,
    Signer,
)
from schemas.signatures import (
    PdfSignature,
    RevocationStatus,
    SignatureState,
    SignatureTrust,
)

__all__ = [
    "Award",
    "AwardCode",
    "BBox",
    "Cell",
    "ChangeAction",
    "CommendationMethod",
    "DecisionChange",
    "DeclaredCounts",
    "DocumentText",
    "DocumentType",
    "Evidence",
    "ExtractedDocument",
    "IssuerLevel",
    "Line",
    "OcrInfo",
    "Page",
    "PageSource",
    "PdfSignature",
    "Recipient",
    "RecipientKind",
    "RecipientRank",
    "RevocationStatus",
    "SignatureState",
    "SignatureTrust",
    "Signer",
    "Table",
    "TableRow",
    "Word",
]
