"""Charts of the overview page family."""

from dashboard.charts.registry import Chart

CHARTS: list[Chart] = []
