"""Grids from ruling strokes as scans break them: worn rules mended, stacked tables apart."""

from __future__ import annotations

from extractors.ruled_grid import Segment, find_grids

WIDTH = 2480


def _table(top: int, rows: int, xs: list[int], *, broken: bool) -> list[Segment]:
    """Rules of a table 145 px a row; `broken` cuts every rule into pieces with 40 px gaps."""
    segments: list[Segment] = []
    bottom = top + rows * 145
    for k in range(rows + 1):
        y = top + k * 145
        if broken:
            for x0 in range(xs[0], xs[-1], 400):
                end = x0 + 360 if x0 + 400 < xs[-1] else xs[-1]
                segments.append(Segment(True, x0, y, end, y + 2))
        else:
            segments.append(Segment(True, xs[0], y, xs[-1], y + 2))
    for x in xs:
        if broken:
            for y0 in range(top, bottom, 300):
                end = y0 + 270 if y0 + 300 < bottom else bottom
                segments.append(Segment(False, x, y0, x + 2, end))
        else:
            segments.append(Segment(False, x, top, x + 2, bottom))
    return segments


def test_a_table_whose_rules_a_scan_wore_into_pieces_is_one_grid() -> None:
    grids = find_grids(_table(190, 10, [292, 438, 1021, 1438, 2064, 2272], broken=True), WIDTH)
    assert len(grids) == 1
    assert (len(grids[0].xs), len(grids[0].ys)) == (6, 11)


def test_two_tables_stacked_close_stay_two_grids() -> None:
    """A list of collectives (4 columns) and one of persons (5) printed 22 px apart."""
    first = _table(438, 4, [291, 688, 2272], broken=False)
    second = _table(438 + 4 * 145 + 22, 4, [291, 455, 1107, 1573, 2272], broken=False)
    grids = find_grids(first + second, WIDTH)
    assert [len(g.xs) for g in grids] == [3, 5]
