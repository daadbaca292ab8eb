"""How much text one search may carry: a few hundred characters and a few dozen words
per field, checked before any lookup.

Names, units, issuers and numbers are short; a query far longer than any of them was not
typed by a person, and costs memory and time in proportion (every word is widened to the
names an OCR slip away and joined into the index's expression). The API answers it with
422 `query_too_long`; the search page says the same in Vietnamese and does not search.
"""

from __future__ import annotations

from collections.abc import Iterable

from service import search_keys

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 24
MAX_PERSON_ID_CHARS = 500  # a person's id is a folded name and unit joined by `~`

SEARCH_TEXT_FIELDS = ("q", "name", "unit", "issuer", "number")


class QueryTooLong(ValueError):
    """A query field longer than its limit; `field` names it."""

    code = "query_too_long"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def check_text(field: str, value: str | None, max_chars: int = MAX_QUERY_CHARS) -> None:
    """Raise `QueryTooLong` when `value` has more characters or words than a search takes."""
    if value is None:
        return
    if len(value) > max_chars:
        raise QueryTooLong(field, f"{len(value)} characters, more than {max_chars}")
    words = len(search_keys.words(value))
    if words > MAX_QUERY_WORDS:
        raise QueryTooLong(field, f"{words} words, more than {MAX_QUERY_WORDS}")


def check_fields(values: Iterable[tuple[str, str | None]]) -> None:
    """`check_text` for each (field, value)."""
    for field, value in values:
        check_text(field, value)


FIELD_LABELS = {
    "q": "Từ khóa",
    "name": "Họ và tên",
    "unit": "Đơn vị",
    "issuer": "Cơ quan ban hành",
    "number": "Số quyết định",
}


def vietnamese(error: QueryTooLong) -> str:
    """The page's sentence for the error."""
    return (
        f"{FIELD_LABELS.get(error.field, error.field)} quá dài: mỗi ô tìm kiếm nhận tối đa "
        f"{MAX_QUERY_CHARS} ký tự và {MAX_QUERY_WORDS} từ."
    )
