"""What a chart is: its words (ChartText), its entry (Chart) and which filters it reads.

Chart modules and the registry both import these; the registry imports the chart modules, so the
types live here to keep the imports one-way (no cycle).

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
class Panel:
    """One of a chart's small multiples: a small chart a page draws beside the others, as SVG
    (its alt text inside) that needs no script in the reader's browser."""

    key: str  # stable, for the element's id
    title: str
    caption: str
    svg: str


@dataclass(frozen=True)
class Chart:
    """A chart of the dashboard."""

    id: str
    kind: Literal["plotly", "pydeck"]
    page: str  # the url_path of the page that shows it
    data: Callable[[Frames, Filters], pd.DataFrame]
    figure: Callable[[pd.DataFrame, Filters], Any]
    text: Callable[[pd.DataFrame, Filters], ChartText]
    # Small multiples of the same data, for pages with room for them.
    panels: Callable[[Frames, Filters], list[Panel]] | None = None

    def small_multiples(self, frames: Frames, filters: Filters) -> list[Panel]:
        """The chart's small multiples for these frames and filters; none for most charts."""
        return self.panels(frames, filters) if self.panels is not None else []

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
