"""Text layers typed in TCVN3 (`.VnTime`) or VNI (`VNI-Times`) fonts, decoded per font.

Such fonts draw Vietnamese letters on Western code points, so the text layer of a PDF
made from them reads `phßng GD & ®t` or `Vieät Nam`. Decoding is decided per font on the
page, from the font's name when it says so and from the words themselves otherwise: a
decoder is applied to a font's words only when it turns them into Vietnamese syllables
far better than they were. Capitals fonts (`.VnTimeH`) used the lowercase codes; their
words are put back in capitals.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence

from extractors.legacy_encodings import TCVN3, decode_tcvn3, decode_vni
from extractors.text_layer_quality import measure

Decoder = Callable[[str], str]

MIN_DECODED_SYLLABLES = 0.6  # the decoded words must read as Vietnamese this well
MIN_GAIN = 0.15  # and better than the words as they were by this much
_LEGACY_POINTS = frozenset(c for c in TCVN3 if c not in "ÂÊÔâêôÝýÒÓÕÙÚÌÍÈÉÀÁÃàáãèéìíòóõùú")
# VNI's mark bytes that no Unicode Vietnamese word contains (`oø`, `aï`, `ñ` for đ).
_VNI_POINTS = frozenset("øûïåäüëñöæîØÛÏÅÄÜËÑÖÆÎ")
_SUBSET = re.compile(r"^[A-Z]{6}\+")


def base_font_name(fontname: str) -> str:
    """`ABCDEF+.VnTimeH,Bold` -> `vntimeh`: the family as typed, lowercase, no style."""
    name = _SUBSET.sub("", fontname).lstrip(".").lower()
    return re.split(r"[,\-\s]", name, maxsplit=1)[0]


def _named(fontname: str) -> str | None:
    name = base_font_name(fontname)
    if name.startswith("vni"):
        return "vni"
    if name.startswith("vn") and len(name) > 2:
        return "tcvn3"
    return None


def _capitals_font(fontname: str) -> bool:
    """TCVN3 capitals fonts end their family name in H: `.VnTimeH`, `.VnArialH`."""
    name = base_font_name(fontname)
    return name.startswith("vn") and not name.startswith("vni") and name.endswith("h")


def _unicode_vietnamese(c: str) -> bool:
    return "\u0100" <= c <= "\u01b0" or "\u1ea0" <= c <= "\u1ef9"


def _has_unicode_vietnamese(words: Sequence[str]) -> bool:
    return any(_unicode_vietnamese(c) for word in words for c in word)


def _may_be_legacy(words: Sequence[str]) -> bool:
    """Code points only the legacy fonts put in Vietnamese words, and no real Unicode
    Vietnamese letter (`ư`, `ạ`, `đ`) beside them."""
    if _has_unicode_vietnamese(words):
        return False
    chars = {c for word in words for c in word}
    return any(c in _LEGACY_POINTS or c in _VNI_POINTS for c in chars)


def _decoder_for(fontname: str, words: Sequence[str]) -> Decoder | None:
    named = _named(fontname)
    if not _may_be_legacy(words) and (named is None or _has_unicode_vietnamese(words)):
        return None  # a Unicode font with nothing suspicious (a `.VnTime` name or not)
    before = measure(words).syllable_share
    candidates: list[tuple[str, Decoder]] = [("vni", decode_vni), ("tcvn3", decode_tcvn3)]
    best: tuple[float, Decoder] | None = None
    for name, decode in candidates:
        share = measure([decode(w) for w in words]).syllable_share
        gain_needed = 0.0 if name == named else MIN_GAIN
        good = share >= MIN_DECODED_SYLLABLES and share - before >= gain_needed
        if good and (best is None or share > best[0]):
            best = (share, decode)
    if best is None:
        return None
    decode = best[1]
    if decode is decode_tcvn3 and _capitals_font(fontname):
        return lambda w: decode_tcvn3(w).upper()
    return decode


def _shouting(original: str, decoded: str) -> bool | None:
    """Whether the word's case-bearing letters are all capitals (None: fewer than two).

    Case-bearing: plain letters as typed, and letters the font has a capital code for
    (`§` is Đ); toned letters have only lowercase codes and tell nothing."""
    bearing = [c for c in original if c.isascii() and c.isalpha()]
    bearing += [d for o, d in zip(original, decoded, strict=False) if o != d and d.isupper()]
    return None if len(bearing) < 2 else all(c.isupper() for c in bearing)


def _restore_capitals(
    original: Sequence[str], decoded: list[str], lines: Sequence[Hashable]
) -> list[str]:
    """TCVN3 has no capital letters with tone marks: typed in capitals, `THÞ X· QU¶NG`
    decodes to `THị Xã QUảNG`. A word whose case-bearing letters are all capitals is put
    in capitals, and so is a short word (`X·`, `Vµ`) that capitals surround on its line
    (both sides, or the two words after it, or the two before it when no lowercase word
    follows it)."""
    loud = [_shouting(o, d) for o, d in zip(original, decoded, strict=True)]

    def shouts(*at: int) -> bool:
        return all(0 <= j < len(loud) and lines[j] == lines[i] and loud[j] is True for j in at)

    out = list(decoded)
    for i, word in enumerate(decoded):
        if word == original[i]:
            continue
        upper = loud[i]
        if upper is None:
            # `HƯƠNG, KÕ toán`: a short word before a lowercase one starts with it.
            quiet_after = i + 1 < len(loud) and lines[i + 1] == lines[i] and loud[i + 1] is False
            upper = (
                shouts(i - 1, i + 1)
                or shouts(i + 1, i + 2)
                or (not quiet_after and shouts(i - 1, i - 2))
            )
        if upper:
            out[i] = word.upper()
            loud[i] = True  # a run of short words in capitals: `VÀ XÃ`
    return out


def font_decoders(words: Sequence[tuple[str, str]]) -> dict[str, Decoder]:
    """For the page's (text, font name) words: the decoder of each legacy font on it."""
    by_font: defaultdict[str, list[str]] = defaultdict(list)
    for text, font in words:
        by_font[font].append(text)
    found: dict[str, Decoder] = {}
    for font, texts in by_font.items():
        decoder = _decoder_for(font, texts)
        if decoder is not None:
            found[font] = decoder
    return found


def decode_words(
    words: Sequence[tuple[str, str]],
    decoders: dict[str, Decoder] | None = None,
    lines: Sequence[Hashable] | None = None,
) -> list[str]:
    """Each word's text in Unicode NFC, legacy fonts decoded; the others as they are.
    `lines` names each word's line (words in reading order), for restoring capitals."""
    if decoders is None:
        decoders = font_decoders(words)
    out = [text for text, _ in words]
    by_font: defaultdict[str, list[int]] = defaultdict(list)
    for index, (_, font) in enumerate(words):
        by_font[font].append(index)
    for font, indices in by_font.items():
        decoder = decoders.get(font)
        if decoder is None:
            continue
        original = [words[i][0] for i in indices]
        line_of = [lines[i] if lines is not None else i for i in indices]
        decoded = _restore_capitals(original, [decoder(t) for t in original], line_of)
        for i, text in zip(indices, decoded, strict=True):
            out[i] = text
    return [unicodedata.normalize("NFC", text) for text in out]


def decode_cell(text: str, decoders: Sequence[Decoder]) -> str:
    """A table cell's text (its fonts unknown) decoded by whichever of the page's legacy
    decoders reads it best, when one reads it better than it is; NFC either way. On a tie
    the decoding with fewer capitals wins: a capitals font's decoder would shout a body
    cell, while a title cell in capitals merely comes out in lower case."""
    best, best_key = text, (measure(text.split()).syllable_share, 0)
    for decode in decoders:
        decoded = decode(text)
        key = (measure(decoded.split()).syllable_share, -sum(c.isupper() for c in decoded))
        if key[0] > measure(text.split()).syllable_share and key > best_key:
            best, best_key = decoded, key
    return unicodedata.normalize("NFC", best)
