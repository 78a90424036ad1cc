"""Statistics page: led by charts (one small chart per comparable series, the survey shares),
then every published figure as a card, filterable."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard import records
from dashboard.chart_view import folded, render_chart, show_panels
from dashboard.charts.registry import get_chart
from dashboard.filters import filter_statistics
from dashboard.i18n import label, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.markdown_escape import md
from dashboard.page_context import PageContext, page_context
from dashboard.url_state import page_param, write_url

PARAM_TOPIC, PARAM_GEO = "topic", "geo"
KEY_TOPIC, KEY_GEO = "stats_topic", "stats_geo"
ALL = ""  # the option meaning "no page-level narrowing"
SERIES_CHART = "stats-comparable-groups"


def seed_choice(key: str, param: str, options: list[str], lang: str) -> None:
    """Start a page selectbox from the URL; an unknown value gets a notice and the default."""
    if key not in st.session_state:
        wanted = page_param(param)
        if wanted and wanted not in options:
            st.warning(t("notice.bad_param", lang, name=f"`{param}`", value=f"“{md(wanted[:40])}”"))
        st.session_state[key] = wanted if wanted in options else ALL
    elif st.session_state[key] not in options:
        # The global filters changed and this choice is gone: fall back to all.
        st.session_state[key] = ALL


def choose(key: str, param: str, options: list[str], names: dict[str, str], lang: str) -> str:
    """A page-level selectbox kept in the URL parameter `param`."""
    seed_choice(key, param, options, lang)
    return st.selectbox(
        t(f"stats.filter.{param}", lang), options, key=key, format_func=names.__getitem__
    )


def newest_first(statistics: pd.DataFrame) -> pd.DataFrame:
    """Figures by publication date, newest first; ties keep the file's order."""
    return statistics.sort_values("published", ascending=False, kind="stable")


def series_grid(context: PageContext) -> None:
    """One small chart per comparable series with two points or more, each on its own axis."""
    chart = get_chart(SERIES_CHART)
    assert chart is not None
    panels = chart.small_multiples(context.frames, context.filters)
    st.subheader(t("stats.series_heading", lang), anchor=False)
    st.caption(t("stats.chart.note", lang))
    if not panels:
        st.info(t("notice.empty", lang))
        return
    show_panels(panels)
    with folded(t("stats.series_all", lang), "series_all") as series_open:
        if series_open:
            render_chart(chart.id, context)


context = page_context()
lang = context.lang
st.header(t("stats.heading", lang), anchor=False)
st.markdown(t("stats.intro", lang))
series_grid(context)
render_chart("stats-survey-shares", context)

st.divider()
st.subheader(t("stats.cards_heading", lang), anchor=False)
available = filter_statistics(context.frames.statistics, context.filters)
topics = [topic for topic in available["topic"].cat.categories if topic in set(available["topic"])]
geos = sorted(set(available["geography"]), key=lambda code: jurisdiction_name(code, lang))
topic_names = {ALL: t("stats.filter.all_topics", lang)} | {
    topic: label("topic", topic, lang) for topic in topics
}
geo_names = {ALL: t("stats.filter.all_geos", lang)} | {
    code: jurisdiction_name(code, lang) for code in geos
}

left, right = st.columns(2)
with left:
    topic = choose(KEY_TOPIC, PARAM_TOPIC, [ALL, *topics], topic_names, lang)
with right:
    geo = choose(KEY_GEO, PARAM_GEO, [ALL, *geos], geo_names, lang)
write_url(context.filters, {k: v for k, v in ((PARAM_TOPIC, topic), (PARAM_GEO, geo)) if v})

# The page choices narrow the global filters for the cards.
narrowed = replace(
    context.filters,
    topics=(topic,) if topic else context.filters.topics,
    jurisdictions=(geo,) if geo else context.filters.jurisdictions,
)
page_context = replace(context, filters=narrowed)
shown = newest_first(filter_statistics(context.frames.statistics, narrowed))
count_line = st.empty()

if shown.empty:
    st.info(t("notice.empty", lang))
ids = records.first_items(shown["id"].tolist(), "all-statistics", lang)
# "N of M shown" counts the cards on the page: the matching ones, less those behind "show all".
count_line.caption(
    t("stats.count", lang, shown=len(ids), total=len(context.frames.statistics))
    + (" " + t("stats.count_matching", lang, count=len(shown)) if len(ids) < len(shown) else "")
)
# Two abreast on a wide screen, aligned row by row; one column on a phone.
records.show_cards(page_context, "statistics", ids, columns=2)
