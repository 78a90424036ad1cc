"""Charts of the stats page family."""

from dashboard.charts.registry import Chart

CHARTS: list[Chart] = []
