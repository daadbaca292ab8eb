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


def photo(img: Img, rng: np.random.Generator) -> Img:
    """A phone photo of a page on a desk: perspective, uneven light, tint, slight blur."""
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
    lit = np.asarray(warped, dtype=np.float32) * light[..., None]
    out = np.asarray(cv2.GaussianBlur(lit, (0, 0), 1.1), dtype=np.float32)
    out = out + rng.normal(0.0, 3.0, out.shape[:2]).astype(np.float32)[..., None]
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
