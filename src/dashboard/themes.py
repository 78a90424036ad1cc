"""Light and dark themes for embeds and exported pages: page colours and a chart's dark variant.

Chart builders draw for a light page. `dark_patch` lists the few values a plotly figure changes on
a dark page (text, annotation boxes, the range buttons, marks drawn in the ink colour), as
`[path, value]` pairs: the live embed applies them in Python, the exported page in JavaScript when
the reader's theme is dark (so one page serves both). Colours are the app's own theme colours
(`.streamlit/config.toml`) and keep WCAG AA contrast on their background.
"""

from __future__ import annotations

import copy
from typing import Any

from dashboard.charts.palette import INK

PAGE = {
    "light": {"bg": "#FFFFFF", "text": "#0B0D12", "muted": "#3D444D", "link": "#005A8C"},
    "dark": {"bg": "#10131A", "text": "#E8EAED", "muted": "#C3C8D0", "link": "#8CCBF2"},
}
DARK_TEXT = PAGE["dark"]["text"]
DARK_BOX = "rgba(16,19,26,0.85)"
RANGE_BUTTONS = {"bgcolor": "rgba(128,128,128,0.16)", "activecolor": "rgba(128,128,128,0.42)"}
# Values drawn in the ink colour (or black) are text or marks that would vanish on a dark page.
_INK = {INK.lower(), "#000", "#000000", "black"}
_LIGHT_BOXES = ("rgba(255,255,255", "white", "#fff")


def _is_ink(value: Any) -> bool:
    return isinstance(value, str) and value.lower() in _INK


def _walk_colours(node: Any, path: list, out: list, inside_text: bool = False) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            text_key = inside_text or key in ("textfont", "insidetextfont")
            if key in ("color", "fgcolor") and _is_ink(value) and not inside_text:
                out.append([[*path, key], DARK_TEXT])
            else:
                _walk_colours(value, [*path, key], out, text_key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _walk_colours(value, [*path, index], out, inside_text)


def dark_patch(figure_dict: dict[str, Any]) -> list[list[Any]]:
    """The `[path, value]` changes that turn a plotly figure (as a dict) dark."""
    layout = figure_dict.get("layout", {})
    patch: list[list[Any]] = [[["layout", "font", "color"], DARK_TEXT]]
    for index, note in enumerate(layout.get("annotations", []) or []):
        box = str(note.get("bgcolor", "")).replace(" ", "").lower()
        if box.startswith(_LIGHT_BOXES):
            patch.append([["layout", "annotations", index, "bgcolor"], DARK_BOX])
        colour = (note.get("font") or {}).get("color")
        if colour is None or _is_ink(colour):
            patch.append([["layout", "annotations", index, "font", "color"], DARK_TEXT])
    for name, axis in layout.items():
        if name.startswith("xaxis") and isinstance(axis, dict) and axis.get("rangeselector"):
            for key, value in RANGE_BUTTONS.items():
                patch.append([["layout", name, "rangeselector", key], value])
            patch.append([["layout", name, "rangeselector", "font", "color"], DARK_TEXT])
    for index, trace in enumerate(figure_dict.get("data", [])):
        _walk_colours(trace, ["data", index], patch)
    return patch


def apply_patch(figure_dict: dict[str, Any], patch: list[list[Any]]) -> dict[str, Any]:
    """A copy of the figure dict with the patch applied (the JavaScript in chart.html does the
    same on the page)."""
    result = copy.deepcopy(figure_dict)
    for path, value in patch:
        node = result
        for key, following in zip(path[:-1], path[1:], strict=True):
            if isinstance(node, list):
                node = node[key]
                continue
            if key not in node or node[key] is None:
                node[key] = [] if isinstance(following, int) else {}
            node = node[key]
        node[path[-1]] = value
    return result


def without_range_buttons(figure_dict: dict[str, Any]) -> dict[str, Any]:
    """The figure dict with range buttons hidden: in an article's column they sit on the date
    labels (their place is a fraction of a plot whose height the legend's wrapping changes);
    readers zoom by dragging, or open the dashboard."""
    for name, axis in figure_dict.get("layout", {}).items():
        if name.startswith("xaxis") and isinstance(axis, dict) and axis.get("rangeselector"):
            axis["rangeselector"]["visible"] = False
    return figure_dict


def fixed_date_range(figure_dict: dict[str, Any], pad: float = 0.03) -> dict[str, Any]:
    """A date axis with annotations gets the range of its data (plus a margin) instead of
    autorange: Streamlit's plotly.js widens an autoranged axis until every annotation's text fits,
    which in a 360 px column stretched the timeline to 2031 and squeezed the points together."""
    import pandas as pd

    layout = figure_dict.get("layout", {})
    axis = layout.get("xaxis")
    if not isinstance(axis, dict) or axis.get("type") != "date" or axis.get("range"):
        return figure_dict
    if not layout.get("annotations"):
        return figure_dict
    values = [
        value
        for trace in figure_dict.get("data", [])
        if trace.get("x") is not None
        for value in list(trace["x"])
    ]
    dates = pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce").dropna()
    if dates.empty:
        return figure_dict
    low, high = dates.min(), dates.max()
    margin = max((high - low) * pad, pd.Timedelta(days=15))
    axis["range"] = [(low - margin).isoformat(), (high + margin).isoformat()]
    axis["autorange"] = False
    return figure_dict


def embed_figure(figure: Any, theme: str) -> Any:
    """The figure for an embed in `theme`: no range buttons, dark when `theme` is 'dark'."""
    if not hasattr(figure, "to_plotly_json"):
        return figure
    import plotly.graph_objects as go

    as_dict = fixed_date_range(without_range_buttons(copy.deepcopy(figure.to_plotly_json())))
    if theme == "dark":
        as_dict = apply_patch(as_dict, dark_patch(as_dict))
    return go.Figure(as_dict)


def themed_figure(figure: Any, theme: str) -> Any:
    """The figure for a page in `theme` ('dark' changes it; anything else returns it as it is)."""
    if theme != "dark" or not hasattr(figure, "to_plotly_json"):
        return figure
    import plotly.graph_objects as go

    as_dict = figure.to_plotly_json()
    return go.Figure(apply_patch(as_dict, dark_patch(as_dict)))
