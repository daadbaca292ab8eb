"""A document's metadata in the fields of Decree 30/2020/NĐ-CP, Phụ lục VI (the input
fields of an electronic document), as written into a bag's `metadata.json`.

`1234/QĐ-SGDĐT` is CodeNumber `1234` and CodeNotation `QĐ-SGDĐT`; dates are ISO
(`2024-07-22`); a field tdkt did not read is null, never guessed.
"""

from __future__ import annotations

import re
from typing import Any

from service.db.models import Award, Decision, Document

_NUMBER = re.compile(r"^\s*(\d+)\s*[/-]?\s*(.*?)\s*$")
_TYPE_NAMES = {"decision": "Quyết định", "award_list": "Danh sách"}


def split_number(number: str | None) -> tuple[str | None, str | None]:
    """(CodeNumber, CodeNotation) of a decision number: `1234/QĐ-SGDĐT` → `1234`, `QĐ-SGDĐT`."""
    if not number:
        return None, None
    found = _NUMBER.match(number)
    if not found:
        return None, number.strip()
    return found[1], found[2] or None


def type_name(document_type: str | None, first_award: Award | None) -> str | None:
    """The kind of paper (TypeName): Quyết định, Danh sách, Bằng khen, Giấy khen…"""
    if document_type in _TYPE_NAMES:
        return _TYPE_NAMES[document_type]
    if document_type != "certificate":
        return None
    code = first_award.award_code if first_award else ""
    if code.startswith("bang_khen"):
        return "Bằng khen"
    if code.startswith("giay_khen"):
        return "Giấy khen"
    return "Giấy chứng nhận"


def phu_luc_vi(
    document: Document, decision: Decision | None, first_award: Award | None
) -> dict[str, Any]:
    """The fields of Phụ lục VI for one document."""
    code_number, code_notation = split_number(decision.number if decision else None)
    return {
        "Identifier": f"tdkt:document:{document.id}",
        "TypeName": type_name(document.document_type, first_award),
        "CodeNumber": code_number,
        "CodeNotation": code_notation,
        "IssuedDate": decision.date.isoformat() if decision and decision.date else None,
        "OrganName": decision.issuer if decision else None,
        "Subject": decision.subject if decision else None,
        "Language": "vi",
        "PageAmount": document.pages,
        "SignerInfo": {
            "Position": decision.signer_title if decision else None,
            "FullName": decision.signer_name if decision else None,
        },
        "Description": f"Tệp gốc: {document.filename}",
    }
