"""Data & methods page: datasets, data dictionary, downloads, sources, corrections, licence, methods."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import datasets, schema, tables
from dashboard.chart_view import folded
from dashboard.i18n import fmt_date, fmt_number, t
from dashboard.markdown_escape import md
from dashboard.page_context import PageContext, page_context

MIME = {"csv": "text/csv", "json": "application/json"}


def download(frame: pd.DataFrame, file_name: str, filtered: bool, kind: str, lang: str) -> None:
    """One download button for a dataset (whole or filtered) in CSV or JSON."""
    scope = "filtered" if filtered else "all"
    encode = datasets.to_csv_bytes if kind == "csv" else datasets.to_json_bytes
    st.download_button(
        t(f"data.download.{scope}_{kind}", lang, count=fmt_number(len(frame), lang, 0)),
        # Encoded only when a reader clicks: four files per dataset on every run add up.
        data=lambda: encode(frame), file_name=f"{datasets.file_stem(file_name, filtered)}.{kind}",
        mime=MIME[kind], key=f"download-{file_name}-{scope}-{kind}", on_click="ignore",
        icon=":material/download:",
    )  # fmt: skip


def dataset_section(context: PageContext, file_name: str) -> None:
    """A dataset's title, description, facts, data dictionary and downloads."""
    lang = context.lang
    meta = context.frames.datasets[file_name]
    whole = datasets.dataset_frame(context.frames, file_name)
    st.subheader(md(meta.title.get(lang)), anchor=f"dataset-{schema.dataset_name(file_name)}")
    st.caption(
        t(
            "data.meta", lang, file=file_name, count=fmt_number(len(whole), lang, 0),
            licence=md(meta.license), date=fmt_date(meta.last_reviewed, "day", lang),
            covered=fmt_date(meta.coverage_end, "day", lang),
        )
    )  # fmt: skip
    st.markdown(md(meta.description.get(lang)))
    key = f"dictionary_{schema.dataset_name(file_name)}"
    with folded(t("data.dictionary", lang), key) as dictionary_open:
        if dictionary_open:
            st.dataframe(datasets.dictionary_frame(file_name, lang), hide_index=True)
    filtered = datasets.dataset_frame(context.frames, file_name, context.filters)
    columns = st.columns(4)
    for column, (frame, is_filtered, kind) in zip(
        columns,
        [
            (whole, False, "csv"),
            (whole, False, "json"),
            (filtered, True, "csv"),
            (filtered, True, "json"),
        ],
        strict=True,
    ):
        with column:
            download(frame, file_name, is_filtered, kind, lang)


def sources_table(context: PageContext) -> None:
    """Every source of every record, with links."""
    lang = context.lang
    table = tables.as_arrow(context.frames, tables.sources_table, lang)
    st.header(t("data.sources_heading", lang), anchor="sources")
    st.caption(t("data.sources_intro", lang, count=fmt_number(table.num_rows, lang, 0)))
    st.dataframe(
        table, hide_index=True,
        column_config={
            "dataset": t("data.col.dataset", lang), "record": t("data.col.record", lang),
            "publisher": t("col.publisher", lang), "published": t("data.col.published", lang),
            "kind": t("data.col.kind", lang),
            # The link shows the site's domain: readable, and the full address is one click away.
            "url": st.column_config.LinkColumn(
                t("data.col.url", lang), display_text=r"https?://(?:www\.)?([^/]+)"
            ),
        },
    )  # fmt: skip


def corrections_table(context: PageContext) -> None:
    """The corrections log, under the anchor the footer links to."""
    lang = context.lang
    table = tables.as_arrow(context.frames, tables.corrections_table, lang)
    st.header(t("data.corrections_heading", lang), anchor="corrections")
    st.markdown(t("data.corrections_intro", lang))
    if not table.num_rows:
        st.info(t("data.corrections_empty", lang))
        return
    st.dataframe(table, hide_index=True)


def licence_and_citation(context: PageContext) -> None:
    """The licences and a suggested citation to copy."""
    lang = context.lang
    st.header(t("data.licence_heading", lang), anchor="licence")
    st.markdown(t("data.licence", lang))
    url = getattr(st.context, "url", None) or "/data"
    st.markdown(f"**{t('data.cite.label', lang)}**")
    st.code(
        datasets.citation(context.frames.last_reviewed, url, lang), language=None, wrap_lines=True
    )


context = page_context()
lang = context.lang
st.header(t("data.heading", lang), anchor=False)
st.markdown(t("data.intro", lang))
st.header(t("data.datasets_heading", lang), anchor="datasets")
st.caption(t("data.download.note", lang))
for file_name in schema.DATASETS:
    dataset_section(context, file_name)
sources_table(context)
corrections_table(context)
licence_and_citation(context)
st.header(t("data.methods_heading", lang), anchor="methods")
st.markdown(t("data.methods", lang))
st.subheader(t("data.stats_caveats_heading", lang), anchor="statistics-caveats")
st.markdown(t("data.stats_caveats", lang))
