"""The map chart: status per country, action circles, markers, words and escaping."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import cache

import pytest

from dashboard import data
from dashboard.charts import mapping
from dashboard.charts.palette import rgb
from dashboard.charts.registry import get_chart
from dashboard.filters import Filters
from dashboard.frames import Frames
from tests.conftest import REAL_DATA, VALID_DATA

DEFAULT = Filters()


@cache
def frames_of(folder: str) -> Frames:
    result = data.load(folder)
    assert result.ok, result.problems
    return result.frames


def deck_json(frames: Frames, filters: Filters = DEFAULT) -> dict:
    frame = mapping.data(frames, filters)
    return json.loads(mapping.figure(frame, filters).to_json())


def layer(deck: dict, layer_id: str) -> dict:
    return next(item for item in deck["layers"] if item["id"] == layer_id)


def country_fill(deck: dict, code: str) -> list[int]:
    features = layer(deck, "countries")["data"]["features"]
    return next(f["properties"]["fill"] for f in features if f["properties"]["code"] == code)


def colour(key: str) -> list[int]:
    return rgb(mapping.KEY_COLOURS[key], mapping.FILL_ALPHA)


BOTH = pytest.mark.parametrize("folder", [VALID_DATA, REAL_DATA], ids=["valid", "real"])


def test_registered_as_a_pydeck_chart_of_the_map_page():
    chart = get_chart("map-age-policies")
    assert chart is not None and chart.kind == "pydeck" and chart.page == "map"


LAYERS = ["countries", "states", "subnational", "actions", "action-counts"]


def test_layers_with_ids_and_no_base_map():
    deck = deck_json(frames_of(str(VALID_DATA)))
    assert [item["id"] for item in deck["layers"]] == LAYERS
    # pydeck's sentinel, which Streamlit reads as "no base map" (None would fetch CARTO's style).
    assert deck.get("mapStyle") == "__MAP_STYLE__"
    assert "mapProvider" not in deck or deck["mapProvider"] is None
    assert deck["views"][0]["@@type"] == "MapView"
    assert (
        mapping.figure(mapping.data(frames_of(str(VALID_DATA)), Filters()), Filters()).map_provider
        is None
    )


def test_every_country_and_us_state_shape_is_drawn():
    deck = deck_json(frames_of(str(VALID_DATA)))
    drawn = layer(deck, "countries")["data"]["features"]
    assert len(drawn) == 175 - len(mapping.LEFT_OUT)  # every shape but Antarctica
    states = {f["properties"]["code"] for f in layer(deck, "states")["data"]["features"]}
    assert len(states) == 51 and {"US-FL", "US-TX", "US-CA", "US-DC"} <= states


def test_rules_colour_places_by_kind_and_status():
    deck = deck_json(frames_of(str(VALID_DATA)))
    assert country_fill(deck, "AUS") == colour("ban_in_force")
    assert country_fill(deck, "ESP") == colour("ban_planned")
    assert country_fill(deck, "FRA") == colour("none")
    # A state's rule colours the state, not its country; states without a rule stay neutral.
    assert country_fill(deck, "USA") == colour("none")
    states = {f["properties"]["code"]: f["properties"]["fill"]
              for f in layer(deck, "states")["data"]["features"]}  # fmt: skip
    assert states["US-FL"] == colour("blocked_by_court")
    assert states["US-OH"] == colour("none")


def test_a_ban_in_force_reads_differently_from_consent_and_guidance():
    keys = {
        (kind, status): mapping.colour_key(kind, status)
        for kind in mapping.KIND_RANK for status in ("in_force", "passed", "announced")
    }  # fmt: skip
    assert keys[("ban", "in_force")] == "ban_in_force"
    assert keys[("consent", "in_force")] == "consent_in_force"
    assert keys[("guidance", "in_force")] == "guidance"
    assert keys[("ban", "announced")] == keys[("ban", "passed")] == "ban_planned"
    colours = mapping.KEY_COLOURS
    assert len(set(colours.values())) == len(colours)  # every key has its own colour
    assert mapping.colour_key(None, "none") == "none"
    assert mapping.colour_key("ban", "rejected") == "ended"


def test_regions_set_the_view_and_phones_zoom_out():
    frames = frames_of(str(VALID_DATA))
    for region, (lon, lat, zoom, phone_zoom) in mapping.REGION_VIEWS.items():
        filters = Filters(region=region)
        deck = mapping.figure(mapping.data(frames, filters), filters)
        view = json.loads(deck.to_json())["initialViewState"]
        assert (view["longitude"], view["latitude"], view["zoom"]) == (lon, lat, zoom)
        phone = json.loads(deck.variant(phone=True).to_json())["initialViewState"]
        assert phone["zoom"] == phone_zoom < zoom
    europe = mapping.REGION_VIEWS["europe"]
    assert -10 < europe[0] < 30 and 45 < europe[1] < 58


def test_the_actions_layer_is_a_variant_that_keeps_the_colours():
    deck = mapping.figure(mapping.data(frames_of(str(VALID_DATA)), Filters()), Filters())
    rules = json.loads(deck.to_json())
    assert layer(rules, "actions")["visible"] is False
    actions = json.loads(deck.variant(layer="actions").to_json())
    assert layer(actions, "actions")["visible"] is True
    assert layer(actions, "countries")["opacity"] < 1  # faded, still coloured
    assert deck.variant(layer="actions") is deck.variant(layer="actions")  # built once
    assert deck.variant() is deck


def test_small_eu_members_get_a_marker_and_the_eu_sits_off_belgium():
    frames = frames_of(str(REAL_DATA))
    markers = {m["code"]: m for m in layer(deck_json(frames), "subnational")["data"]}
    assert {"LUX", "MLT"} <= set(markers)
    assert (markers["EU"]["lon"], markers["EU"]["lat"]) == mapping.EU_MARKER


def test_real_data_colours():
    frames = frames_of(str(REAL_DATA))
    deck = deck_json(frames)
    assert country_fill(deck, "AUS") == colour("ban_in_force")
    frame = mapping.data(frames, Filters()).set_index("code")
    assert frame.loc["US-FL", "key"] == "ban_in_force"
    assert frame.loc["US-TX", "status"] == "blocked_by_court"


@BOTH
def test_one_circle_per_jurisdiction_with_actions(folder):
    frames = frames_of(str(folder))
    counts = frames.actions["jurisdiction"].value_counts()
    circles = layer(deck_json(frames), "actions")["data"]
    assert {c["code"]: c["count"] for c in circles} == counts.to_dict()


@BOTH
def test_points_are_used_for_subnational_eu_and_small_places(folder):
    frames = frames_of(str(folder))
    points = mapping.points()
    deck = deck_json(frames)
    placed = layer(deck, "actions")["data"] + layer(deck, "subnational")["data"]
    checked = 0
    for item in placed:
        if item["code"] == "EU":
            assert (item["lon"], item["lat"]) == mapping.EU_MARKER
        elif item["code"] in points and item["code"] not in mapping.shape_codes():
            assert (item["lon"], item["lat"]) == (
                points[item["code"]]["lon"],
                points[item["code"]]["lat"],
            )
            checked += 1
    assert checked


def test_country_circles_sit_in_the_country():
    lon, lat = mapping.position("FRA")
    assert -5 < lon < 9 and 41 < lat < 52  # metropolitan France, not French Guiana
    lon, lat = mapping.position("USA")
    assert -125 < lon < -65 and 25 < lat < 50  # the contiguous states, not Alaska


def test_radius_area_grows_with_count():
    assert mapping.radius(4) == pytest.approx(2 * mapping.radius(1), rel=0.01)
    circles = layer(deck_json(frames_of(str(REAL_DATA))), "actions")["data"]
    by_count = sorted(circles, key=lambda c: c["count"])
    radii = [c["radius"] for c in by_count]
    assert radii == sorted(radii) and radii[0] < radii[-1]
    for circle in circles:
        assert circle["radius"] == pytest.approx(
            mapping.RADIUS_PX * math.sqrt(circle["count"]), abs=0.01
        )


def test_markers_are_coloured_by_their_rule():
    deck = deck_json(frames_of(str(VALID_DATA)))
    markers = {m["code"]: m for m in layer(deck, "subnational")["data"]}
    assert set(markers) == {"LUX", "MLT"}  # US-FL has a shape now
    real = {
        m["code"]: m for m in layer(deck_json(frames_of(str(REAL_DATA))), "subnational")["data"]
    }
    assert {"EU", "IN-KA", "CA-MB"} <= set(real)
    assert real["EU"]["fill"] == colour(mapping.data(frames_of(str(REAL_DATA)), Filters())
                                        .set_index("code").loc["EU", "key"])  # fmt: skip


def test_tooltip_template_holds_no_data_and_properties_are_plain_text():
    deck_object = mapping.figure(mapping.data(frames_of(str(VALID_DATA)), Filters()), Filters())
    assert deck_object._tooltip["html"] == "<b>{name}</b><br/>{info}"
    deck = deck_json(frames_of(str(VALID_DATA)))
    aus = next(
        f for f in layer(deck, "countries")["data"]["features"] if f["properties"]["code"] == "AUS"
    )
    assert aus["properties"]["name"] == "Australia"
    lines = aus["properties"]["info"].split("\n")
    assert lines[0] == "Account ban in force"
    assert lines[2] == "Status: In force"
    assert "Minimum age: 16; no account below 16" in lines
    assert "Passed 29 Nov 2024; in force from 10 Dec 2025" in lines


def test_data_strings_reach_properties_unchanged_for_streamlit_to_escape(monkeypatch):
    frames = frames_of(str(VALID_DATA))
    hostile = "<img src=x onerror=alert(1)>"
    monkeypatch.setattr(mapping, "jurisdiction_name", lambda code, lang="en": hostile + code)
    deck = deck_json(frames)
    names = [c["name"] for c in layer(deck, "actions")["data"]]
    # Plain text, escaped once by Streamlit's tooltip; escaping here would show "&lt;".
    assert all(name.startswith(hostile) for name in names)
    assert "&lt;" not in json.dumps(deck)


@BOTH
def test_text_numbers_match_the_frame(folder):
    frames = frames_of(str(folder))
    frame = mapping.data(frames, Filters())
    text = mapping.text(frame, Filters())
    countries = frame[frame["kind"] == "country"]
    bans = (countries["key"] == "ban_in_force").sum()
    more = countries["status"].isin(mapping.ADVANCING).sum()
    assert text.subtitle.startswith(f"Countries with an account ban in force: {bans};")
    assert f"passed or on the way: {more}." in text.subtitle
    assert f"Actions: {len(frames.actions)} in" in text.subtitle
    assert f"{(frame['actions'] > 0).sum()} jurisdictions" in text.alt
    top = frame.sort_values("actions", ascending=False, kind="stable").iloc[0]
    assert f"{top['name']} ({top['actions']})" in text.alt
    assert "GeoNames" in text.source


def test_real_finding():
    text = mapping.text(mapping.data(frames_of(str(REAL_DATA)), Filters()), Filters())
    assert "Account ban in force: " in text.alt and "Australia" in text.alt


def test_spanish_labels():
    filters = Filters(lang="es")
    frame = mapping.data(frames_of(str(VALID_DATA)), filters)
    assert frame.set_index("code").loc["ESP", "name"] == "España"
    assert frame.set_index("code").loc["ESP", "status_label"] == "Anunciada"
    text = mapping.text(frame, filters)
    assert text.title.startswith("Edades mínimas")
    assert text.subtitle.startswith("Países con una prohibición de cuentas en vigor: 1;")
    deck = deck_json(frames_of(str(VALID_DATA)), filters)
    aus = next(
        f for f in layer(deck, "countries")["data"]["features"] if f["properties"]["code"] == "AUS"
    )
    assert aus["properties"]["info"].startswith("Prohibición en vigor\n")
    assert "Fase: En vigor" in aus["properties"]["info"]


def test_jurisdiction_filter_narrows_circles_and_fades_other_countries():
    frames = frames_of(str(REAL_DATA))
    filters = Filters(jurisdictions=("AUS",))
    deck = deck_json(frames, filters)
    assert [c["code"] for c in layer(deck, "actions")["data"]] == ["AUS"]
    assert country_fill(deck, "AUS") == colour("ban_in_force")
    assert country_fill(deck, "FRA")[3] == mapping.FADED_ALPHA
    assert deck["initialViewState"]["zoom"] > mapping.WORLD_VIEW["zoom"]


def test_date_and_topic_filters_narrow_circles_not_colours():
    frames = frames_of(str(REAL_DATA))
    filters = Filters(topics=("age_ban",))
    frame = mapping.data(frames, filters)
    assert frame["actions"].sum() < len(frames.actions)
    assert frame.set_index("code").loc["AUS", "status"] == "in_force"
    empty = mapping.data(frames, replace(filters, start=None, end=None, platforms=("no-such",)))
    assert empty["actions"].sum() == 0


def test_empty_frame_has_words():
    frames = frames_of(str(VALID_DATA))
    frame = mapping.data(frames, Filters(jurisdictions=("ZZZ",)))
    assert frame.empty
    text = mapping.text(frame, Filters())
    assert text.subtitle == "Nothing matches the current filters."


def test_the_maps_counts_are_the_headline_counts():
    from dashboard.counts import headline_counts
    from dashboard.filters import filter_policies

    frames = frames_of(str(REAL_DATA))
    frame, _, words = get_chart("map-age-policies").build(frames, Filters())
    counted = headline_counts(filter_policies(frames.age_policies, Filters()))
    assert f"account ban in force: {counted['ban'].count};" in words.subtitle
    assert f"parental-consent rule in force: {counted['consent'].count};" in words.subtitle


def test_a_month_only_rule_date_stays_a_month_in_the_tooltip_and_the_csv():
    from dashboard import datasets

    frame = mapping.data(frames_of(str(REAL_DATA)), Filters())
    month_only = frame[frame["effective_precision"] == "month"]
    assert not month_only.empty, "the case under test: a rule in force from a month"
    row = month_only.iloc[0]
    expected = row["effective"].strftime("%b %Y")  # 'Jul 2024', not '1 Jul 2024'
    assert f"in force from {expected}" in mapping.tooltip_info(row.to_dict(), "en")
    written = datasets.export_frame(month_only)["effective"].iloc[0]
    assert written == row["effective"].strftime("%Y-%m")
