"""A reader who opens ?lang=es sees only Spanish: every page and every embed, on the real data.

Each page runs in Spanish; every text-bearing element is collected (headings, prose, captions,
notices, widget labels and options, expanders, metrics, tabs, share codes, the plotly figures'
titles, legend names, axis titles, annotations and hover texts, the map's tooltips) and searched
for the English of any catalogue message whose Spanish differs. Data text that has no Spanish falls
back to English by design: those fallbacks are taken out first, so only catalogue strings count.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from typing import Any

import pytest
from google.protobuf.message import Message

from dashboard import data
from dashboard.charts.registry import all_charts
from dashboard.filters import Filters
from dashboard.frames import Frames
from dashboard.i18n import catalogue, coverage_line, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.markdown_escape import md
from tests.app.conftest import REAL_DATA

PAGES = ["overview", "map", "timeline", "compare", "statistics", "country", "data"]
CHART_IDS = list(all_charts())
MIN_LENGTH = 4  # shorter English strings ("No", "Map") are ignored

# Proto fields that carry no reader-facing text (ids, keys, styling, machine config).
SKIPPED_FIELDS = {"id", "form_id", "key", "theme", "config", "type", "icon", "data", "mime"}
# String fields holding JSON: plotly's figure, deck.gl's description and tooltip, a table's columns.
JSON_FIELDS = {"spec", "json", "tooltip", "columns"}
# Keys of plotly and deck.gl JSON (and table column settings) whose strings readers see.
TEXT_KEYS = {
    "name", "text", "hovertext", "title", "label", "ticktext", "x", "y", "texttemplate",
    "hovertemplate", "tickprefix", "ticksuffix", "html", "info", "alt",
}  # fmt: skip
# Keys never shown (code, styling) even inside a text-bearing parent.
NON_TEXT_KEYS = {"font", "marker", "line", "style", "type", "color", "code", "id", "@@type"}


@cache
def frames() -> Frames:
    result = data.load(REAL_DATA)
    assert result.frames is not None
    return result.frames


# Collecting the page's text.


def _json_texts(value: Any, key: str | None = None, shown: bool = False) -> list[str]:
    """Strings under text-bearing keys of a plotly spec or a deck.gl description."""
    if key in NON_TEXT_KEYS:
        return []
    shown = shown or key in TEXT_KEYS
    if isinstance(value, dict):
        return [text for k, v in value.items() for text in _json_texts(v, k, shown)]
    if isinstance(value, list):
        return [text for item in value for text in _json_texts(item, key, shown)]
    return [value] if shown and isinstance(value, str) else []


def _proto_texts(message: Message) -> list[str]:
    """Every string of an element's protobuf message; JSON specs are read by their text keys."""
    texts: list[str] = []
    for descriptor, value in message.ListFields():
        name = descriptor.name
        if name in SKIPPED_FIELDS:
            continue
        single = isinstance(value, str | bytes | Message) or not hasattr(value, "__iter__")
        values = [value] if single else list(value)
        for item in values:
            if isinstance(item, Message):
                texts += _proto_texts(item)
            elif isinstance(item, str) and name in JSON_FIELDS and item.startswith(("{", "[")):
                texts += _json_texts(json.loads(item), shown=name == "tooltip")
            elif isinstance(item, str):
                texts.append(item)
    return texts


def _walk(node: Any) -> list[Any]:
    nodes = [node]
    for child in (getattr(node, "children", None) or {}).values():
        nodes += _walk(child)
    return nodes


def _clean(text: str) -> str:
    """Text as the reader sees it: no markdown escapes, HTML entities, tags, scripts or styles."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\1", text)
    # Addresses are not prose: a chart id such as compare-platform-actions is not English.
    text = re.sub(r"\]\((?:[^()\s]|\([^()\s]*\))*\)", "]", text)  # markdown link targets
    text = re.sub(r"https?://[^\s<>\[\]()\"]+|[^\s<>\[\]()\"]*\?[\w-]+=[^\s<>\[\]()\"]*", " ", text)
    return html.unescape(text)


def page_texts(app) -> list[str]:
    """Every text of the rendered page (main area and sidebar)."""
    texts = []
    for node in _walk(app._tree):
        proto = getattr(node, "proto", None)
        if isinstance(proto, Message):
            texts += _proto_texts(proto)
    return [_clean(text) for text in texts if text and text.strip()]


# What counts as English.


@cache
def data_texts() -> tuple[str, ...]:
    """Text from the data a Spanish page shows: taken out before looking for catalogue English.

    The data's Spanish (`*_es`, which already holds the English where a record has no Spanish:
    the app's fallback by design) and the names that stay as they are in every language: an
    authority such as the "Cybercrime Investigation and Coordinating Center" or "Meta Platforms"
    is not the catalogue's "Investigation" or "Platforms".
    """
    found: set[str] = set()
    for frame in (frames().actions, frames().age_policies, frames().statistics):
        for column in frame.columns:
            if column.endswith("_es"):
                found |= {text for text in frame[column].dropna() if isinstance(text, str)}
    for meta in frames().datasets.values():
        for text in (meta.title, meta.description):
            if text is not None:
                found.add(text.get("es") or text.get("en"))
    found |= set(frames().platforms["name"]) | set(frames().sources["publisher"].dropna())
    found |= set(frames().statistics["publisher"].dropna())
    found = {text for text in found if len(text) >= MIN_LENGTH and re.search(r"[A-Za-z]", text)}
    # Longest first, so a long fallback is taken out before a shorter one inside it.
    return tuple(sorted(found, key=len, reverse=True))


def _pattern(english: str) -> re.Pattern[str] | None:
    """The English message as a regex: placeholders match anything; None where too short."""
    parts = re.split(r"\{[a-z_]+\}", english)
    if sum(len(part.strip()) for part in parts) < MIN_LENGTH:
        return None
    body = ".+?".join(re.escape(part) for part in parts)
    start = r"\b" if re.match(r"\w", english) else ""
    end = r"\b" if re.search(r"\w$", english) else ""
    return re.compile(start + body + end, re.S)


@cache
def english_patterns() -> dict[str, re.Pattern[str]]:
    """Catalogue keys whose Spanish differs, with the pattern of their English."""
    patterns = {}
    for key, texts in catalogue().items():
        if texts["en"] == texts["es"]:
            continue
        pattern = _pattern(texts["en"])
        if pattern is not None:
            patterns[key] = pattern
    return patterns


def english_left(texts: list[str]) -> list[tuple[str, str]]:
    """(catalogue key, the text it was found in) for each English message on the page."""
    found = []
    for text in texts:
        for own in data_texts():
            if own in text:
                text = text.replace(own, "\x00")
        for key, pattern in english_patterns().items():
            if pattern.search(text):
                found.append((key, text[:160]))
    return found


def assert_all_spanish(app) -> list[str]:
    texts = page_texts(app)
    assert texts, "the page rendered no text"
    left = english_left(texts)
    assert not left, "English catalogue strings on a Spanish page:\n" + "\n".join(
        f"  {key}: {text!r}" for key, text in left
    )
    return texts


def joined(texts: list[str]) -> str:
    return "\n".join(texts)


# The frame of every page.


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_spanish(run_page, page):
    app = run_page(page, lang="es")
    texts = assert_all_spanish(app)
    everything = joined(texts)
    # The frame: title, filters, language switch, footer.
    assert app.title[0].value == t("app.title", "es")
    sidebar = {element.label for element in app.sidebar.multiselect}
    assert sidebar == {
        t(key, "es") for key in ("filters.jurisdictions", "filters.platforms", "filters.topics")
    }
    assert t("filters.heading", "es") in [header.value for header in app.sidebar.header]
    assert t("footer.methods", "es") in everything
    loaded = frames()
    assert coverage_line(loaded.coverage_end, loaded.last_reviewed, "es") in everything


HEADINGS = {
    "overview": "overview.heading",
    "map": "map.heading",
    "timeline": "timeline.heading",
    "compare": "compare.heading",
    "statistics": "stats.heading",
    "data": "data.heading",
}


@pytest.mark.parametrize("page", sorted(HEADINGS))
def test_page_heading_is_spanish(run_page, page):
    app = run_page(page, lang="es")
    assert app.header[0].value == t(HEADINGS[page], "es")


def _plotly_specs(app) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def _plotly_configs(app) -> list[dict[str, Any]]:
    return [json.loads(chart.proto.config) for chart in app.get("plotly_chart")]


def test_overview_in_spanish(run_page):
    app = run_page("overview", lang="es")
    labels = [metric.label for metric in app.metric]
    assert t("overview.card.survey", "es") in labels
    assert t("overview.card.recent", "es") in labels
    everything = joined(page_texts(app))
    survey = frames().statistics.set_index("id").loc["stc-es-ai-nudes-one-in-five-2025"]
    assert survey["display_es"] in [_clean(metric.value) for metric in app.metric]
    assert t("overview.months.title", "es") in everything
    # The columns by month: Spanish kinds of action, Spanish axis title, Spanish months in hovers.
    months = next(spec for spec in _plotly_specs(app) if spec["layout"].get("barmode") == "stack")
    names = {trace["name"] for trace in months["data"]}
    assert names <= {t(f"typegroup.{group}", "es") for group in _type_groups()}
    assert months["layout"]["yaxis"]["title"]["text"] == t("col.count", "es")
    hovers = " ".join(text for trace in months["data"] for text in trace["hovertext"])
    assert re.search(r"\b(ene|feb|mar|abr|may|jun|jul|ago|sept|oct|nov|dic) 20\d\d", hovers)
    assert months["layout"]["separators"] == ",."


def _type_groups() -> list[str]:
    from dashboard.charts.palette import TYPE_GROUPS

    return list(TYPE_GROUPS)


def test_charts_get_plotlys_spanish_locale(run_page):
    """Streamlit's plotly.js has no Spanish: the config brings the dictionary along."""
    app = run_page("timeline", lang="es")
    (config,) = _plotly_configs(app)
    assert config["locale"] == "es"
    locale = config["locales"]["es"]
    assert locale["format"]["shortMonths"][:2] == ["ene", "feb"]
    assert locale["dictionary"]["Zoom in"] == "Ampliar"
    english = run_page("timeline", lang="en")
    assert "locales" not in _plotly_configs(english)[0]


def test_timeline_in_spanish(run_page):
    app = run_page("timeline", lang="es")
    (spec,) = _plotly_specs(app)
    names = {trace.get("name") for trace in spec["data"]}
    assert t("timeline.month_only", "es") in names and t("timeline.unverified", "es") in names
    buttons = spec["layout"]["xaxis"]["rangeselector"]["buttons"]
    assert [button["label"] for button in buttons] == [
        t(key, "es") for key in ("timeline.range.6m", "timeline.range.1y", "timeline.range.all")
    ]
    lanes = {lane for trace in spec["data"] for lane in trace.get("y") or [] if lane}
    assert jurisdiction_name("ESP", "es") in lanes and "Spain" not in lanes
    hovers = " ".join(text for trace in spec["data"] for text in trace.get("hovertext") or [])
    spain = frames().actions.set_index("id").loc["es-prosecutor-referral-2026-02-17"]
    assert html.escape(spain["title_es"], quote=False) in hovers
    assert t("timeline.hover.platforms", "es") in hovers


def test_map_in_spanish(run_page):
    app = run_page("map", lang="es", c="ESP")
    assert_all_spanish(app)
    (deck,) = app.get("deck_gl_json_chart")
    spec = json.loads(deck.proto.json)
    names = set(_names(spec))
    assert jurisdiction_name("ESP", "es") in names and "Spain" not in names
    infos = " ".join(_infos(spec))
    assert t("map.tip.policies", "es", count=1).split(":")[0] in infos
    everything = joined(page_texts(app))
    assert t("map.key.ban_in_force", "es") in everything
    assert t("map.region.europe", "es") in everything
    assert t("map.profile_link", "es", name=jurisdiction_name("ESP", "es")) in everything


def _features(spec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for layer in spec["layers"]:
        layer_data = layer.get("data")
        if isinstance(layer_data, dict):
            rows += [feature["properties"] for feature in layer_data.get("features", [])]
        elif isinstance(layer_data, list):
            rows += layer_data
    return rows


def _names(spec: dict[str, Any]) -> list[str]:
    return [row["name"] for row in _features(spec) if "name" in row]


def _infos(spec: dict[str, Any]) -> list[str]:
    return [row["info"] for row in _features(spec) if "info" in row]


def test_compare_in_spanish(run_page):
    app = run_page("compare", lang="es")
    specs = _plotly_specs(app)
    ages = specs[0]
    assert ages["layout"]["xaxis"]["title"]["text"] == t("col.min_age", "es")
    names = {trace.get("name") for trace in ages["data"]}
    assert t("compare.ages.ban_legend", "es") in names
    assert t("pstatus.in_force", "es") in " ".join(name for name in names if name)
    everything = joined(page_texts(app))
    assert t("compare.table.heading", "es") in everything


def test_statistics_in_spanish(run_page):
    app = run_page("statistics", lang="es")
    assert [box.label for box in app.selectbox] == [
        t("stats.filter.topic", "es"),
        t("stats.filter.geo", "es"),
    ]
    assert app.selectbox[0].options[0] == t("stats.filter.all_topics", "es")
    assert t("stats.filter.all_geos", "es") in app.selectbox[1].options
    everything = joined(page_texts(app))
    assert t("stats.series_heading", "es") in everything
    # The newest figure's card is shown first (the page opens with the newest 24).
    newest = frames().statistics.sort_values("published", ascending=False, kind="stable").iloc[0]
    assert newest["label_es"] in everything
    # The small charts are SVG, with Spanish numbers: a decimal comma and a spaced percent sign.
    small = next(m.value for m in app.markdown if 'class="small-charts"' in m.value)
    assert re.search(r">20,3\s%</text>", small) and "20.3%" not in small
    specs = _plotly_specs(app)
    assert specs  # the survey shares
    suffixes = {axis["ticksuffix"] for spec in specs for name, axis in spec["layout"].items()
                if "axis" in name and "ticksuffix" in axis}  # fmt: skip
    assert suffixes <= {"", t("stats.chart.percent_suffix", "es")}


def test_country_page_shows_the_spanish_data(run_page):
    app = run_page("country", lang="es", c="ESP")
    assert app.header[0].value == md(jurisdiction_name("ESP", "es"))
    assert app.selectbox[0].label == t("country.choose", "es")
    labels = [metric.label for metric in app.metric]
    assert labels == [
        t(f"country.metric.{kind}", "es") for kind in ("actions", "policies", "statistics")
    ]
    everything = joined(page_texts(app))
    spain = frames().actions.set_index("id").loc["es-prosecutor-referral-2026-02-17"]
    assert spain["title_es"] in everything and spain["title_en"] not in everything
    assert spain["summary_es"] in everything
    assert t("country.policies", "es") in everything


def test_data_page_in_spanish(run_page):
    app = run_page("data", lang="es")
    everything = joined(page_texts(app))
    for key in ("data.datasets_heading", "data.sources_heading", "data.methods_heading"):
        assert t(key, "es") in everything
    labels = {button.proto.label for button in app.get("download_button")}
    assert labels and all(not label.startswith("Download") for label in labels)


# Embeds.


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_every_embed_is_spanish(run_page, chart_id):
    app = run_page("embed", chart=chart_id, lang="es")
    texts = assert_all_spanish(app)
    everything = joined(texts)
    chart = all_charts()[chart_id]
    text = chart.build(frames(), Filters(lang="es"))[2]
    assert [subheader.value for subheader in app.subheader] == [md(text.title)]
    assert md(text.subtitle) in [markdown.value for markdown in app.markdown]
    updated = coverage_line(frames().coverage_end, frames().last_reviewed, "es")
    assert updated in everything
    links = " ".join(markdown.value for markdown in app.markdown)
    assert f'target="_blank" rel="noopener">{t("embed.full_view", "es")}</a>' in links
    assert "lang=es" in links, "the link to the full view keeps the language"
    assert not app.title, "no dashboard frame in an embed"


def test_share_panel_keeps_the_language(run_page):
    app = run_page("timeline", lang="es", j="ESP", open_panels=True)
    panel = next(e for e in app.expander if e.label == t("share.heading", "es"))
    link, code = (block.value for block in panel.code)
    assert link.endswith("/embed?chart=timeline-actions&j=ESP&lang=es")
    assert 'src="/embed?chart=timeline-actions&amp;j=ESP&amp;lang=es&amp;embed=true"' in code
    title = all_charts()["timeline-actions"].build(frames(), Filters(lang="es"))[2].title
    assert f'title="{html.escape(title)}"' in code
    labels = {button.proto.label for button in panel.get("download_button")}
    assert labels == {t(key, "es") for key in ("share.csv", "share.png", "share.svg")}


def test_browser_language_picks_spanish(run_page, monkeypatch):
    """No ?lang=: a browser that asks for es-ES gets Spanish; the URL still wins."""
    import streamlit as st

    monkeypatch.setattr(type(st.context), "locale", property(lambda self: "es-ES"))
    app = run_page("timeline")
    assert app.header[0].value == t("timeline.heading", "es")
    assert_all_spanish(app)
    app = run_page("timeline", lang="en")
    assert app.header[0].value == t("timeline.heading", "en")


def test_the_check_finds_english_where_there_is_some(run_page):
    """The detector itself: an English page is full of catalogue English."""
    app = run_page("timeline", lang="en")
    keys = {key for key, _ in english_left(page_texts(app))}
    assert {"timeline.heading", "filters.heading", "timeline.title", "share.heading"} <= keys
    assert {"timeline.month_only", "timeline.range.1y", "timeline.hover.source"} <= keys
