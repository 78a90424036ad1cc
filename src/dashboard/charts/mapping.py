"""Charts of the mapping page family."""

from dashboard.charts.registry import Chart

CHARTS: list[Chart] = []
