"""Compare page: minimum ages side by side, actions per platform and where, and every rule."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.chart_view import render_chart
from dashboard.filters import filter_policies
from dashboard.i18n import label, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.markdown_escape import md
from dashboard.page_context import PageContext, page_context

# Shows a link as its site's name rather than the whole URL.
DOMAIN = r"^https?://(?:www\.)?([^/?#]+)"


def iso_date(value: pd.Timestamp, precision: object) -> str | None:
    """ISO text at the date's precision (`2024-07` for a month): sorts in order, invents no day."""
    if pd.isna(value):
        return None
    return value.strftime("%Y-%m" if precision == "month" else "%Y-%m-%d")


def rules_table(context: PageContext) -> pd.DataFrame:
    """Every minimum-age rule in the jurisdictions chosen, one row each."""
    lang = context.lang
    policies = filter_policies(context.frames.age_policies, context.filters)
    mark = t("chart.unverified_mark", lang)
    flags = policies["verified"].map(lambda ok: "" if ok else f"{mark} ")
    table = pd.DataFrame(
        {
            "jurisdiction": policies["jurisdiction"].map(lambda c: jurisdiction_name(c, lang)),
            "rule": flags + policies[f"name_{lang}"],
            "status": policies["status"].astype(str).map(lambda s: label("pstatus", s, lang)),
            "min_age": policies["min_age"],
            "consent_below": policies["parental_consent_below"],
            "ban_below": policies["absolute_ban_below"],
            "effective": [
                iso_date(value, precision)
                for value, precision in zip(
                    policies["effective"], policies["effective_precision"], strict=True
                )
            ],
            "publisher": policies["source_publisher"],
            "source": policies["source_url"],
            "verified": policies["verified"],
        }
    )
    return table.sort_values(["jurisdiction", "rule"], kind="stable").reset_index(drop=True)


def show_rules(context: PageContext) -> None:
    """The sortable table of rules, with labelled columns and source links."""
    lang = context.lang
    st.subheader(t("compare.table.heading", lang), anchor=False)
    table = rules_table(context)
    if table.empty:
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
