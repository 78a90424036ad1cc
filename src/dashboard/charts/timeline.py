"""Timeline of actions: date across, one row per jurisdiction (or platform), colour by kind."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.common import (
    apply_layout,
    escape,
    label_rows,
    text_column,
    top_counts,
)
from dashboard.charts.palette import GREY, TYPE_GROUP_COLOURS, TYPE_GROUP_OF
from dashboard.charts.types import Chart, ChartText
from dashboard.filters import Filters, filter_actions
from dashboard.frames import Frames
from dashboard.i18n import fmt_date, label, source_line, t
from dashboard.jurisdictions import jurisdiction_name

ROW_HEIGHT = 26

COLUMNS = [
    "id", "date", "date_precision", "lane", "jurisdiction", "jurisdiction_name", "type",
    "type_group", "status", "title", "authority", "platforms", "verified", "source_publisher",
    "source_url", "moment",
]  # fmt: skip


def _actions(frames: Frames, filters: Filters) -> pd.DataFrame:
    actions = filter_actions(frames.actions, filters)
    lang = filters.lang
    names = frames.platform_names
    # The editors' key moments (actions.yaml's `key_moments`), labelled where they are in view.
    moments = {moment.id: moment.label.get(lang) for moment in frames.key_moments}
    return pd.DataFrame(
        {
            "id": actions["id"],
            "date": actions["date"],
            "date_precision": actions["date_precision"].astype(str),
            "jurisdiction": actions["jurisdiction"],
            "jurisdiction_name": actions["jurisdiction"].map(
                lambda code: jurisdiction_name(code, lang)
            ),
            "type": actions["type"].astype(str),
            "type_group": actions["type"].astype(str).map(TYPE_GROUP_OF),
            "status": actions["status"].astype(str),
            "title": text_column(actions, "title", lang),
            "authority": text_column(actions, "authority", lang),
            "platforms": actions["platforms"].map(
                lambda ids: ", ".join(names.get(pid, pid) for pid in ids)
            ),
            "platform_ids": actions["platforms"],
            "verified": actions["verified"],
            "source_publisher": actions["source_publisher"],
            "source_url": actions["source_url"],
            "moment": actions["id"].map(lambda rid: moments.get(rid, "")),
        }
    )


def jurisdiction_data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per action; lanes are jurisdictions."""
    actions = _actions(frames, filters)
    actions["lane"] = actions["jurisdiction_name"]
    return actions[COLUMNS].sort_values("date", kind="stable").reset_index(drop=True)


def platform_data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per action and platform it names; lanes are platforms."""
    actions = _actions(frames, filters)
    names = frames.platform_names
    pairs = actions.explode("platform_ids")
    pairs = pairs[pairs["platform_ids"].notna()].copy()
    pairs["lane"] = pairs["platform_ids"].map(names)
    return pairs[COLUMNS].sort_values("date", kind="stable").reset_index(drop=True)


def _hover(frame: pd.DataFrame, lang: str) -> list[str]:
    lines = []
    for row in frame.itertuples():
        flag = f"<br><b>{t('record.unverified', lang)}</b>" if not row.verified else ""
        lines.append(
            f"<b>{escape(row.title)}</b><br>"
            f"{fmt_date(row.date, row.date_precision, lang)} · {escape(row.jurisdiction_name)}<br>"
            f"{escape(row.authority)} · {escape(label('type', row.type, lang))}<br>"
            f"{t('timeline.hover.platforms', lang)}: {escape(row.platforms) or t('value.none', lang)}<br>"
            f"{t('timeline.hover.source', lang)}: {escape(row.source_publisher)}{flag}"
        )
    return lines


def _lane_order(frame: pd.DataFrame) -> list[str]:
    # Busiest rows on top; plotly draws the first category at the bottom, hence the reverse.
    counts = frame.groupby("lane", sort=False).size().sort_values(ascending=False, kind="stable")
    return list(reversed(counts.index.tolist()))


def figure(frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """Markers by date and lane: colour = kind of action, hollow = month only, diamond = unverified."""
    lang = filters.lang
    fig = go.Figure()
    for group, colour in TYPE_GROUP_COLOURS.items():
        part = frame[frame["type_group"] == group]
        if part.empty:
            continue
        month_only = part["date_precision"] == "month"
        unverified = ~part["verified"].astype(bool)
        symbols = [
            ("diamond" if flag else "circle") + ("-open" if month else "")
            for month, flag in zip(month_only, unverified, strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=part["date"],
                y=part["lane"],
                mode="markers",
                name=label("typegroup", group, lang),
                marker={
                    "color": colour,
                    "size": 11,
                    "symbol": symbols,
                    "line": {"width": 2, "color": colour},
                },
                hovertext=_hover(part, lang),
                hoverinfo="text",
                customdata=part["id"],
            )
        )
    # Legend-only keys for the marker shapes.
    for symbol, key in (("circle-open", "timeline.month_only"), ("diamond", "timeline.unverified")):
        fig.add_trace(
            go.Scatter(
                x=[None], y=[None], mode="markers", name=t(key, lang), hoverinfo="skip",
                marker={"color": GREY, "size": 11, "symbol": symbol, "line": {"width": 2, "color": GREY}},
            )
        )  # fmt: skip
    lanes = _lane_order(frame)
    rows = _annotate_key_moments(fig, frame, lanes)
    fig.update_yaxes(
        categoryorder="array", categoryarray=lanes, title=None, automargin=True,
        range=[-0.6, len(lanes) - 0.4],
    )  # fmt: skip
    # Top down: range buttons, then the key-moment rows, then the plot; the legend sits under
    # the dates. Heights are in lanes (about ROW_HEIGHT px each), as the label rows are.
    above = (rows * LABEL_ROW_LANES + 0.5) / max(len(lanes), 1)
    fig.update_xaxes(
        title=None,
        type="date",
        rangeselector={
            "buttons": [
                {"count": 6, "label": t("timeline.range.6m", lang), "step": "month", "stepmode": "backward"},
                {"count": 1, "label": t("timeline.range.1y", lang), "step": "year", "stepmode": "backward"},
                {"label": t("timeline.range.all", lang), "step": "all"},
            ],
            "x": 0, "y": 1 + above, "yanchor": "bottom", "xanchor": "left",
        },
    )  # fmt: skip
    height = 150 + ROW_HEIGHT * max(len(lanes), 3) + rows * LABEL_ROW_PX
    apply_layout(fig, lang, height=height)
    fig.update_layout(
        margin={"t": 48 + rows * LABEL_ROW_PX, "b": 8},
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        hovermode="closest", clickmode="event+select",
    )  # fmt: skip
    return fig


# Key-moment labels sit in rows above the plot, each with a line down to its point.
LABEL_ROW_LANES = 0.85  # a label row's height, in lanes
LABEL_ROW_PX = 24


def _annotate_key_moments(fig: go.Figure, frame: pd.DataFrame, lanes: list[str]) -> int:
    """Label the key moments in view without overlaps; returns the number of label rows."""
    present = frame.drop_duplicates("id")
    moments = [row for _, row in present[present["moment"] != ""].iterrows()]
    if not moments:
        return 0
    start, end = frame["date"].min(), frame["date"].max()
    span = max((end - start).total_seconds(), 1.0)
    # Plotly pads a date axis by about 4% on each side of the data.
    positions = [0.04 + 0.92 * (row["date"] - start).total_seconds() / span for row in moments]
    placed = label_rows(positions, [row["moment"] for row in moments])
    top = len(lanes) - 0.4
    for row, (level, anchor) in zip(moments, placed, strict=True):
        fig.add_annotation(
            x=row["date"], y=row["lane"], text=escape(row["moment"]), showarrow=True, arrowhead=0, arrowwidth=1,
            arrowcolor="rgba(31,36,48,0.6)", axref="x", ax=row["date"], ayref="y",
            ay=top + 0.3 + level * LABEL_ROW_LANES, xanchor=anchor, yanchor="bottom",
            font={"size": 11}, bgcolor="rgba(255,255,255,0.9)", borderpad=2,
        )  # fmt: skip
    return 1 + max(level for level, _ in placed)


def _groups_text(frame: pd.DataFrame, lang: str) -> str:
    counts = frame.drop_duplicates("id")["type_group"].value_counts()
    return ", ".join(
        f"{label('typegroup', group, lang)} {count}" for group, count in counts.items()
    )


def _span(frame: pd.DataFrame, lang: str) -> tuple[str, str]:
    return fmt_date(frame["date"].min(), "month", lang), fmt_date(
        frame["date"].max(), "month", lang
    )


def jurisdiction_text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    lang = filters.lang
    title = t("timeline.title", lang)
    source = source_line(frame["source_publisher"], lang)
    if frame.empty:
        return ChartText(title, t("notice.empty", lang), t("timeline.empty_alt", lang), source)
    months = frame["date"].dt.to_period("M").value_counts()
    busiest = months.index[0].to_timestamp()
    start, end = _span(frame, lang)
    subtitle = t(
        "timeline.subtitle", lang, count=len(frame), places=frame["jurisdiction"].nunique(),
        month=fmt_date(busiest, "month", lang), month_count=int(months.iloc[0]),
    )  # fmt: skip
    alt = t(
        "timeline.alt", lang, count=len(frame), start=start, end=end,
        lane=t("timeline.lane_jurisdiction", lang), top=top_counts(frame["lane"], lang),
        groups=_groups_text(frame, lang),
    )  # fmt: skip
    return ChartText(title, subtitle, alt, source)


def platform_text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    lang = filters.lang
    title = t("timeline.title_platforms", lang)
    source = source_line(frame.drop_duplicates("id")["source_publisher"], lang)
    if frame.empty:
        return ChartText(title, t("notice.empty", lang), t("timeline.empty_alt", lang), source)
    lanes = frame["lane"].value_counts()
    count = frame["id"].nunique()
    start, end = _span(frame, lang)
    subtitle = t(
        "timeline.subtitle_platforms", lang, count=count, top=lanes.index[0],
        top_count=int(lanes.iloc[0]),
    )  # fmt: skip
    alt = t(
        "timeline.alt", lang, count=count, start=start, end=end,
        lane=t("timeline.lane_platform", lang), top=top_counts(frame["lane"], lang),
        groups=_groups_text(frame, lang),
    )  # fmt: skip
    return ChartText(title, subtitle, alt, source)


CHARTS = [
    Chart("timeline-actions", "plotly", "timeline", jurisdiction_data, figure, jurisdiction_text),
    Chart("timeline-platforms", "plotly", "timeline", platform_data, figure, platform_text),
]
