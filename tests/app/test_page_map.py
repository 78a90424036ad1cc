"""Map page: the deck with its three layers, the legend, details for a place, filters, Spanish."""

from __future__ import annotations

import json

from dashboard import data
from tests.app.conftest import REAL_DATA, VALID_DATA


def _deck(app) -> dict:
    charts = app.get("deck_gl_json_chart")
    assert charts, "no pydeck chart on the page"
    return json.loads(charts[0].proto.json)


def _layer(deck: dict, layer_id: str) -> dict:
    return next(item for item in deck["layers"] if item["id"] == layer_id)


def _legend(app) -> str:
    return next(h.proto.body for h in app.get("html") if "map-legend" in h.proto.body)


def test_renders_the_map_with_its_layers(run_page):
    app = run_page("map", data=VALID_DATA)
    assert app.header[0].value == "Minimum ages and actions around the world"
    deck = _deck(app)
    assert [layer["id"] for layer in deck["layers"]] == [
        "countries",
        "states",
        "subnational",
        "actions",
        "action-counts",
    ]
    assert len(_layer(deck, "states")["data"]["features"]) == 51
    assert {c["code"] for c in _layer(deck, "actions")["data"]} == {"ESP", "IRL", "US-WI"}
    assert deck.get("mapStyle") == "__MAP_STYLE__"  # no base map, no third-party request


def test_the_tooltip_travels_with_the_chart(run_page):
    app = run_page("map", data=VALID_DATA)
    tooltip = json.loads(app.get("deck_gl_json_chart")[0].proto.tooltip)
    assert tooltip["html"] == "<b>{name}</b><br/>{info}"


def test_a_jurisdiction_filter_narrows_the_circles(run_page):
    app = run_page("map", data=REAL_DATA, j="AUS")
    circles = _layer(_deck(app), "actions")["data"]
    expected = int((data.load(REAL_DATA).frames.actions["jurisdiction"] == "AUS").sum())
    assert [(c["code"], c["count"]) for c in circles] == [("AUS", expected)]


def test_c_in_the_url_opens_the_details_below_the_map(run_page):
    app = run_page("map", data=REAL_DATA, c="ESP")
    assert app.selectbox(key="map_c").value == "ESP"
    assert "Spain" in [s.value for s in app.subheader]
    text = " ".join(m.value for m in app.markdown)
    assert "/country?c=ESP" in text
    assert app.query_params["c"] == ["ESP"] or app.query_params["c"] == "ESP"


def test_choosing_in_the_list_shows_details_and_keeps_filters_in_the_url(run_page):
    app = run_page("map", data=VALID_DATA, j="ESP")
    app.selectbox(key="map_c").set_value("AUS").run()
    assert not app.exception
    assert "Australia" in [s.value for s in app.subheader]
    params = {key: app.query_params[key] for key in app.query_params}
    assert "AUS" in str(params["c"]) and "ESP" in str(params["j"])


def test_a_bad_c_is_ignored(run_page):
    app = run_page("map", data=VALID_DATA, c="<b>NOPE</b>")
    assert app.selectbox(key="map_c").value is None


def test_legend_lists_exactly_the_colours_on_the_map(run_page):
    app = run_page("map", data=VALID_DATA)
    legend = _legend(app)
    assert "Account ban in force" in legend and "Blocked by a court" in legend
    assert "Guidance only" not in legend  # no guidance rule in the fixture
    assert "Circle size" not in legend  # the circles are off in the rules layer


def test_region_in_the_url_sets_the_view_and_stays_in_the_url(run_page):
    app = run_page("map", data=VALID_DATA, region="europe")
    view = _deck(app)["initialViewState"]
    assert 45 < view["latitude"] < 58 and -10 < view["longitude"] < 30 and view["zoom"] > 2
    assert "europe" in str(app.query_params["region"])
    app.button_group[0].set_value("americas").run()
    assert _deck(app)["initialViewState"]["longitude"] < -60
    assert "americas" in str(app.query_params["region"])


def test_a_bad_region_gives_a_notice_and_the_world(run_page):
    app = run_page("map", data=VALID_DATA, region="mars")
    assert any("region" in w.value for w in app.warning)
    assert _deck(app)["initialViewState"]["zoom"] < 1


def test_the_actions_layer_switch_shows_circles_and_keeps_colours(run_page):
    app = run_page("map", data=VALID_DATA, layer="actions")
    deck = _deck(app)
    assert _layer(deck, "actions")["visible"] is True
    assert _layer(deck, "countries")["opacity"] < 1
    assert "Circle size" in _legend(app)
    assert "actions" in str(app.query_params["layer"])


def test_spanish(run_page):
    app = run_page("map", data=VALID_DATA, lang="es")
    assert app.header[0].value == "Edades mínimas y actuaciones en el mundo"
    assert app.subheader[0].value.startswith("Edades mínimas en redes sociales")
    assert "Prohibición en vigor" in _legend(app)


def test_the_embedded_map_keeps_its_region_and_legend(run_page):
    app = run_page("embed", data=VALID_DATA, chart="map-age-policies", region="europe")
    view = _deck(app)["initialViewState"]
    assert 45 < view["latitude"] < 58 and view["zoom"] > 2
    assert "Account ban in force" in _legend(app)
