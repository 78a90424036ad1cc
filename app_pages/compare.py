"""Compare page: minimum ages side by side, actions per platform and where, and every rule."""

from __future__ import annotations

import streamlit as st

from dashboard import tables
from dashboard.chart_view import render_chart
from dashboard.i18n import t
from dashboard.markdown_escape import md
from dashboard.page_context import PageContext, page_context

# Shows a link as its site's name rather than the whole URL.
DOMAIN = r"^https?://(?:www\.)?([^/?#]+)"


def show_rules(context: PageContext) -> None:
    """The sortable table of rules, with labelled columns and source links."""
    lang = context.lang
    st.subheader(t("compare.table.heading", lang), anchor=False)
    table = tables.as_arrow(context.frames, tables.rules_table, context.filters)
    if not table.num_rows:
        st.info(t("compare.table.empty", lang))
        return
    st.caption(t("compare.table.intro", lang))
    column = st.column_config
    st.dataframe(
        table,
        hide_index=True,
        column_config={
            "jurisdiction": column.TextColumn(t("col.jurisdiction", lang)),
            "rule": column.TextColumn(t("col.name", lang), width="large"),
            "status": column.TextColumn(t("col.status", lang)),
            "min_age": column.NumberColumn(t("col.min_age", lang), format="%d"),
            "consent_below": column.NumberColumn(t("col.consent_below", lang), format="%d"),
            "ban_below": column.NumberColumn(t("col.ban_below", lang), format="%d"),
            "effective": column.TextColumn(t("col.effective", lang)),
            "publisher": column.TextColumn(t("col.publisher", lang)),
            "source": column.LinkColumn(t("col.source", lang), display_text=DOMAIN),
            "verified": column.CheckboxColumn(t("col.verified", lang)),
        },
    )


context = page_context()
lang = context.lang

st.header(t("compare.heading", lang), anchor=False)
st.markdown(md(t("compare.intro", lang)))
render_chart("compare-min-ages", context)
st.caption(t("compare.ages.note", lang))
show_rules(context)
render_chart("compare-platform-actions", context)
st.caption(t("compare.platforms.note", lang))
render_chart("compare-platform-grid", context)
