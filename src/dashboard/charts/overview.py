"""The overview's charts: the one-in-five survey figure as an icon array, and actions by month."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.common import apply_layout, escape, text_column
from dashboard.charts.palette import GREY, TYPE_GROUP_COLOURS, TYPE_GROUP_OF, VERMILLION
from dashboard.charts.types import Chart, ChartText
from dashboard.filters import Filters, filter_actions
from dashboard.frames import Frames
from dashboard.i18n import fmt_date, label, source_line, t
from dashboard.memo import per_data_version

GRID = 10  # 10 x 10 = 100 people: each one stands for one percent
MONTHS = 24
# Light enough to recede, dark enough (about 2:1 on white) to still be seen as people.
REST_GREY = "#B3B3B3"

STAT_COLUMNS = [
    "id", "label", "value", "unit", "display", "population", "period", "publisher", "published",
    "published_precision", "source_url", "verified",
]  # fmt: skip


# One in five.


@per_data_version
def one_in_five_data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """The headline figure's row (statistics.yaml's `headline_figure`); empty where none is chosen.

    Not filtered: it is the headline the story starts from, whatever the reader narrows.
    """
    lang = filters.lang
    stats = frames.statistics[frames.statistics["id"] == frames.headline_figure]
    return pd.DataFrame(
        {
            "id": stats["id"],
            "label": text_column(stats, "label", lang),
            "value": stats["value"],
            "unit": stats["unit"].astype(str),
            "display": text_column(stats, "display", lang),
            "population": text_column(stats, "population", lang),
            "period": text_column(stats, "period", lang),
            "publisher": stats["publisher"],
            "published": stats["published"],
            "published_precision": stats["published_precision"].astype(str),
            "source_url": stats["source_url"],
            "verified": stats["verified"],
        },
        columns=STAT_COLUMNS,
    ).reset_index(drop=True)


def highlighted_count(frame: pd.DataFrame) -> int:
    """How many of the 100 people to highlight: the percentage, rounded."""
    if frame.empty or frame["unit"].iloc[0] != "percent":
        return 0
    return int(round(float(frame["value"].iloc[0])))


def _people(count: int, start: int) -> tuple[list[int], list[int]]:
    """Grid positions of people start..start+count-1, filled row by row from the top left."""
    cells = range(start, start + count)
    return [cell % GRID for cell in cells], [GRID - 1 - cell // GRID for cell in cells]


def _person_traces(xs: list[int], ys: list[int], colour: str, name: str, hover: str) -> list:
    """A person as a head (circle) over shoulders (a wide arch marker)."""
    head = go.Scatter(
        x=xs, y=[y + 0.2 for y in ys], mode="markers", name=name, legendgroup=name,
        marker={"symbol": "circle", "size": 11, "color": colour},
        hovertext=[hover] * len(xs), hoverinfo="text", meta="person",
    )  # fmt: skip
    body = go.Scatter(
        x=xs, y=[y - 0.2 for y in ys], mode="markers", name=name, legendgroup=name,
        marker={"symbol": "triangle-up", "size": 17, "color": colour},
        hoverinfo="skip", showlegend=False, meta="body",
    )  # fmt: skip
    return [head, body]


def one_in_five_figure(frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """100 people, the surveyed share of them in vermillion and the rest in grey."""
    lang = filters.lang
    fig = go.Figure()
    if frame.empty:
        return apply_layout(fig, lang)
    count = highlighted_count(frame)
    row = frame.iloc[0]
    said = t("overview.icons.hover_yes", lang, count=count, population=escape(row["population"]))
    rest = t("overview.icons.hover_no", lang, count=100 - count)
    for traces in (
        _person_traces(*_people(count, 0), VERMILLION, t("overview.icons.yes", lang, count=count), said),
        _person_traces(*_people(100 - count, count), REST_GREY, t("overview.icons.no", lang, count=100 - count), rest),
    ):  # fmt: skip
        fig.add_traces(traces)
    fig.update_xaxes(visible=False, range=[-0.6, GRID - 0.4], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.7, GRID - 0.3], fixedrange=True, scaleanchor="x")
    apply_layout(fig, lang, height=380)
    fig.update_layout(hovermode="closest", dragmode=False)
    return fig


def one_in_five_text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    """Title, finding and alt text from the record itself."""
    lang = filters.lang
    if frame.empty:
        missing = t("overview.icons.missing", lang)
        return ChartText(
            t("overview.icons.title", lang),
            missing,
            missing,
            t("chart.source", lang, sources=t("value.none", lang)),
        )
    row = frame.iloc[0]
    count = highlighted_count(frame)
    subtitle = t(
        "overview.icons.subtitle", lang, display=row["display"], label=row["label"],
        population=row["population"], period=row["period"],
    )  # fmt: skip
    alt = t(
        "overview.icons.alt", lang, count=count, rest=100 - count, label=row["label"],
        population=row["population"], publisher=row["publisher"], period=row["period"],
        published=fmt_date(row["published"], row["published_precision"], lang),
    )  # fmt: skip
    return ChartText(
        t("overview.icons.title", lang), subtitle, alt, source_line([row["publisher"]], lang)
    )


# Actions by month.

GROUPS = list(TYPE_GROUP_COLOURS)
# `month_precision` says each bucket is a month: downloads write it YYYY-MM, not a 1st.
MONTH_COLUMNS = ["month", "month_precision", *GROUPS, "total", "moment", "source_publishers"]


def window_end(frames: Frames, filters: Filters) -> pd.Period:
    """The last month shown: the coverage date, or the end of the reader's date range."""
    end = pd.Timestamp(frames.coverage_end)
    if filters.end:
        end = min(end, pd.Timestamp(filters.end))
    return end.to_period("M")


def month_data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per month of the last 24: actions by kind, the total, and the label of the
    editors' overview moment (actions.yaml's `overview_moment`) on its month."""
    actions = filter_actions(frames.actions, filters)
    end = window_end(frames, filters)
    months = pd.period_range(end - (MONTHS - 1), end, freq="M")
    periods = actions["date"].dt.to_period("M")
    actions = actions[periods.isin(months)]
    if actions.empty:
        return pd.DataFrame(columns=MONTH_COLUMNS)
    groups = actions["type"].astype(str).map(TYPE_GROUP_OF)
    counts = pd.crosstab(periods[actions.index], groups).reindex(
        index=months, columns=GROUPS, fill_value=0
    )
    frame = counts.rename_axis(index="month", columns=None).reset_index()
    frame["total"] = frame[GROUPS].sum(axis=1)
    frame["moment"] = ""
    moment = frames.overview_moment
    if moment is not None:
        marked = actions.loc[actions["id"] == moment.id, "date"].dt.to_period("M")
        frame.loc[frame["month"].isin(marked), "moment"] = moment.label.get(filters.lang)
    publishers = actions.groupby(periods[actions.index])["source_publisher"].agg(tuple)
    frame["source_publishers"] = frame["month"].map(lambda m: publishers.get(m, ()))
    frame["month"] = frame["month"].dt.to_timestamp()
    frame["month_precision"] = "month"
    return frame[MONTH_COLUMNS]


def month_figure(frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """Stacked columns by month, coloured by kind of action."""
    lang = filters.lang
    fig = go.Figure()
    for group in GROUPS:
        if not frame[group].any():
            continue
        name = label("typegroup", group, lang)
        fig.add_trace(
            go.Bar(
                x=frame["month"], y=frame[group], name=name,
                marker={"color": TYPE_GROUP_COLOURS[group]},
                hovertext=[
                    f"{fmt_date(month, 'month', lang)}<br>{escape(name)}: {count}"
                    for month, count in zip(frame["month"], frame[group], strict=True)
                ],
                hoverinfo="text",
            )
        )  # fmt: skip
    _annotate_moment(fig, frame)
    # A fixed range: otherwise plotly widens the axis to fit the annotation's offset.
    half_month = pd.Timedelta(days=16)
    months = frame["month"]
    x_range = [months.min() - half_month, months.max() + half_month] if len(months) else None
    fig.update_xaxes(title=None, type="date", dtick="M6", tickformat="%b %Y", range=x_range)
    peak = float(frame["total"].max()) if len(frame) else 1.0
    fig.update_yaxes(title=t("col.count", lang), range=[0, peak * 1.4])
    apply_layout(fig, lang, height=310)  # fits the overview's first screen at 1280 x 800
    # The legend goes under the dates: above the plot, where it wraps on a phone, it would
    # meet the annotation over the peak.
    fig.update_layout(
        barmode="stack", bargap=0.15, margin={"t": 16, "b": 8},
        legend={"traceorder": "normal", "yref": "container", "y": 0, "yanchor": "bottom"},
    )  # fmt: skip
    return fig


def _annotate_moment(fig: go.Figure, frame: pd.DataFrame) -> None:
    """Point at the overview moment's month, where it is in view."""
    marked = frame[frame["moment"].astype(bool)]
    if marked.empty:
        return
    row = marked.iloc[0]
    # The label hangs towards the middle of the chart, so it stays inside on a phone.
    months = frame["month"]
    right_half = row["month"] > months.min() + (months.max() - months.min()) / 2
    fig.add_annotation(
        x=row["month"], y=row["total"], text=escape(row["moment"]), showarrow=True,
        arrowhead=0, ax=0, ay=-14, xanchor="right" if right_half else "left", yanchor="bottom",
        font={"size": 11, "color": GREY}, bgcolor="rgba(255,255,255,0.8)",
    )  # fmt: skip


def month_text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    """The busiest month and how many actions the window holds."""
    lang = filters.lang
    title = t("overview.months.title", lang)
    publishers = [name for names in frame["source_publishers"] for name in names]
    source = source_line(publishers, lang)
    if frame.empty or not frame["total"].any():
        return ChartText(
            title, t("notice.empty", lang), t("overview.months.empty_alt", lang), source
        )
    peak = frame.loc[frame["total"].idxmax()]
    start, end = (fmt_date(frame["month"].iloc[i], "month", lang) for i in (0, -1))
    subtitle = t(
        "overview.months.subtitle", lang, month=fmt_date(peak["month"], "month", lang),
        count=int(peak["total"]), total=int(frame["total"].sum()), months=len(frame),
    )  # fmt: skip
    # Spanish month abbreviations are lower case; this one opens the sentence.
    subtitle = subtitle[:1].upper() + subtitle[1:]
    groups = ", ".join(
        f"{label('typegroup', group, lang)} {int(frame[group].sum())}"
        for group in GROUPS if frame[group].any()
    )  # fmt: skip
    alt = t(
        "overview.months.alt", lang, start=start, end=end, total=int(frame["total"].sum()),
        month=fmt_date(peak["month"], "month", lang), count=int(peak["total"]), groups=groups,
        empty=int((frame["total"] == 0).sum()),
    )  # fmt: skip
    return ChartText(title, subtitle, alt, source)


CHARTS = [
    Chart(
        "overview-one-in-five",
        "plotly",
        "",
        one_in_five_data,
        one_in_five_figure,
        one_in_five_text,
    ),  # fmt: skip
    Chart("overview-actions-by-month", "plotly", "", month_data, month_figure, month_text),
]
