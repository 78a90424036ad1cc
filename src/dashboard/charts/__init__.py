"""Pure chart builders (frames + filters in, plotly or pydeck figure out) and their registry.

Nothing here imports streamlit: pages, the embed page, the exporter and the tests all build charts
through `dashboard.charts.registry`.
"""
