"""A registered chart on a page: built once per data version and view, drawn with its title,
finding, source line, alt text, data table and share panel."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import pandas as pd
import streamlit as st

from dashboard.charts.common import esc
from dashboard.charts.registry import get_chart
from dashboard.charts.types import ChartText, Panel, view_filters
from dashboard.filters import Filters
from dashboard.frames import Frames
from dashboard.i18n import t
from dashboard.markdown_escape import md
from dashboard.memo import per_data_version
from dashboard.page_context import PageContext
from dashboard.plotly_locale import plotly_config
from dashboard.share_panel import share_panel
from dashboard.themes import embed_figure


@per_data_version
def _build(frames: Frames, chart_id: str, view: Filters) -> tuple:
    chart = get_chart(chart_id)
    if chart is None:
        raise KeyError(chart_id)
    return chart.build(frames, view)


def built_chart(chart_id: str, context: PageContext) -> tuple[pd.DataFrame, Any, ChartText]:
    """A chart's frame, figure and text, built once per data version and view.

    Builders are pure, so readers who look at the same view share one build. The cached
    objects are shared: callers must not change them.
    """
    # Keyed by the filters the chart reads: a chart that ignores dates is built once for every
    # date range readers choose.
    return _build(context.frames, chart_id, view_filters(chart_id, context.filters))


@per_data_version
def _themed(frames: Frames, chart_id: str, view: Filters, theme: str) -> Any:
    return embed_figure(_build(frames, chart_id, view)[1], theme)


def themed_figure(chart_id: str, context: PageContext, theme: str) -> Any:
    """The chart's figure as an embed draws it in `theme` ('light' or 'dark'), built once per
    data version, view and theme."""
    return _themed(context.frames, chart_id, view_filters(chart_id, context.filters), theme)


def chart_text_block(text: ChartText) -> None:
    st.subheader(md(text.title), anchor=False)
    st.markdown(md(text.subtitle))


def is_phone() -> bool:
    """Whether the reader's browser says it is a phone (for the map's zoom; CSS does the rest)."""
    agent = (getattr(st.context, "headers", None) or {}).get("User-Agent", "") or ""
    return "Mobi" in agent or "Android" in agent


# Under every chart, folded: its data table and its share panel (keys `table_ID`, `share_ID`).
TABLE, SHARE = "table", "share"
PANELS = (TABLE, SHARE)


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
    key = key or chart_id
    with folded(t("chart.table", context.lang), f"{TABLE}_{key}") as table_open:
        if table_open:
            st.dataframe(frame, hide_index=True)
    with folded(t("share.heading", context.lang), f"{SHARE}_{key}") as share_open:
        if share_open:
            share_panel(chart, figure, frame, text, context.filters, key=key)
    return event


@contextmanager
def folded(label: str, key: str) -> Iterator[bool]:
    """An expander whose content is only built once the reader opens it (which reruns the
    page): every chart's table and share panel, sent to every session folded, were a large
    part of a page's elements and CPU. Yields whether it is open."""
    with st.expander(label, key=key, on_change="rerun") as panel:
        yield bool(panel.open)


def panels_html(panels: list[Panel]) -> str:
    """Small multiples as one block: a grid of titled SVG charts (as many columns of at least
    250 px as fit, one on a phone; see style.css), each text escaped."""
    items = "".join(
        f'<figure class="small-chart" id="series-{esc(panel.key)}"><figcaption>'
        f"<strong>{esc(panel.title)}</strong><span>{esc(panel.caption)}</span></figcaption>"
        f"{panel.svg}</figure>"
        for panel in panels
    )
    return f'<div class="small-charts">{items}</div>'


def show_panels(panels: list[Panel]) -> None:
    """Small multiples on the page, one element for all of them. Through markdown, not st.html:
    st.html's sanitiser keeps HTML only and would strip the SVG. The block has no blank line, so
    markdown passes it through as raw HTML."""
    st.markdown(panels_html(panels), unsafe_allow_html=True)
