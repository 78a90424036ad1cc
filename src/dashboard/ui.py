"""The Streamlit layer shared by all pages: data loading, URL state, header, footer, chart frame.

Pages stay thin: they take the context (`page_context`) and lay out charts and records with the
helpers here. Text from the data is escaped before it reaches markdown or HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, filters
from dashboard.charts.registry import ChartText, get_chart
from dashboard.filters import Filters, Known, Notice
from dashboard.frames import Frames
from dashboard.i18n import LANGUAGES, coverage_line, label, pick_lang, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.plotly_locale import plotly_config
from dashboard.share_panel import share_panel

_CONTEXT_KEY = "_dashboard_context"
_SEEDED_KEY = "_filters_seeded"
# Widget keys of the filter panel.
KEY_DATES, KEY_JURISDICTIONS, KEY_PLATFORMS, KEY_TOPICS, KEY_LANG = (
    "f_dates", "f_jurisdictions", "f_platforms", "f_topics", "f_lang",
)  # fmt: skip
KEY_REGION = "f_region"  # the map page's region control


@dataclass
class PageContext:
    """What every page needs: the frames, the reader's filters and language, and notices."""

    frames: Frames
    filters: Filters
    known: Known
    notices: list[Notice] = field(default_factory=list)
    problems: list[data.Problem] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.filters.lang


# Loading: cached per data folder and file fingerprint; the last valid frames keep serving.


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, fingerprint: tuple) -> data.LoadResult:  # noqa: ARG001 - cache key
    return data.load(folder)


@st.cache_resource(show_spinner=False)
def _last_valid() -> dict[str, Frames]:
    return {}


def load_frames() -> tuple[Frames | None, list[data.Problem]]:
    """The current frames, or the last valid ones with the problems of the current files."""
    folder = data.default_data_dir()
    result = _load(str(folder), data.fingerprint(folder))
    holder = _last_valid()
    if result.ok:
        holder[str(folder)] = result.frames
        return result.frames, []
    return holder.get(str(folder)), result.problems


STYLESHEET = Path(__file__).parent / "static" / "style.css"


def apply_styles() -> None:
    """The project's small stylesheet (contrast fixes); a constant file, never data."""
    st.html(f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>")


# Escaping: data text shown through markdown must not become markup or links.

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: Any) -> str:
    """Data text made literal for st.markdown (no links, emphasis, HTML or LaTeX)."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def md_link(text: Any, url: str) -> str:
    """A markdown link to a validated http(s) source URL; the URL is percent-escaped."""
    safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    if not safe_url.startswith(("http://", "https://")):
        return md(text)
    return f"[{md(text)}]({safe_url})"


# URL state.


def _query_dict() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _seed_widgets(parsed: Filters) -> None:
    st.session_state[KEY_DATES] = (parsed.start, parsed.end) if parsed.start and parsed.end else ()
    st.session_state[KEY_JURISDICTIONS] = list(parsed.jurisdictions)
    st.session_state[KEY_PLATFORMS] = list(parsed.platforms)
    st.session_state[KEY_TOPICS] = list(parsed.topics)
    st.session_state[KEY_LANG] = parsed.lang
    st.session_state[KEY_REGION] = parsed.region


def _filters_from_widgets(lang: str) -> Filters:
    dates = st.session_state.get(KEY_DATES) or ()
    start, end = (dates[0], dates[1]) if len(dates) == 2 else (None, None)
    return Filters(
        start=start,
        end=end,
        jurisdictions=tuple(st.session_state.get(KEY_JURISDICTIONS) or ()),
        platforms=tuple(st.session_state.get(KEY_PLATFORMS) or ()),
        topics=tuple(st.session_state.get(KEY_TOPICS) or ()),
        lang=lang,  # type: ignore[arg-type]
        region=st.session_state.get(KEY_REGION) or filters.REGIONS[0],
    )


def write_url(current: Filters, extra: dict[str, str] | None = None) -> None:
    """Put the filters (and a page's own parameters) into the URL, leaving defaults out."""
    wanted = {**filters.to_query(current), **(extra or {})}
    if _query_dict() != {key: [value] for key, value in wanted.items()}:
        st.query_params.from_dict(wanted)


# Parameters the pages own (and Streamlit's `embed`): kept when the frame rewrites the URL.
PAGE_PARAMS = ("c", "topic", "geo", "chart", "embed", "embed_options", "layer")


def sync_url(context: PageContext) -> None:
    """The reader's current filters into the URL on every run, so any view can be shared."""
    kept = {name: st.query_params[name] for name in PAGE_PARAMS if name in st.query_params}
    write_url(context.filters, kept)


def page_param(name: str) -> str | None:
    """A page's own URL parameter (such as `c` on the country page)."""
    value = st.query_params.get(name)
    return value or None


def build_context() -> PageContext | None:
    """Load data and read the URL once per run; seeds the filter widgets on a session's first run."""
    frames, problems = load_frames()
    if frames is None:
        return None
    known = filters.known_values(
        frames.actions, frames.age_policies, frames.statistics, frames.platforms
    )
    notices: list[Notice] = []
    if not st.session_state.get(_SEEDED_KEY):
        parsed, notices = filters.parse_query(_query_dict(), known)
        browser = getattr(st.context, "locale", None)
        requested = parsed.lang if filters.PARAM_LANG in st.query_params else None
        parsed = parsed.with_lang(pick_lang(requested, browser))
        _seed_widgets(parsed)
        st.session_state[_SEEDED_KEY] = True
    lang = st.session_state.get(KEY_LANG) or "en"
    # The browser tab's title in the reader's language (app.py's first call cannot know it).
    st.set_page_config(page_title=t("app.page_title", lang))
    context = PageContext(frames, _filters_from_widgets(lang), known, notices, problems)
    st.session_state[_CONTEXT_KEY] = context
    return context


def page_context() -> PageContext:
    """The context app.py built for this run (built here when a page runs on its own)."""
    context = st.session_state.get(_CONTEXT_KEY)
    if context is None:
        context = build_context()
    if context is None:
        st.error(t("notice.no_valid_data"))
        st.stop()
    return context


# The frame around every page.


def language_switch(context: PageContext) -> None:
    names = {"en": "English", "es": "Español"}
    st.segmented_control(
        t("app.language", context.lang),
        options=list(LANGUAGES),
        format_func=names.get,
        key=KEY_LANG,
        selection_mode="single",
    )


def filter_panel(context: PageContext) -> None:
    """The filters, in the sidebar: the one place they are set for every page."""
    lang = context.lang
    frames = context.frames
    with st.sidebar:
        language_switch(context)
        st.header(t("filters.heading", lang))
        st.caption(t("filters.help", lang))
        dates = frames.actions["date"].dropna()
        low = dates.min().date() if not dates.empty else date(2020, 1, 1)
        high = dates.max().date() if not dates.empty else date.today()
        st.date_input(
            t("filters.dates", lang), key=KEY_DATES, min_value=min(low, high), max_value=high,
            format="YYYY-MM-DD",
        )  # fmt: skip
        st.multiselect(
            t("filters.jurisdictions", lang), sorted(context.known.jurisdictions,
            key=lambda code: jurisdiction_name(code, lang)), key=KEY_JURISDICTIONS,
            format_func=lambda code: jurisdiction_name(code, lang),
            placeholder=t("filters.all", lang),
        )  # fmt: skip
        names = frames.platform_names
        st.multiselect(
            t("filters.platforms", lang), sorted(names, key=lambda pid: names[pid].lower()),
            key=KEY_PLATFORMS, format_func=names.get, placeholder=t("filters.all", lang),
        )  # fmt: skip
        st.multiselect(
            t("filters.topics", lang), list(filters.TOPICS), key=KEY_TOPICS,
            format_func=lambda topic: label("topic", topic, lang),
            placeholder=t("filters.all", lang),
        )  # fmt: skip
        st.button(t("filters.reset", lang), on_click=_reset_filters)


def _reset_filters() -> None:
    st.session_state[KEY_DATES] = ()
    for key in (KEY_JURISDICTIONS, KEY_PLATFORMS, KEY_TOPICS):
        st.session_state[key] = []


def header(context: PageContext) -> None:
    lang = context.lang
    st.title(t("app.title", lang))
    st.markdown(md(t("app.purpose", lang)))
    frames = context.frames
    st.caption(coverage_line(frames.coverage_end, frames.last_reviewed, lang))
    show_notices(context)


def show_notices(context: PageContext) -> None:
    lang = context.lang
    for notice in context.notices:
        st.warning(
            t("notice.bad_param", lang, name=f"`{notice.param}`", value=f"“{md(notice.value)}”")
        )
    if context.problems:
        with st.expander(
            t("notice.data_problems", lang, count=len(context.problems)), expanded=True
        ):
            st.code("\n".join(str(problem) for problem in context.problems), language=None)
    if context.filters.active_count:
        st.caption(t("filters.active", lang, count=context.filters.active_count))


def footer(context: PageContext) -> None:
    lang = context.lang
    st.divider()
    st.caption(
        f"{md(t('footer.sources', lang))} {md(t('footer.licence', lang))} "
        f"[{t('footer.corrections', lang)}](/data#corrections) · [{t('footer.methods', lang)}](/data)"
    )


def first_items(ids: list[str], key: str, lang: str, count: int = 24) -> list[str]:
    """The first `count` ids, with a toggle to show all: hundreds of cards would slow the page."""
    if len(ids) <= count:
        return ids
    everything = st.toggle(t("list.show_all", lang, count=len(ids)), key=key)
    return ids if everything else ids[:count]


# Charts.


@st.cache_resource(max_entries=512, show_spinner=False)
def _cached_build(
    chart_id: str, view: str, version: str, _frames: Frames, _filters: Filters
) -> tuple:  # noqa: ARG001
    chart = get_chart(chart_id)
    assert chart is not None
    return chart.build(_frames, _filters)


def built_chart(chart_id: str, context: PageContext) -> tuple[pd.DataFrame, Any, ChartText]:
    """A chart's frame, figure and text, built once per data version and view.

    Builders are pure, so readers who look at the same view share one build. The cached
    objects are shared: callers must not change them.
    """
    return _cached_build(
        chart_id, repr(context.filters), context.frames.version, context.frames, context.filters
    )


def chart_text_block(text: ChartText) -> None:
    st.subheader(md(text.title), anchor=False)
    st.markdown(md(text.subtitle))


def is_phone() -> bool:
    """Whether the reader's browser says it is a phone (for the map's zoom; CSS does the rest)."""
    agent = (getattr(st.context, "headers", None) or {}).get("User-Agent", "") or ""
    return "Mobi" in agent or "Android" in agent


def render_chart(
    chart_id: str,
    context: PageContext,
    *,
    on_select: str = "ignore",
    key: str | None = None,
    adapt: Any = None,
    above_figure: Any = None,
) -> Any:
    """A registered chart with its title, finding, source line, alt text and data table.

    `adapt` turns the shared figure into the one to draw (the map's phone or layer variant);
    `above_figure` draws something between the finding and the figure (the map's legend).
    Returns the selection state when `on_select="rerun"`.
    """
    chart = get_chart(chart_id)
    if chart is None:
        raise KeyError(chart_id)
    frame, figure, text = built_chart(chart_id, context)
    if adapt is not None:
        figure = adapt(figure)
    chart_text_block(text)
    if above_figure is not None:
        above_figure()
    event = None
    if frame.empty:
        st.info(t("notice.empty", context.lang))
    elif chart.kind == "plotly":
        event = st.plotly_chart(
            figure, key=key or chart_id, on_select=on_select, alt=text.alt,
            config=plotly_config(context.lang, displaylogo=False),
        )  # fmt: skip
    else:
        event = st.pydeck_chart(
            figure, key=key or chart_id, on_select=on_select, alt=text.alt,
            selection_mode="single-object", height=int(getattr(figure, "height", 500) or 500),
        )  # fmt: skip
    st.caption(md(text.source))
    with st.expander(t("chart.table", context.lang)):
        st.dataframe(frame, hide_index=True)
    share_panel(chart, figure, frame, text, context.filters, key=key or chart_id)
    return event
