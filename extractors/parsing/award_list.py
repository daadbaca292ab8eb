"""Attached award lists: tables, gridless columns and numbered lines, over pages.

A list (`DANH SÁCH … kèm theo Quyết định số …`) holds sections (`I. TẬP THỂ`,
`II. CÁ NHÂN`) and rows. Rows come three ways: cells of a ruled table; words aligned in
columns without rules (rebuilt here from word boxes: the header names the columns, the
white gaps between word boxes bound them); and numbered lines (`1. Bà …, Giáo viên …;`).
A row that does not start with a number continues the row above (wrapped text, a row
broken by a page).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from extractors.nlp import find_honorific, looks_like_person_name, row_kind, starts_with_position
from extractors.parsing.items import Item, LineItem, TableItem, union_bbox
from extractors.parsing.list_columns import Role, header_roles, names_persons
from extractors.taxonomy import match_award
from extractors.text_normalize import fold, is_all_caps
from schemas import AwardCode, BBox, RecipientKind, TableRow, Word

_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]?\s*$")
# `3. Bà …`, and as OCR reads it: specks before the number, a comma for the stop (`+1, Hội`)
_NUMBERED_LINE = re.compile(r"^[^\w\s]{0,3}\s*(\d{1,3})\s*[.,;:)/-]?\s+(\S.*)$")
# A person's line whose number OCR lost in specks (`¬— Ông Ngõ Hoài Thắng …`): the honorific,
# then a name of at least two capitalized words
_UNNUMBERED_PERSON = re.compile(
    r"^[^\w\s]{0,4}\s*((?:[^\W\d_]+\s+){0,1}[^\W\d_]+\s+[A-ZĐÀ-Ỹ]\w*\s+[A-ZĐÀ-Ỹ]\w*.*)$"
)
# Roman numerals as OCR misreads them too (`IH.`, `1I.`, `Il.`): the words decide.
_SECTION = re.compile(
    r"^(?:(?:[ivxlh1|]{1,4}|[a-d]|\d{1,2})\s*[.,)/-]\s*)?(?:danh hieu\s+|khen thuong\s+)?"
    r"(tap the|ca nhan|cac tap the|cac ca nhan)\b"
)
_END = re.compile(r"^(tong cong|tong so|tong:|danh sach (nay )?(co|gom)|an dinh danh sach)")
_SIGNATURE = re.compile(
    r"^(kt|tm|q|tl|tuq)\s*\.\s+\S|^(giam doc|chu tich|hieu truong|truong phong|bo truong)$"
)
_NOISE_WORD = re.compile(r"^[|\[\]{}_—–=]+$")


@dataclass
class ListRow:
    page: int
    cells: dict[Role, str]
    text: str
    bbox: BBox | None
    confidence: float
    kind: RecipientKind | None = None
    section: str | None = None
    doubts: list[str] = field(default_factory=list)
    group: str | None = None  # the unit heading the row stands under (`Trường THCS X`)


@dataclass
class _State:
    kind: RecipientKind | None = None
    section: str | None = None
    roles: list[Role | None] | None = None
    open_row: ListRow | None = None
    rows: list[ListRow] = field(default_factory=list)
    columns: tuple[list[tuple[float, float]], list[Role | None]] | None = None
    guessed: bool = False  # the columns' roles come from their contents, not a header
    group: str | None = None


def section_kind(text: str) -> RecipientKind | None:
    """`I. TẬP THỂ` → collective, `II. CÁ NHÂN` → individual, else None."""
    folded = " ".join(re.sub(r"[\"“”'‘’`ˆ¬]", " ", fold(text)).split())  # OCR's specks
    match = _SECTION.match(folded)
    if not match or len(folded) > 90:
        return None
    if "tap the" in folded and "ca nhan" in folded:
        return None  # `Tập thể, cá nhân được tặng …`: the list's title, not a section
    return RecipientKind.collective if "tap the" in match.group(1) else RecipientKind.individual


def parse_list(items: list[Item]) -> list[ListRow]:
    """Every recipient row of the list items, in order."""
    state = _State()
    page_lines: list[LineItem] = []
    for item in items:
        if isinstance(item, TableItem):
            _flush_lines(page_lines, state)
            page_lines = []
            _table_rows(item, state)
        else:
            if page_lines and page_lines[-1].page != item.page:
                _flush_lines(page_lines, state)
                page_lines = []
            page_lines.append(item)
    _flush_lines(page_lines, state)
    return state.rows


def _start_row(state: _State, row: ListRow) -> None:
    row.kind, row.section, row.group = state.kind, state.section, state.group
    if state.guessed:
        row.doubts.append("list columns guessed from their contents")
    state.rows.append(row)
    state.open_row = row


def _join_row(
    state: _State, cells: dict[Role, str], text: str, bbox: BBox | None, *, above: bool = False
) -> None:
    """Add a wrapped line to the open record: after it, or `above` its numbered line
    (a vertically centred cell starts on the line before the number)."""
    row = state.open_row
    if row is None:
        return
    for role, value in cells.items():
        if value and role is not Role.number:
            parts = [value, row.cells.get(role, "")] if above else [row.cells.get(role, ""), value]
            row.cells[role] = " ".join(parts).strip()
    row.text = (f"{text} {row.text}" if above else f"{row.text} {text}").strip()
    row.bbox = union_bbox([row.bbox, bbox])


def _section(state: _State, text: str) -> bool:
    kind = section_kind(text)
    if kind is None:
        heading = award_heading(text)
        if heading is None:
            return False
        kind = heading[1] or state.kind
    state.kind, state.section, state.open_row = kind, text, None
    return True


_HEADING_NUMERAL = re.compile(r"^\s*[IVXLH1|l]{1,4}\s*[.)/-]\s*")
_TITLE_WORD = re.compile(r"\s*(danh\s+hiệu|hình\s+thức)\s+", re.IGNORECASE)
_KIND_WORDS = re.compile(r"\(?\s*(tap the|ca nhan)\s*\)?")


def award_heading(text: str) -> tuple[str, RecipientKind | None] | None:
    """`II. LAO ĐỘNG TIÊN TIẾN`, `I. GIẤY KHEN (TẬP THỂ)`: a section of a list split by
    award (its numeral maybe misread, `HI.`), as (award words, kind it names or None).
    Unnumbered, only a heading in capitals counts; anything longer than an award's name
    and a kind word is a sentence, not a heading."""
    numeral = _HEADING_NUMERAL.match(text)
    rest = text[numeral.end() :] if numeral else text
    if len(rest) > 70 or not rest.strip() or (numeral is None and not is_all_caps(rest)):
        return None
    lead = _TITLE_WORD.match(rest)
    found = match_award(rest)
    if found is None or found.code is AwardCode.other or found.start > (lead.end() if lead else 2):
        return None
    tail = fold(rest[found.end :]).strip(" .:;,-")
    kind_words = _KIND_WORDS.fullmatch(tail) if tail else None
    if tail and kind_words is None:
        return None
    kind = None
    if kind_words is not None:
        kind = RecipientKind.collective if kind_words.group(1) == "tap the" else None
        kind = kind or RecipientKind.individual
    return rest[: found.end], kind


# -- ruled tables (text layer, DOCX, rebuilt grids) --------------------------------


def _looks_numbered(cell: str) -> bool:
    """An STT cell, read leniently: OCR turns `5` into `5S` and `1` into `l` or `I`."""
    bare = cell.strip(" .)")
    return bool(re.fullmatch(r"\d{1,3}", bare)) or (
        0 < len(bare) <= 3 and any(c.isdigit() for c in bare)
    )


def _record_cells(cells: dict[Role, str]) -> bool:
    """A row naming someone with something beside the name, not a wrapped fragment."""
    named = cells.get(Role.name) or cells.get(Role.combined) or ""
    others = [r for r in cells if r not in (Role.name, Role.combined, Role.number)]
    return bool(named) and (bool(others) or len(named.split()) >= 2)


def _table_rows(item: TableItem, state: _State) -> None:
    first_data: int | None = None
    for index, row in enumerate(item.table.rows):
        texts = [" ".join(cell.text.split()) for cell in row.cells]
        roles = header_roles(texts)
        if roles is not None:
            state.roles, state.open_row, state.guessed = roles, None, False
            state.group = None
            persons = next(
                (
                    names_persons(text)
                    for text, role in zip(texts, roles, strict=False)
                    if role in (Role.name, Role.combined)
                ),
                None,
            )
            if persons is True:
                state.kind = RecipientKind.individual  # a header naming persons
            elif persons is False:
                state.kind = RecipientKind.collective
            continue
        filled = [t for t in texts if t]
        if not filled:
            continue
        joined = " ".join(filled)
        if (len(set(filled)) == 1 and _section(state, filled[0])) or _section(state, joined):
            state.group = None
            continue
        persons = state.kind is RecipientKind.individual
        heading = _group_heading(filled, item.table.rows[index + 1 :], persons=persons)
        if heading is not None:
            # `Trường THCS X` above its teachers: each row's unit, not a recipient
            state.group, state.open_row = heading, None
            continue
        if state.roles is None or state.guessed:
            state.roles, state.guessed = _guess_roles(texts), True
        elif len(state.roles) != len(texts):
            state.roles = _fit_roles(state.roles, texts)
        if None in state.roles:
            state.roles = _unread_headers(state.roles, texts)
        cells = {
            role: text for role, text in zip(state.roles, texts, strict=False) if role and text
        }
        if _END.match(fold(joined)):
            state.open_row = None
            continue
        if first_data is None:
            first_data = index
        confidence = min((c.confidence for c in row.cells), default=1.0)
        number = cells.get(Role.number, "")
        if (
            Role.number in state.roles
            and not _looks_numbered(number)
            and state.open_row is not None
            and (not _record_cells(cells) or (index == first_data and not number))
        ):
            # a wrapped row, or a row a page break cut in two: it continues the one above
            _join_row(state, cells, joined, row.bbox)
            continue
        if not (cells.get(Role.name) or cells.get(Role.combined)):
            continue
        previous = state.rows[-1] if state.rows and state.rows[-1].page == item.page else None
        for role in (Role.unit, Role.award):
            # a cell merged down the rows (`Trường TH Thủy Vân` for three teachers) is
            # printed once: the rows under it share it
            if (
                role in state.roles
                and role not in cells
                and previous is not None
                and role in previous.cells
                and previous.kind is state.kind
            ):
                cells[role] = previous.cells[role]
        _start_row(state, ListRow(item.page, cells, joined, row.bbox, confidence))


def _group_heading(filled: list[str], below: list[TableRow], *, persons: bool) -> str | None:
    """One body's name alone on a row (or merged across it), with numbered rows below; in
    a list of persons also a name OCR cut across the grid's cells (`Trường TH&THCS` |
    `Bắc Sơn`), which no person's row is."""
    if _looks_numbered(filled[0]):
        return None
    if len(set(filled)) == 1:
        text = filled[0]
    elif persons:
        text = " ".join(filled)
    else:
        return None
    if row_kind(text) is not RecipientKind.collective:
        return None
    nxt = next((r for r in below if any(c.text.strip() for c in r.cells)), None)
    if nxt is None:
        return None
    if _looks_numbered(nxt.cells[0].text):
        return text
    # its number misread (`Ơi`): a person named in the row below still shows a heading
    names = [c.text for c in nxt.cells[1:] if c.text.strip()]
    return text if persons and names and looks_like_person_name(names[0]) else None


def _guess_roles(texts: list[str]) -> list[Role | None]:
    """A table with no (readable) header row: each cell's role from what it holds."""
    roles: list[Role | None] = []
    for index, text in enumerate(texts):
        roles.append(_content_role(text, index, roles))
    if Role.name not in roles and Role.combined not in roles:
        fill = next((i for i, r in enumerate(roles) if r is None and texts[i]), None)
        if fill is not None:
            roles[fill] = Role.combined
    if Role.name in roles and Role.position not in roles and Role.unit not in roles:
        roles[roles.index(Role.name)] = Role.combined
    return roles


_AMOUNT = re.compile(r"^\d{1,3}(?:[.,]\d{3})+(?:\s*(?:đ|đồng|vnđ))?$|^\d+\s*(?:đ|đồng)$", re.I)


def _content_role(text: str, index: int, before: list[Role | None]) -> Role | None:
    bare = text.strip()
    if not bare:
        return None
    if index == 0 and _looks_numbered(bare):
        return Role.number
    if _AMOUNT.match(bare):
        return Role.amount
    if Role.name not in before and Role.combined not in before and row_kind(bare) is not None:
        return Role.name
    award = match_award(bare)
    if (
        award is not None
        and award.code is not AwardCode.other
        and award.end - award.start > len(bare) / 2
    ):
        return Role.award
    if starts_with_position(bare) and Role.position not in before:
        return Role.position
    if Role.unit not in before and (Role.name in before or Role.combined in before):
        return Role.unit
    return None


def _unread_headers(roles: list[Role | None], texts: list[str]) -> list[Role | None]:
    """Columns whose header OCR could not read (`Sấtiền`, `Đơn k`) take their role from
    what their first filled cell holds: an amount, a body's name, a position, an award."""
    out = list(roles)
    for index, (role, text) in enumerate(zip(roles, texts, strict=False)):
        bare = text.strip()
        if role is not None or not bare:
            continue
        award = match_award(bare)
        if _AMOUNT.match(bare) or re.fullmatch(r"[\d.,]{5,}", bare):
            found: Role | None = Role.amount
        elif row_kind(bare) is RecipientKind.collective:
            found = Role.unit
        elif starts_with_position(bare):
            found = Role.position
        elif award is not None and award.code is not AwardCode.other:
            found = Role.award
        else:
            continue
        if found not in out:
            out[index] = found
    return out


def _fit_roles(roles: list[Role | None], texts: list[str]) -> list[Role | None]:
    if len(texts) < len(roles):
        return roles[: len(texts)]
    return roles + [None] * (len(texts) - len(roles))


# -- lines: gridless columns or numbered lines ------------------------------------


@dataclass
class _PhysicalRow:
    words: list[Word]
    lines: list[LineItem]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox | None:
        return union_bbox([w.bbox for w in self.words])


def _flush_lines(lines: list[LineItem], state: _State) -> None:
    if not lines:
        return
    has_boxes = all(line.words and all(w.bbox for w in line.words) for line in lines)
    rows = _physical_rows(lines) if has_boxes else []
    if rows and _column_mode(lines[0].page, rows, state):
        return
    _numbered_lines(lines, state)


def _physical_rows(lines: list[LineItem]) -> list[_PhysicalRow]:
    entries = [(w, line) for line in lines for w in line.words if not _NOISE_WORD.match(w.text)]
    if not entries:
        return []
    heights = [w.bbox[3] - w.bbox[1] for w, _ in entries if w.bbox]
    tolerance = 0.55 * statistics.median(heights)
    entries.sort(key=lambda e: ((e[0].bbox[1] + e[0].bbox[3]) / 2) if e[0].bbox else 0.0)
    rows: list[_PhysicalRow] = []
    centre = -1e9
    for word, line in entries:
        assert word.bbox is not None
        y = (word.bbox[1] + word.bbox[3]) / 2
        if rows and abs(y - centre) <= tolerance:
            rows[-1].words.append(word)
            if line not in rows[-1].lines:
                rows[-1].lines.append(line)
        else:
            rows.append(_PhysicalRow([word], [line]))
            centre = y
    for row in rows:
        row.words.sort(key=lambda w: w.bbox[0] if w.bbox else 0.0)
    return rows


def _groups(words: list[Word], gap: float) -> list[list[Word]]:
    groups: list[list[Word]] = []
    for word in words:
        assert word.bbox is not None
        if groups and word.bbox[0] - (groups[-1][-1].bbox or word.bbox)[2] <= gap:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _column_mode(page: int, rows: list[_PhysicalRow], state: _State) -> bool:
    """Rows of a gridless list on one page; False when the page holds no such list."""
    heights = [w.bbox[3] - w.bbox[1] for r in rows for w in r.words if w.bbox]
    h = statistics.median(heights)
    headers: list[tuple[int, list[list[Word]], list[Role | None]]] = []
    for i, row in enumerate(rows):
        groups = _groups(row.words, 0.9 * h)
        roles = header_roles([" ".join(w.text for w in g) for g in groups])
        if roles is not None:
            headers.append((i, groups, roles))
    if not headers and state.columns is None:
        return False
    # each header starts a table of its own; rows above the first continue the last page's
    starts = [i for i, _, _ in headers]
    segments: list[tuple[int, int, tuple[list[Word], ...] | None, list[Role | None] | None]] = []
    if not starts or starts[0] > 0:
        segments.append((0, starts[0] if starts else len(rows), None, None))
    for n, (i, groups, roles) in enumerate(headers):
        stop = starts[n + 1] if n + 1 < len(starts) else len(rows)
        segments.append((i + 1, stop, tuple(w for w in groups), roles))
    for begin, stop, header_groups, header_role_list in segments:
        data = rows[begin:stop]
        if header_groups is None and state.columns is None:
            for row in data:  # the list's title lines; a section title may close them
                _section(state, row.text)
            continue
        spans = _column_spans(data, 0.6 * h)
        if not spans:
            continue
        if header_groups is not None and header_role_list is not None:
            state.roles = header_role_list
            roles = _map_roles(spans, list(header_groups), header_role_list)
            state.columns = (spans, roles)
        else:
            assert state.columns is not None
            roles = _remap(spans, state.columns)
        _column_rows(page, data, spans, roles, h, state)
    return True


def _column_rows(
    page: int,
    rows: list[_PhysicalRow],
    spans: list[tuple[float, float]],
    roles: list[Role | None],
    h: float,
    state: _State,
) -> None:
    """Cells per physical row, then each unnumbered row joined to the record it belongs to.

    A wrapped cell's lines sit below its record's first line when cells are top-aligned,
    and straddle it when they are centred: an unnumbered line joins the nearer numbered
    line (the one above on a tie), never across a section title or the end of the list.
    """
    entries: list[tuple[str, _PhysicalRow, dict[Role, str]]] = []
    for row in rows:
        folded = fold(row.text)
        if section_kind(row.text) is not None:
            entries.append(("section", row, {}))
            continue
        if _END.match(folded) or _SIGNATURE.match(folded):
            entries.append(("end", row, {}))
            continue
        cells: dict[Role, str] = {}
        for word in row.words:
            assert word.bbox is not None
            column = _column_of(word.bbox, spans)
            role = roles[column] if column is not None and column < len(roles) else None
            if role is not None:
                cells[role] = f"{cells.get(role, '')} {word.text}".strip()
        number = cells.get(Role.number, "")
        if _ROW_NUMBER.match(number) and (cells.get(Role.name) or cells.get(Role.combined)):
            entries.append(("record", row, cells))
        elif not number:
            entries.append(("piece", row, cells))
        else:
            entries.append(("skip", row, cells))

    def centre(row: _PhysicalRow) -> float:
        box = row.bbox
        return (box[1] + box[3]) / 2 if box else 0.0

    pending: list[tuple[_PhysicalRow, dict[Role, str]]] = []
    anchor: float | None = None  # centre of the open record's numbered line on this page
    for index, (kind, row, cells) in enumerate(entries):
        if kind == "section":
            _section(state, row.text)
            pending, anchor = [], None
        elif kind == "end":
            state.open_row, pending, anchor = None, [], None
        elif kind == "record":
            confidence = min((w.confidence for w in row.words), default=1.0)
            _start_row(state, ListRow(page, dict(cells), row.text, row.bbox, confidence))
            anchor = centre(row)
            for piece, piece_cells in reversed(pending):
                _join_row(state, piece_cells, piece.text, piece.bbox, above=True)
            pending = []
        elif kind == "piece":
            following = next(
                (e for e in entries[index + 1 :] if e[0] in ("record", "section", "end")), None
            )
            below = None
            if following is not None and following[0] == "record":
                below = centre(following[1]) - centre(row)
            above = centre(row) - anchor if anchor is not None else None
            if below is not None and (
                (above is None and (state.open_row is None or below < 0.9 * h))
                or (above is not None and below < above)
            ):
                pending.append((row, cells))
            elif state.open_row is not None:
                _join_row(state, cells, row.text, row.bbox)


def _column_spans(rows: list[_PhysicalRow], gap: float) -> list[tuple[float, float]]:
    spans: list[tuple[float, float]] = []
    for row in rows:
        if section_kind(row.text) is not None or _END.match(fold(row.text)):
            continue
        for word in row.words:
            assert word.bbox is not None
            spans.append((word.bbox[0], word.bbox[2]))
    spans.sort()
    merged: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if merged and x0 - merged[-1][1] <= gap:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def _column_of(bbox: BBox, spans: list[tuple[float, float]]) -> int | None:
    centre = (bbox[0] + bbox[2]) / 2
    for index, (x0, x1) in enumerate(spans):
        if x0 - 1 <= centre <= x1 + 1:
            return index
    return min(range(len(spans)), key=lambda i: abs((spans[i][0] + spans[i][1]) / 2 - centre))


def _map_roles(
    spans: list[tuple[float, float]], header: list[list[Word]], roles: list[Role | None]
) -> list[Role | None]:
    """Each data column's role: in order when the counts agree, else by overlap with labels."""
    if len(spans) == len(header) == len(roles):
        return list(roles)
    out: list[Role | None] = []
    labels = [union_bbox([w.bbox for w in group]) for group in header]
    for x0, x1 in spans:
        best, best_overlap = None, 0.0
        for label, role in zip(labels, roles, strict=False):
            if label is None:
                continue
            overlap = min(x1, label[2]) - max(x0, label[0])
            if overlap > best_overlap:
                best, best_overlap = role, overlap
        if best is None:
            centre = (x0 + x1) / 2
            nearest = min(
                (i for i, label in enumerate(labels) if label is not None),
                key=lambda i: abs(
                    ((labels[i] or (0, 0, 0, 0))[0] + (labels[i] or (0, 0, 0, 0))[2]) / 2 - centre
                ),
                default=None,
            )
            best = roles[nearest] if nearest is not None and nearest < len(roles) else None
        out.append(best)
    return out


def _remap(
    spans: list[tuple[float, float]], previous: tuple[list[tuple[float, float]], list[Role | None]]
) -> list[Role | None]:
    old_spans, old_roles = previous
    out: list[Role | None] = []
    for x0, x1 in spans:
        centre = (x0 + x1) / 2
        index = min(range(len(old_spans)), key=lambda i: abs(sum(old_spans[i]) / 2 - centre))
        out.append(old_roles[index] if index < len(old_roles) else None)
    return out


def _unnumbered_person(text: str, state: _State) -> str | None:
    """Inside a numbered list of recipients, a line that starts a person (an honorific
    or rank and a name) though its number was lost: the record it begins."""
    if state.open_row is None or Role.combined not in state.open_row.cells:
        return None
    match = _UNNUMBERED_PERSON.match(text)
    if match is None:
        return None
    rest = match.group(1)
    found = find_honorific(rest)
    return rest if found is not None and rest[:1].isupper() else None


def _numbered_lines(lines: list[LineItem], state: _State) -> None:
    for line in lines:
        text = line.text.strip()
        if _section(state, text):
            continue
        if _END.match(line.folded) or _SIGNATURE.match(line.folded):
            state.open_row = None
            continue
        match = _NUMBERED_LINE.match(text)
        person = None if match else _unnumbered_person(text, state)
        if match:
            cells = {Role.number: match.group(1), Role.combined: match.group(2).strip()}
            _start_row(state, ListRow(line.page, cells, text, line.bbox, line.confidence))
        elif person is not None:
            row = ListRow(line.page, {Role.combined: person}, text, line.bbox, line.confidence)
            row.doubts.append("its number unread")
            _start_row(state, row)
        elif state.open_row is not None and Role.combined in state.open_row.cells:
            if text[:1] in "-+•" or line.folded.startswith(("danh sach", "(kem theo")):
                state.open_row = None
                continue
            _join_row(state, {Role.combined: text}, text, line.bbox)
