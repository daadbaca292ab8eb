"""Render decisions (platypus, A4 portrait) and certificates (canvas, landscape) with reportlab."""

from __future__ import annotations

import io
import math
import random
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as RLPageBreak

from samples.fonts import face, register_fonts, register_mono
from samples.model import (
    Align,
    Block,
    CertSpec,
    HeaderBlock,
    Line,
    PageBreak,
    Para,
    TableBlock,
)

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
SEAL_RED = colors.Color(0.82, 0.08, 0.10)
INK_BLUE = colors.Color(0.10, 0.15, 0.45)

MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 30 * mm, 18 * mm, 18 * mm, 18 * mm
TEXT_W = A4[0] - MARGIN_L - MARGIN_R


def _style(
    size: float, align: Align = "justify", indent: float = 0, left: float = 0, family: str = "Serif"
) -> ParagraphStyle:
    return ParagraphStyle(
        "p",
        fontName=family,
        fontSize=size,
        leading=size * 1.22,
        alignment=ALIGN[align],
        firstLineIndent=indent,
        leftIndent=left,
    )


class Typewriter:
    """The look of a typed page: one monospaced size, no italics, no justified lines, and each
    keystroke a little off — worn keys print lighter, typebars sit a little high or low (the
    same key always the same way), and no two strikes carry quite the same ink. Seeded.
    """

    family = "Mono"

    def __init__(self, seed: int, size: float = 12.0) -> None:
        self.seed = seed
        self.size = size
        self.rng = random.Random(seed)
        self._keys: dict[str, tuple[float, float]] = {}

    def _key(self, ch: str) -> tuple[float, float]:
        """(rise in points, lightness 0..1) of one typebar, fixed for the machine."""
        if ch not in self._keys:
            r = random.Random(f"{self.seed}:{ch}")
            self._keys[ch] = (r.uniform(-1.0, 1.0), r.uniform(0.0, 0.12))
        return self._keys[ch]

    def markup(self, text: str, bold: bool) -> str:
        out: list[str] = []
        for ch in text:
            if ch.isspace():
                out.append(ch)
                continue
            rise, light = self._key(ch)
            rise += self.rng.gauss(0.0, 0.25)
            light += self.rng.uniform(0.0, 0.22)
            if self.rng.random() < 0.05:  # a light strike
                light += 0.15
            if bold:  # struck twice
                light *= 0.5
            g = round(255 * min(light, 0.3))
            tag = "sup" if rise >= 0 else "sub"
            out.append(
                f'<{tag} rise="{abs(rise):.2f}" size="{self.size}">'
                f'<font color="#{g:02x}{g:02x}{g:02x}">{escape(ch)}</font></{tag}>'
            )
        return "".join(out)


def _markup(text: str, bold: bool, italic: bool, tw: Typewriter | None = None) -> str:
    if tw is not None:
        t = tw.markup(text, bold)
        return f"<b>{t}</b>" if bold else t
    t = escape(text)
    if bold:
        t = f"<b>{t}</b>"
    if italic:
        t = f"<i>{t}</i>"
    return t


class Rule(Flowable):  # type: ignore[misc]
    """A short centred horizontal rule (under the issuer and under the motto)."""

    def __init__(self, width: float, avail: float) -> None:
        super().__init__()
        self.rule_w = width
        self.avail = avail

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return (aw, 6)

    def draw(self) -> None:
        x0 = (self.avail - self.rule_w) / 2
        self.canv.setLineWidth(0.7)
        self.canv.line(x0, 1, x0 + self.rule_w, 1)


class SealMark(Flowable):  # type: ignore[misc]
    """Zero-height flowable drawing a signature scribble and a round red seal above itself."""

    def __init__(
        self, avail: float, ring: str, seed: int, over_name: bool, gap: float, shift: float = 0.0
    ) -> None:
        super().__init__()
        self.shift = shift
        self.avail = avail
        self.ring = ring
        self.seed = seed
        self.over_name = over_name
        self.gap = gap

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return (aw, 0)

    def draw(self) -> None:
        c = self.canv
        rng = random.Random(self.seed)
        cx = self.avail / 2
        draw_signature(c, cx - 20, 22 + self.gap * 0.35, 90, 38, rng)
        sx: float
        sy: float
        if self.over_name:
            sx, sy = cx - 40, 14
        else:
            sx, sy = cx - 66, 20 + self.gap * 0.3
        sx += self.shift
        draw_seal(c, sx, sy, 50, self.ring, rng)


def draw_signature(c: Canvas, x: float, y: float, w: float, h: float, rng: random.Random) -> None:
    c.saveState()
    c.setStrokeColor(INK_BLUE)
    c.setLineWidth(1.3)
    c.setLineCap(1)
    px, py = x, y + h * 0.3
    for _ in range(4):
        nx = px + rng.uniform(0.15, 0.35) * w
        ny = y + rng.uniform(0.0, 1.0) * h
        c.bezier(
            px,
            py,
            px + rng.uniform(-0.3, 0.5) * w,
            y + rng.uniform(0.3, 1.3) * h,
            nx + rng.uniform(-0.4, 0.2) * w,
            y + rng.uniform(-0.3, 0.8) * h,
            nx,
            ny,
        )
        px, py = nx, ny
    c.bezier(x - 8, y + 2, x + w * 0.4, y + h * 0.2, x + w * 0.7, y - 4, x + w, y + 6)
    c.restoreState()


def draw_seal(c: Canvas, cx: float, cy: float, r: float, ring: str, rng: random.Random) -> None:
    c.saveState()
    c.setStrokeColor(SEAL_RED)
    c.setFillColor(SEAL_RED)
    c.setStrokeAlpha(0.82)
    c.setFillAlpha(0.82)
    c.translate(cx, cy)
    c.rotate(rng.uniform(-25, 25))
    c.setLineWidth(2.6)
    c.circle(0, 0, r)
    c.setLineWidth(0.9)
    c.circle(0, 0, r - 15)
    # ring text, clockwise from the lower left over the top, letter-spaced to fill the ring
    fnt = "Serif-Bold"
    text = ring.replace("  ", " ")
    rt = r - 10.5
    target = math.radians(290)
    size = 8.5
    while size > 5.5 and sum(stringWidth(ch, fnt, size) for ch in text) * 1.15 / rt > target:
        size -= 0.25
    widths = [stringWidth(ch, fnt, size) for ch in text]
    steps = [w / rt for w in widths]
    gap = (target - sum(steps)) / max(len(text) - 1, 1)
    theta = math.pi / 2 + target / 2
    c.setFont(fnt, size)
    for ch, step in zip(text, steps, strict=True):
        mid = theta - step / 2
        c.saveState()
        c.translate(rt * math.cos(mid), rt * math.sin(mid))
        c.rotate(math.degrees(mid) - 90)
        c.drawCentredString(0, 0, ch)
        c.restoreState()
        theta -= step + gap
    # five-pointed star
    rs, ri = r * 0.42, r * 0.17
    p = c.beginPath()
    for k in range(10):
        a = math.pi / 2 + k * math.pi / 5
        rad = rs if k % 2 == 0 else ri
        if k == 0:
            p.moveTo(rad * math.cos(a), rad * math.sin(a))
        else:
            p.lineTo(rad * math.cos(a), rad * math.sin(a))
    p.close()
    c.drawPath(p, stroke=0, fill=1)
    c.restoreState()


def _line_paras(
    lines: list[Line], avail: float, *, fit: bool = True, tw: Typewriter | None = None
) -> list[Flowable]:
    out: list[Flowable] = []
    family = tw.family if tw else "Serif"
    for ln in lines:
        size = tw.size if tw else ln.size
        fnt = face(ln.bold, ln.italic, family)
        while fit and not tw and size > 9 and stringWidth(ln.text, fnt, size) > avail - 4:
            size -= 0.25
        st = _style(size, "center", family=family)
        st.leading = size * 1.25
        out.append(Paragraph(_markup(ln.text, ln.bold, ln.italic, tw), st))
        if ln.rule:
            rw = stringWidth(ln.text, fnt, size)
            out.append(Rule(rw if "Hạnh phúc" in ln.text else min(rw, avail) * 0.4, avail))
    return out


def _header_widths(block: HeaderBlock, tw: Typewriter | None = None) -> tuple[float, float]:
    fam = tw.family if tw else "Serif"

    def need(lines: list[Line], size: float | None) -> float:
        return float(
            max(
                stringWidth(
                    ln.text, face(ln.bold, ln.italic, fam), tw.size if tw else size or ln.size
                )
                for ln in lines
            )
        )

    need_l = need(block.left, 11.5) + 8
    need_r = need(block.right, None) + 8
    left = max(TEXT_W * 0.40, min(need_l, TEXT_W - need_r))
    return left, TEXT_W - left


def block_flowables(block: Block, tw: Typewriter | None = None) -> list[Flowable]:
    fam = tw.family if tw else "Serif"
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    if isinstance(block, Para):
        indent = 28.0 if block.indent else 0.0
        align: Align = "left" if tw and block.align == "justify" else block.align
        st = _style(tw.size if tw else block.size, align, indent, block.hanging, fam)
        if block.hanging:
            st.firstLineIndent = 0
        st.spaceBefore = block.space_before
        st.spaceAfter = block.space_after
        html = "".join(_markup(r.text, r.bold, r.italic, tw) for r in block.runs)
        return [Paragraph(html, st)]
    if isinstance(block, HeaderBlock):
        lw, rw = _header_widths(block, tw)
        t = Table(
            [[_line_paras(block.left, lw, tw=tw), _line_paras(block.right, rw, tw=tw)]],
            colWidths=[lw, rw],
        )
        t.setStyle(_plain_style())
        return [t, Spacer(1, 4)]
    if isinstance(block, TableBlock):
        return [_table(block, tw)]
    # SignBlock
    lw, rw = TEXT_W * 0.45, TEXT_W * 0.55
    left: list[Flowable] = []
    for i, ln in enumerate(block.left):
        size = min(ln.size, tw.size) if tw else ln.size
        st = _style(size, "left", family=fam)
        st.leading = size * 1.15
        if i == 0:
            st.spaceAfter = 1
        left.append(Paragraph(_markup(ln.text, ln.bold, ln.italic, tw), st))
    gap = 72.0
    right = _line_paras(block.right, rw, fit=False, tw=tw)
    right.append(Spacer(1, gap))
    right += _line_paras([block.name], rw, fit=False, tw=tw)
    if block.seal_text is not None:
        right.append(
            SealMark(
                rw, block.seal_text[0], block.seed, block.seal_over_name, gap, block.seal_shift
            )
        )
    t = Table([[left, right]], colWidths=[lw, rw])
    t.setStyle(_plain_style())
    return [Spacer(1, 8), t]


def _plain_style() -> TableStyle:
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def _table(block: TableBlock, tw: Typewriter | None = None) -> Table:
    size = tw.size if tw else block.size
    fam = tw.family if tw else "Serif"
    head_st = _style(size, "center", family=fam)
    data: list[list[Any]] = [
        [Paragraph(_markup(h, True, False, tw), head_st) for h in block.header]
    ]
    for row in block.rows:
        data.append(
            [
                Paragraph(
                    _markup(cell, False, False, tw), _style(size, block.aligns[k], family=fam)
                )
                for k, cell in enumerate(row)
            ]
        )
    t = Table(data, colWidths=[w * TEXT_W for w in block.widths], repeatRows=1)
    cmds: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if block.grid:
        cmds.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    t.setStyle(TableStyle(cmds))
    return t


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, target: Any) -> None:
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_L,
            rightMargin=MARGIN_R,
            topMargin=MARGIN_T,
            bottomMargin=MARGIN_B,
            allowSplitting=0,
            invariant=1,
            title="",
            author="",
            creator="",
            producer="",
        )
        frame = Frame(MARGIN_L, MARGIN_B, TEXT_W, A4[1] - MARGIN_T - MARGIN_B, id="f")
        self.addPageTemplates([PageTemplate(id="p", frames=[frame])])
        self.block_pages: dict[int, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:
        idx = getattr(flowable, "_block_idx", None)
        if idx is not None:
            self.block_pages.setdefault(idx, self.page)


def render_decision_pdf(
    blocks: list[Block], typewriter: Typewriter | None = None
) -> tuple[bytes, list[int], int]:
    """Returns (pdf bytes, page of each block (1-based), page count)."""
    register_fonts()
    if typewriter is not None:
        register_mono()
    story: list[Flowable] = []
    for i, b in enumerate(blocks):
        for f in block_flowables(b, typewriter):
            if not isinstance(f, Spacer | RLPageBreak):
                f._block_idx = i
            story.append(f)
    buf = io.BytesIO()
    doc = _Doc(buf)
    doc.build(story)
    pages: list[int] = []
    cur = 1
    for i in range(len(blocks)):
        cur = doc.block_pages.get(i, cur)
        pages.append(cur)
    return buf.getvalue(), pages, doc.page


# ----------------------------------------------------------------------------- certificates

PALETTES = {
    "red": (colors.Color(0.70, 0.10, 0.10), colors.Color(0.85, 0.65, 0.20)),
    "blue": (colors.Color(0.10, 0.22, 0.55), colors.Color(0.80, 0.62, 0.22)),
    "green": (colors.Color(0.08, 0.42, 0.25), colors.Color(0.82, 0.64, 0.20)),
}
TITLE_RED = colors.Color(0.85, 0.05, 0.05)
PAPER = colors.Color(1.0, 0.985, 0.93)


def cert_lines(spec: CertSpec) -> list[str]:
    """Printed lines of a certificate in reading order (bottom left before bottom right)."""
    hoa = "HÒA" if spec.place_date.year >= 2012 else "HOÀ"
    out = [f"CỘNG {hoa} XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    out += spec.authority
    out += [spec.tang, spec.big]
    out += spec.recipient_lines
    if spec.detail_line:
        out.append(spec.detail_line)
    out.append(spec.achievement)
    out.append(spec.qd_line)
    if spec.book_line:
        out.append(spec.book_line)
    d = spec.place_date
    out.append(f"{spec.place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}")
    out += spec.signer.lines
    out.append(spec.signer.printed_name)
    return out


def _border(c: Canvas, w: float, h: float, spec: CertSpec) -> None:
    main, gold = PALETTES[spec.palette]
    c.setFillColor(PAPER)
    c.rect(0, 0, w, h, stroke=0, fill=1)
    # faint background rosette
    c.saveState()
    c.setStrokeColor(colors.Color(0.93, 0.86, 0.70))
    c.setLineWidth(0.5)
    for k in range(36):
        a = k * math.pi / 18
        c.ellipse(
            w / 2 - 150 + 40 * math.cos(a),
            h / 2 - 120 + 40 * math.sin(a),
            w / 2 + 150 + 40 * math.cos(a),
            h / 2 + 120 + 40 * math.sin(a),
        )
    c.restoreState()
    m1, m2 = 16.0, 34.0
    c.setFillColor(main)
    c.rect(m1, m1, w - 2 * m1, h - 2 * m1, stroke=0, fill=1)
    c.setFillColor(PAPER)
    c.rect(m2, m2, w - 2 * m2, h - 2 * m2, stroke=0, fill=1)
    # gold diamonds along the band
    c.setFillColor(gold)
    mid = (m1 + m2) / 2
    step = 18.0

    def diamond(x: float, y: float, s: float) -> None:
        p = c.beginPath()
        p.moveTo(x, y + s)
        p.lineTo(x + s, y)
        p.lineTo(x, y - s)
        p.lineTo(x - s, y)
        p.close()
        c.drawPath(p, stroke=0, fill=1)

    x = m1 + step
    while x < w - m1 - step / 2:
        diamond(x, mid, 4.5)
        diamond(x, h - mid, 4.5)
        x += step
    y = m1 + step
    while y < h - m1 - step / 2:
        diamond(mid, y, 4.5)
        diamond(w - mid, y, 4.5)
        y += step
    c.setStrokeColor(gold)
    c.setLineWidth(1.6)
    c.rect(m2 + 5, m2 + 5, w - 2 * m2 - 10, h - 2 * m2 - 10, stroke=1, fill=0)
    c.setLineWidth(0.6)
    c.rect(m2 + 9, m2 + 9, w - 2 * m2 - 18, h - 2 * m2 - 18, stroke=1, fill=0)
    # corner rosettes
    for cx, cy in (
        (m2 + 9, m2 + 9),
        (w - m2 - 9, m2 + 9),
        (m2 + 9, h - m2 - 9),
        (w - m2 - 9, h - m2 - 9),
    ):
        c.setFillColor(main)
        c.circle(cx, cy, 11, stroke=0, fill=1)
        c.setFillColor(gold)
        c.circle(cx, cy, 6, stroke=0, fill=1)
    # emblem at top centre
    c.setFillColor(TITLE_RED)
    c.circle(w / 2, h - 62, 17, stroke=0, fill=1)
    c.setStrokeColor(gold)
    c.setLineWidth(2)
    c.circle(w / 2, h - 62, 19, stroke=1, fill=0)
    c.setFillColor(colors.Color(1.0, 0.85, 0.1))
    p = c.beginPath()
    for k in range(10):
        a = math.pi / 2 + k * math.pi / 5
        rad = 11 if k % 2 == 0 else 4.5
        px, py = w / 2 + rad * math.cos(a), h - 62 + rad * math.sin(a)
        if k == 0:
            p.moveTo(px, py)
        else:
            p.lineTo(px, py)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


def _centred(c: Canvas, text: str, x: float, y: float, fnt: str, size: float, maxw: float) -> float:
    while stringWidth(text, fnt, size) > maxw and size > 8:
        size -= 0.5
    c.setFont(fnt, size)
    c.drawCentredString(x, y, text)
    return size


def _wrap(text: str, fnt: str, size: float, maxw: float) -> list[str]:
    words = text.split()
    lines: list[str] = []
    cur = ""
    for wd in words:
        cand = f"{cur} {wd}".strip()
        if stringWidth(cand, fnt, size) <= maxw or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = wd
    if cur:
        lines.append(cur)
    return lines


def render_cert_pdf(spec: CertSpec, *, marks: bool) -> bytes:
    """Draw the certificate; `marks` adds the seal and the signature (scans, photos)."""
    register_fonts()
    w, h = landscape(A4)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h), invariant=1)
    _border(c, w, h, spec)
    lines = cert_lines(spec)
    cx = w / 2
    inner = w - 2 * 60
    c.setFillColor(colors.black)
    y = h - 102
    _centred(c, lines[0], cx, y, "Serif-Bold", 14, inner)
    y -= 18
    sz = _centred(c, lines[1], cx, y, "Serif-Bold", 14.5, inner)
    rw = stringWidth(lines[1], "Serif-Bold", sz)
    c.setLineWidth(0.8)
    c.line(cx - rw / 2, y - 4, cx + rw / 2, y - 4)
    y -= 38
    c.setFillColor(TITLE_RED)
    for a in spec.authority:
        _centred(c, a, cx, y, "Serif-Bold", 18, inner)
        y -= 23
    c.setFillColor(colors.black)
    y -= 4
    _centred(c, spec.tang, cx, y, "Serif-Bold", 17, inner)
    y -= 58
    c.setFillColor(TITLE_RED)
    _centred(c, spec.big, cx, y, "Serif-Bold", 50, inner - 80)
    c.setFillColor(colors.black)
    y -= 48
    caps = spec.recipient_lines[0].isupper()
    for rl in spec.recipient_lines:
        _centred(c, rl, cx, y, "Serif-Bold" if caps else "Serif-BoldItalic", 23, inner)
        y -= 28
    if spec.detail_line:
        _centred(c, spec.detail_line, cx, y, "Serif-BoldItalic", 16.5, inner)
        y -= 26
    for al in _wrap(spec.achievement, "Serif-Italic", 16.5, inner - 60):
        _centred(c, al, cx, y, "Serif-Italic", 16.5, inner)
        y -= 21
    # bottom left
    lx = 180.0
    c.setFont("Serif-BoldItalic", 13)
    c.drawCentredString(lx, 132, spec.qd_line)
    if spec.book_line:
        c.drawCentredString(lx, 114, spec.book_line)
    # bottom right
    rx = w - 215.0
    d = spec.place_date
    _centred(
        c,
        f"{spec.place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
        rx,
        150,
        "Serif-BoldItalic",
        14,
        320,
    )
    yy = 132.0
    for sl in spec.signer.lines:
        _centred(c, sl, rx, yy, "Serif-Bold", 14, 320)
        yy -= 17
    if marks:
        rng = random.Random(spec.seed)
        draw_signature(c, rx - 25, 70, 90, 32, rng)
        draw_seal(c, rx - 70, 70, 46, spec.issuer_name.upper(), rng)
    _centred(c, spec.signer.printed_name, rx, 54, "Serif-Bold", 15, 320)
    c.showPage()
    c.save()
    return buf.getvalue()
