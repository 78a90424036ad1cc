"""The sidebar's filter controls: seeded from the URL on a session's first run, read back into
`Filters` on every run."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import filters
from dashboard.filters import Filters, Known, Notice
from dashboard.frames import Frames
from dashboard.i18n import LANGUAGES, label, pick_lang, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.memo import per_data_version
from dashboard.url_state import query_dict

_SEEDED_KEY = "_filters_seeded"
# Widget keys of the filter panel.
KEY_DATES, KEY_JURISDICTIONS, KEY_PLATFORMS, KEY_TOPICS, KEY_LANG = (
    "f_dates", "f_jurisdictions", "f_platforms", "f_topics", "f_lang",
)  # fmt: skip
KEY_REGION = "f_region"  # the map page's region control


@per_data_version
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


def seed_from_url(known: Known, bounds: tuple[date, date]) -> list[Notice]:
    """On a session's first run, set the controls from the URL; the notices about its values."""
    if st.session_state.get(_SEEDED_KEY):
        return []
    parsed, notices = filters.parse_query(query_dict(), known)
    # The date control raises on a value outside its bounds: move the link's dates inside.
    parsed, clamped = filters.clamp_dates(parsed, *bounds)
    notices += clamped
    browser = getattr(st.context, "locale", None)
    requested = parsed.lang if filters.PARAM_LANG in st.query_params else None
    parsed = parsed.with_lang(pick_lang(requested, browser))
    _seed_widgets(parsed, bounds)
    st.session_state[_SEEDED_KEY] = True
    return notices


def _keep_dates_in_bounds(bounds: tuple[date, date]) -> None:
    """The data's span can change under a session (an edit): keep the control's value inside it."""
    dates = tuple(st.session_state.get(KEY_DATES) or ())
    if not dates:
        return
    low, high = bounds
    inside = tuple(min(max(value, low), high) for value in dates if isinstance(value, date))
    if inside != dates:
        st.session_state[KEY_DATES] = inside


def current_filters(bounds: tuple[date, date]) -> Filters:
    """The filters the controls hold now (their dates kept inside the data's span)."""
    _keep_dates_in_bounds(bounds)
    lang = st.session_state.get(KEY_LANG) or "en"
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


def language_switch(lang: str) -> None:
    names = {"en": "English", "es": "Español"}
    st.segmented_control(
        t("app.language", lang),
        options=list(LANGUAGES),
        format_func=lambda code: names[code],
        key=KEY_LANG,
        selection_mode="single",
    )


def filter_panel(frames: Frames, known: Known, lang: str) -> None:
    """The filters, in the sidebar: the one place they are set for every page."""
    with st.sidebar:
        language_switch(lang)
        st.header(t("filters.heading", lang))
        st.caption(t("filters.help", lang))
        low, high = date_bounds(frames)
        st.date_input(
            t("filters.dates", lang), key=KEY_DATES, min_value=low, max_value=high,
            format="YYYY-MM-DD",
        )  # fmt: skip
        st.multiselect(
            t("filters.jurisdictions", lang), sorted(known.jurisdictions,
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
