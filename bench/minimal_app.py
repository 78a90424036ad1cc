"""The framework's floor for bench_concurrency.py: one page, one small Plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")
st.header("Floor", anchor=False)
figure = go.Figure(go.Scatter(x=[2020, 2021, 2022, 2023, 2024], y=[3, 5, 4, 8, 13]))
st.plotly_chart(figure, key="floor_chart")
