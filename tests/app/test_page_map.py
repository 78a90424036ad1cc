"""Map page: the deck with its three layers, the legend, details for a place, filters, Spanish."""

from __future__ import annotations

import json

from tests.app.conftest import REAL_DATA, VALID_DATA


def _deck(app) -> dict:
    charts = app.get("deck_gl_json_chart")
    assert charts, "no pydeck chart on the page"
    return json.loads(charts[0].proto.json)


def _layer(deck: dict, layer_id: str) -> dict:
    return next(item for item in deck["layers"] if item["id"] == layer_id)


def test_renders_the_map_with_three_layers(run_page):
    app = run_page("map", data=VALID_DATA)
    assert app.header[0].value == "Minimum ages and actions around the world"
    deck = _deck(app)
    assert [layer["id"] for layer in deck["layers"]] == ["countries", "actions", "subnational"]
    assert {c["code"] for c in _layer(deck, "actions")["data"]} == {"ESP", "IRL", "US-WI"}
    assert deck.get("mapStyle") == "__MAP_STYLE__"  # no base map, no third-party request


def test_the_tooltip_travels_with_the_chart(run_page):
    app = run_page("map", data=VALID_DATA)
    tooltip = json.loads(app.get("deck_gl_json_chart")[0].proto.tooltip)
    assert tooltip["html"] == "<b>{name}</b><br/>{info}"


def test_a_jurisdiction_filter_narrows_the_circles(run_page):
    app = run_page("map", data=REAL_DATA, j="AUS")
    circles = _layer(_deck(app), "actions")["data"]
    assert [(c["code"], c["count"]) for c in circles] == [("AUS", 5)]


def test_c_in_the_url_opens_the_details_beside_the_map(run_page):
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


def test_legend_is_shown(run_page):
    app = run_page("map", data=VALID_DATA)
    legend = app.get("html")
    assert legend and "In force" in legend[0].proto.body


def test_spanish(run_page):
    app = run_page("map", data=VALID_DATA, lang="es")
    assert app.header[0].value == "Edades mínimas y actuaciones en el mundo"
    assert app.subheader[0].value.startswith("Edades mínimas en redes sociales")
    assert "En vigor" in app.get("html")[0].proto.body
