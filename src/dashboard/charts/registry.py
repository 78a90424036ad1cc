"""The registry of charts: one entry per chart, with a stable id, used by pages, embeds and export."""

from __future__ import annotations

from dashboard.charts import compare, mapping, overview, stats, timeline
from dashboard.charts.types import Chart

MODULES = (overview, mapping, timeline, compare, stats)  # the order pages and the gallery show


def all_charts() -> dict[str, Chart]:
    """Every chart by id, in the order pages and the gallery show them."""
    charts: dict[str, Chart] = {}
    for module in MODULES:
        for chart in module.CHARTS:
            if chart.id in charts:
                raise ValueError(f"chart id {chart.id!r} is registered twice")
            charts[chart.id] = chart
    return charts


def get_chart(chart_id: str) -> Chart | None:
    return all_charts().get(chart_id)
