"""What a reader picked on a chart, read from Streamlit's selection event (pure, so tests can
check it): record ids from a plotly chart or the map, or the place clicked on the map."""

from __future__ import annotations

from typing import Any


def selected_ids(event: Any) -> list[str]:
    """Record ids chosen in a plotly chart (customdata) or a pydeck map (object `id`)."""
    if not event:
        return []
    selection = event.get("selection", {}) if isinstance(event, dict) else event.selection
    ids: list[str] = []
    for point in selection.get("points", []) or []:
        value = point.get("customdata")
        value = value[0] if isinstance(value, list) else value
        if isinstance(value, str) and value not in ids:
            ids.append(value)
    for objects in (selection.get("objects", {}) or {}).values():
        for obj in objects:
            value = obj.get("id") if isinstance(obj, dict) else None
            if isinstance(value, str) and value not in ids:
                ids.append(value)
    return ids


def picked_code(event: Any) -> str | None:
    """The jurisdiction code of the object clicked on the map, if any."""
    if not event:
        return None
    selection = event.get("selection", {}) if isinstance(event, dict) else event.selection
    for objects in (selection.get("objects", {}) or {}).values():
        for obj in objects or []:
            if not isinstance(obj, dict):
                continue
            # GeoJSON features may arrive whole or as their properties.
            code = obj.get("code") or (obj.get("properties") or {}).get("code")
            if isinstance(code, str):
                return code
    return None
