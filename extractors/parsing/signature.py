"""The signature block: `KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC` / seal and signature / the name.

It sits bottom right beside `Nơi nhận:`; the reader gives the left column first, so the
block is found by its authority line and the name is the first person-shaped line after
it that is not part of the distribution list.
"""

from __future__ import annotations

import re

from extractors.nlp import looks_like_person_name
from extractors.parsing.items import LineItem
from extractors.parsing.org_names import title_case
from extractors.text_normalize import fold, is_all_caps, title_case_name
from schemas import Signer

_AUTHORITY = re.compile(
    r"^(KT|TM|Q|TL|TUQ|K\.T|T\.M|T/M|K/T|T/L)\s*[.,:]?\s+(\S.*)$", re.IGNORECASE
)
_SIGNER_TITLES = (
    "giam doc",
    "pho giam doc",
    "chu tich",
    "pho chu tich",
    "hieu truong",
    "pho hieu truong",
    "truong phong",
    "pho truong phong",
    "bo truong",
    "thu truong",
    "thu tuong",
    "pho thu tuong",
    "truong ban",
    "pho truong ban",
    "bi thu",
    "pho bi thu",
    "chanh van phong",
    "pho chanh van phong",
    "cuc truong",
    "vien truong",
    "tong giam doc",
    "chu nhiem",
    "truong khoa",
    "giam doc so",
    "chu tich nuoc",
)
_NOISE = re.compile(r"^\(?\s*(da ky|ky|ky ten|ky, ghi ro|dong dau|ky ten, dong dau)[^)]*\)?$")


def _is_title(folded: str) -> bool:
    bare = folded.strip(" .:")
    return bare in _SIGNER_TITLES


def find_signer(lines: list[LineItem], start: int = 0, stop: int | None = None) -> Signer:
    """The last signature block in `lines[start:stop]`."""
    stop = len(lines) if stop is None else stop
    anchor: int | None = None
    authority: str | None = None
    title: str | None = None
    for i in range(start, stop):
        line = lines[i]
        if not line.is_upper:
            continue
        match = _AUTHORITY.match(line.text)
        nxt = lines[i + 1] if i + 1 < stop else None
        if (
            match
            and not _is_title(_fold_title(match.group(2)))
            and nxt is not None
            and nxt.is_upper
            and _is_title(nxt.folded)
        ):
            # `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`: on behalf of a body, signed by its head
            anchor, authority, title = i + 1, _authority_text(match), title_case(nxt.text)
        elif match and _is_title(_fold_title(match.group(2))):
            anchor, authority, title = i, _authority_text(match), None
            if nxt is not None and nxt.is_upper and _is_title(nxt.folded):
                title = title_case(nxt.text)
                anchor = i + 1
            else:
                title = title_case(match.group(2))
        elif _is_title(line.folded) and (anchor is None or i > anchor + 1):
            anchor, authority, title = i, None, title_case(line.text)
    if anchor is None:
        return Signer()
    name = None
    for line in lines[anchor + 1 : min(stop, anchor + 12)]:
        if line.folded.startswith(("noi nhan", "- ", "+ ")) or _NOISE.match(line.folded):
            continue
        text = line.text.strip(" .")
        if looks_like_person_name(text):
            name = title_case_name(text) if is_all_caps(text) else text
            break
    return Signer(name=name, title=title, authority=authority)


def _fold_title(text: str) -> str:
    return fold(text)


def _authority_text(match: re.Match[str]) -> str:
    if "/" in match.group(1):
        return f"{match.group(1).upper()} {match.group(2).strip()}"  # `T/M ĐẢNG ỦY` as printed
    prefix = match.group(1).upper().replace(".", "")
    prefix = {"KT": "KT.", "TM": "TM.", "Q": "Q.", "TL": "TL.", "TUQ": "TUQ."}.get(prefix, prefix)
    return f"{prefix} {match.group(2).strip()}"
