"""World map of social-media age rules by kind and status, US states included, with region
views and a layer of circles sized by the number of actions."""

from __future__ import annotations

import json
import math
import weakref
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import pandas as pd
import pydeck as pdk

from dashboard.charts.palette import (
    BLUE,
    GREEN,
    GREY,
    INK,
    LIGHT_GREY,
    PURPLE,
    VERMILLION,
    YELLOW,
    rgb,
)
from dashboard.charts.types import Chart, ChartText
from dashboard.counts import PROGRESS_RANK, headline_counts
from dashboard.filters import Filters, filter_actions, filter_policies
from dashboard.frames import Frames, precision_of
from dashboard.i18n import fmt_date, fmt_number, label, source_line, t
from dashboard.jurisdictions import EU, jurisdiction_name
from dashboard.map_view import CHART_ID, LAYER_ACTIONS, LAYER_RULES

GEO_DIR = resources.files("dashboard") / "geo"  # shipped in the package (importlib.resources)
LAYER_COUNTRIES, LAYER_STATES, LAYER_SUBNATIONAL = "countries", "states", "subnational"
LAYER_COUNTS = "action-counts"
# The 27 member states (ISO alpha-3), whose shapes must all be pickable in the Europe view.
EU_MEMBERS = frozenset(
    [
        "AUT",
        "BEL",
        "BGR",
        "CYP",
        "CZE",
        "DEU",
        "DNK",
        "ESP",
        "EST",
        "FIN",
        "FRA",
        "GRC",
        "HRV",
        "HUN",
        "IRL",
        "ITA",
        "LTU",
        "LUX",
        "LVA",
        "MLT",
        "NLD",
        "POL",
        "PRT",
        "ROU",
        "SVK",
        "SVN",
        "SWE",
    ]
)

KIND_RANK = {"ban": 4, "consent": 3, "feature_limits": 2, "age_checks": 1, "guidance": 0}
NONE = "none"
# Passed but not in force, or still on the way: "M more have passed or are debating one".
ADVANCING = ("passed", "in_parliament", "proposed", "announced")
# The colour key: a rule's kind, then whether it binds today. A ban in force is the darkest red;
# the same kind on its way is the light tint of that hue; guidance is never a law (yellow).
# Feature limits and age checks share a hue: both regulate accounts without an age bar.
KEY_COLOURS = {
    "ban_in_force": VERMILLION,
    "ban_planned": "#F5B78A",
    "consent_in_force": BLUE,
    "consent_planned": "#9DCBEB",
    "limits_in_force": GREEN,
    "limits_planned": "#A3D9C5",
    "guidance": YELLOW,
    "blocked_by_court": PURPLE,
    "ended": GREY,
    NONE: LIGHT_GREY,
}
KIND_FAMILY = {
    "ban": "ban", "consent": "consent", "feature_limits": "limits", "age_checks": "limits",
    "guidance": "guidance",
}  # fmt: skip


def colour_key(kind: str | None, status: str) -> str:
    """The legend entry of a rule: kind family and whether it is in force."""
    if status == NONE or not kind:
        return NONE
    if status == "blocked_by_court":
        return "blocked_by_court"
    if status in ("rejected", "repealed"):
        return "ended"
    family = KIND_FAMILY.get(kind, "limits")
    if family == "guidance":
        return "guidance"
    return f"{family}_{'in_force' if status == 'in_force' else 'planned'}"


# Circle area proportional to the count: radius = RADIUS_PX * sqrt(count).
RADIUS_PX = 4.5
MARKER_PX = 6
FILL_ALPHA, FADED_ALPHA = 235, 60
# Antarctica has no rules and, in Web Mercator, would take a third of the map's height.
LEFT_OUT = frozenset({"ATA"})
# Shapes narrower than this (degrees) get a marker too, so that Luxembourg can be picked.
SMALL_SHAPE_DEG = 1.2
# The EU's marker sits in the Bay of Biscay, not on Brussels, where it would hide Belgium.
EU_MARKER = (-14.0, 45.5)
# Desktop height; phones get about 70% of the screen (CSS on the map page, see MAP_CSS).
MAP_HEIGHT = 560
# Region views as (longitude, latitude, zoom on a desktop ~900 px wide and 560 px tall,
# zoom on a phone ~390 px wide). deck.gl cannot fit bounds from JSON, so the zooms are
# worked out from each region's extent in Web Mercator for those two screens.
REGION_VIEWS = {
    "world": (10.0, 22.0, 0.8, -0.45),
    "europe": (12.0, 53.0, 2.7, 2.45),
    "americas": (-98.0, 15.0, 1.3, 0.95),
    "asia-pacific": (122.0, 8.0, 1.65, 1.2),
}
WORLD_VIEW = {"longitude": 10.0, "latitude": 22.0, "zoom": 0.8, "min_zoom": -1}

RULE_DATES = ("announced", "passed", "effective")  # each with its `_precision`
COLUMNS = [
    "code", "name", "kind", "rule_kind", "status", "status_label", "key", "rule", "min_age",
    "parental_consent_below", "absolute_ban_below", "announced", "passed", "effective",
    "announced_precision", "passed_precision", "effective_precision", "policy_id", "policies", "actions", "lon", "lat", "shape", "source_publishers",
    "kinds_in_force",
]  # fmt: skip


# Geometry: loaded once per process; the files are built ahead (src/dashboard/geo/README.md).


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


def position(code: str) -> tuple[float, float] | None:
    """Where a jurisdiction's circle goes: its point if it has one, else its country's centroid."""
    if code in points():
        return points()[code]["lon"], points()[code]["lat"]
    return centroids().get(code)


@cache
def subdivisions_geojson() -> dict[str, Any]:
    """US state shapes (FeatureCollection keyed by ISO 3166-2 `code`), see src/dashboard/geo/README.md."""
    return json.loads((GEO_DIR / "subdivisions.geojson").read_text(encoding="utf-8"))


def _extent(geometry: dict[str, Any]) -> float:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    xs = [x for polygon in polygons for x, _ in polygon[0]]
    ys = [y for polygon in polygons for _, y in polygon[0]]
    return max(max(xs) - min(xs), max(ys) - min(ys))


@cache
def small_shapes() -> frozenset[str]:
    """Countries whose shape is too small to pick at a region's zoom (Luxembourg)."""
    return frozenset(
        feature["properties"]["iso3"]
        for feature in countries_geojson()["features"]
        if _extent(feature["geometry"]) < SMALL_SHAPE_DEG
    )


def shape_codes() -> frozenset[str]:
    codes = {feature["properties"]["code"] for feature in subdivisions_geojson()["features"]}
    return frozenset(centroids()) | codes


def marker_position(code: str) -> tuple[float, float] | None:
    """Where a place's marker goes (the EU's sits off the coast, not on Belgium)."""
    return EU_MARKER if code == EU else position(code)


# The frame behind the chart.


def _kind(code: str) -> str:
    if code == EU:
        return "eu"
    return "subnational" if "-" in code else "country"


def rule_kinds(policies: pd.DataFrame) -> pd.Series:
    """Each rule's kind (`kind` column; older frames without it get it from their ages)."""
    if "kind" in policies:
        return policies["kind"].astype(str)
    derived = policies["absolute_ban_below"].notna().map({True: "ban", False: None})
    derived = derived.where(derived.notna(), policies["parental_consent_below"].notna().map(
        {True: "consent", False: None}))  # fmt: skip
    return derived.fillna(policies["min_age"].notna().map({True: "ban", False: "age_checks"}))


def _leading_policies(policies: pd.DataFrame) -> pd.DataFrame:
    """Per jurisdiction, the furthest-advanced rule, the strongest kind first among equals."""
    ranked = policies.copy()
    ranked["rule_kind"] = rule_kinds(ranked)
    ranked["rank"] = ranked["status"].astype(str).map(PROGRESS_RANK)
    ranked["kind_rank"] = ranked["rule_kind"].map(KIND_RANK).fillna(0)
    # The furthest status first (the lowest step), then the strongest kind.
    ordered = ranked.sort_values(["rank", "kind_rank"], ascending=[True, False], kind="stable")
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


def _value(lead: pd.Series | None, column: str) -> Any:
    return lead[column] if lead is not None and column in lead else pd.NA


def _row(code: str, lead: pd.Series | None, lang: str) -> dict[str, Any]:
    status = str(lead["status"]) if lead is not None else NONE
    kind = str(lead["rule_kind"]) if lead is not None else None
    lon, lat = marker_position(code) or (math.nan, math.nan)
    return {
        "code": code,
        "name": jurisdiction_name(code, lang),
        "kind": _kind(code),
        "rule_kind": kind,
        "status": status,
        "status_label": status_label(status, lang),
        "key": colour_key(kind, status),
        "rule": str(lead[f"title_{lang}"]) if lead is not None else "",
        **{
            column: _value(lead, column)
            for column in ("min_age", "parental_consent_below", "absolute_ban_below")
        },
        **{column: _value(lead, column) for column in RULE_DATES},
        **{f"{column}_precision": _value(lead, f"{column}_precision") for column in RULE_DATES},
        "policy_id": lead["id"] if lead is not None else None,
        "lon": lon,
        "lat": lat,
        "shape": code in shape_codes() and code not in small_shapes(),
    }


def data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per jurisdiction with a rule or an action: rule, status, counts and position."""
    policies = filter_policies(frames.age_policies, filters)
    actions = filter_actions(frames.actions, filters)
    leading = _leading_policies(policies)
    # The kinds in force in each place, as the headline counts define them (dashboard.counts).
    live: dict[str, list[str]] = {}
    for kind, counted in headline_counts(policies).items():
        for code in (*counted.countries, *counted.sub_national):
            live.setdefault(code, []).append(kind)
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
            "kinds_in_force": tuple(live.get(code, ())),
        }
        for code in codes
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("min_age", "parental_consent_below", "absolute_ban_below"):
        frame[column] = frame[column].astype("Int64")
    for column in RULE_DATES:
        frame[column] = pd.to_datetime(frame[column])
    for column in ("policies", "actions"):
        frame[column] = frame[column].astype(int)
    return frame


# Words.


def status_label(status: str, lang: str) -> str:
    """The reader-facing name of a map status (`none` means no rule recorded)."""
    return t("map.status.none", lang) if status == NONE else label("pstatus", status, lang)


def _age_line(row: Mapping[str, Any], lang: str) -> str:
    if pd.isna(row.get("min_age", pd.NA)):
        return ""
    parts = [t("map.tip.min_age", lang, age=int(row["min_age"]))]
    if pd.notna(row["parental_consent_below"]):
        parts.append(t("map.tip.consent", lang, age=int(row["parental_consent_below"])))
    if pd.notna(row["absolute_ban_below"]):
        parts.append(t("map.tip.ban", lang, age=int(row["absolute_ban_below"])))
    return "; ".join(parts)


def _dates_line(row: Mapping[str, Any], lang: str) -> str:
    # A month-only date is written as its month ("Jul 2024"), never an invented 1st.
    parts = [
        t(f"map.tip.{column}", lang, date=fmt_date(row[column], precision_of(row, column), lang))
        for column in RULE_DATES
        if pd.notna(row.get(column, pd.NaT))
    ]
    line = "; ".join(parts)
    return line[:1].upper() + line[1:]


def tooltip_info(row: Mapping[str, Any], lang: str) -> str:
    """Plain-text lines under the name in a tooltip; Streamlit escapes it, CSS keeps the breaks."""
    key = row.get("key", NONE)
    lines = [t(f"map.key.{key}", lang)]
    if key != NONE:
        lines += [row.get("rule", ""), f"{t('map.tip.status', lang)}: {row['status_label']}"]
    lines += [_age_line(row, lang), _dates_line(row, lang)]
    if int(row["policies"]) > 1:
        lines.append(t("map.tip.policies", lang, count=int(row["policies"])))
    lines.append(t("map.tip.actions", lang, count=int(row["actions"])))
    return "\n".join(line for line in lines if line)


TOOLTIP = {
    "html": "<b>{name}</b><br/>{info}",
    "style": {
        "whiteSpace": "pre-line", "backgroundColor": "white", "color": INK,
        "fontSize": "13px", "border": "1px solid #ccc", "maxWidth": "300px",
    },
}  # fmt: skip


# Drawing.


def _fill(key: str, faded: bool = False) -> list[int]:
    return rgb(KEY_COLOURS.get(key, LIGHT_GREY), FADED_ALPHA if faded else FILL_ALPHA)


def _empty_row(code: str, fallback_name: str, lang: str) -> dict[str, Any]:
    name = jurisdiction_name(code, lang)
    return {
        "code": code, "name": name if name != code else fallback_name, "key": NONE,
        "status": NONE, "status_label": status_label(NONE, lang), "policies": 0, "actions": 0,
    }  # fmt: skip


def _features(
    collection: dict[str, Any],
    code_field: str,
    frame: pd.DataFrame,
    filters: Filters,
    parent: str | None = None,
) -> dict[str, Any]:
    """GeoJSON features with fill and tooltip; `parent` (USA for states) adds its rule's line,
    since the country's colour is hidden under its states."""
    lang = filters.lang
    rows = {row["code"]: row for row in frame.to_dict("records")}
    national = ""
    if parent in rows and rows[parent]["key"] != NONE:
        lead = rows[parent]
        national = "\n" + t("map.tip.national", lang, name=lead["name"],
                            rule=t(f"map.key.{lead['key']}", lang))  # fmt: skip
    # Under a jurisdiction filter, places outside it are faded, not shown as "no rule".
    fade_others = bool(filters.jurisdictions)
    features = []
    for feature in collection["features"]:
        code = feature["properties"][code_field]
        if code in LEFT_OUT:
            continue
        row = rows.get(code) or _empty_row(code, feature["properties"]["name"], lang)
        properties = {
            "code": code,
            "name": row["name"],
            "info": tooltip_info(row, lang) + national,
            "fill": _fill(row["key"], faded=fade_others and code not in rows),
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


def region_view(region: str, phone: bool = False) -> dict[str, float]:
    """The initial view of a region on a desktop or a phone screen."""
    lon, lat, zoom, phone_zoom = REGION_VIEWS.get(region, REGION_VIEWS["world"])
    return {
        "longitude": lon,
        "latitude": lat,
        "zoom": phone_zoom if phone else zoom,
        "min_zoom": -1,
    }


def _view(frame: pd.DataFrame, filters: Filters, phone: bool = False) -> pdk.ViewState:
    region = getattr(filters, "region", "world")
    placed = frame.dropna(subset=["lon", "lat"])
    if region != "world" or not filters.jurisdictions or placed.empty:
        return pdk.ViewState(**region_view(region, phone))
    # Zoom to the chosen jurisdictions: wide enough for their spread, never closer than a region.
    base = region_view("world", phone)
    span = max(placed["lon"].max() - placed["lon"].min(), placed["lat"].max() - placed["lat"].min())
    zoom = max(base["zoom"], min(3.0, math.log2(360 / max(span * 1.6, 25)) + (0 if phone else 1)))
    return pdk.ViewState(
        longitude=float(placed["lon"].mean()), latitude=float(placed["lat"].mean()), zoom=zoom,
        min_zoom=-1,
    )  # fmt: skip


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation (Streamlit sends `to_json()` as is, and the indented
    form of the shapes is five times larger), with variants for phones and the actions layer."""

    def to_json(self) -> str:
        # Built once: the app caches the Deck per view and Streamlit serialises it on every run.
        cached = getattr(self, "_compact_json", None)
        if cached is None:
            cached = json.dumps(json.loads(super().to_json()), separators=(",", ":"))
            self._compact_json = cached
        return cached

    @property
    def height(self) -> int:
        """The map's height in pixels on a desktop, which chart_view.render_chart gives Streamlit."""
        return MAP_HEIGHT

    def variant(self, *, phone: bool = False, layer: str = LAYER_RULES) -> CompactDeck:
        """The same map for a phone's screen and/or with the actions layer on (built once)."""
        if not phone and layer == LAYER_RULES:
            return self
        variants = _VARIANTS.setdefault(self, {})
        if (phone, layer) not in variants:
            layers = []
            for item in self.layers:
                copy = pdk.Layer(item.type, data=item.data, id=item.id, **item._kwargs)
                if item.id in (LAYER_ACTIONS, LAYER_COUNTS):
                    copy.visible = layer == LAYER_ACTIONS
                elif layer == LAYER_ACTIONS:
                    copy.opacity = 0.4  # the rules stay readable under the circles
                layers.append(copy)
            view = _PHONE_VIEWS[self] if phone else self.initial_view_state
            variants[(phone, layer)] = CompactDeck(
                layers=layers, views=self.views, initial_view_state=view,
                map_provider=None, tooltip=self._tooltip,
            )  # fmt: skip
        return variants[(phone, layer)]


# Per deck (kept outside it: pydeck serialises every attribute): its variants and phone view.
_VARIANTS: weakref.WeakKeyDictionary[CompactDeck, dict] = weakref.WeakKeyDictionary()
_PHONE_VIEWS: weakref.WeakKeyDictionary[CompactDeck, pdk.ViewState] = weakref.WeakKeyDictionary()


def figure(frame: pd.DataFrame, filters: Filters) -> pdk.Deck:
    """Countries and US states filled by their own rule's kind and status; markers for places
    without a shape; circles sized by actions (a layer the page switches on)."""
    lang = filters.lang
    shaped = frame[frame["kind"] != "eu"]
    countries = pdk.Layer(
        "GeoJsonLayer", id=LAYER_COUNTRIES,
        data=_features(countries_geojson(), "iso3", shaped, filters),
        get_fill_color="properties.fill", get_line_color=[255, 255, 255], line_width_min_pixels=0.6,
        stroked=True, filled=True, pickable=True, auto_highlight=True,
    )  # fmt: skip
    states = pdk.Layer(
        "GeoJsonLayer", id=LAYER_STATES,
        data=_features(subdivisions_geojson(), "code", shaped, filters, parent="USA"),
        get_fill_color="properties.fill", get_line_color=[255, 255, 255], line_width_min_pixels=0.4,
        stroked=True, filled=True, pickable=True, auto_highlight=True,
    )  # fmt: skip
    # Markers: places with a rule and no shape (EU, Manitoba, Malta), and the tiny EU shapes.
    unshaped = frame[~frame["shape"] & frame["lon"].notna()]
    markers = unshaped[(unshaped["policies"] > 0) | unshaped["code"].isin(small_shapes())]
    # EU members too small for a shape (Malta) or to pick one (Luxembourg) always get a marker.
    tiny = sorted((EU_MEMBERS - (shape_codes() - small_shapes())) - set(markers["code"]))
    placed = {code: spot for code in tiny if (spot := position(code)) is not None}
    extra = [
        _empty_row(code, code, lang) | {"lon": spot[0], "lat": spot[1], "kind": "country"}
        for code, spot in placed.items()
    ]
    markers = pd.concat([markers, pd.DataFrame(extra, columns=frame.columns)]) if extra else markers
    subnational = pdk.Layer(
        "ScatterplotLayer", id=LAYER_SUBNATIONAL,
        data=_point_records(markers, lang, fill=lambda row: _fill(row["key"]),
                            status=lambda row: row["status"]),
        get_position=["lon", "lat"], get_radius=MARKER_PX, radius_units='"pixels"',
        get_fill_color="fill", get_line_color=rgb(INK), stroked=True, line_width_min_pixels=1.2,
        pickable=True, auto_highlight=True,
    )  # fmt: skip
    with_actions = frame[(frame["actions"] > 0) & frame["lon"].notna()]
    with_actions = with_actions.sort_values("actions", ascending=False)  # small circles on top
    circles = _point_records(with_actions, lang, radius=lambda row: radius(row["actions"]),
                             count=lambda row: int(row["actions"]),
                             label=lambda row: str(int(row["actions"])))  # fmt: skip
    actions = pdk.Layer(
        "ScatterplotLayer", id=LAYER_ACTIONS, data=circles,
        get_position=["lon", "lat"], get_radius="radius", radius_units='"pixels"',
        get_fill_color=rgb(INK, 170), get_line_color=[255, 255, 255], stroked=True,
        line_width_min_pixels=1, pickable=True, auto_highlight=True, visible=False,
    )  # fmt: skip
    counts = pdk.Layer(
        "TextLayer", id=LAYER_COUNTS, data=[c for c in circles if c["count"] >= 2],
        get_position=["lon", "lat"], get_text="label", get_size=12, get_color=[255, 255, 255],
        font_weight=700, pickable=False, visible=False,
    )  # fmt: skip
    deck = CompactDeck(
        layers=[countries, states, subnational, actions, counts],
        views=[pdk.View(type="MapView", controller=True)],
        initial_view_state=_view(frame, filters),
        # No base map: the map makes no third-party request. map_style keeps pydeck's default
        # sentinel: Streamlit reads `None` as "a CARTO style matching the theme" and fetches it.
        map_provider=None,
        tooltip=TOOLTIP,
    )
    _PHONE_VIEWS[deck] = _view(frame, filters, phone=True)
    return deck


def _names_by_key(places: pd.DataFrame, lang: str, shown: int = 6) -> str:
    parts = []
    for key in KEY_COLOURS:
        names = sorted(places.loc[places["key"] == key, "name"])
        if key == NONE or not names:
            continue
        listed = ", ".join(names[:shown])
        if len(names) > shown:
            listed += t("chart.and_more", lang, count=len(names) - shown)
        parts.append(f"{t(f'map.key.{key}', lang)}: {len(names)} ({listed})")
    return "; ".join(parts) or t("value.none", lang)


def _most_actions(frame: pd.DataFrame, lang: str, shown: int = 3) -> str:
    """'European Union (18), Spain (10) and United Kingdom (10)'."""
    busiest = frame[frame["actions"] > 0].sort_values("actions", ascending=False, kind="stable")
    parts = [f"{row.name} ({row.actions})" for row in busiest.head(shown).itertuples()]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + t("chart.and", lang) + parts[-1]
    return parts[0] if parts else t("value.none", lang)


def text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    """Title, the finding (countries with a ban in force), alt text with the counts, sources."""
    lang = filters.lang
    title = t("map.title", lang)
    publishers = [name for names in frame["source_publishers"] for name in names]
    source = source_line(publishers, lang) + " · " + t("map.attribution", lang)
    if frame.empty:
        return ChartText(title, t("notice.empty", lang), t("map.empty_alt", lang), source)
    countries = frame[frame["kind"] == "country"]
    actions = int(frame["actions"].sum())
    places = int((frame["actions"] > 0).sum())
    live = countries["kinds_in_force"]
    subtitle = t(
        "map.subtitle", lang, bans=int(live.map(lambda kinds: "ban" in kinds).sum()),
        consent=int(live.map(lambda kinds: "consent" in kinds).sum()),
        more=int(countries["status"].isin(ADVANCING).sum()),
        states=int(((frame["kind"] == "subnational") & frame["status"].eq("in_force")).sum()),
        actions=fmt_number(actions, lang, 0), places=places,
    )  # fmt: skip
    alt = t(
        "map.alt", lang, groups=_names_by_key(countries, lang),
        others=_names_by_key(frame[frame["kind"] != "country"], lang, shown=4),
        actions=fmt_number(actions, lang, 0), places=places, top=_most_actions(frame, lang),
    )  # fmt: skip
    return ChartText(title, subtitle, alt, source)


CHARTS = [Chart(CHART_ID, "pydeck", "map", data, figure, text)]
