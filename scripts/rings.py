"""Polygon rings for the map geometry scripts: rounded, closed and oriented as RFC 7946 wants."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

DECIMALS = 3  # about 100 m: far below what a world or region map shows
Ring = list[list[float]]
Polygon = list[Ring]


def signed_area(ring: Ring) -> float:
    """Shoelace area: positive for counter-clockwise rings."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring)) / 2


def tidy_ring(ring: Iterable[Iterable[float]], ccw: bool) -> Ring | None:
    """Round, drop repeated points, close and orient a ring; None if it collapses."""
    out: Ring = []
    for x, y in ring:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or point != out[-1]:
            out.append(point)
    if out[0] != out[-1]:
        out.append(list(out[0]))
    area = signed_area(out)
    if len(out) < 4 or area == 0:
        return None
    # RFC 7946: exterior rings counter-clockwise, holes clockwise.
    return out if (area > 0) == ccw else out[::-1]
