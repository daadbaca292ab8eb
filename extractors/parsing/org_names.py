"""Organization names and titles from capitals to their usual written case.

Headers, authority lines and certificate recipients are printed in capitals
(`SỞ GIÁO DỤC VÀ ĐÀO TẠO`, `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC GIANG`); records keep the
usual case (`Sở Giáo dục và Đào tạo`, `Ủy ban nhân dân tỉnh Bắc Giang`). Vietnamese
capitalises the first word of an organization's generic name and every syllable of a
proper name, so a lexicon of generic names decides which words stay lower case.
"""

from __future__ import annotations

import re

from extractors.text_normalize import clean_text, fold, normalize_tone_placement

# Generic parts of organization names as they are written. Longest match wins.
_GENERIC = [
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc",
    "Sở Giáo dục và Đào tạo",
    "Phòng Giáo dục và Đào tạo",
    "Bộ Giáo dục và Đào tạo",
    "Sở Nội vụ",
    "Phòng Nội vụ",
    "Bộ Nội vụ",
    "Sở Y tế",
    "Bộ Y tế",
    "Sở Tài chính",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Văn hóa và Thông tin",
    "Phòng Văn hóa - Thông tin",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động - Thương binh và Xã hội",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tư pháp",
    "Bộ Tư pháp",
    "Bộ Tài chính",
    "Bộ Công an",
    "Bộ Quốc phòng",
    "Ban Thi đua - Khen thưởng",
    "Ban Thi đua, Khen thưởng",
    "Hội đồng Thi đua - Khen thưởng",
    "Văn phòng",
    "Thủ tướng Chính phủ",
    "Chính phủ",
    "Chủ tịch nước",
    "Ban Chấp hành",
    "Đảng bộ",
    "Đảng ủy",
    "Đảng uỷ",
    "Chi bộ",
    "Liên đoàn Lao động",
    "Công đoàn",
    "Công đoàn ngành Giáo dục",
    "Đoàn Thanh niên",
    "Hội Sinh viên",
    "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh",
    "Hội Khuyến học",
    "Trường Mầm non",
    "Trường Mẫu giáo",
    "Trường Tiểu học",
    "Trường Trung học cơ sở",
    "Trường Trung học phổ thông",
    "Trường Phổ thông dân tộc nội trú",
    "Trường Phổ thông dân tộc bán trú",
    "Trường Tiểu học và Trung học cơ sở",
    "Trường Trung học cơ sở và Trung học phổ thông",
    "Trường THPT chuyên",
    "Trường Cao đẳng",
    "Trường Đại học",
    "Trung tâm Giáo dục thường xuyên",
    "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
    "Trung tâm",
    "Trường",
    "Tổ",
    "Phòng",
    "Sở",
    "Bộ",
    "Ban",
    "Hội",
    "Khối",
    "Lớp",
    "Khoa",
    "Bệnh viện",
    "Trạm Y tế",
    "Trung tâm Y tế",
    "Công ty",
    "Cục",
    "Chi cục",
    "Viện",
    "Liên đội",
    "Chi đoàn",
    "Nhà văn hóa",
    "Thư viện",
    "Bộ phận",
    "Tổ chuyên môn",
    "Tổ Văn phòng",
    "Nhân dân và cán bộ",
    # subject groups and offices inside a school keep sentence case
    "Khoa học tự nhiên",
    "Khoa học xã hội",
    "Ngữ văn",
    "Toán - Tin",
    "Toán - Tin học",
    "Tiếng Anh",
    "Ngoại ngữ",
    "Giáo dục thể chất",
    "Thể dục - Quốc phòng",
    "Lịch sử - Địa lí",
    "Sinh - Hóa",
    "Lý - Công nghệ",
    "Nghệ thuật",
    "Hành chính",
    "Hành chính - Tổng hợp",
    "Văn phòng - Thiết bị",
    "Kế toán",
    "Tổ chức cán bộ",
    "Giáo dục tiểu học",
    "Giáo dục trung học",
    "Giáo dục mầm non",
    "Giáo dục thường xuyên",
    "Quản lý chất lượng",
    "Kế hoạch - Tài chính",
    # bodies whose names are written in sentence case
    "Công an",
    "Ban Chỉ huy Quân sự",
    "Bộ Chỉ huy Quân sự",
    "Hội Cựu chiến binh",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Liên hiệp Phụ nữ",
    "Hội Nông dân",
    "Mặt trận Tổ quốc",
    # locality words stay lower case inside a name
    "tỉnh",
    "huyện",
    "quận",
    "thị xã",
    "thành phố",
    "xã",
    "phường",
    "thị trấn",
    "thôn",
    "tổ dân phố",
    "đặc khu",
    "và",
    "của",
    "ngành",
    "cấp",
]
_ACRONYMS = {
    "ubnd",
    "hdnd",
    "gd&dt",
    "gddt",
    "thpt",
    "thcs",
    "th",
    "mn",
    "tdkt",
    "ttcp",
    "bgd&dt",
    "ptdtnt",
    "ptdtbt",
    "gdtx",
    "gdnn",
    "tp",
    "tp.",
    "tx",
    "tx.",
    "gd",
    "ct",
    "mttq",
    "tnhh",
    "cp",
    "ii",
    "iii",
    "iv",
    "vi",
    "vii",
    "viii",
    "ix",
    "xi",
    "xii",
    "gdnn-gdtx",
    "dt",
    "bch",
    "lđlđ",
    "ldld",
}
# The words of generic names, folded: a collective's name repaired into them is no doubt.
GENERIC_WORDS: frozenset[str] = frozenset(
    fold(word).strip(",") for generic in _GENERIC for word in generic.split() if word != "-"
)
_GENERIC_BY_FOLD = sorted(
    ((tuple(fold(g).split()), g) for g in _GENERIC), key=lambda pair: -len(pair[0])
)
_TOKEN = re.compile(r"\S+")


def _title_syllable(word: str) -> str:
    head, sep, tail = word.partition("-")
    if sep and tail:
        return _title_syllable(head) + "-" + _title_syllable(tail)
    lead = re.match(r"^\W*", word)
    offset = lead.end() if lead else 0
    return word[:offset] + word[offset : offset + 1].upper() + word[offset + 1 :].lower()


def _same_word(printed: str, generic: str) -> bool:
    """A one-word generic must match with its tone marks: `TĨNH` in `HÀ TĨNH` is no `tỉnh`."""
    bare = printed.strip(",;.:()").lower()
    return normalize_tone_placement(bare) == normalize_tone_placement(generic.lower())


def organization_case(text: str) -> str:
    """`TRƯỜNG THPT NGUYỄN KHUYẾN` → `Trường THPT Nguyễn Khuyến`; proper case is kept."""
    text = clean_text(text)
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    words = _TOKEN.findall(text)
    folded = [fold(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        for key, generic in _GENERIC_BY_FOLD:
            n = len(key)
            stripped = [f.strip(",;.:()") for f in folded[i : i + n]]
            if tuple(stripped) == key and (n > 1 or _same_word(words[i], generic)):
                generic_words = generic.split()
                for j in range(n):
                    original = words[i + j]
                    trail = original[len(original.rstrip(",;.:()")) :]
                    word = generic_words[j]
                    # a generic phrase in the middle of a name is still capitalised
                    out.append(word + trail)
                i += n
                break
        else:
            word = words[i]
            bare = folded[i].strip(",;.:()")
            acronyms = [part for part in bare.split("&") if part]  # `TH&THCS`, `GD&ĐT`
            keep = all(part in _ACRONYMS for part in acronyms) or any(c.isdigit() for c in word)
            out.append(word if keep else _title_syllable(word))
            i += 1
    result = " ".join(out)
    return result[:1].upper() + result[1:]


_TITLE_WORDS = [
    "Phó Chủ tịch",
    "Chủ tịch",
    "Phó Giám đốc",
    "Giám đốc",
    "Phó Hiệu trưởng",
    "Hiệu trưởng",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Phó Trưởng ban",
    "Trưởng ban",
    "Bộ trưởng",
    "Thứ trưởng",
    "Phó Thủ tướng",
    "Thủ tướng",
    "Bí thư",
    "Phó Bí thư",
    "Chánh Văn phòng",
    "Phó Chánh Văn phòng",
    "Viện trưởng",
    "Phó Viện trưởng",
    "Cục trưởng",
    "Phó Cục trưởng",
    "Hiệu trưởng",
    "Tổng Giám đốc",
    "Phó Tổng Giám đốc",
    "Chủ nhiệm",
    "Trưởng khoa",
]
_TITLE_BY_FOLD = {fold(t): t for t in _TITLE_WORDS}


def title_case(text: str) -> str:
    """A signer's title as usually written: `PHÓ GIÁM ĐỐC` → `Phó Giám đốc`; a speck OCR
    leaves after it (`GIÁM ĐỐC.`) goes."""
    text = clean_text(text).rstrip(" .,;:")
    known = _TITLE_BY_FOLD.get(fold(text))
    if known:
        return known
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        lowered = text.lower()
        if lowered.startswith("phó "):
            return "Phó " + lowered[4:5].upper() + lowered[5:]
        return lowered[:1].upper() + lowered[1:]
    return text


_AWARD_OWNER = re.compile(r"\s+CỦA\s+")
_QUOTES = "\"“”'‘’"


def award_case(text: str) -> str:
    """`BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH` → `Bằng khen của Chủ tịch UBND tỉnh`.

    An award name is written in sentence case (a quoted name inside it starts with a
    capital); the body after `của` is cased as an organization after its head's title.
    Text already in mixed case is kept.
    """
    text = clean_text(text)
    if not text or not all(c.isupper() for c in text if c.isalpha()):
        return text
    match = _AWARD_OWNER.search(text)
    name, owner = (text[: match.start()], text[match.end() :]) if match else (text, "")
    cased: list[str] = []
    for word in name.split():
        bare = fold(word).strip(",;.:()" + _QUOTES)
        if bare in _ACRONYMS and not re.fullmatch(r"[ivx]+", bare):
            cased.append(word)
        elif word[:1] in _QUOTES:
            cased.append(word[:1] + word[1:2].upper() + word[2:].lower())
        else:
            cased.append(word.lower())
    head = " ".join(cased)
    head = head[:1].upper() + head[1:]
    return f"{head} của {_owner_case(owner)}" if owner else head


def _owner_case(owner: str) -> str:
    """`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH` → `Chủ tịch Ủy ban nhân dân tỉnh`."""
    words = owner.split()
    for n in range(min(4, len(words)), 0, -1):
        known = _TITLE_BY_FOLD.get(fold(" ".join(words[:n])))
        if known:
            rest = " ".join(words[n:])
            return f"{known} {organization_case(rest)}" if rest else known
    return organization_case(owner)
