"""Build src/dashboard/geo/subdivisions.geojson: simplified US state shapes from the Census Bureau's
cartographic boundary file shipped in the plotly-geo wheel (public domain)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pycountry
import shapefile
from pinned_wheel import PinnedWheel
from rings import Ring, signed_area, tidy_ring

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dashboard" / "geo" / "subdivisions.geojson"

WHEEL = PinnedWheel(
    "plotly-geo==1.0.0",
    "plotly_geo-1.0.0-py3-none-any.whl",
    "9f695ca0a48494c821d8ab612d33b092bc64ec8de86d021c5209cc0b217aa9ce",
)
STATES_SHP = "_plotly_geo/package_data/cb_2016_us_state_500k"

# Douglas-Peucker tolerance in degrees (~3 km): far below what a world or region map shows,
# and it brings 4.7 MB of 1:500k outlines down to a few tens of KB.
TOLERANCE = 0.04
# Islands smaller than this (square degrees) are dropped unless they are a state's largest part;
# it removes specks and keeps the committed file small.
MIN_PART_AREA = 0.1


def _distance(point: list[float], start: list[float], end: list[float]) -> float:
    """Distance from point to the segment start-end (in degrees, planar)."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    share = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - share * dx) ** 2 + (y - y1 - share * dy) ** 2) ** 0.5


def douglas_peucker(points: Ring, tolerance: float) -> Ring:
    """The classic line simplification, iterative (state outlines have ~100k points)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, first
        for middle in range(first + 1, last):
            gap = _distance(points[middle], points[first], points[last])
            if gap > farthest:
                farthest, index = gap, middle
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: Ring, ccw: bool) -> Ring | None:
    """Simplify, round, close and orient (RFC 7946); None when the ring collapses."""
    # Split a closed ring in two so Douglas-Peucker has two distinct ends to hold.
    half = len(ring) // 2
    parts = douglas_peucker(ring[: half + 1], TOLERANCE)[:-1] + douglas_peucker(
        ring[half:], TOLERANCE
    )
    return tidy_ring(parts, ccw)


def state_polygons(shape: shapefile.Shape) -> list[list[Ring]]:
    """The state's polygons, simplified, small islands dropped (the largest part always kept)."""
    geo = shape.__geo_interface__
    polygons = [geo["coordinates"]] if geo["type"] == "Polygon" else list(geo["coordinates"])
    sized = sorted(polygons, key=lambda poly: abs(signed_area(poly[0])), reverse=True)
    out = []
    for rank, polygon in enumerate(sized):
        if rank and abs(signed_area(polygon[0])) < MIN_PART_AREA:
            continue
        if any(x > 0 for x, _ in polygon[0]):
            continue  # Alaska's islands west of 180° would stretch across the whole map
        exterior = simplify_ring([list(p) for p in polygon[0]], ccw=True)
        if exterior is None:
            continue
        holes = [h for h in (simplify_ring([list(p) for p in r], False) for r in polygon[1:]) if h]
        out.append([exterior, *holes])
    return out


def build(wheel_path: Path) -> None:
    WHEEL.check(wheel_path)
    with zipfile.ZipFile(wheel_path) as wheel:
        parts = {
            ext: io.BytesIO(wheel.read(f"{STATES_SHP}.{ext}")) for ext in ("shp", "shx", "dbf")
        }
    reader = shapefile.Reader(**parts, encoding="latin-1")
    states = {sub.code for sub in pycountry.subdivisions.get(country_code="US")}
    features = []
    for record in reader.iterShapeRecords():
        code = f"US-{record.record['STUSPS']}"
        if code not in states or code == "US-UM":
            continue  # territories other than the 50 states and DC have their own ISO codes
        if pycountry.subdivisions.get(code=code).type not in ("State", "District"):
            continue
        polygons = state_polygons(record.shape)
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        features.append(
            {
                "type": "Feature",
                "properties": {"code": code, "name": record.record["NAME"]},
                "geometry": geometry,
            }
        )
    features.sort(key=lambda feature: feature["properties"]["code"])
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(features)} shapes, {len(text) // 1024} KB")


def main() -> None:
    """Fetch (or take) the pinned wheel and build the files."""
    WHEEL.run(build, __doc__)


if __name__ == "__main__":
    main()
