"""Finding the sheet of paper in a photograph and flattening it to a rectangle.

A phone photo shows the page as a bright, slanted quadrilateral on a darker table, so its
text rows converge and a ruled table is a trapezoid: deskewing by one angle cannot make
both the top and the bottom of the page level, and the table's ruling lines stop being
horizontal, so rows of the table merge. Mapping the page's four corners onto a
rectangle (a perspective warp) straightens both. Scans, whose paper fills the image to
its edges, are left as they are.
"""

from __future__ import annotations

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image

Gray = NDArray[np.uint8]
Quad = NDArray[np.float32]  # 4×2 corners: top-left, top-right, bottom-right, bottom-left

WORK_SIDE = 600  # px: the outline is found on a small copy; a corner is ±2 px at full size
MIN_PAGE_SHARE = 0.25  # the paper covers at least this much of a photo of one page
MIN_MARGIN = 0.01  # every corner lies this far inside the image (share of its side)
SIDE_TRIALS = 150  # point pairs tried per side when fitting its line
SIDE_TOLERANCE = 1.5  # px on the small copy: outline points this close lie on the line
MIN_CONTRAST = 50  # gray levels between the paper and what surrounds it


def find_page(gray: Gray) -> Quad | None:
    """The corners of a bright page lying on a darker background, or None.

    None when the paper reaches the image's edges (a scan or a cropped photo), when it
    is not clearly brighter than its surroundings, or when it is not four-sided.
    """
    height, width = gray.shape
    factor = WORK_SIDE / max(height, width)
    small = cv2.resize(
        gray, (round(width * factor), round(height * factor)), interpolation=cv2.INTER_AREA
    )
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    _, bright = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(  # text and stains inside the sheet do not split it
        bright, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 15))
    )
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    sheet = max(contours, key=cv2.contourArea)
    if cv2.contourArea(sheet) < MIN_PAGE_SHARE * small.size:
        return None
    hull = cv2.convexHull(sheet)
    corners = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(corners) != 4:
        return None
    quad = _fit_sides(_order(corners.astype(np.float32)), sheet.reshape(-1, 2).astype(np.int32))
    margin_x, margin_y = MIN_MARGIN * small.shape[1], MIN_MARGIN * small.shape[0]
    away_from_edges = bool(
        (quad[:, 0] > margin_x).all()
        and (quad[:, 0] < small.shape[1] - 1 - margin_x).all()
        and (quad[:, 1] > margin_y).all()
        and (quad[:, 1] < small.shape[0] - 1 - margin_y).all()
    )
    if not away_from_edges:
        return None
    inside = np.zeros_like(small)
    cv2.fillConvexPoly(inside, np.round(quad).astype(np.int32), 255)
    paper = float(np.median(small[inside > 0]))
    surround = float(np.median(small[inside == 0]))
    if paper - surround < MIN_CONTRAST:
        return None
    return np.asarray(quad / factor, dtype=np.float32)


def _fit_sides(rough: Quad, outline: NDArray[np.int32]) -> Quad:
    """Corners where straight lines fitted to each side of the outline meet.

    A shaded or torn corner of the paper is cut off by the threshold, and the rough
    polygon's corner moves inward with it. Each side's line is the one most of that
    side's outline lies on (a consensus of sampled point pairs), so the cut is outvoted.
    """
    points = outline.astype(np.float64)
    sides = [(start, end) for start, end in zip(rough, np.roll(rough, -1, axis=0), strict=True)]
    distances = np.stack([_distance_to_segment(points, a, b) for a, b in sides])
    nearest = distances.argmin(axis=0)
    rng = np.random.default_rng(0)
    lines: list[tuple[NDArray[np.float64], NDArray[np.float64]]] = []
    for index in range(4):
        side = points[nearest == index]
        if len(side) < 20:
            return rough
        pairs = rng.integers(0, len(side), size=(SIDE_TRIALS, 2))
        a, b = side[pairs[:, 0]], side[pairs[:, 1]]
        direction = b - a
        length = np.hypot(direction[:, 0], direction[:, 1])
        valid = length > 0.2 * float(np.hypot(*(sides[index][1] - sides[index][0])))
        if not valid.any():
            return rough
        a, direction, length = a[valid], direction[valid], length[valid]
        normal = np.stack([-direction[:, 1], direction[:, 0]], axis=1) / length[:, None]
        across = np.abs((side[None, :, :] - a[:, None, :]) @ normal[:, :, None])[..., 0]
        best = int((across < SIDE_TOLERANCE).sum(axis=1).argmax())
        inliers = side[across[best] < SIDE_TOLERANCE].astype(np.float32)
        vx, vy, x0, y0 = cv2.fitLine(inliers, cv2.DIST_L2, 0, 0.01, 0.01).ravel()
        lines.append((np.array([x0, y0]), np.array([vx, vy])))
    corners = []
    for (p, u), (q, v) in zip([lines[-1], *lines[:-1]], lines, strict=True):
        matrix = np.array([[u[0], -v[0]], [u[1], -v[1]]])
        if abs(np.linalg.det(matrix)) < 1e-6:
            return rough
        t, _ = np.linalg.solve(matrix, q - p)
        corners.append(p + t * u)
    fitted = np.asarray(corners, dtype=np.float32)
    size = float(np.ptp(rough, axis=0).max())
    if float(np.abs(fitted - rough).max()) > 0.1 * size:
        return rough
    return fitted


def _distance_to_segment(
    points: NDArray[np.float64], a: NDArray[np.float32], b: NDArray[np.float32]
) -> NDArray[np.float64]:
    ab = (b - a).astype(np.float64)
    t = np.clip(((points - a) @ ab) / max(float(ab @ ab), 1e-9), 0.0, 1.0)
    closest = a + t[:, None] * ab
    return np.asarray(np.hypot(*(points - closest).T), dtype=np.float64)


def _order(corners: Quad) -> Quad:
    """Top-left, top-right, bottom-right, bottom-left, whatever order they came in."""
    total = corners.sum(axis=1)
    diff = corners[:, 1] - corners[:, 0]
    return np.asarray(
        [
            corners[np.argmin(total)],
            corners[np.argmin(diff)],
            corners[np.argmax(total)],
            corners[np.argmax(diff)],
        ],
        dtype=np.float32,
    )


def flatten_page(image: Image.Image, quad: Quad) -> Image.Image:
    """The page inside `quad` warped onto an upright rectangle of its own size."""
    top = float(np.linalg.norm(quad[1] - quad[0]))
    bottom = float(np.linalg.norm(quad[2] - quad[3]))
    left = float(np.linalg.norm(quad[3] - quad[0]))
    right = float(np.linalg.norm(quad[2] - quad[1]))
    width, height = round(max(top, bottom)), round(max(left, right))
    target = np.asarray([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]])
    matrix = cv2.getPerspectiveTransform(quad, target.astype(np.float32))
    pixels = np.asarray(image)
    warped = cv2.warpPerspective(
        pixels, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    return Image.fromarray(np.asarray(warped, dtype=np.uint8), mode=image.mode)


def straighten_photo(image: Image.Image, gray: Gray) -> Image.Image | None:
    """The photographed page flattened to a rectangle, or None when there is none to find."""
    quad = find_page(gray)
    if quad is None:
        return None
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    return flatten_page(image, quad)
