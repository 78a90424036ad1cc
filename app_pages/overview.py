"""Overview page (`/`): the story in numbers, each headline with its source, and the latest actions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cards, share, summaries
from dashboard import filters as filter_params
from dashboard.chart_view import built_chart, render_chart
from dashboard.i18n import fmt_date, fmt_number, source_line, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.markdown_escape import md, md_link
from dashboard.page_context import PageContext, page_context

LATEST = 8
ONE_IN_FIVE_CHART = "overview-one-in-five"


def page_link(path: str, context: PageContext) -> str:
    """A link to another page that keeps the reader's filters."""
    return share.page_href(path, filter_params.to_query(context.filters))


def names_of(codes: list[str], lang: str) -> str:
    """Jurisdiction names, comma-separated, or 'none'."""
    return ", ".join(jurisdiction_name(code, lang) for code in codes) or t(
        "overview.card.none", lang
    )


def filtered_actions(context: PageContext) -> pd.DataFrame:
    """Every action the reader's filters keep."""
    return filter_params.filter_actions(context.frames.actions, context.filters)


def survey_card(context: PageContext) -> str:
    """The one-in-five figure: value, what it counts, who was asked, and the source."""
    lang = context.lang
    frame, _, _ = built_chart(ONE_IN_FIVE_CHART, context)
    if frame.empty:
        st.metric(t("overview.card.survey", lang), t("value.none", lang), border=True)
        return t("overview.card.survey_missing", lang)
    row = frame.iloc[0]
    # st.metric renders markdown in its value: the data's text goes in escaped.
    st.metric(t("overview.card.survey", lang), md(row["display"]), border=True)
    return t(
        "overview.card.survey_caption", lang, label=md(row["label"]),
        population=md(row["population"]), link=md_link(row["publisher"], row["source_url"]),
    )  # fmt: skip


def recent_card(context: PageContext) -> str:
    """Actions in the 12 months up to the data's last review."""
    lang = context.lang
    recent = summaries.recent_actions(context.frames, context.filters)
    start, end = summaries.recent_window(context.frames)
    total = len(filtered_actions(context))
    st.metric(t("overview.card.recent", lang), fmt_number(len(recent), lang, 0), border=True)
    caption = t(
        "overview.card.recent_caption", lang, start=fmt_date(start, "day", lang),
        end=fmt_date(end, "day", lang), total=fmt_number(total, lang, 0),
    )  # fmt: skip
    sources = source_line(recent["source_publisher"], lang)
    link = f"[{t('overview.link.timeline', lang)}]({page_link('timeline', context)})"
    return f"{md(caption)} {md(sources)}. {link}"


def bans_card(context: PageContext) -> str:
    """Countries where a law bans accounts below a set age; other kinds of rule named apart."""
    lang = context.lang
    counts = summaries.rule_counts(context.frames, context.filters)
    bans, consent, features = counts["ban"], counts["consent"], counts["feature_limits"]
    st.metric(t("overview.card.bans", lang), fmt_number(bans.count, lang, 0), border=True)
    caption = t(
        "overview.card.bans_caption", lang, names=names_of(list(bans.countries), lang),
        sub=names_of(list(bans.sub_national), lang),
    )  # fmt: skip
    others = t(
        "overview.card.other_kinds", lang, consent=fmt_number(consent.count, lang, 0),
        consent_names=names_of(list(consent.countries), lang),
        consent_sub=fmt_number(len(consent.sub_national), lang, 0),
        features=fmt_number(features.count, lang, 0),
        features_sub=fmt_number(len(features.sub_national), lang, 0),
    )  # fmt: skip
    link = f"[{t('overview.link.compare', lang)}]({page_link('compare', context)})"
    return f"{md(caption)} {md(others)} {link}"


def probes_card(context: PageContext) -> str:
    """Platforms named by ongoing investigations or formal proceedings."""
    lang = context.lang
    probes = summaries.platforms_under_investigation(context.frames, context.filters)
    st.metric(t("overview.card.probes", lang), fmt_number(len(probes), lang, 0), border=True)
    names = ", ".join(probes["name"]) or t("overview.card.none", lang)
    caption = t("overview.card.probes_caption", lang, names=names)
    probe_actions = summaries.formal_probes(context.frames, context.filters)
    sources = source_line(probe_actions["source_publisher"], lang)
    link = f"[{t('overview.link.timeline', lang)}]({page_link('timeline', context)})"
    return f"{md(caption)} {md(sources)}. {link}"


def latest(context: PageContext) -> None:
    """The newest actions as a compact list: date, place, authority, title, source link."""
    lang = context.lang
    actions = summaries.latest_actions(context.frames, context.filters, LATEST)
    st.subheader(t("overview.latest.heading", lang), anchor=False)
    if actions.empty:
        st.info(t("notice.empty", lang))
        return
    st.caption(t("overview.latest.intro", lang, count=len(actions)))
    lines = []
    record_page = cards.app_record_href(lang)  # relative: kept under a base path
    for row in actions.itertuples():
        flag = f" {t('record.unverified', lang)}" if not row.verified else ""
        when = fmt_date(row.date, row.date_precision, lang)
        place = jurisdiction_name(row.jurisdiction, lang)
        authority = getattr(row, f"authority_{lang}")
        title = getattr(row, f"title_{lang}")
        source = md_link(t("overview.latest.source", lang), row.source_url)
        lines.append(
            f"- **{md(when)}** · {md(place)} · {md(authority)}: "
            f"[{md(title)}]({record_page(row.id)}){md(flag)} ({source})"
        )
    st.markdown("\n".join(lines))


context = page_context()
lang = context.lang

# Metric labels wrap instead of being cut short in a row of four. On a phone the frame's title
# and purpose take half the screen: smaller type there, so the one-in-five figure and the first
# count show without scrolling.
OVERVIEW_CSS = """<style>
[data-testid="stMetric"] .stMarkdownEllipsis, [data-testid="stMetric"] .stMarkdownEllipsis p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetricLabel"] p { font-size: 0.85rem; }
[data-testid="stMetricValue"] p { font-size: 1.7rem; line-height: 1.2; }
h2 { font-size: 1.5rem !important; padding: 0.25rem 0 0 !important; }
@media (max-width: 640px) {
  h1 { font-size: 1.5rem !important; }
}
</style>"""

st.html(OVERVIEW_CSS)
# The headline figures (two by two) beside the actions chart, then the one-in-five icons, then
# what each figure counts and its sources (folded): on a 1280 x 800 screen the first screen
# holds the figures and a chart; a phone shows the one-in-five figure and the first count.
st.header(t("overview.heading", lang), anchor=False, help=t("overview.intro", lang))
captions = []
figures, chart = st.columns([2, 3], gap="medium")
with figures:
    for pair in ((survey_card, bans_card), (recent_card, probes_card)):
        for column, card in zip(st.columns(2), pair, strict=True):
            with column:
                captions.append(card(context))
with chart:
    render_chart("overview-actions-by-month", context)
with st.expander(t("overview.about_figures", lang)):
    st.caption(md(t("overview.intro", lang)) + " " + t("overview.filters_note", lang))
    for pair in (captions[:2], captions[2:]):
        for column, caption in zip(st.columns(2), pair, strict=True):
            with column:
                st.caption(caption)
icons, news = st.columns([2, 3], gap="medium")
with icons:
    if built_chart(ONE_IN_FIVE_CHART, context)[0].empty:
        st.info(t("overview.icons.missing", lang))
    else:
        render_chart(ONE_IN_FIVE_CHART, context)
with news:
    latest(context)
