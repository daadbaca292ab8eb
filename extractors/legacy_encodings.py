"""The two 8-bit Vietnamese font encodings of the 1990s-2000s, as data: TCVN3 and VNI.

Documents typed in `.VnTime` (TCVN3/ABC) or `VNI-Times` fonts carry Western code points
that only the font drew as Vietnamese letters: `phßng GD & ®t` is `phòng GD & đt`,
`Vieät Nam` is `Việt Nam`. The tables below map those code points back to Unicode; the
decisions of when to apply them live with the readers (`text_normalize`, `legacy_fonts`).
"""

import re
import unicodedata

# TCVN 5712:1993 VN3 (the `.Vn*` fonts): lowercase letters and the seven base capitals.
# Uppercase text used the same codes with a capitals font (`.VnTimeH`), so it decodes to
# lowercase: the font, not the code, made it upper case.
TCVN3 = dict(
    zip(
        "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖ×ØÜÝÞßáâãäåæçèéêëìíîïñòóôõö÷øùúûüýþ",
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
        strict=True,
    )
)
# VNI: a base letter followed by one mark byte (tone, or circumflex/breve fused with tone).
VNI_TONE = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
VNI_CIRCUMFLEX = {
    "â": "",
    "á": "\u0301",
    "à": "\u0300",
    "å": "\u0309",
    "ã": "\u0303",
    "ä": "\u0323",
}
VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}  # fmt: skip


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    pairs: dict[str, str] = {}
    for lower_base in "aeouyôö":
        base = VNI_SINGLE.get(lower_base, lower_base)
        for mark, tone in VNI_TONE.items():
            pairs[lower_base + mark] = _nfc(base + tone)
        if lower_base in "aeo":
            for mark, tone in VNI_CIRCUMFLEX.items():
                pairs[lower_base + mark] = _nfc(base + "\u0302" + tone)
        if lower_base == "a":
            for mark, tone in VNI_BREVE.items():
                pairs[lower_base + mark] = _nfc(base + "\u0306" + tone)
    pairs.pop("yï")  # ỵ is the single byte î
    full: dict[str, str] = {}
    for seq, out in pairs.items():
        for b in (seq[0], seq[0].upper()):
            for m in (seq[1], seq[1].upper()):
                full[b + m] = out.upper() if b.isupper() else out
    singles = dict(VNI_SINGLE)
    singles.update({k.upper(): v.upper() for k, v in VNI_SINGLE.items()})
    return full, singles


VNI_PAIRS, VNI_SINGLES = _build_vni()
VNI_TABLE = {**VNI_SINGLES, **VNI_PAIRS}
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(VNI_TABLE, key=len, reverse=True)))


def decode_tcvn3(s: str) -> str:
    """TCVN3 code points to Unicode letters (NFC); other characters unchanged."""
    return "".join(TCVN3.get(c, c) for c in s)


def decode_vni(s: str) -> str:
    """VNI letter + mark byte pairs (and single bytes) to Unicode letters (NFC)."""
    return _VNI_RE.sub(lambda m: VNI_TABLE[m.group(0)], s)
