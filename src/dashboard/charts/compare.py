"""Comparisons: minimum ages side by side, actions per platform, and platforms by jurisdiction."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.common import (
    apply_layout,
    escape,
    text_column,
    threshold_facts,
    top_counts,
)
from dashboard.charts.palette import (
    BLUE,
    INK,
    POLICY_STATUS_COLOURS,
    TYPE_GROUP_COLOURS,
    TYPE_GROUP_OF,
)
from dashboard.charts.types import Chart, ChartText
from dashboard.counts import PROGRESS_RANK, kinds_in_force
from dashboard.filters import Filters, filter_actions, filter_policies
from dashboard.frames import Frames
from dashboard.i18n import label, source_line, t
from dashboard.jurisdictions import jurisdiction_name

ROW_HEIGHT = 24
TOP_PLATFORMS, TOP_JURISDICTIONS = 12, 15
# Single-hue blue (light to Okabe-Ito blue): reads as "more" for every kind of colour vision.
GRID_SCALE = [[0.0, "#DCEBF7"], [1.0, BLUE]]
# A faint ground shows through the gaps, so blank cells still read as cells of the grid.
GRID_GROUND = "rgba(217,217,217,0.2)"

AGE_COLUMNS = [
    "id", "jurisdiction", "jurisdiction_name", "bar_label", "rule", "min_age",
    "parental_consent_below", "absolute_ban_below", "kind", "kind_label", "status", "status_label", "effective",
    "effective_precision", "verified", "source_publisher", "source_url",
]  # fmt: skip


def _labels(values: pd.Series | list[str]) -> list[str]:
    """Axis categories from the data, escaped: plotly reads tags such as <a> in tick labels."""
    return [escape(value) for value in values]


# Minimum ages.


def _newest(policies: pd.DataFrame) -> pd.Series:
    """The latest date a rule carries (effective, passed or announced), for ties on status."""
    return policies[["effective", "passed", "announced"]].max(axis=1)


def _most_advanced(policies: pd.DataFrame) -> pd.DataFrame:
    """One rule per jurisdiction: the most advanced status, then the newest."""
    ranked = policies.assign(
        _rank=policies["status"].astype(str).map(PROGRESS_RANK), _newest=_newest(policies)
    )
    ranked = ranked.sort_values(["_rank", "_newest"], ascending=[True, False], na_position="last")
    return ranked.drop_duplicates("jurisdiction").drop(columns=["_rank", "_newest"])


def min_age_data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per jurisdiction with an age threshold: its most advanced rule."""
    lang = filters.lang
    policies = filter_policies(frames.age_policies, filters)
    chosen = _most_advanced(policies[policies["min_age"].notna()])
    names = chosen["jurisdiction"].map(lambda code: jurisdiction_name(code, lang))
    mark = t("chart.unverified_mark", lang)
    flags = chosen["verified"].map(lambda ok: "" if ok else f" {mark}")
    frame = pd.DataFrame(
        {
            "id": chosen["id"],
            "jurisdiction": chosen["jurisdiction"],
            "jurisdiction_name": names,
            "bar_label": names + flags,
            "rule": text_column(chosen, "name", lang),
            "min_age": chosen["min_age"],
            "parental_consent_below": chosen["parental_consent_below"],
            "absolute_ban_below": chosen["absolute_ban_below"],
            "kind": chosen["kind"].astype(str),
            "kind_label": chosen["kind"].astype(str).map(lambda k: label("pkind", k, lang)),
            "status": chosen["status"].astype(str),
            "status_label": chosen["status"].astype(str).map(lambda s: label("pstatus", s, lang)),
            "effective": chosen["effective"],
            "effective_precision": chosen["effective_precision"].astype(str),
            "verified": chosen["verified"],
            "source_publisher": chosen["source_publisher"],
            "source_url": chosen["source_url"],
        },
        columns=AGE_COLUMNS,
    )
    return frame.sort_values(["min_age", "jurisdiction_name"], kind="stable").reset_index(drop=True)


def _age_hover(row: pd.Series, lang: str) -> str:
    """The hover of one bar: rule, status, thresholds, date in force, source, flag."""
    lines = [
        f"<b>{escape(row['jurisdiction_name'])}</b>: {escape(row['rule'])}",
        f"{t('col.kind', lang)}: {escape(row['kind_label'])}",
        f"{t('col.status', lang)}: {escape(row['status_label'])}",
        f"{t('col.min_age', lang)}: {row['min_age']}",
    ]
    lines += [escape(fact) for fact in threshold_facts(row, lang)]
    lines.append(f"{t('chart.source', lang, sources=escape(row['source_publisher']))}")
    if not row["verified"]:
        lines.append(f"<b>{t('record.unverified', lang)}</b>")
    return "<br>".join(lines)


def _colour_groups() -> dict[str, list[str]]:
    """Statuses by the colour they share (proposed and announced, repealed and rejected)."""
    groups: dict[str, list[str]] = {}
    for status in PROGRESS_RANK:
        groups.setdefault(POLICY_STATUS_COLOURS[status], []).append(status)
    return groups


def _text_colour(fill: str) -> str:
    """White on the dark blue, ink on every lighter fill: both keep a 4.5:1 contrast or more."""
    return "white" if fill == BLUE else INK


def _status_bars(fig: go.Figure, frame: pd.DataFrame, lang: str) -> None:
    """One bar trace per colour, most settled first, so the legend names each colour once."""
    for colour, statuses in _colour_groups().items():
        part = frame[frame["status"].isin(statuses)]
        if part.empty:
            continue
        shown = [status for status in statuses if status in set(part["status"])]
        fig.add_trace(
            go.Bar(
                x=part["min_age"].astype(float), y=_labels(part["bar_label"]), orientation="h",
                name=" / ".join(label("pstatus", status, lang) for status in shown),
                marker={"color": colour},
                # The age at the bar's start: the end is where consent diamonds sit.
                text=part["min_age"].astype(str), textposition="inside", textangle=0, constraintext="none",
                insidetextanchor="start", textfont={"color": _text_colour(colour), "size": 11},
                hovertext=[_age_hover(row, lang) for _, row in part.iterrows()],
                hoverinfo="text", customdata=part["id"],
            )
        )  # fmt: skip


def _ban_overlay(fig: go.Figure, frame: pd.DataFrame, lang: str) -> None:
    """Hatching over the ages at which no account is allowed even with a parent's consent."""
    part = frame[frame["absolute_ban_below"].notna()]
    fig.add_trace(
        go.Bar(
            x=part["absolute_ban_below"].astype(float), y=_labels(part["bar_label"]), orientation="h",
            name=t("compare.ages.ban_legend", lang),
            marker={
                "color": "rgba(0,0,0,0)", "line": {"width": 0},
                "pattern": {"shape": "/", "fgcolor": INK, "fgopacity": 0.45, "size": 6},
            },
            hoverinfo="skip", visible=True if not part.empty else "legendonly",
        )
    )  # fmt: skip


def _consent_markers(fig: go.Figure, frame: pd.DataFrame, lang: str) -> None:
    """A hollow diamond at the age below which a parent must consent."""
    part = frame[frame["parental_consent_below"].notna()]
    fig.add_trace(
        go.Scatter(
            x=part["parental_consent_below"].astype(float), y=_labels(part["bar_label"]), mode="markers",
            name=t("compare.ages.consent_legend", lang),
            marker={"symbol": "diamond-open", "size": 12, "color": INK, "line": {"width": 2}},
            hovertext=[
                t("compare.ages.consent_hover", lang, age=age, name=escape(name))
                for age, name in zip(part["parental_consent_below"], part["jurisdiction_name"], strict=True)
            ],
            hoverinfo="text", visible=True if not part.empty else "legendonly",
        )
    )  # fmt: skip


def min_age_figure(frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """Horizontal bars of minimum age by jurisdiction; colour = status, hatch = no account at all."""
    lang = filters.lang
    fig = go.Figure()
    _status_bars(fig, frame, lang)
    _ban_overlay(fig, frame, lang)
    _consent_markers(fig, frame, lang)
    # Youngest thresholds on top: plotly draws the first category at the bottom.
    order = list(reversed(_labels(frame["bar_label"])))
    fig.update_yaxes(categoryorder="array", categoryarray=order, title=None, automargin=True)
    top = max([21, *frame["parental_consent_below"].dropna().astype(int)])
    fig.update_xaxes(title=t("col.min_age", lang), range=[0, top + 0.5], dtick=2)
    apply_layout(fig, lang, height=150 + ROW_HEIGHT * max(len(frame), 3))
    fig.update_layout(barmode="overlay", bargap=0.25, hovermode="closest")
    return fig


def min_age_text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    """The most common threshold and how many jurisdictions apply one already."""
    lang = filters.lang
    title = t("compare.ages.title", lang)
    source = source_line(frame["source_publisher"], lang)
    if frame.empty:
        return ChartText(title, t("notice.empty", lang), t("compare.ages.empty_alt", lang), source)
    ages = frame["min_age"].astype(int).value_counts()
    ages = ages.sort_index(ascending=False).sort_values(ascending=False, kind="stable")
    total = len(frame)
    live = kinds_in_force(frame)
    subtitle = t(
        "compare.ages.subtitle", lang, age=int(ages.index[0]), count=int(ages.iloc[0]),
        total=total, bans=live["ban"], consent=live["consent"],
        other=live["feature_limits"] + live["age_checks"] + live["guidance"],
    )  # fmt: skip
    by_age = ", ".join(f"{age}: {count}" for age, count in ages.sort_index().items())
    statuses = top_counts(frame["status_label"], lang, shown=8)
    alt = t(
        "compare.ages.alt", lang, total=total, low=int(ages.index.min()),
        high=int(ages.index.max()), by_age=by_age, statuses=statuses,
        consent=int(frame["parental_consent_below"].notna().sum()),
        ban=int(frame["absolute_ban_below"].notna().sum()),
    )  # fmt: skip
    return ChartText(title, subtitle, alt, source)


# Actions by platform.


def _publishers(frame: pd.DataFrame) -> list[str]:
    """The publisher of each action behind the bars or cells, once per action (not per pair)."""
    by_action: dict[str, str] = {}
    for ids, names in zip(frame["action_ids"], frame["source_publishers"], strict=True):
        by_action.update(zip(ids, names, strict=True))
    return list(by_action.values())


def platform_pairs(frames: Frames, filters: Filters) -> pd.DataFrame:
    """Action-platform pairs of the actions the filters keep.

    With a platform filter, only the chosen platforms are counted: a bar for a platform the reader
    did not ask about would only mean "named alongside it".
    """
    kept = filter_actions(frames.actions, filters)["id"]
    pairs = frames.action_platforms[frames.action_platforms["action_id"].isin(kept)]
    if filters.platforms:
        pairs = pairs[pairs["platform"].isin(filters.platforms)]
    names = frames.platform_names
    lang = filters.lang
    return pd.DataFrame(
        {
            "action_id": pairs["action_id"],
            "platform": pairs["platform"],
            "platform_name": pairs["platform"].map(lambda pid: names.get(pid, pid)),
            "jurisdiction": pairs["jurisdiction"],
            "jurisdiction_name": pairs["jurisdiction"].map(lambda c: jurisdiction_name(c, lang)),
            "type_group": pairs["type"].astype(str).map(TYPE_GROUP_OF),
            "source_publisher": pairs["source_publisher"],
        }
    )


PLATFORM_COLUMNS = [
    "platform", "platform_name", "type_group", "type_group_label", "actions", "platform_total",
    "action_ids", "source_publishers",
]  # fmt: skip


def platform_data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per platform and kind of action: how many actions name it."""
    pairs = platform_pairs(frames, filters)
    if pairs.empty:
        return pd.DataFrame(columns=PLATFORM_COLUMNS)
    counts = pairs.groupby(["platform", "platform_name", "type_group"]).agg(
        actions=("action_id", "nunique"),
        action_ids=("action_id", tuple),
        source_publishers=("source_publisher", tuple),
    )
    counts = counts.reset_index()
    counts["platform_total"] = counts.groupby("platform")["actions"].transform("sum")
    counts["type_group_label"] = counts["type_group"].map(
        lambda group: label("typegroup", group, filters.lang)
    )
    order = ["platform_total", "platform_name"]
    counts = counts.sort_values(order, ascending=[False, True], kind="stable")
    return counts[PLATFORM_COLUMNS].reset_index(drop=True)


def platform_figure(frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """Horizontal bars stacked by kind of action, the most-named platform on top."""
    lang = filters.lang
    fig = go.Figure()
    for group, colour in TYPE_GROUP_COLOURS.items():
        part = frame[frame["type_group"] == group]
        if part.empty:
            continue
        name = label("typegroup", group, lang)
        fig.add_trace(
            go.Bar(
                x=part["actions"], y=_labels(part["platform_name"]), orientation="h", name=name,
                marker={"color": colour},
                hovertext=[
                    f"<b>{escape(p)}</b><br>{escape(name)}: {n}"
                    for p, n in zip(part["platform_name"], part["actions"], strict=True)
                ],
                hoverinfo="text",
            )
        )  # fmt: skip
    order = list(reversed(_labels(frame.drop_duplicates("platform")["platform_name"])))
    fig.update_yaxes(categoryorder="array", categoryarray=order, title=None, automargin=True)
    fig.update_xaxes(title=t("col.count", lang), rangemode="tozero")
    apply_layout(fig, lang, height=150 + ROW_HEIGHT * max(len(order), 3))
    fig.update_layout(barmode="stack", bargap=0.25, legend={"traceorder": "normal"})
    return fig


def _totals(frame: pd.DataFrame) -> pd.Series:
    """Actions per platform name, largest first."""
    return frame.drop_duplicates("platform").set_index("platform_name")["platform_total"]


def platform_text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    """Which platform is named most, and how the actions split by kind."""
    lang = filters.lang
    title = t("compare.platforms.title", lang)
    source = source_line(_publishers(frame), lang)
    if frame.empty:
        return ChartText(
            title, t("notice.empty", lang), t("compare.platforms.empty_alt", lang), source
        )
    totals = _totals(frame)
    subtitle = t(
        "compare.platforms.subtitle", lang, top=totals.index[0], top_count=int(totals.iloc[0]),
        platforms=len(totals),
    )  # fmt: skip
    groups = frame.groupby("type_group_label", sort=False)["actions"].sum()
    top = ", ".join(f"{name} ({int(count)})" for name, count in totals.head(3).items())
    alt = t(
        "compare.platforms.alt", lang, platforms=len(totals), top=top,
        groups=", ".join(f"{name} {int(count)}" for name, count in groups.items()),
    )  # fmt: skip
    return ChartText(title, subtitle, alt, source)


# Platforms by jurisdiction.

GRID_COLUMNS = [
    "platform", "platform_name", "jurisdiction", "jurisdiction_name", "actions", "shown",
    "platforms_total", "jurisdictions_total", "action_ids", "source_publishers",
]  # fmt: skip


def _top(counts: pd.Series, keep: int) -> list[str]:
    """The `keep` largest, ties broken by name so the cut is stable."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, _ in ordered[:keep]]


def grid_data(frames: Frames, filters: Filters) -> pd.DataFrame:
    """One row per platform and jurisdiction with actions; `shown` marks the cells drawn."""
    pairs = platform_pairs(frames, filters)
    if pairs.empty:
        return pd.DataFrame(columns=GRID_COLUMNS)
    cells = pairs.groupby(
        ["platform", "platform_name", "jurisdiction", "jurisdiction_name"], as_index=False
    ).agg(
        actions=("action_id", "nunique"),
        action_ids=("action_id", tuple),
        source_publishers=("source_publisher", tuple),
    )
    platforms = _top(cells.groupby("platform_name")["actions"].sum(), TOP_PLATFORMS)
    places = _top(cells.groupby("jurisdiction_name")["actions"].sum(), TOP_JURISDICTIONS)
    cells["shown"] = cells["platform_name"].isin(platforms) & cells["jurisdiction_name"].isin(
        places
    )
    cells["platforms_total"] = cells["platform"].nunique()
    cells["jurisdictions_total"] = cells["jurisdiction"].nunique()
    cells = cells.sort_values(["actions", "platform_name"], ascending=[False, True], kind="stable")
    return cells[GRID_COLUMNS].reset_index(drop=True)


def _grid_order(shown: pd.DataFrame, column: str) -> list[str]:
    """Rows or columns of the grid, busiest first."""
    return _top(shown.groupby(column)["actions"].sum(), len(shown))


def grid_figure(frame: pd.DataFrame, filters: Filters) -> go.Figure:
    """A heatmap of counts: platforms down, jurisdictions across, empty cells left blank."""
    lang = filters.lang
    shown = frame[frame["shown"].astype(bool)]
    if shown.empty:
        return apply_layout(go.Figure(), lang)
    rows, columns = _grid_order(shown, "platform_name"), _grid_order(shown, "jurisdiction_name")
    table = shown.pivot_table(
        index="platform_name", columns="jurisdiction_name", values="actions", aggfunc="sum"
    ).reindex(index=rows, columns=columns)
    hover = [
        [
            t("compare.grid.hover", lang, platform=escape(p), place=escape(j), count=int(table.at[p, j]))
            if pd.notna(table.at[p, j]) else ""
            for j in columns
        ]
        for p in rows
    ]  # fmt: skip
    fig = go.Figure(
        go.Heatmap(
            z=table.to_numpy(dtype=float), x=_labels(columns), y=_labels(rows), colorscale=GRID_SCALE,
            texttemplate="%{z:.0f}", hovertext=hover, hoverinfo="text", hoverongaps=False,
            showscale=False, xgap=2, ygap=2,
        )
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", title=None, automargin=True, showgrid=False)
    # Upright labels: slanted ones need a wide right margin that squeezes the grid on phones.
    fig.update_xaxes(side="top", tickangle=-90, title=None, automargin=True, showgrid=False)
    apply_layout(fig, lang, height=200 + 30 * max(len(rows), 3))
    fig.update_layout(plot_bgcolor=GRID_GROUND)
    return fig


def grid_text(frame: pd.DataFrame, filters: Filters) -> ChartText:
    """Which platform faces action in most places; says when the grid was cut."""
    lang = filters.lang
    title = t("compare.grid.title", lang)
    source = source_line(_publishers(frame), lang)
    if frame.empty:
        return ChartText(title, t("notice.empty", lang), t("compare.grid.empty_alt", lang), source)
    spread = frame.groupby("platform_name")["jurisdiction"].nunique()
    top = _top(spread, 1)[0]
    subtitle = t("compare.grid.subtitle", lang, top=top, places=int(spread[top]))
    shown = frame[frame["shown"].astype(bool)]
    platforms, places = shown["platform"].nunique(), shown["jurisdiction"].nunique()
    all_platforms, all_places = (
        int(frame["platforms_total"].iloc[0]),
        int(frame["jurisdictions_total"].iloc[0]),
    )
    if (platforms, places) != (all_platforms, all_places):
        subtitle += " " + t(
            "compare.grid.cut", lang, platforms=platforms, all_platforms=all_platforms,
            places=places, all_places=all_places,
        )  # fmt: skip
    busiest = shown.iloc[0]
    alt = t(
        "compare.grid.alt", lang, platforms=platforms, places=places, cells=len(shown),
        pairs=int(shown["actions"].sum()), platform=busiest["platform_name"],
        place=busiest["jurisdiction_name"], count=int(busiest["actions"]),
    )  # fmt: skip
    return ChartText(title, subtitle, alt, source)


CHARTS = [
    Chart("compare-min-ages", "plotly", "compare", min_age_data, min_age_figure, min_age_text),
    Chart(
        "compare-platform-actions",
        "plotly",
        "compare",
        platform_data,
        platform_figure,
        platform_text,
    ),  # fmt: skip
    Chart("compare-platform-grid", "plotly", "compare", grid_data, grid_figure, grid_text),
]
