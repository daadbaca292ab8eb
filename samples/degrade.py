"""Rasterize rendered pages and make them look scanned or photographed (deterministic: seeded)."""

from __future__ import annotations

import io
from typing import Literal

import cv2
import numpy as np
import numpy.typing as npt
import pypdfium2 as pdfium
from PIL import Image

Img = npt.NDArray[np.uint8]
F32 = npt.NDArray[np.float32]
Level = Literal["light", "heavy"]


def rasterize(pdf: bytes, dpi: int, *, gray: bool) -> list[Img]:
    doc = pdfium.PdfDocument(pdf)
    out: list[Img] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            bmp = page.render(scale=dpi / 72, grayscale=gray)
            pil = bmp.to_pil()
            pil = pil.convert("L" if gray else "RGB")
            out.append(np.asarray(pil, dtype=np.uint8).copy())
            page.close()
    finally:
        doc.close()
    return out


def _rotate(img: Img, angle: float, border: int | tuple[int, int, int]) -> Img:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    bv: tuple[int, ...] = (border,) * 3 if isinstance(border, int) else border
    return np.asarray(
        cv2.warpAffine(
            img, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=bv
        ),
        dtype=np.uint8,
    )


def scan(img: Img, level: Level, rng: np.random.Generator) -> Img:
    """A flatbed scan: paper tone, skew, noise; heavy adds speckle, blur and a darker gutter."""
    f = img.astype(np.float32)
    h, w = f.shape[:2]
    if level == "light":
        angle = float(rng.uniform(0.3, 0.9)) * float(rng.choice([-1, 1]))
        paper, sigma, contrast = 243.0, 3.0, 0.96
    else:
        angle = float(rng.uniform(1.5, 2.8)) * float(rng.choice([-1, 1]))
        paper, sigma, contrast = 232.0, 7.0, 0.9
    # ink to paper tone: 0 -> ink, 255 -> paper
    ink = 28.0 if level == "light" else 45.0
    f = ink + (f / 255.0) * (paper - ink)
    f = 128 + (f - 128) * contrast
    if level == "heavy":
        # uneven illumination: darker towards one side, a faint gutter shadow
        xs = np.linspace(0, 1, w, dtype=np.float32)
        shade = 1.0 - 0.10 * (xs**2)
        gutter = 1.0 - 0.12 * np.exp(-(((xs - 0.02) / 0.02) ** 2))
        prof = (shade * gutter)[None, :]
        f = f * (prof if f.ndim == 2 else prof[..., None])
    border = int(paper * 0.97)
    out = _rotate(np.clip(f, 0, 255).astype(np.uint8), angle, border).astype(np.float32)
    noise = rng.normal(0.0, sigma, out.shape[:2]).astype(np.float32)
    out += noise if out.ndim == 2 else noise[..., None]
    if level == "heavy":
        out = np.asarray(cv2.GaussianBlur(out, (3, 3), 0.7), dtype=np.float32)
        n = int(h * w * 0.0008)
        ys, xs_ = rng.integers(0, h, n), rng.integers(0, w, n)
        out[ys[: n // 2], xs_[: n // 2]] = 30
        out[ys[n // 2 :], xs_[n // 2 :]] = 250
        # dust specks: a few small blobs
        for _ in range(40):
            cy, cx = int(rng.integers(0, h)), int(rng.integers(0, w))
            cv2.circle(out, (cx, cy), int(rng.integers(1, 3)), (60.0, 60.0, 60.0), -1)
    return np.clip(out, 0, 255).astype(np.uint8)


def _field(h: int, w: int, cell: float, rng: np.random.Generator) -> F32:
    """Smooth noise in about [-1, 1] varying over `cell` pixels: a coarse grid, upsampled."""
    gh, gw = max(2, round(h / cell) + 1), max(2, round(w / cell) + 1)
    coarse = rng.uniform(-1.0, 1.0, (gh, gw)).astype(np.float32)
    return np.asarray(cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC), dtype=np.float32)


def _restrike(img: Img, rng: np.random.Generator, dpi: int) -> Img:
    """Each character struck again a little off: typebars that no longer meet the line (a
    pixel or so), and tone marks, which a Vietnamese typewriter types with a dead key as a
    second strike, landing further off and often lighter than their letter.

    Acts on neutral (black-ink) marks only, so a red seal and a blue signature stay as drawn.
    """
    s = dpi / 300.0
    gray = img if img.ndim == 2 else img.min(axis=2)
    ink = gray < 140  # antialiased edges would bridge a tone mark to its letter
    if img.ndim == 3:
        ink &= (img.max(axis=2).astype(np.int16) - img.min(axis=2)) < 60
    n, lab, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    out = img.copy()
    h_img, w_img = img.shape[:2]
    m = 2
    grow = np.ones((3, 3), np.uint8)
    moves: list[tuple[int, int, int, int, int, int, npt.NDArray[np.bool_], float]] = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if area < 6 * s * s or h > 44 * s or w > 36 * s:
            continue  # specks; rules, table grids and anything drawn
        if h <= 13 * s and w <= 24 * s:  # a tone mark (or a dot, a comma)
            dx = round(float(rng.uniform(-4.5, 4.5)) * s)
            # away from its letter, never into it: up for a mark above, down for one below
            below = lab[y + h : min(y + h + round(10 * s), h_img), x : x + w]
            above = bool(((below != 0) & (below != i)).any())
            dy = max(1, round(float(rng.uniform(0.3, 2.0)) * s)) * (-1 if above else 1)
            keep = float(rng.uniform(0.85, 1.0))
        else:  # a letter
            dx = round(float(rng.uniform(-2.0, 2.0)) * s)
            dy = round(float(rng.uniform(-3.0, 3.0)) * s)
            keep = 1.0
        if dx == 0 and dy == 0 and keep == 1.0:
            continue
        y0, y1, x0, x1 = max(y - m, 0), min(y + h + m, h_img), max(x - m, 0), min(x + w + m, w_img)
        ty0, tx0 = y0 + dy, x0 + dx
        if ty0 < 0 or tx0 < 0 or ty0 + (y1 - y0) > h_img or tx0 + (x1 - x0) > w_img:
            continue
        own = lab[y0:y1, x0:x1]
        sel = cv2.dilate((own == i).astype(np.uint8), grow).astype(bool) & ((own == 0) | (own == i))
        out[y0:y1, x0:x1][sel] = 255  # lift every moved character off the paper first ...
        moves.append((y0, y1, x0, x1, ty0, tx0, sel, keep))
    for y0, y1, x0, x1, ty0, tx0, sel, keep in moves:  # ... then strike each one again
        src = img[y0:y1, x0:x1].astype(np.float32)
        mark = (255.0 - (255.0 - src) * keep).astype(np.uint8)
        dst = out[ty0 : ty0 + (y1 - y0), tx0 : tx0 + (x1 - x0)]
        dst[sel] = np.minimum(dst[sel], mark[sel])
    return out


def typed_ink(img: Img, rng: np.random.Generator, dpi: int) -> Img:
    """Typewriter ink after the fact: patches struck harder (strokes thicken, bowls fill) or
    softer (strokes thin), and the ribbon's weave leaving strokes grainy and broken."""
    img = _restrike(img, rng, dpi)
    # the ribbon's ink spreads into the paper: every stroke, and the thin tone marks of the
    # font most of all, prints about a pixel heavier than drawn
    if dpi >= 250:  # below that, a pixel more would close the gap under the tone marks
        img = np.asarray(cv2.erode(img, np.ones((2, 2), np.uint8)), dtype=np.uint8)
    h, w = img.shape[:2]
    k = max(2, round(dpi / 100))
    kern = np.ones((k, k), np.uint8)
    heavy = np.asarray(cv2.erode(img, kern), dtype=np.float32)  # more ink
    light = np.asarray(cv2.dilate(img, np.ones((2, 2), np.uint8)), dtype=np.float32)  # less
    f = img.astype(np.float32)
    t = _field(h, w, dpi * 0.35, rng)
    a_heavy = np.clip((t - 0.35) / 0.3, 0.0, 1.0)
    a_light = 0.4 * np.clip((-t - 0.35) / 0.3, 0.0, 1.0)
    if f.ndim == 3:
        a_heavy, a_light = a_heavy[..., None], a_light[..., None]
    f = f * (1 - a_heavy - a_light) + heavy * a_heavy + light * a_light
    # ribbon grain: ink (255 - value) scaled by a fine noise, strokes speckle and break
    grain = np.asarray(
        cv2.GaussianBlur(rng.normal(0.0, 1.0, (h, w)).astype(np.float32), (0, 0), dpi / 250),
        dtype=np.float32,
    )
    grain = np.clip(0.88 + 0.16 * grain / (float(grain.std()) + 1e-6), 0.5, 1.0)
    ink = (255.0 - f) * (grain if f.ndim == 2 else grain[..., None])
    return np.asarray(np.clip(255.0 - ink, 0, 255), dtype=np.uint8)


def age(img: Img, rng: np.random.Generator, dpi: int) -> Img:
    """Decades in a drawer: yellowed paper of uneven tone, browner edges, water stains with
    a tide line, foxing spots, the folds of an envelope, ink faded from black."""
    h, w = img.shape[:2]
    f = img.astype(np.float32) / 255.0
    f = 0.13 + 0.87 * f  # faded ink
    s = dpi / 200.0
    # thin paper: the typing on the back of the sheet shows through, mirrored and soft
    back = np.asarray(np.roll(f[:, ::-1], int(rng.integers(h // 20, h // 8)), axis=0))
    back = np.asarray(cv2.GaussianBlur(back, (0, 0), 1.6 * s), dtype=np.float32)
    f = f * (1.0 - 0.14 * (1.0 - back))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    # darkening in [0, 1] per pixel; coloured brown below
    dark = 0.05 * _field(h, w, 260 * s, rng) + 0.025 * _field(h, w, 60 * s, rng)
    edge = np.minimum(np.minimum(xx, w - 1 - xx), np.minimum(yy, h - 1 - yy))
    dark += 0.16 * np.exp(-edge / (28.0 * s))
    for _ in range(int(rng.integers(2, 4))):  # water stains
        m = np.zeros((h, w), np.float32)
        c = (int(rng.uniform(0.1, 0.9) * w), int(rng.uniform(0.1, 0.9) * h))
        axes = (int(rng.uniform(60, 220) * s), int(rng.uniform(50, 160) * s))
        cv2.ellipse(m, c, axes, float(rng.uniform(0, 180)), 0, 360, 1.0, -1)
        m = np.asarray(cv2.GaussianBlur(m, (0, 0), 25 * s), dtype=np.float32)
        m = np.clip((m + 0.35 * _field(h, w, 70 * s, rng) - 0.45) * 5.0, 0.0, 1.0)  # ragged
        m = np.asarray(cv2.GaussianBlur(m, (0, 0), 4 * s), dtype=np.float32)
        rim = np.clip(m * (1 - m) * 4, 0, 1)  # the tide line where the stain dried
        a = float(rng.uniform(0.04, 0.08))
        dark += a * m + 1.6 * a * rim
    spots = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(80, 160))):  # foxing, in loose clusters
        cx = float(rng.normal(rng.choice([0.2, 0.5, 0.8]), 0.18)) * w
        cy = float(rng.uniform(0, 1)) * h
        r = max(1, int(rng.uniform(1.0, 5.0) * s))
        cv2.circle(spots, (int(cx), int(cy)), r, float(rng.uniform(0.12, 0.35)), -1)
    dark += np.asarray(cv2.GaussianBlur(spots, (0, 0), 1.2 * s), dtype=np.float32)
    for frac in (1 / 3, 2 / 3):  # folded in three for the envelope
        y0 = frac * h + float(rng.normal(0, 6 * s))
        d = yy - y0 - (xx / w) * float(rng.normal(0, 8 * s))
        dark += 0.10 * np.exp(-((d / (1.5 * s)) ** 2)) - 0.03 * np.exp(
            -(((d - 4 * s) / (4 * s)) ** 2)
        )
    dark = np.clip(dark, 0.0, 0.6)
    # yellowed paper: blue fades most; brown darkening on top
    base = np.array([0.96, 0.90, 0.74], np.float32)
    brown = np.array([0.55, 0.75, 1.25], np.float32)  # blue darkens fastest
    tone = base[None, None, :] * (1 - dark[..., None] * brown[None, None, :])
    if f.ndim == 2:
        tone = tone @ np.array([0.299, 0.587, 0.114], np.float32)
        out = f * tone
    else:
        out = f * tone
    return np.asarray(np.clip(out * 255.0, 0, 255), dtype=np.uint8)


def photocopy(img: Img, rng: np.random.Generator, dpi: int) -> Img:
    """A black-and-white office copy of an old page: the page bowed on the glass, soft optics,
    an exposure that whitens the yellowed paper but leaves the ink grey and turns a red seal
    grey, toner specks, and the streaks of a scratched drum."""
    s = dpi / 300.0
    f = img.astype(np.float32) / 255.0
    if f.ndim == 3:
        f = f @ np.array([0.299, 0.587, 0.114], np.float32)
    h, w = f.shape
    # the old page does not lie flat on the glass: lines bow near the curled edge and wave
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    side = float(rng.choice([0.0, 1.0]))
    near = np.exp(-np.abs(xx - side * w) / (0.12 * w))
    phase = float(rng.uniform(0, 2 * np.pi))
    dy = 16 * s * near * (yy / h - 0.5) * 2 + 6.0 * s * np.sin(2 * np.pi * xx / (0.55 * w) + phase)
    f = np.asarray(
        cv2.remap(f, xx, yy + dy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE),
        dtype=np.float32,
    )
    f = np.asarray(cv2.GaussianBlur(f, (0, 0), 1.0 * s), dtype=np.float32)  # soft optics
    # toner running low: the print fades in broad, uneven bands
    density = np.clip(0.9 + 0.15 * _field(h, w, 500 * s, rng), 0.78, 1.0)
    f = 1.0 - (1.0 - f) * density
    # exposure set light, as one copies yellowed paper: the paper whitens, the ink greys
    f = np.clip((f + 0.12) / (0.88 + 0.12), 0.0, 1.0)
    n = int(h * w * 0.0004)
    ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
    f[ys, xs] *= rng.uniform(0.2, 0.7, n).astype(np.float32)
    for _ in range(int(rng.integers(1, 3))):  # drum streaks, fading in and out down the page
        x = int(rng.uniform(0.1, 0.9) * w)
        prof = 0.25 + 0.2 * _field(h, 1, 300 * s, rng)[:, 0]
        width = max(1, int(rng.uniform(1, 3) * s))
        f[:, x : x + width] *= (1.0 - np.clip(prof, 0.0, 0.5))[:, None]
    f = np.asarray(cv2.GaussianBlur(f, (0, 0), 0.5 * s), dtype=np.float32)
    return np.asarray(np.clip(f * 255.0, 0, 255), dtype=np.uint8)


def photo(
    img: Img,
    rng: np.random.Generator,
    *,
    corner_shadow: float = 0.0,
    blur: float = 1.1,
    noise: float = 3.0,
) -> Img:
    """A phone photo of a page on a desk: perspective, uneven light, tint, slight blur.

    `corner_shadow` darkens one corner further (the phone's or the hand's shadow)."""
    h, w = img.shape[:2]
    pad = int(0.07 * w)
    H, W = h + 2 * pad, w + 2 * pad
    # desk background: dark brown with gradient
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    desk = np.stack([60 + 25 * xx / W, 45 + 18 * yy / H, 35 + 10 * xx / W], axis=-1)  # RGB
    # paper tint (warm)
    paper = img.astype(np.float32) * np.array([1.0, 0.97, 0.90], dtype=np.float32)
    canvas = desk.copy()
    canvas[pad : pad + h, pad : pad + w] = paper
    # perspective: page corners move inwards unevenly
    src = np.array([[pad, pad], [pad + w, pad], [pad + w, pad + h], [pad, pad + h]], np.float32)
    j = rng.uniform(0.015, 0.06, (4, 2)).astype(np.float32) * np.array([W, H], np.float32)
    dst = src + np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]], np.float32) * j
    dst[0, 0] += 0.035 * W  # top narrower: taken from below
    dst[1, 0] -= 0.03 * W
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(
        canvas, m, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    # uneven lighting: bright spot and darker corner
    cx, cy = float(rng.uniform(0.3, 0.7)) * W, float(rng.uniform(0.2, 0.5)) * H
    d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / np.hypot(W, H)
    light = 1.08 - 0.45 * d**1.5
    if corner_shadow > 0:
        kx, ky = float(rng.choice([0.0, 1.0])) * W, float(rng.choice([0.0, 1.0])) * H
        dc = np.sqrt((xx - kx) ** 2 + (yy - ky) ** 2) / np.hypot(W, H)
        light = light * (1.0 - corner_shadow * np.exp(-((dc / 0.45) ** 2)))
    lit = np.asarray(warped, dtype=np.float32) * light[..., None]
    out = np.asarray(cv2.GaussianBlur(lit, (0, 0), blur), dtype=np.float32)
    out = out + rng.normal(0.0, noise, out.shape[:2]).astype(np.float32)[..., None]
    return np.asarray(np.clip(out, 0, 255), dtype=np.uint8)


def to_jpeg(img: Img, quality: int, dpi: int | None = None) -> bytes:
    pil = Image.fromarray(img)
    buf = io.BytesIO()
    kw: dict[str, object] = {"quality": quality, "optimize": True}
    if dpi:
        kw["dpi"] = (dpi, dpi)
    pil.save(buf, "JPEG", **kw)
    return buf.getvalue()


def images_to_pdf(jpegs: list[bytes], dpi: int) -> bytes:
    """Wrap JPEG pages in a PDF without a text layer; the JPEG data is embedded as is."""
    objs: list[bytes] = []
    n = len(jpegs)
    # 1 catalog, 2 pages, then per page: page, image, content
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for i, jp in enumerate(jpegs):
        im = Image.open(io.BytesIO(jp))
        pw, ph = im.width * 72 / dpi, im.height * 72 / dpi
        cs = "/DeviceGray" if im.mode == "L" else "/DeviceRGB"
        _pno, ino, cno = 3 + 3 * i, 4 + 3 * i, 5 + 3 * i
        objs.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] "
                f"/Resources << /XObject << /Im{i} {ino} 0 R >> >> /Contents {cno} 0 R >>"
            ).encode()
        )
        objs.append(
            (
                f"<< /Type /XObject /Subtype /Image /Width {im.width} /Height {im.height} "
                f"/ColorSpace {cs} /BitsPerComponent 8 /Filter /DCTDecode /Length {len(jp)} >>\n"
                "stream\n"
            ).encode()
            + jp
            + b"\nendstream"
        )
        content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im{i} Do Q".encode()
        objs.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
