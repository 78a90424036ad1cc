"""The map's colour key as HTML: pydeck draws no legend, so the map page and the embed add one."""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.charts.common import esc
from dashboard.charts.mapping import KEY_COLOURS, NONE
from dashboard.i18n import t


def legend(lang: str, keys: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """The map's colour key as (label, hex colour); only `keys` when given (what the map shows)."""
    shown = set(keys) if keys is not None else set(KEY_COLOURS)
    return [
        (t(f"map.key.{key}", lang), colour) for key, colour in KEY_COLOURS.items() if key in shown
    ]


def legend_html(entries: Iterable[tuple[str, str]], circles: str = "") -> str:
    """The colour key as small HTML (pydeck has no legend); every label is escaped."""
    items = [
        f'<span role="listitem" style="display:inline-flex;align-items:center;margin:0 14px 4px 0">'
        f'<span style="width:14px;height:14px;border-radius:3px;margin-right:6px;'
        f'border:1px solid rgba(0,0,0,.25);background:{esc(colour)}"></span>'
        f"{esc(text)}</span>"
        for text, colour in entries
    ]
    if circles:
        items.append(
            f'<span role="listitem" style="display:inline-flex;align-items:center;margin:0 14px 4px 0">'
            f'<span style="width:14px;height:14px;border-radius:50%;margin-right:6px;'
            f'background:rgba(31,36,48,.55);border:1px solid #fff"></span>'
            f"{esc(circles)}</span>"
        )
    return (
        f'<div class="map-legend" role="list" style="display:flex;flex-wrap:wrap;'
        f'font-size:0.9rem">{"".join(items)}</div>'
    )


def shown_legend_html(shown_keys: Iterable[str], lang: str, circles: str = "") -> str:
    """The key of the colours a map shows (its frame's `key` column), plus "no rule recorded"."""
    return legend_html(legend(lang, {*shown_keys, NONE}), circles)
