"""The "Share & embed" expander under every chart: link, embed code and downloads."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.io as pio
import streamlit as st

from dashboard import share
from dashboard.charts.types import Chart, ChartText
from dashboard.export.data_package import csv_text
from dashboard.export.images import IMAGE_HEIGHT, IMAGE_WIDTH, image_figure
from dashboard.filters import Filters
from dashboard.i18n import t

IMAGE_SIZE = {"width": IMAGE_WIDTH, "height": IMAGE_HEIGHT}


def current_base_url() -> str:
    """The dashboard's root URL as the reader reached it (st.context.url), else the env var."""
    try:
        page_url = getattr(st.context, "url", None)
    except Exception:  # noqa: BLE001 - no request context (tests, bare mode): fall back
        page_url = None
    return share.base_url(page_url, st.get_option("server.baseUrlPath") or "")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The chart's data as UTF-8 CSV (the same table the export writes)."""
    return csv_text(frame).encode("utf-8")


def image_maker(figure: Any, text: ChartText, image_format: str) -> Callable[[], bytes]:
    """A callable that draws the figure through kaleido only when the reader downloads it."""

    def make() -> bytes:
        pio.defaults.mathjax = False  # no MathJax fetch: the server may have no network
        return image_figure(figure, text).to_image(format=image_format, **IMAGE_SIZE)

    return make


def share_panel(
    chart: Chart,
    figure: Any,
    frame: pd.DataFrame,
    text: ChartText,
    filters: Filters,
    key: str | None = None,
) -> None:
    """The share link, embed code and downloads of one chart view (inside its folded panel)."""
    lang = filters.lang
    theme = st.segmented_control(
        t("share.theme", lang), options=list(share.THEMES), default="auto",
        format_func=lambda name: t(f"share.theme_{name}", lang),
        key=f"share_theme_{key or chart.id}",
    ) or "auto"  # fmt: skip
    url = share.share_url(current_base_url(), chart.id, filters, theme)
    st.caption(t("share.link", lang))
    st.code(url, language=None)
    height = share.figure_height(figure)
    export_base = share.export_base_url()
    live_label = "share.iframe"
    if export_base:
        # Article traffic goes to plain files; the live app is for small audiences.
        st.caption(t("share.static", lang))
        if filters.active_count:
            st.caption(t("share.static_default_view", lang))
        code = share.static_embed_code(
            share.static_base(export_base, lang), chart.id, text.title, height, theme
        )
        st.code(code, language="html")
        live_label = "share.live"
    st.caption(t(live_label, lang))
    st.code(share.embed_code(share.live_frame_url(url, theme), text.title, height), language="html")
    st.caption(t("share.downloads", lang))
    columns = st.columns(3)
    columns[0].download_button(
        # Encoded on click: most readers never download, and every page view paid for it.
        t("share.csv", lang), functools.partial(csv_bytes, frame), file_name=f"{chart.id}.csv",
        mime="text/csv", key=f"share_csv_{key or chart.id}", on_click="ignore",
    )  # fmt: skip
    if chart.kind != "plotly":
        st.caption(t("share.no_map_image", lang))
        return
    for column, image_format, mime in ((1, "png", "image/png"), (2, "svg", "image/svg+xml")):
        columns[column].download_button(
            t(f"share.{image_format}", lang), image_maker(figure, text, image_format),
            file_name=f"{chart.id}.{image_format}", mime=mime, on_click="ignore",
            key=f"share_{image_format}_{key or chart.id}", help=t("share.image_help", lang),
        )  # fmt: skip
