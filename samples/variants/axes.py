"""The axes of variation and how a document draws its value on each.

Each axis is drawn independently. So that a small corpus still covers every value, an
axis's values come from a stream of shuffled rounds (every value once per round, in a
seeded random order); an axis that does not apply to a document (a scan degradation on a
DOCX) records `n/a` and takes nothing from its stream, so the documents it does apply to
still cover all of its values.
"""

import random
from collections.abc import Callable, Mapping

NA = "n/a"

AXES: dict[str, tuple[str, ...]] = {
    "kind": ("certificate", "decision_inline", "decision_list"),
    "header": (
        "ubnd_one_line",
        "ubnd_split",
        "ubnd_abbrev",
        "so_two_line",
        "so_three_line",
        "so_abbrev",
        "phong_two_line",
        "phong_abbrev",
        "party",
        "school",
        "authority_only",
    ),
    "esign_stamp": ("none", "stamp"),
    "number_day": ("printed", "blank_number", "blank_day", "handwritten"),
    "cert_layout": ("classic", "labelled", "labelled_hoten", "student", "collective_caps"),
    "cert_citation": ("decision_and_book", "vao_so", "number_only", "decision_only"),
    "orientation": ("landscape", "portrait"),
    "list_columns": (
        "stt_name_position_unit",
        "stt_combined",
        "name_only",
        "with_award",
        "with_money",
        "with_note",
        "shuffled",
    ),
    "list_structure": (
        "plain",
        "grouped_by_unit",
        "sections_by_award",
        "merged_unit_cells",
        "continuation_no_header",
        "numbered_lines",
        "numbered_in_article",
        "list_alone",  # the attached list archived without its decision's pages
    ),
    "section_headings": ("clean", "misread", "none"),
    "inline_separator": ("semicolon", "comma", "newline_dash", "va"),
    "inline_articles": ("one", "several"),
    "medium": ("text_pdf", "docx", "scan"),
    "text_layer": (
        "unicode",
        "nfd",
        "tcvn3",
        "vni",
        "broken_tounicode",
        "no_tounicode",
        "private_use",
    ),
    "prefix_bytes": ("no", "yes"),
    "degradation": ("clean", "light", "heavy"),
    "dpi": ("300", "150"),
    "geometry": ("upright", "upside_down", "sideways", "a3_two_up", "photo"),
    "container": (
        "pdf_jpeg",
        "pdf_jp2",
        "pdf_ccitt",
        "pdf_jbig2",
        "tiff_g4",
        "jpeg",
        "png",
        "pdf_invisible_ocr",
        "pdf_mixed",
    ),
}

# Which axes apply, given the values drawn so far (axes are drawn in AXES order).
Rule = Callable[[Mapping[str, str]], bool]
_CERT: Rule = lambda d: d["kind"] == "certificate"  # noqa: E731
_LIST: Rule = lambda d: d["kind"] == "decision_list"  # noqa: E731
_SCAN: Rule = lambda d: d["medium"] == "scan"  # noqa: E731
APPLIES: dict[str, Rule] = {
    "header": lambda d: d["kind"] != "certificate",
    "cert_layout": _CERT,
    "cert_citation": _CERT,
    "orientation": _CERT,
    "list_columns": lambda d: (
        _LIST(d) and d["list_structure"] not in ("numbered_lines", "numbered_in_article")
    ),
    "list_structure": _LIST,
    "section_headings": _LIST,
    "inline_separator": lambda d: d["kind"] == "decision_inline",
    "inline_articles": lambda d: d["kind"] == "decision_inline",
    "text_layer": lambda d: d["medium"] == "text_pdf",
    "prefix_bytes": lambda d: (
        d["medium"] == "text_pdf" or (d["medium"] == "scan" and d["container"].startswith("pdf"))
    ),
    "degradation": _SCAN,
    "dpi": lambda d: _SCAN(d) and d["geometry"] != "photo",
    "geometry": lambda d: _SCAN(d) and d["container"] not in ("pdf_mixed", "pdf_invisible_ocr"),
    "container": _SCAN,
}
# Values an axis may not take given what was drawn before: a single JPEG or PNG holds one
# page, so only certificates (always one page) are filed that way; a list split by award
# names each award in its section's heading, so it always prints its headings.
EXCLUDE: dict[str, Callable[[Mapping[str, str]], frozenset[str]]] = {
    "section_headings": lambda d: (
        frozenset({"none"}) if d["list_structure"] == "sections_by_award" else frozenset()
    ),
    "container": lambda d: (
        frozenset() if d["kind"] == "certificate" else frozenset({"jpeg", "png"})
    ),
}
# Drawing order: an axis's rule may only look at axes drawn before it.
ORDER: tuple[str, ...] = (
    "kind",
    "medium",
    "header",
    "esign_stamp",
    "number_day",
    "cert_layout",
    "cert_citation",
    "orientation",
    "list_structure",
    "list_columns",
    "section_headings",
    "inline_separator",
    "inline_articles",
    "text_layer",
    "container",
    "geometry",
    "prefix_bytes",
    "degradation",
    "dpi",
)
assert set(ORDER) == set(AXES)


class AxisStreams:
    """Per-axis streams of shuffled rounds, all from one seed."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(f"axes-{seed}")
        self._queues: dict[str, list[str]] = {name: [] for name in AXES}

    def take(self, axis: str, exclude: frozenset[str] = frozenset()) -> str:
        """The next value of `axis` not excluded; skipped values stay queued for later."""
        queue = self._queues[axis]
        while True:
            for k, value in enumerate(queue):
                if value not in exclude:
                    return queue.pop(k)
            round_ = list(AXES[axis])
            self._rng.shuffle(round_)
            queue.extend(round_)

    def draw(self) -> dict[str, str]:
        """One document's values on every axis (`n/a` where an axis does not apply)."""
        drawn: dict[str, str] = {}
        for axis in ORDER:
            rule = APPLIES.get(axis)
            if rule is None or rule(drawn):
                exclude = EXCLUDE[axis](drawn) if axis in EXCLUDE else frozenset()
                drawn[axis] = self.take(axis, exclude)
            else:
                drawn[axis] = NA
        return {axis: drawn[axis] for axis in AXES}
