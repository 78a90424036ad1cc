"""Checks of the built map files in data/geo/ (no network, only pycountry)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import pytest

GEO = Path(__file__).resolve().parents[2] / "data" / "geo"
COUNTRIES = GEO / "countries.geojson"
POINTS = GEO / "points.json"
MAX_BYTES = 1_500_000
# Codes outside ISO 3166-1 that the build script is allowed to emit.
NON_ISO = {"XKX"}


@cache
def countries() -> dict[str, Any]:
    return json.loads(COUNTRIES.read_text(encoding="utf-8"))


@cache
def points() -> dict[str, Any]:
    return json.loads(POINTS.read_text(encoding="utf-8"))


def iso3_codes() -> list[str]:
    return [f["properties"]["iso3"] for f in countries()["features"]]


def rings(geometry: dict[str, Any]) -> Iterator[list[list[float]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    for polygon in polygons:
        yield from polygon


def test_geojson_is_a_feature_collection():
    data = countries()
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) > 150
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == {"iso3", "name"}
        assert feature["properties"]["name"]
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}


def test_every_iso3_is_valid():
    invalid = [
        c for c in iso3_codes() if c not in NON_ISO and not pycountry.countries.get(alpha_3=c)
    ]
    assert invalid == []


def test_no_duplicate_countries():
    codes = iso3_codes()
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("iso3", ["ESP", "FRA", "NOR", "AUS", "USA", "IRL", "XKX"])
def test_key_countries_present(iso3):
    assert iso3 in iso3_codes()


def test_files_are_small():
    assert COUNTRIES.stat().st_size < MAX_BYTES
    assert POINTS.stat().st_size < MAX_BYTES


def test_rings_are_closed_and_valid():
    for feature in countries()["features"]:
        for ring in rings(feature["geometry"]):
            assert len(ring) >= 4, feature["properties"]["iso3"]
            assert ring[0] == ring[-1], feature["properties"]["iso3"]
            for lon, lat in ring:
                assert -180 <= lon <= 180 and -90 <= lat <= 90


@pytest.mark.parametrize("code", ["EU", "MLT", "SGP", "US-CA", "US-FL", "CA-MB", "IN-KA", "IN-AP"])
def test_required_points_present(code):
    assert code in points()


def test_points_are_well_formed():
    for code, entry in points().items():
        assert set(entry) == {"name", "lon", "lat", "kind"}, code
        assert entry["name"], code
        assert -180 <= entry["lon"] <= 180, code
        assert -90 <= entry["lat"] <= 90, code


def test_points_cover_all_us_states():
    states = {s.code for s in pycountry.subdivisions.get(country_code="US") if s.type == "State"}
    assert len(states) == 50
    assert states <= set(points())


def test_points_do_not_repeat_shaped_countries():
    # A country drawn as a shape must not also get a point, or the map shows it twice.
    assert not set(points()) & set(iso3_codes())


def test_points_sit_roughly_where_expected():
    # Coarse boxes catch a capital matched to a namesake elsewhere (Kingston, Victoria).
    boxes = {
        "MLT": (14, 15, 35.5, 36.5),
        "SGP": (103.5, 104.2, 1.1, 1.5),
        "EU": (4, 5, 50.5, 51.2),
        "US-CA": (-125, -114, 32, 42),
        "US-FL": (-88, -80, 24, 31),
    }
    for code, (lon_min, lon_max, lat_min, lat_max) in boxes.items():
        entry = points()[code]
        assert lon_min <= entry["lon"] <= lon_max and lat_min <= entry["lat"] <= lat_max, code


SUBDIVISIONS = GEO / "subdivisions.geojson"


def test_us_state_shapes_cover_every_state_and_stay_small():
    data = json.loads(SUBDIVISIONS.read_text(encoding="utf-8"))
    codes = {feature["properties"]["code"] for feature in data["features"]}
    states = {s.code for s in pycountry.subdivisions.get(country_code="US") if s.type == "State"}
    assert states <= codes
    assert SUBDIVISIONS.stat().st_size < 150_000
    for feature in data["features"]:
        for ring in rings(feature["geometry"]):
            assert ring[0] == ring[-1] and len(ring) >= 4
            # Western hemisphere only: nothing wraps across the antimeridian.
            assert all(-180 <= lon < 0 for lon, _ in ring), feature["properties"]["code"]
