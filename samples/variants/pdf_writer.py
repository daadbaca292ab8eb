"""Write laid-out pages as a PDF with reportlab: a text layer, scanned page images, or both.

Scans are written as images; a scanner's invisible OCR layer and a page mixing printed text
with a pasted scan are written here too, so every container comes from one layout."""

import io
import random
from collections.abc import Callable, Mapping

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from samples.variants.pdf_layout import Laid, RuleOp, ScribbleOp, TextOp


def _scribble(c: canvas.Canvas, op: ScribbleOp, rng: random.Random) -> None:
    c.setStrokeColorRGB(0.1, 0.15, 0.55)
    c.setLineWidth(1.1)
    x = op.x + 3
    y = op.y + 2
    path = c.beginPath()
    path.moveTo(x, y)
    while x < op.x + op.width - 6:
        step = rng.uniform(5, 9)
        path.curveTo(
            x + step / 3,
            y + rng.uniform(4, 10),
            x + 2 * step / 3,
            y - rng.uniform(0, 4),
            x + step,
            y + rng.uniform(-1, 3),
        )
        x += step
    c.drawPath(path, stroke=1, fill=0)


def draw_ops(
    c: canvas.Canvas, laid: Laid, page: int, keep: Callable[[TextOp], bool], seed: int
) -> None:
    rng = random.Random(seed * 1000 + page)
    for op in laid.ops:
        if op.page != page:
            continue
        if isinstance(op, TextOp):
            if not keep(op):
                continue
            c.setFillColorRGB(*op.color)
            c.setFont(op.font, op.size)
            c.drawString(op.x, op.y, op.text)
        elif isinstance(op, RuleOp):
            c.setStrokeColorRGB(*op.color)
            c.setLineWidth(op.width)
            c.line(op.x0, op.y0, op.x1, op.y1)
        else:
            _scribble(c, op, rng)


def text_pdf(laid: Laid, seed: int) -> bytes:
    """Every page with its real text layer."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=laid.size, invariant=1)
    for page in range(1, laid.pages + 1):
        draw_ops(c, laid, page, lambda _op: True, seed)
        c.showPage()
    c.save()
    return out.getvalue()


def image_pdf(
    pages: list[bytes],
    size: tuple[float, float],
    hidden_text: Mapping[int, list[TextOp]] | None = None,
) -> bytes:
    """Each page one full-page image (JPEG or PNG bytes), optionally under an invisible
    text layer (render mode 3), as a scanner's own OCR writes it."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=size, invariant=1)
    for index, data in enumerate(pages, start=1):
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width=size[0], height=size[1])
        for op in (hidden_text or {}).get(index, []):
            text = c.beginText(op.x, op.y)
            text.setTextRenderMode(3)
            text.setFont(op.font, op.size)
            text.textOut(op.text)
            c.drawText(text)
        c.showPage()
    c.save()
    return out.getvalue()


def mixed_pdf(laid: Laid, page_images: list[bytes], seed: int) -> bytes:
    """Pages mixing a text layer and scanned images: on a one-page document the lower half
    (signature, date) is a pasted scan; on longer ones every second page is scanned."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=laid.size, invariant=1)
    width, height = laid.size
    for page in range(1, laid.pages + 1):
        image = ImageReader(io.BytesIO(page_images[page - 1]))
        if laid.pages == 1:
            cut = height * 0.45
            draw_ops(c, laid, page, lambda op, cut=cut: op.y > cut + 4, seed)
            c.saveState()
            path = c.beginPath()
            path.rect(0, 0, width, cut)
            c.clipPath(path, stroke=0, fill=0)
            c.drawImage(image, 0, 0, width=width, height=height)
            c.restoreState()
        elif page % 2 == 0:
            c.drawImage(image, 0, 0, width=width, height=height)
        else:
            draw_ops(c, laid, page, lambda _op: True, seed)
        c.showPage()
    c.save()
    return out.getvalue()
