"""Figures as compact JSON for a static page: shared hover text, a slim template, map shapes
written once, and text safe inside a <script> element."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from dashboard import themes


def script_json(value: str) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' that could end or open a tag."""
    return value.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


SHARED_KEY = "sharedText"  # the page's table of hover lines and ids
SHARED_FIELDS = "sharedFields"  # per trace: which of its arrays point into that table
BREAK = "<br>"
_MIDNIGHT = re.compile(r'"(\d{4}-\d\d-\d\d)T00:00:00"')


def share_hover_text(figure_dict: dict[str, Any]) -> dict[str, Any]:
    """Hover texts, row names and dates as indexes into one table of strings, each stored once.

    A record drawn in several rows (one per platform) repeats its whole hover text, every hover
    repeats lines such as its source, and every point repeats its row's name; the page joins
    them back (chart.html). Record ids (`customdata`, which only the app's click selection reads)
    are left out unless a hover template shows them.
    """
    table: list[str] = []
    index: dict[str, int] = {}

    def ref(line: str) -> int:
        if line not in index:
            index[line] = len(table)
            table.append(line)
        return index[line]

    for trace in figure_dict.get("data", []):
        if "customdata" not in str(trace.get("hovertemplate", "")):
            values = trace.get("customdata")
            if isinstance(values, list) and all(isinstance(value, str) for value in values):
                trace.pop("customdata")
        fields: dict[str, str | None] = {}
        for name in ("hovertext", "x", "y", "text"):
            values = trace.get(name)
            if not isinstance(values, list) or len(values) < 2:
                continue
            if not all(isinstance(value, str) for value in values):
                continue
            if name == "hovertext":
                trace[name] = [[ref(line) for line in value.split(BREAK)] for value in values]
                fields[name] = BREAK
            else:
                trace[name] = [ref(value) for value in values]
                fields[name] = None
        if fields:
            trace[SHARED_FIELDS] = fields
    figure_dict[SHARED_KEY] = table
    return figure_dict


def pio_json(figure: Any) -> str:
    import plotly.io as pio

    return pio.to_json(figure, validate=False, pretty=False)


# Parts of plotly's default template that only other kinds of chart read (3D, polar, maps).
_UNUSED_TEMPLATE_LAYOUT = ("polar", "ternary", "scene", "geo", "mapbox", "map", "smith")
_COLOUR_SCALED = {"heatmap", "contour", "histogram2d", "histogram2dcontour", "choropleth"}


def slim_template(figure_dict: dict[str, Any]) -> dict[str, Any]:
    """The figure's template without the defaults of trace types and subplots it does not use
    (about 6 KB of every page): the page draws the same."""
    template = figure_dict.get("layout", {}).get("template")
    if not isinstance(template, dict):
        return figure_dict
    used = {trace.get("type", "scatter") for trace in figure_dict.get("data", [])}
    if isinstance(template.get("data"), dict):
        template["data"] = {kind: value for kind, value in template["data"].items() if kind in used}
    layout = template.get("layout")
    if isinstance(layout, dict):
        for name in _UNUSED_TEMPLATE_LAYOUT:
            layout.pop(name, None)
        if not used & _COLOUR_SCALED:
            layout.pop("colorscale", None)
    return figure_dict


def plotly_json(figure: Any) -> str:
    """The figure for a page: compact, hover text shared, midnight dropped from dates."""
    as_dict = json.loads(pio_json(figure))
    as_dict = themes.fixed_date_range(themes.without_range_buttons(as_dict))
    as_dict = share_hover_text(slim_template(as_dict))
    text = json.dumps(as_dict, ensure_ascii=False, separators=(",", ":"))
    return script_json(_MIDNIGHT.sub(r'"\1"', text))


GEOMETRY_SCRIPT = "map-geometry.js"
GEOMETRY_REF = "geometryRef"


def deck_spec(deck: Any) -> dict[str, Any]:
    """The deck as a dict without its base map style: a tile style would be fetched from the web."""
    spec = json.loads(deck.to_json())
    for key in ("mapStyle", "mapProvider", "googleMapsKey"):
        spec.pop(key, None)
    return spec


def hoist_geometry(spec: dict[str, Any], shared: dict[str, Any]) -> dict[str, Any]:
    """Moves GeoJSON geometries into `shared` (written once as map-geometry.js), by a stable key.

    Country outlines are most of a map page's weight and the same on every map page; each page
    keeps only its features' properties (colours, names, counts) and a reference to the shape.
    """
    for layer in spec.get("layers", []):
        features = (
            layer.get("data", {}).get("features") if isinstance(layer.get("data"), dict) else None
        )
        for index, feature in enumerate(features or []):
            properties = feature.get("properties") or {}
            key = str(
                properties.get("code") or properties.get("iso3") or f"{layer.get('id')}-{index}"
            )
            shared[key] = feature.pop("geometry", None)
            feature[GEOMETRY_REF] = key
    return spec


def geometry_script(shared: dict[str, Any]) -> str:
    """The shared shapes as a script (a file:// page cannot fetch JSON, but it can load a script)."""
    return "window.DASHBOARD_GEOMETRY = " + json.dumps(shared, separators=(",", ":")) + ";\n"


def deck_json(deck: Any, shared: dict[str, Any] | None = None) -> str:
    spec = escape_properties(deck_spec(deck))
    if shared is not None:
        spec = hoist_geometry(spec, shared)
    return script_json(json.dumps(spec, separators=(",", ":")))


def deck_tooltip(deck: Any) -> str:
    """The deck's own tooltip template; never `true` (deck.gl then dumps every property)."""
    tooltip = getattr(deck, "_tooltip", None)
    if not isinstance(tooltip, dict):
        tooltip = False
    return script_json(json.dumps(tooltip))


def escape_properties(spec: dict[str, Any]) -> dict[str, Any]:
    """HTML-escape the text of every feature and point: pydeck's page puts it into the tooltip
    template as HTML (Streamlit escapes it for the app; a static page must do it itself)."""

    def escaped(value: Any) -> Any:
        if isinstance(value, str):
            return html.escape(value)
        if isinstance(value, dict):
            return {key: escaped(item) for key, item in value.items()}
        if isinstance(value, list):
            return [escaped(item) for item in value]
        return value

    for layer in spec.get("layers", []):
        if "data" in layer:
            layer["data"] = escaped(layer["data"])
    return spec
