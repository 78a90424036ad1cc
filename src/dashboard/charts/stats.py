"""Comparable series of published figures: one small panel per `comparable_group`, never mixed."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.charts.common import apply_layout, escape, shorten, text_column, words, wrap
from dashboard.charts.palette import BLUE
from dashboard.charts.small_bars import Bar, bar_chart_svg
from dashboard.charts.types import Chart, ChartText, Panel
from dashboard.filters import Filters, filter_statistics
from dashboard.frames import Frames
from dashboard.i18n import fmt_date, fmt_value, source_line, t
from dashboard.memo import per_data_version

COLUMNS = [
    "group", "id", "label", "period", "published", "published_precision", "value", "unit",
    "display", "publisher", "verified", "source_url",
]  # fmt: skip
# One panel per row: plotly cannot reflow, and two side by side overlap on a phone.
COLS = 1
PANEL_HEIGHT, PANEL_GAP = 190, 96  # pixels; the gap holds a three-line title
TITLE_WIDTH, TITLE_LINES = 44, 3  # 44 characters fit a 390-pixel phone
TICK_WIDTH = 20
UNVERIFIED_COLOUR = "rgba(0, 114, 178, 0.35)"  # BLUE, lighter: same hue, so it reads as "less sure"


def data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per figure that belongs to a comparable group; groups newest first, then by date."""
    stats = filter_statistics(frames.statistics, filters)
    stats = stats[stats["comparable_group"].notna()]
    lang = filters.lang
    frame = pd.DataFrame(
        {
            "group": stats["comparable_group"],
            "id": stats["id"],
            "label": text_column(stats, "label", lang),
            "period": text_column(stats, "period", lang),
            "published": stats["published"],
            "published_precision": stats["published_precision"].astype(str),
            "value": stats["value"],
            "unit": stats["unit"].astype(str),
            "display": text_column(stats, "display", lang),
            "publisher": stats["publisher"],
            "verified": stats["verified"].astype(bool),
            "source_url": stats["source_url"],
        }
    )
    # Ties on `published` keep the file's order, which editors write oldest first.
    frame["_position"] = range(len(frame))
    frame["_newest"] = frame.groupby("group")["published"].transform("max")
    frame = frame.sort_values(
        ["_newest", "group", "published", "_position"], ascending=[False, True, True, True]
    )
    return frame[COLUMNS].reset_index(drop=True)


def _common_edges(texts: list[str]) -> tuple[int, int]:
    """How many leading and trailing words all `texts` share."""
    split = [words(text) for text in texts]
    shortest = min(len(item) for item in split)
    head = 0
    while head < shortest and len({item[head] for item in split}) == 1:
        head += 1
    tail = 0
    while tail < shortest - head and len({item[-1 - tail] for item in split}) == 1:
        tail += 1
    return head, tail


def panel_title(labels: list[str]) -> str:
    """A readable panel title: the members' shared label, with '…' where they differ."""
    if len(set(labels)) == 1:
        return labels[0]
    head, tail = _common_edges(labels)
    first = words(labels[0])
    shared = " ".join(first[:head])
    if tail:
        shared += " … " + " ".join(first[len(first) - tail :])
    return shared.strip() or labels[0]


def tick_labels(group: pd.DataFrame) -> list[str]:
    """Each figure's x label: its period, or what tells its label apart where periods repeat."""
    periods = group["period"].tolist()
    if len(set(periods)) == len(periods):
        return periods
    labels = group["label"].tolist()
    head, tail = _common_edges(labels)
    parts = [" ".join(words(label)[head : len(words(label)) - tail]) for label in labels]
    if len(set(parts)) == len(parts) and all(parts):
        return parts
    return group["id"].tolist()  # last resort: ids are unique and stable


def _html_lines(text: str, width: int, lines: int) -> str:
    return "<br>".join(escape(line) for line in wrap(text, width, lines))


def _value_text(row: pd.Series, lang: str) -> str:
    value = fmt_value(row["value"], row["unit"], lang)
    return value if row["verified"] else f"{t('chart.unverified_mark', lang)} {value}"


def _details(row: pd.Series, lang: str) -> tuple[str, ...]:
    """A figure's hover lines, plain text: label, value, period, publisher, date, any flag."""
    flag = () if row["verified"] else (t("record.unverified", lang),)
    return (
        str(row["label"]),
        str(row["display"]),
        f"{t('col.period', lang)}: {row['period']}",
        f"{t('col.publisher', lang)}: {row['publisher']}",
        f"{t('stats.chart.published', lang)}: "
        f"{fmt_date(row['published'], row['published_precision'], lang)}",
        *flag,
    )


def _hover(group: pd.DataFrame, lang: str) -> list[str]:
    """The figures' hover texts for plotly: the details escaped, the label and any flag bold."""
    texts = []
    for _, row in group.iterrows():
        label, *rest = _details(row, lang)
        lines = [f"<b>{_html_lines(label, 50, 4)}</b>", *(escape(line) for line in rest)]
        if not row["verified"]:
            lines[-1] = f"<b>{lines[-1]}</b>"
        texts.append("<br>".join(lines))
    return texts


def groups(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The panels in the frame's order: (group id, its rows ordered by `published`)."""
    return [(name, frame[frame["group"] == name]) for name in frame["group"].unique()]


def _series_bars(group: pd.DataFrame, ticks: list[str], lang: str) -> go.Bar:
    """One comparable series as bars: value labels, hover lines, unverified figures lighter."""
    colours = [BLUE if flag else UNVERIFIED_COLOUR for flag in group["verified"]]
    return go.Bar(
        x=[_html_lines(tick, TICK_WIDTH, 2) for tick in ticks], y=group["value"].tolist(),
        marker={"color": colours}, text=[_value_text(item, lang) for _, item in group.iterrows()],
        textposition="outside", cliponaxis=False, hovertext=_hover(group, lang),
        hoverinfo="text", customdata=group["id"].tolist(), showlegend=False,
    )  # fmt: skip


def _value_axis(group: pd.DataFrame, lang: str) -> dict[str, Any]:
    """A series' own y axis: from zero, with headroom that keeps the value labels inside."""
    top = float(group["value"].max())
    suffix = t("stats.chart.percent_suffix", lang) if group["unit"].iloc[0] == "percent" else ""
    return {
        "range": [0, top * 1.3 if top > 0 else 1], "ticksuffix": suffix, "tickformat": ",~r",
        "nticks": 4,
    }  # fmt: skip


def _add_panel(fig: go.Figure, group: pd.DataFrame, index: int, lang: str) -> None:
    row, col = index // COLS + 1, index % COLS + 1
    fig.add_trace(_series_bars(group, tick_labels(group), lang), row=row, col=col)
    fig.update_yaxes(**_value_axis(group, lang), row=row, col=col)
    fig.update_xaxes(type="category", tickangle=0, showgrid=False, row=row, col=col)


def figure(frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """Small multiples: one bar panel per comparable group, each with its own y axis."""
    lang = filters.lang
    panels = groups(frame)
    if not panels:
        return apply_layout(go.Figure(), lang)
    cols = min(COLS, len(panels))
    rows = math.ceil(len(panels) / cols)
    titles = [
        _html_lines(panel_title(group["label"].tolist()), TITLE_WIDTH, TITLE_LINES)
        for _, group in panels
    ]
    height = rows * (PANEL_HEIGHT + PANEL_GAP) + 40
    fig = make_subplots(
        rows=rows, cols=cols, subplot_titles=titles, horizontal_spacing=0.1,
        vertical_spacing=PANEL_GAP / height if rows > 1 else 0,
    )  # fmt: skip
    for index, (_, group) in enumerate(panels):
        _add_panel(fig, group, index, lang)
    if not frame["verified"].all():
        fig.add_trace(
            go.Bar(
                x=[None], y=[None], name=t("stats.chart.unverified_key", lang),
                marker={"color": UNVERIFIED_COLOUR}, hoverinfo="skip", showlegend=True,
            )
        )  # fmt: skip
    apply_layout(fig, lang, height=height)
    # Titles start where their panel starts, so long ones read like captions.
    fig.update_annotations(font={"size": 13}, align="left", x=0, xanchor="left")
    fig.update_layout(margin={"t": 60, "b": 16}, bargap=0.35, hovermode="closest")
    return fig


def _rise(group: pd.DataFrame) -> float:
    """How many times the last figure is the first one (NaN where that means nothing)."""
    first, last = float(group["value"].iloc[0]), float(group["value"].iloc[-1])
    if len(group) < 2 or last <= first:
        return math.nan
    return math.inf if first <= 0 else last / first


def _point(row: pd.Series, tick: str, lang: str) -> str:
    return f"{fmt_value(row['value'], row['unit'], lang)} ({tick})"


def _subtitle(panels: list[tuple[str, pd.DataFrame]], lang: str) -> str:
    rises = [(_rise(group), group) for _, group in panels]
    rises = [(rise, group) for rise, group in rises if not math.isnan(rise)]
    if not rises:
        return t("stats.chart.subtitle_no_rise", lang, count=len(panels))
    _, group = max(rises, key=lambda item: item[0])
    ticks = tick_labels(group)
    return t(
        "stats.chart.subtitle", lang, count=len(panels),
        label=shorten(panel_title(group["label"].tolist()), 90),
        first=_point(group.iloc[0], ticks[0], lang), last=_point(group.iloc[-1], ticks[-1], lang),
    )  # fmt: skip


def _alt_group(group: pd.DataFrame, lang: str) -> str:
    ticks = tick_labels(group)
    values = ", ".join(
        _point(row, tick, lang) + ("" if row["verified"] else f" {t('record.unverified', lang)}")
        for (_, row), tick in zip(group.iterrows(), ticks, strict=True)
    )
    return f"{panel_title(group['label'].tolist())}: {values}"


def text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    """Title, the steepest rise as the finding, every panel's values as alt text, the sources."""
    lang = filters.lang
    title = t("stats.chart.title", lang)
    source = source_line(frame["publisher"], lang)
    panels = groups(frame)
    if not panels:
        return ChartText(title, t("notice.empty", lang), t("stats.chart.empty_alt", lang), source)
    alt = t(
        "stats.chart.alt", lang, count=len(panels),
        panels="; ".join(_alt_group(group, lang) for _, group in panels),
    )  # fmt: skip
    return ChartText(title, _subtitle(panels, lang), alt, source)


# Small charts: one per comparable group with two points or more, years across.

YEAR = re.compile(r"\b(19|20)\d{2}\b")


def x_labels(group: pd.DataFrame) -> list[str]:
    """Each point's x label: its year where every point has its own (the period says what kind
    of year in the chart's title), else what tells the points apart."""
    years = [
        match.group(0) if (match := YEAR.search(str(period))) else "" for period in group["period"]
    ]
    if all(years) and len(set(years)) == len(years):
        return years
    return tick_labels(group)


def charted_groups(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The groups worth a chart: two points or more."""
    return [(name, group) for name, group in groups(frame) if len(group) >= 2]


def group_title(group: pd.DataFrame) -> str:
    """'IWF: AI child sexual abuse videos … (Calendar year)' — the shared label, then the method's
    publisher, so the reader sees which series this is."""
    return panel_title(group["label"].tolist())


def group_svg(group: pd.DataFrame, lang: str) -> str:
    """One comparable series as a small bar chart in SVG, years across, from zero."""
    bars = [
        Bar(
            label,
            float(row["value"]),
            _value_text(row, lang),
            BLUE if row["verified"] else UNVERIFIED_COLOUR,
            _details(row, lang),
        )  # fmt: skip
        for (_, row), label in zip(group.iterrows(), x_labels(group), strict=True)
    ]
    return bar_chart_svg(bars, group_alt(group, lang))


def group_alt(group: pd.DataFrame, lang: str) -> str:
    """Alt text of one small chart: the series and every value with its year."""
    values = ", ".join(
        f"{fmt_value(row['value'], row['unit'], lang)} ({tick})"
        for (_, row), tick in zip(group.iterrows(), x_labels(group), strict=True)
    )
    return f"{group_title(group)}: {values}"


@per_data_version
def small_charts(frames: Frames, filters: Filters) -> list[Panel]:
    """The statistics page's small charts, one per comparable series with two points or more,
    each on its own axis; built once per data version and view (twelve figures were most of
    that page's CPU when every reader's session built its own)."""
    return [
        Panel(
            name,
            group_title(group),
            str(group.iloc[0]["publisher"]),
            group_svg(group, filters.lang),
        )  # fmt: skip
        for name, group in charted_groups(data(frames, filters))
    ]


CHARTS = [
    Chart(
        "stats-comparable-groups", "plotly", "statistics", data, figure, text, panels=small_charts
    )
]


# Survey shares: every percentage that comes from a survey, with who was asked.

SURVEY = re.compile(r"survey|questionnaire|\bpolls?\b", re.IGNORECASE)
SURVEY_COLUMNS = [
    "id", "label", "value", "display", "population", "geography", "period", "publisher",
    "sample_size", "verified", "source_url",
]  # fmt: skip
LABEL_WIDTH, LABEL_LINES = 46, 3  # fits a 390-pixel phone at 12 px
POP_WIDTH, POP_LINES = 56, 2  # the population line, at 11 px
LINE_PX, BAR_PX, GAP_PX = 16, 14, 14


def survey_data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """Survey percentages under the reader's filters, largest first."""
    stats = filter_statistics(frames.statistics, filters)
    stats = stats[(stats["unit"].astype(str) == "percent")]
    stats = stats[stats["methodology_en"].fillna("").str.contains(SURVEY)]
    lang = filters.lang
    frame = pd.DataFrame(
        {
            "id": stats["id"],
            "label": text_column(stats, "label", lang),
            "value": stats["value"],
            "display": text_column(stats, "display", lang),
            "population": text_column(stats, "population", lang),
            "geography": stats["geography"],
            "period": text_column(stats, "period", lang),
            "publisher": stats["publisher"],
            "sample_size": stats["sample_size"],
            "verified": stats["verified"].astype(bool),
            "source_url": stats["source_url"],
        }
    )
    return frame.sort_values("value", ascending=False, kind="stable")[SURVEY_COLUMNS].reset_index(
        drop=True
    )


def _who(row: pd.Series, lang: str) -> str:
    sample = (
        f" · n = {fmt_value(row['sample_size'], 'count', lang)}"
        if pd.notna(row["sample_size"])
        else ""
    )
    return f"{row['population']} ({row['publisher']}){sample}"


def survey_figure(frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """One bar per survey share, its label and population written above it (no y ticks).

    The y axis counts pixels downwards, so each row is exactly as tall as its wrapped text:
    labels cannot overlap one another or the bars on any screen as wide as a phone or wider.
    """
    lang = filters.lang
    fig = go.Figure()
    y = 0.0
    bars_y = []
    for _, row in frame.iterrows():
        label = wrap(str(row["label"]), LABEL_WIDTH, LABEL_LINES)
        who = wrap(_who(row, lang), POP_WIDTH, POP_LINES)
        text = "<b>" + "<br>".join(escape(line) for line in label) + "</b><br>"
        text += "<span style='color:#555'>" + "<br>".join(escape(line) for line in who) + "</span>"
        fig.add_annotation(
            x=0, xref="paper", y=y, yref="y", text=text, showarrow=False, xanchor="left",
            yanchor="top", align="left", font={"size": 12},
        )  # fmt: skip
        y += LINE_PX * (len(label) + len(who)) + 4
        bars_y.append(y + BAR_PX / 2)
        y += BAR_PX + GAP_PX
    colours = [BLUE if flag else UNVERIFIED_COLOUR for flag in frame["verified"]]
    fig.add_trace(
        go.Bar(
            x=frame["value"].tolist(), y=bars_y, orientation="h", width=BAR_PX,
            marker={"color": colours},
            text=[fmt_value(value, "percent", lang) for value in frame["value"]],
            textposition="outside", cliponaxis=False, hoverinfo="skip", showlegend=False,
            customdata=frame["id"].tolist(),
        )
    )  # fmt: skip
    fig.update_yaxes(range=[y, 0], visible=False, fixedrange=True)
    fig.update_xaxes(
        range=[0, 112], ticksuffix=t("stats.chart.percent_suffix", lang), side="top",
        tickvals=[0, 25, 50, 75, 100], fixedrange=True, showgrid=False,
    )  # fmt: skip
    apply_layout(fig, lang, height=int(y) + 40)
    fig.update_layout(margin={"t": 28, "b": 4, "l": 4, "r": 4}, bargap=0)
    return fig


def survey_text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    lang = filters.lang
    title = t("stats.survey.title", lang)
    source = source_line(frame["publisher"], lang)
    if frame.empty:
        return ChartText(title, t("notice.empty", lang), t("stats.survey.empty_alt", lang), source)
    top = frame.iloc[0]
    subtitle = t(
        "stats.survey.subtitle", lang, count=len(frame),
        publishers=frame["publisher"].nunique(), places=frame["geography"].nunique(),
    )  # fmt: skip
    parts = "; ".join(
        f"{row['label']}: {fmt_value(row['value'], 'percent', lang)} ({_who(row, lang)})"
        for _, row in frame.iterrows()
    )
    alt = t("stats.survey.alt", lang, count=len(frame), top=top["label"], parts=parts)
    return ChartText(title, subtitle, alt, source)


CHARTS.append(
    Chart("stats-survey-shares", "plotly", "statistics", survey_data, survey_figure, survey_text)
)
