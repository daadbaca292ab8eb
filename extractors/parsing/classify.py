"""Which kind of document this is: decision, certificate, award list or other.

Decided from the layout's fixed words, which survive OCR far better than free text:
a decision has its `QUYẾT ĐỊNH` title and numbered articles; a certificate has a
`BẰNG KHEN` / `GIẤY KHEN` / `GIẤY CHỨNG NHẬN` title and a `TẶNG` line but no articles;
a stand-alone list opens with `DANH SÁCH`.
"""

from __future__ import annotations

import re

from extractors.parsing.header import is_decision_title
from extractors.parsing.items import LineItem
from extractors.parsing.list_citation import is_list_title
from schemas import DocumentType

_CERTIFICATE_TITLES = re.compile(
    r"^(bang khen|giay khen|giay chung nhan|tang|truy tang|tang danh hieu|tang thuong|"
    r"ky niem chuong|chien si thi dua.*|lao dong tien tien)$"
)
_ARTICLE = re.compile(r"^dieu\s*1\b")
# any article, beside a decision's title: OCR may garble `Điều 1` (`Điều TL`), not the next
_ANY_ARTICLE = re.compile(r"^[\W_]{0,5}dieu\s*(?:\d{1,2}\b|[li|]\s*[.:;,])")
_EDGE_DEBRIS = re.compile(r"^[^a-z0-9]+|[^a-z0-9]+$")  # specks OCR reads around a title


def classify(lines: list[LineItem]) -> DocumentType:
    top = lines[:60]
    has_title = any(is_decision_title(line) for line in top)
    has_articles = any(_ARTICLE.match(line.folded) for line in lines)
    if has_title and any(_ANY_ARTICLE.match(line.folded) for line in lines):
        return DocumentType.decision
    certificate_marks = sum(
        1
        for line in top
        if line.is_upper and _CERTIFICATE_TITLES.match(_EDGE_DEBRIS.sub("", line.folded))
    )
    if certificate_marks and not has_articles:
        return DocumentType.certificate
    if any(is_list_title(line) for line in lines[:25]):
        return DocumentType.award_list
    if has_title:
        return DocumentType.decision
    return DocumentType.other
