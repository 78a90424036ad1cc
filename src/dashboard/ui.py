"""The Streamlit layer shared by all pages: data loading, URL state, header, footer, chart frame.

Pages stay thin: they take the context (`page_context`) and lay out charts and records with the
helpers here. Text from the data is escaped before it reaches markdown or HTML.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import streamlit as st

from dashboard import data, filters
from dashboard.charts.registry import ChartText, get_chart, view_filters
from dashboard.filters import Filters, Known, Notice
from dashboard.frames import Frames
from dashboard.i18n import LANGUAGES, coverage_line, fmt_date, label, pick_lang, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.plotly_locale import plotly_config
from dashboard.share_panel import share_panel

log = logging.getLogger(__name__)
_CONTEXT_KEY = "_dashboard_context"
# Problems a reader's page shows (the full list is in `validate` and the server log).
SHOWN_PROBLEMS = 5
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
    problem_total: int = 0

    @property
    def lang(self) -> str:
        return self.filters.lang


# Loading: cached per data folder and file fingerprint; the last valid frames keep serving.


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, fingerprint: tuple) -> data.LoadResult:  # noqa: ARG001 - cache key
    result = data.load(folder)
    if result.problems:  # once per state of the files: the full (capped) list for editors
        lines = [str(problem) for problem in result.problems]
        more = result.more_line()
        log.warning(
            "data in %s has %d problem(s); serving the last valid data\n%s",
            folder, result.total, "\n".join([*lines, *([more] if more else [])]),
        )  # fmt: skip
    return result


@st.cache_resource(show_spinner=False)
def _last_valid() -> dict[str, Frames]:
    return {}


def load_frames() -> tuple[Frames | None, data.LoadResult]:
    """The current frames, or the last valid ones, with the load of the current files."""
    folder = data.default_data_dir()
    result = _load(str(folder), data.fingerprint(folder))
    holder = _last_valid()
    if result.ok and result.frames is not None:
        holder[str(folder)] = result.frames
        return result.frames, result
    return holder.get(str(folder)), result


def problem_lines(problems: list[data.Problem], total: int, count: int = SHOWN_PROBLEMS) -> str:
    """The first problems for a public page: paths relative to the data folder, then a summary."""
    lines = [problem.public() for problem in problems[:count]]
    left_out = total - len(lines)
    if left_out > 0:
        lines.append(f"… and {left_out:,} more")
    return "\n".join(lines)


STYLESHEET = Path(__file__).parent / "static" / "style.css"


def apply_styles() -> None:
    """The project's small stylesheet (contrast fixes); a constant file, never data."""
    st.html(f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>")


# Escaping: data text shown through markdown must not become markup or links.

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&@])")
# Streamlit's markdown (remark-gfm) finds bare URLs, www. names and e-mail addresses in the text
# after escapes are resolved, so escaping cannot stop them: an invisible word joiner (U+2060)
# splits each pattern, and the reader sees the same characters, not a link.
# The same joiner after a colon stops Streamlit's `:emoji:`, `:material/icon:` and `:red[...]`.
_AUTOLINK = re.compile(
    r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=www)(?=\.)|(?<=@)(?=\w)|(?<=:)(?=[\w+\-/])"
)
_JOINER = "\u2060"


def md(text: Any) -> str:
    """Data text made literal for st.markdown: the one escaping path for every data text.

    No links (bare URLs and addresses included), emphasis, headings (setext `===`/`---` too),
    HTML, entities or LaTeX. Lines are joined (paragraphs kept), so no line can start a block
    such as an indented code block.
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    paragraphs = (" ".join(part.split()) for part in re.split(r"\n\s*\n", str(text)))
    flat = "\n\n".join(part for part in paragraphs if part)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _AUTOLINK.sub(_JOINER, flat))


def md_link(text: Any, url: str) -> str:
    """A markdown link to a validated http(s) source URL; the URL is percent-escaped."""
    safe_url = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    if not safe_url.startswith(("http://", "https://")):
        return md(text)
    return f"[{md(text)}]({safe_url})"


# URL state.


def _query_dict() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def date_bounds(frames: Frames) -> tuple[date, date]:
    """The first and last day the date control accepts: the span of the actions' dates."""
    dates = frames.actions["date"].dropna()
    low = dates.min().date() if not dates.empty else date(2020, 1, 1)
    high = dates.max().date() if not dates.empty else date.today()
    return min(low, high), high


def _widget_dates(start: date | None, end: date | None, low: date, high: date) -> tuple:
    """The date control's value for a range; a one-sided range is shown up to the data's edge."""
    if start is None and end is None:
        return ()
    return (start or low, end or high)


def _seed_widgets(parsed: Filters, bounds: tuple[date, date]) -> None:
    st.session_state[KEY_DATES] = _widget_dates(parsed.start, parsed.end, *bounds)
    st.session_state[KEY_JURISDICTIONS] = list(parsed.jurisdictions)
    st.session_state[KEY_PLATFORMS] = list(parsed.platforms)
    st.session_state[KEY_TOPICS] = list(parsed.topics)
    st.session_state[KEY_LANG] = parsed.lang
    st.session_state[KEY_REGION] = parsed.region


def _keep_dates_in_bounds(bounds: tuple[date, date]) -> None:
    """The data's span can change under a session (an edit): keep the control's value inside it."""
    dates = tuple(st.session_state.get(KEY_DATES) or ())
    if not dates:
        return
    low, high = bounds
    inside = tuple(min(max(value, low), high) for value in dates if isinstance(value, date))
    if inside != dates:
        st.session_state[KEY_DATES] = inside


def _filters_from_widgets(lang: str, bounds: tuple[date, date]) -> Filters:
    dates = tuple(st.session_state.get(KEY_DATES) or ())
    start = dates[0] if dates else None  # one date: the reader is picking, or a `from` alone
    end = dates[1] if len(dates) == 2 else None
    low, high = bounds
    # A bound at the data's edge is no bound: `?to=2025-06-30` stays just that in the URL.
    start = None if start == low else start
    end = None if end == high else end
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
PAGE_PARAMS = (
    "c", "topic", "geo", "chart", "theme", "embed", "embed_options", "id", "q", "since", "layer",
)  # fmt: skip


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
    frames, result = load_frames()
    if frames is None:
        return None
    known = filters.known_values(
        frames.actions, frames.age_policies, frames.statistics, frames.platforms
    )
    bounds = date_bounds(frames)
    notices: list[Notice] = []
    if not st.session_state.get(_SEEDED_KEY):
        parsed, notices = filters.parse_query(_query_dict(), known)
        # The date control raises on a value outside its bounds: move the link's dates inside.
        parsed, clamped = filters.clamp_dates(parsed, *bounds)
        notices += clamped
        browser = getattr(st.context, "locale", None)
        requested = parsed.lang if filters.PARAM_LANG in st.query_params else None
        parsed = parsed.with_lang(pick_lang(requested, browser))
        _seed_widgets(parsed, bounds)
        st.session_state[_SEEDED_KEY] = True
    _keep_dates_in_bounds(bounds)
    lang = st.session_state.get(KEY_LANG) or "en"
    # The browser tab's title in the reader's language (app.py's first call cannot know it).
    st.set_page_config(page_title=t("app.page_title", lang))
    context = PageContext(
        frames, _filters_from_widgets(lang, bounds), known, notices, result.problems, result.total
    )
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
        format_func=lambda code: names[code],
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
        low, high = date_bounds(frames)
        st.date_input(
            t("filters.dates", lang), key=KEY_DATES, min_value=low, max_value=high,
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
            key=KEY_PLATFORMS, format_func=lambda pid: names.get(pid, pid),
            placeholder=t("filters.all", lang),
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
        st.warning(notice_text(notice, lang))
    if context.problems:
        reviewed = fmt_date(context.frames.last_reviewed, "day", lang)
        st.info(t("notice.data_updating", lang, date=reviewed))
        with st.expander(t("notice.data_problems_first", lang, count=context.problem_total)):
            st.code(problem_lines(context.problems, context.problem_total), language=None)
    if context.filters.active_count:
        st.caption(t("filters.active", lang, count=context.filters.active_count))


def notice_text(notice: Notice, lang: str) -> str:
    """A URL notice as a sentence: ignored, summarised or adjusted."""
    name = f"`{notice.param}`"
    if notice.more:
        return t("notice.more_bad_params", lang, count=notice.more, name=name)
    if notice.shown:
        return t("notice.dates_clamped", lang, name=name, value=notice.value, shown=notice.shown)
    return t("notice.bad_param", lang, name=name, value=f"“{md(notice.value)}”")


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
    # Keyed by the filters the chart reads: a chart that ignores dates is built once for every
    # date range readers choose.
    view = view_filters(chart_id, context.filters)
    return _cached_build(chart_id, repr(view), context.frames.version, context.frames, view)


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
    on_select: Literal["ignore", "rerun"] = "ignore",
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
    event: Any = None
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
