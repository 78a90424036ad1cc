"""The registry of charts: one entry per chart, with a stable id, used by pages, embeds and export.

A chart is three pure functions over the frames and the reader's filters:
- `data`: the tidy frame behind the chart (what the table view and the CSV show);
- `figure`: that frame drawn, as a plotly Figure or a pydeck Deck;
- `text`: the words around it (title, a subtitle stating the finding, alt text with numbers, source).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

import pandas as pd

from dashboard.filters import Filters
from dashboard.frames import Frames


@dataclass(frozen=True)
class ChartText:
    """The words that frame a chart, in the reader's language."""

    title: str
    subtitle: str
    alt: str
    source: str


@dataclass(frozen=True)
class Chart:
    """A chart of the dashboard."""

    id: str
    kind: Literal["plotly", "pydeck"]
    page: str  # the url_path of the page that shows it
    data: Callable[[Frames, Filters], pd.DataFrame]
    figure: Callable[[pd.DataFrame, Filters], Any]
    text: Callable[[pd.DataFrame, Filters], ChartText]

    def build(self, frames: Frames, filters: Filters) -> tuple[pd.DataFrame, Any, ChartText]:
        """The chart's frame, figure and text for these frames and filters."""
        frame = self.data(frames, filters)
        return frame, self.figure(frame, filters), self.text(frame, filters)


# Charts that read only some of the filters (language aside); every other chart reads them all.
# The app caches a build per view of what a chart reads, so 200 readers' date ranges share one
# build of these. tests/unit/test_guards_cache.py checks each entry against the builders.
FILTER_FIELDS = ("start", "end", "jurisdictions", "platforms", "topics")
FILTERS_READ: dict[str, tuple[str, ...]] = {
    "overview-one-in-five": (),
    "compare-min-ages": ("jurisdictions",),
    "stats-comparable-groups": ("jurisdictions", "topics"),
}


def view_filters(chart_id: str, filters: Filters) -> Filters:
    """The filters with those the chart does not read reset: the key of its cached build."""
    read = FILTERS_READ.get(chart_id, FILTER_FIELDS)
    unread: dict[str, Any] = {
        name: Filters.__dataclass_fields__[name].default
        for name in FILTER_FIELDS
        if name not in read
    }
    return replace(filters, **unread)


def all_charts() -> dict[str, Chart]:
    """Every chart by id, in the order pages and the gallery show them."""
    from dashboard.charts import compare, mapping, overview, stats, timeline

    charts: dict[str, Chart] = {}
    for module in (overview, mapping, timeline, compare, stats):
        for chart in module.CHARTS:
            if chart.id in charts:
                raise ValueError(f"chart id {chart.id!r} is registered twice")
            charts[chart.id] = chart
    return charts


def get_chart(chart_id: str) -> Chart | None:
    return all_charts().get(chart_id)
