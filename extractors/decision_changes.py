"""A decision that corrects, amends or annuls an earlier one, as its subject says so.

`Về việc đính chính Quyết định số 123/QĐ-UBND ngày 05/6/2024 …` (corrects),
`Về việc sửa đổi, bổ sung Quyết định số …` (amends), `Về việc hủy bỏ Quyết định số …`,
`Về việc thu hồi Bằng khen … tại Quyết định số …` (annuls; Law 06/2022/QH15 Art. 93:
awards won by false declarations are annulled and their objects recovered). Only the
subject counts: a decision's legal bases cite earlier decisions too (`Căn cứ Quyết định
số …`), and those change nothing.
"""

from __future__ import annotations

import re

from extractors.dates import parse_date
from extractors.decision_numbers import find_number
from extractors.text_normalize import fold_aligned, nfc
from schemas import ChangeAction, DecisionChange

_ACTIONS: list[tuple[ChangeAction, re.Pattern[str]]] = [
    (ChangeAction.annuls, re.compile(r"\b(huy bo|thu hoi|bai bo|huy quyet dinh)\b")),
    (ChangeAction.corrects, re.compile(r"\bdinh chinh\b")),
    (ChangeAction.amends, re.compile(r"\b(sua doi|bo sung|dieu chinh|thay the)\b")),
]
_CITED = re.compile(r"\b(quyet dinh|qd)\s*(so\s*)?[:.]?\s*(?=\d)")


def decision_change(subject: str | None) -> DecisionChange | None:
    """What the subject says this decision does to the decision it cites; None when it
    cites none or does not change one."""
    if not subject:
        return None
    text = nfc(" ".join(subject.split()))
    key = fold_aligned(text)
    found = [(action, m) for action, pattern in _ACTIONS if (m := pattern.search(key))]
    if not found:
        return None
    action, verb = found[0]
    cited = _CITED.search(key, verb.start())
    if cited is None:
        return None
    after = text[cited.end() :]
    number = find_number(after)
    if number is None:
        return None
    rest = after[after.find(number[:3]) + len(number) :] if number[:3] in after else after
    head = re.split(r"(?i)\b(của|v/v|về việc|tặng|cho)\b", rest, maxsplit=1)[0]
    return DecisionChange(action=action, number=number, date=parse_date(head[:60]))
