"""Charts of the compare page family."""

from dashboard.charts.registry import Chart

CHARTS: list[Chart] = []
