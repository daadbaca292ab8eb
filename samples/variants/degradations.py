"""What scanning, photographing and filing do to a page image: noise, blur, skew, JPEG,
low resolution, pages turned upside down or sideways, two A4 pages on one A3 sheet, and
phone photos taken at an angle. Deterministic for a seed."""

import random

import cv2
import numpy as np
from numpy.typing import NDArray

Image = NDArray[np.uint8]


def _skew(img: Image, degrees: float) -> Image:
    h, w = img.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(img, matrix, (w, h), borderValue=255)


def _noise(img: Image, sigma: float, rng: np.random.Generator) -> Image:
    noisy = img.astype(np.float32) + rng.normal(0, sigma, img.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def _speckles(img: Image, share: float, rng: np.random.Generator) -> Image:
    out = img.copy()
    mask = rng.random(img.shape) < share
    out[mask] = rng.integers(0, 90, int(mask.sum()), dtype=np.uint8)
    return out


def _uneven(img: Image, strength: float, rng: np.random.Generator) -> Image:
    h, w = img.shape[:2]
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    shade = 1.0 - strength * ((xs - cx) ** 2 + (ys - cy) ** 2) / float(w * w + h * h)
    return np.clip(img.astype(np.float32) * shade, 0, 255).astype(np.uint8)


def degrade(img: Image, level: str, seed: int) -> Image:
    """`clean` leaves the page as scanned; `light` and `heavy` add a scanner's damage."""
    if level == "clean":
        return img
    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    if level == "light":
        out = _skew(img, pick.uniform(-0.8, 0.8))
        out = cv2.GaussianBlur(out, (3, 3), 0.6)
        out = _noise(out, 6, rng)
        return out
    out = _skew(img, pick.uniform(-2.0, 2.0))
    out = cv2.GaussianBlur(out, (3, 3), 1.0)
    out = cv2.convertScaleAbs(out, alpha=0.78, beta=40)
    out = _uneven(out, 0.5, rng)
    out = _noise(out, 12, rng)
    out = _speckles(out, 0.0015, rng)
    kernel = np.ones((2, 2), np.uint8)
    # Faded toner thins the strokes out; too much toner makes them bleed.
    out = cv2.dilate(out, kernel) if pick.random() < 0.5 else cv2.erode(out, kernel)
    return out


def turn(img: Image, geometry: str, seed: int) -> Image:
    if geometry == "upside_down":
        return cv2.rotate(img, cv2.ROTATE_180)
    if geometry == "sideways":
        code = cv2.ROTATE_90_CLOCKWISE if seed % 2 else cv2.ROTATE_90_COUNTERCLOCKWISE
        return cv2.rotate(img, code)
    return img


def two_up(left: Image, right: Image | None) -> Image:
    """Two A4 pages side by side on one A3 sheet (the right one blank when there is none)."""
    h = max(left.shape[0], right.shape[0] if right is not None else 0)
    blank = np.full_like(left, 255)
    pages = [left, right if right is not None else blank]
    padded = [np.pad(p, ((0, h - p.shape[0]), (0, 0)), constant_values=255) for p in pages]
    gutter = np.full((h, 40), 235, np.uint8)
    return np.hstack([padded[0], gutter, padded[1]])


def photograph(img: Image, seed: int) -> Image:
    """A phone photo: the sheet at an angle on a darker desk, shaded, a little soft."""
    rng = np.random.default_rng(seed)
    h, w = img.shape[:2]
    scale = 0.6
    small = cv2.resize(img, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    sh, sw = small.shape[:2]
    pad = int(0.08 * max(sh, sw))
    canvas_h, canvas_w = sh + 2 * pad, sw + 2 * pad
    src = np.float32([[0, 0], [sw, 0], [sw, sh], [0, sh]])
    jitter = rng.uniform(-0.045, 0.045, (4, 2)) * [sw, sh]
    dst = np.float32([[pad, pad], [pad + sw, pad], [pad + sw, pad + sh], [pad, pad + sh]])
    dst = (dst + jitter).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    desk = int(rng.integers(60, 110))
    out = cv2.warpPerspective(small, matrix, (canvas_w, canvas_h), borderValue=desk)
    out = _uneven(out, 0.9, rng)
    out = cv2.GaussianBlur(out, (3, 3), 0.8)
    return _noise(out, 5, rng)
