"""World map of social-media minimum ages, with circles sized by the number of actions."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import pydeck as pdk

from dashboard.charts.common import source_line
from dashboard.charts.palette import INK, LIGHT_GREY, POLICY_STATUS_COLOURS, rgb
from dashboard.charts.registry import Chart, ChartText
from dashboard.filters import Filters, filter_actions, filter_policies, to_query
from dashboard.frames import Frames
from dashboard.i18n import fmt_number, label, t
from dashboard.jurisdictions import EU, jurisdiction_name

GEO_DIR = Path(__file__).resolve().parents[3] / "data" / "geo"
CHART_ID = "map-age-policies"
LAYER_COUNTRIES, LAYER_ACTIONS, LAYER_SUBNATIONAL = "countries", "actions", "subnational"

# How far a rule has gone; a country with several national rules shows the furthest one.
STATUS_RANK = {
    "in_force": 6, "passed": 5, "in_parliament": 4, "proposed": 3, "announced": 3,
    "blocked_by_court": 2, "repealed": 1, "rejected": 1,
}  # fmt: skip
NONE = "none"
# Passed but not in force, or still on the way: "M more have passed or are debating one".
ADVANCING = ("passed", "in_parliament", "proposed", "announced")
# Legend rows: statuses that share a colour share a row.
LEGEND_GROUPS: dict[str, tuple[str, ...]] = {
    "in_force": ("in_force",),
    "passed": ("passed",),
    "in_parliament": ("in_parliament",),
    "proposed": ("announced", "proposed"),
    "blocked_by_court": ("blocked_by_court",),
    "rejected": ("rejected", "repealed"),
    NONE: (NONE,),
}
# Circle area proportional to the count: radius = RADIUS_PX * sqrt(count).
RADIUS_PX = 4.5
MARKER_PX = 5
FILL_ALPHA, FADED_ALPHA = 230, 60
# Antarctica has no rules and, in Web Mercator, would take a third of the map's height.
LEFT_OUT = frozenset({"ATA"})
# deck.gl's map controller zooms in until the square Web Mercator world fills the map's height,
# so the whole world shows only when the map is no taller than its column is wide; 360 px fits
# the details-beside-map column on desktops and a phone's width (ui.render_chart passes the deck's
# height to Streamlit). Zoom log2(360 / 512) is that fitted world.
MAP_HEIGHT = 360
WORLD_VIEW = {
    "latitude": 0.0, "longitude": 12.0, "zoom": round(math.log2(MAP_HEIGHT / 512), 2),
    "min_zoom": -1,
}  # fmt: skip

COLUMNS = [
    "code", "name", "kind", "status", "status_label", "min_age", "parental_consent_below",
    "absolute_ban_below", "policy_id", "policies", "actions", "lon", "lat", "shape",
    "source_publishers",
]  # fmt: skip


# Geometry: loaded once per process; the files are built ahead (data/geo/README.md).


@cache
def countries_geojson() -> dict[str, Any]:
    """The country shapes (FeatureCollection keyed by `iso3`)."""
    return json.loads((GEO_DIR / "countries.geojson").read_text(encoding="utf-8"))


@cache
def points() -> dict[str, dict[str, Any]]:
    """Places shown as points: small states, the EU seat, sub-national jurisdictions."""
    return json.loads((GEO_DIR / "points.json").read_text(encoding="utf-8"))


def _ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed area and centroid of a closed ring (shoelace formula, in degrees)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area, cx / (6 * area), cy / (6 * area)


@cache
def centroids() -> dict[str, tuple[float, float]]:
    """Each country's (lon, lat): the centroid of its largest polygon, so that France's circle
    sits in Europe and not between Paris and French Guiana."""
    result: dict[str, tuple[float, float]] = {}
    for feature in countries_geojson()["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        exteriors = [_ring_area_centroid(polygon[0]) for polygon in polygons]
        _, lon, lat = max(exteriors, key=lambda item: abs(item[0]))
        result[feature["properties"]["iso3"]] = (round(lon, 3), round(lat, 3))
    return result


def shape_codes() -> frozenset[str]:
    return frozenset(centroids())


def position(code: str) -> tuple[float, float] | None:
    """Where a jurisdiction's circle goes: its point if it has one, else its country's centroid."""
    if code in points():
        return points()[code]["lon"], points()[code]["lat"]
    return centroids().get(code)


# The frame behind the chart.


def _kind(code: str) -> str:
    if code == EU:
        return "eu"
    return "subnational" if "-" in code else "country"


def _leading_policies(policies: pd.DataFrame) -> pd.DataFrame:
    """Per jurisdiction, the furthest-advanced rule that sets an age (min_age not null)."""
    with_age = policies[policies["min_age"].notna()].copy()
    with_age["rank"] = with_age["status"].astype(str).map(STATUS_RANK)
    ordered = with_age.sort_values("rank", ascending=False, kind="stable")
    return ordered.drop_duplicates("jurisdiction").set_index("jurisdiction")


def _publishers(frames: Frames, policies: pd.DataFrame, actions: pd.DataFrame) -> pd.Series:
    """Per jurisdiction, the publishers of its rules' and actions' sources (for the source line)."""
    owners = pd.concat(
        [
            pd.DataFrame({"dataset": "age_policies", "record_id": policies["id"],
                          "code": policies["jurisdiction"]}),
            pd.DataFrame({"dataset": "actions", "record_id": actions["id"],
                          "code": actions["jurisdiction"]}),
        ]
    )  # fmt: skip
    joined = frames.sources.merge(owners, on=["dataset", "record_id"])
    return joined.groupby("code")["publisher"].agg(tuple)


def _row(code: str, lead: pd.Series | None, lang: str) -> dict[str, Any]:
    status = str(lead["status"]) if lead is not None else NONE
    lon, lat = position(code) or (math.nan, math.nan)
    return {
        "code": code,
        "name": jurisdiction_name(code, lang),
        "kind": _kind(code),
        "status": status,
        "status_label": status_label(status, lang),
        "min_age": lead["min_age"] if lead is not None else pd.NA,
        "parental_consent_below": lead["parental_consent_below"] if lead is not None else pd.NA,
        "absolute_ban_below": lead["absolute_ban_below"] if lead is not None else pd.NA,
        "policy_id": lead["id"] if lead is not None else None,
        "lon": lon,
        "lat": lat,
        "shape": code in shape_codes(),
    }


def data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per jurisdiction with a rule or an action: status, ages, counts and position."""
    policies = filter_policies(frames.age_policies, filters)
    actions = filter_actions(frames.actions, filters)
    leading = _leading_policies(policies)
    policy_counts = policies["jurisdiction"].value_counts()
    action_counts = actions["jurisdiction"].value_counts()
    publishers = _publishers(frames, policies, actions)
    codes = sorted(set(policy_counts.index) | set(action_counts.index))
    rows = [
        {
            **_row(code, leading.loc[code] if code in leading.index else None, filters.lang),
            "policies": int(policy_counts.get(code, 0)),
            "actions": int(action_counts.get(code, 0)),
            "source_publishers": publishers.get(code, ()),
        }
        for code in codes
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("min_age", "parental_consent_below", "absolute_ban_below"):
        frame[column] = frame[column].astype("Int64")
    for column in ("policies", "actions"):
        frame[column] = frame[column].astype(int)
    return frame


# Words.


def status_label(status: str, lang: str) -> str:
    """The reader-facing name of a map status (`none` means no rule that sets an age)."""
    return t("map.status.none", lang) if status == NONE else label("pstatus", status, lang)


def legend(lang: str) -> list[tuple[str, str]]:
    """The map's colour key as (label, hex colour), most advanced status first."""
    return [
        (t(f"map.legend.{group}", lang), POLICY_STATUS_COLOURS[statuses[0]])
        for group, statuses in LEGEND_GROUPS.items()
    ]


def legend_html(entries: Iterable[tuple[str, str]], circles: str = "") -> str:
    """The colour key as small HTML (pydeck has no legend); every label is escaped."""
    items = [
        f'<span style="display:inline-flex;align-items:center;margin:0 14px 4px 0">'
        f'<span style="width:14px;height:14px;border-radius:3px;margin-right:6px;'
        f'border:1px solid rgba(0,0,0,.25);background:{html.escape(colour)}"></span>'
        f"{html.escape(text)}</span>"
        for text, colour in entries
    ]
    if circles:
        items.append(
            f'<span style="display:inline-flex;align-items:center;margin:0 14px 4px 0">'
            f'<span style="width:14px;height:14px;border-radius:50%;margin-right:6px;'
            f'background:rgba(31,36,48,.55);border:1px solid #fff"></span>'
            f"{html.escape(circles)}</span>"
        )
    return f'<div style="display:flex;flex-wrap:wrap;font-size:0.9rem">{"".join(items)}</div>'


def _age_line(row: Mapping[str, Any], lang: str) -> str:
    if pd.isna(row["min_age"]):
        return ""
    parts = [t("map.tip.min_age", lang, age=int(row["min_age"]))]
    if pd.notna(row["parental_consent_below"]):
        parts.append(t("map.tip.consent", lang, age=int(row["parental_consent_below"])))
    if pd.notna(row["absolute_ban_below"]):
        parts.append(t("map.tip.ban", lang, age=int(row["absolute_ban_below"])))
    return "; ".join(parts)


def tooltip_info(row: Mapping[str, Any], lang: str) -> str:
    """Plain-text lines under the name in a tooltip; Streamlit escapes it, CSS keeps the breaks."""
    lines = [row["status_label"], _age_line(row, lang)]
    lines.append(t("map.tip.policies", lang, count=int(row["policies"])))
    lines.append(t("map.tip.actions", lang, count=int(row["actions"])))
    return "\n".join(line for line in lines if line)


TOOLTIP = {
    "html": "<b>{name}</b><br/>{info}",
    "style": {
        "whiteSpace": "pre-line", "backgroundColor": "white", "color": INK,
        "fontSize": "13px", "border": "1px solid #ccc", "maxWidth": "280px",
    },
}  # fmt: skip


# Drawing.


def _fill(status: str, faded: bool = False) -> list[int]:
    return rgb(POLICY_STATUS_COLOURS.get(status, LIGHT_GREY), FADED_ALPHA if faded else FILL_ALPHA)


def _country_features(frame: pd.DataFrame, filters: Filters) -> dict[str, Any]:
    lang = filters.lang
    rows = {row["code"]: row for row in frame.to_dict("records") if row["shape"]}
    # Under a jurisdiction filter, countries outside it are faded, not shown as "no rule".
    fade_others = bool(filters.jurisdictions)
    features = []
    for feature in countries_geojson()["features"]:
        code = feature["properties"]["iso3"]
        if code in LEFT_OUT:
            continue
        row = rows.get(code)
        if row is None:
            name = jurisdiction_name(code, lang)
            row = {
                "code": code, "name": name if name != code else feature["properties"]["name"],
                "status": NONE, "status_label": status_label(NONE, lang), "min_age": pd.NA,
                "policies": 0, "actions": 0,
            }  # fmt: skip
        properties = {
            "code": code,
            "name": row["name"],
            "info": tooltip_info(row, lang),
            "fill": _fill(row["status"], faded=fade_others and code not in rows),
        }
        features.append(
            {"type": "Feature", "geometry": feature["geometry"], "properties": properties}
        )
    return {"type": "FeatureCollection", "features": features}


def _point_records(part: pd.DataFrame, lang: str, **extra: Any) -> list[dict[str, Any]]:
    return [
        {
            "code": row["code"], "name": row["name"], "info": tooltip_info(row, lang),
            "lon": row["lon"], "lat": row["lat"], **{k: f(row) for k, f in extra.items()},
        }
        for row in part.to_dict("records")
    ]  # fmt: skip


def radius(count: int) -> float:
    """A circle's radius in pixels: its area grows in proportion to the count."""
    return round(RADIUS_PX * math.sqrt(count), 2)


def _view(frame: pd.DataFrame, filters: Filters) -> pdk.ViewState:
    placed = frame.dropna(subset=["lon", "lat"])
    if not filters.jurisdictions or placed.empty:
        return pdk.ViewState(**WORLD_VIEW)
    # Zoom to the chosen jurisdictions: wide enough for their spread, never closer than a region.
    span = max(placed["lon"].max() - placed["lon"].min(), placed["lat"].max() - placed["lat"].min())
    zoom = max(WORLD_VIEW["zoom"], min(3.0, math.log2(360 / max(span * 1.6, 25))))
    return pdk.ViewState(
        longitude=float(placed["lon"].mean()),
        latitude=float(placed["lat"].mean()),
        zoom=zoom,
        min_zoom=WORLD_VIEW["min_zoom"],
    )


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: Streamlit sends `to_json()` as is, and the
    indented form of the country shapes is five times larger."""

    def to_json(self) -> str:
        # Built once: the app caches the Deck per view and Streamlit serialises it on every run.
        cached = getattr(self, "_compact_json", None)
        if cached is None:
            cached = json.dumps(json.loads(super().to_json()), separators=(",", ":"))
            self._compact_json = cached
        return cached

    @property
    def height(self) -> int:
        """The map's height in pixels, which ui.render_chart gives Streamlit."""
        return MAP_HEIGHT


def figure(frame: pd.DataFrame, filters: Filters) -> pdk.Deck:
    """Countries filled by status, circles by number of actions, markers for sub-national rules."""
    lang = filters.lang
    countries = pdk.Layer(
        "GeoJsonLayer", id=LAYER_COUNTRIES, data=_country_features(frame, filters),
        get_fill_color="properties.fill", get_line_color=[255, 255, 255], line_width_min_pixels=0.6,
        stroked=True, filled=True, pickable=True, auto_highlight=True,
    )  # fmt: skip
    with_actions = frame[(frame["actions"] > 0) & frame["lon"].notna()]
    with_actions = with_actions.sort_values("actions", ascending=False)  # small circles on top
    actions = pdk.Layer(
        "ScatterplotLayer", id=LAYER_ACTIONS,
        data=_point_records(with_actions, lang, radius=lambda row: radius(row["actions"]),
                            count=lambda row: int(row["actions"])),
        get_position=["lon", "lat"], get_radius="radius", radius_units='"pixels"',
        get_fill_color=rgb(INK, 140), get_line_color=[255, 255, 255], stroked=True,
        line_width_min_pixels=1, pickable=True, auto_highlight=True,
    )  # fmt: skip
    markers = frame[(frame["policies"] > 0) & ~frame["shape"] & frame["lon"].notna()]
    subnational = pdk.Layer(
        "ScatterplotLayer", id=LAYER_SUBNATIONAL,
        data=_point_records(markers, lang, fill=lambda row: _fill(row["status"], False),
                            status=lambda row: row["status"]),
        get_position=["lon", "lat"], get_radius=MARKER_PX, radius_units='"pixels"',
        get_fill_color="fill", get_line_color=rgb(INK), stroked=True, line_width_min_pixels=1.2,
        pickable=True, auto_highlight=True,
    )  # fmt: skip
    return CompactDeck(
        layers=[countries, actions, subnational],
        views=[pdk.View(type="MapView", controller=True)],
        initial_view_state=_view(frame, filters),
        # No base map: the map makes no third-party request. map_style keeps pydeck's default
        # sentinel: Streamlit reads `None` as "a CARTO style matching the theme" and fetches it.
        map_provider=None,
        tooltip=TOOLTIP,
    )


def _names_by_group(countries: pd.DataFrame, lang: str, shown: int = 6) -> str:
    parts = []
    for group, statuses in LEGEND_GROUPS.items():
        names = sorted(countries.loc[countries["status"].isin(statuses), "name"])
        if group == NONE or not names:
            continue
        listed = ", ".join(names[:shown])
        if len(names) > shown:
            listed += t("chart.and_more", lang, count=len(names) - shown)
        parts.append(f"{t(f'map.legend.{group}', lang)}: {len(names)} ({listed})")
    return "; ".join(parts) or t("value.none", lang)


def _most_actions(frame: pd.DataFrame, lang: str, shown: int = 3) -> str:
    """'European Union (18), Spain (10) and United Kingdom (10)'."""
    busiest = frame[frame["actions"] > 0].sort_values("actions", ascending=False, kind="stable")
    parts = [f"{row.name} ({row.actions})" for row in busiest.head(shown).itertuples()]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + t("chart.and", lang) + parts[-1]
    return parts[0] if parts else t("value.none", lang)


def text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    """Title, the finding (countries by status), alt text with the counts, sources."""
    lang = filters.lang
    title = t("map.title", lang)
    publishers = [name for names in frame["source_publishers"] for name in names]
    source = source_line(publishers, lang) + " · " + t("map.attribution", lang)
    if frame.empty:
        return ChartText(title, t("notice.empty", lang), t("map.empty_alt", lang), source)
    countries = frame[frame["kind"] == "country"]
    actions = int(frame["actions"].sum())
    places = int((frame["actions"] > 0).sum())
    subtitle = t(
        "map.subtitle", lang, in_force=int((countries["status"] == "in_force").sum()),
        more=int(countries["status"].isin(ADVANCING).sum()),
        actions=fmt_number(actions, lang, 0), places=places,
    )  # fmt: skip
    alt = t(
        "map.alt", lang, groups=_names_by_group(countries, lang),
        others=_names_by_group(frame[frame["kind"] != "country"], lang, shown=4), actions=fmt_number(actions, lang, 0), places=places,
        top=_most_actions(frame, lang),
    )  # fmt: skip
    return ChartText(title, subtitle, alt, source)


# Helpers for pages (pure, so the tests can reach them).


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


def profile_url(code: str, filters: Filters) -> str:
    """The country page's link for a jurisdiction, keeping the language (filters do not apply)."""
    query = {key: value for key, value in to_query(filters).items() if key == "lang"}
    return "/country?" + urlencode({"c": code, **query})


def unfiltered_by_place(filters: Filters) -> Filters:
    """The reader's filters without jurisdictions, for the records of one chosen place."""
    return replace(filters, jurisdictions=())


CHARTS = [Chart(CHART_ID, "pydeck", "map", data, figure, text)]
