"""Record cards: one action, policy or statistic with its dates, status, caveats and sources.

Used by every page that shows records (timeline selection, map details, country profiles,
the overview's latest developments). Text from the data is escaped with `ui.md`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard.charts.common import threshold_facts
from dashboard.i18n import fmt_date, fmt_number, label, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.ui import PageContext, md, md_link


def selected_ids(event: Any) -> list[str]:
    """Record ids chosen in a plotly chart (customdata) or a pydeck map (object `id`)."""
    if not event:
        return []
    selection = event.get("selection", {}) if isinstance(event, dict) else event.selection
    ids: list[str] = []
    for point in selection.get("points", []) or []:
        value = point.get("customdata")
        value = value[0] if isinstance(value, list) else value
        if isinstance(value, str) and value not in ids:
            ids.append(value)
    for objects in (selection.get("objects", {}) or {}).values():
        for obj in objects:
            value = obj.get("id") if isinstance(obj, dict) else None
            if isinstance(value, str) and value not in ids:
                ids.append(value)
    return ids


def sources_list(context: PageContext, dataset: str, record_id: str) -> None:
    """The record's sources as links with publisher and date."""
    sources = context.frames.sources
    rows = sources[(sources.dataset == dataset) & (sources.record_id == record_id)]
    lang = context.lang
    lines = []
    for row in rows.itertuples():
        when = fmt_date(row.published, row.published_precision, lang)
        lines.append(f"- {md_link(row.publisher, row.url)} ({md(when)})")
    st.markdown(f"**{t('record.sources', lang)}**\n" + "\n".join(lines))


def _flags(context: PageContext, row: pd.Series) -> None:
    lang = context.lang
    if not bool(row["verified"]):
        st.warning(t("record.unverified", lang) + " — " + t("chart.unverified_note", lang))
    dispute = row.get(f"dispute_{lang}")
    if isinstance(dispute, str) and dispute:
        st.info(f"**{t('record.disputed', lang)}:** {md(dispute)}")


def _notes(context: PageContext, row: pd.Series, field: str = "notes") -> None:
    text = row.get(f"{field}_{context.lang}")
    if isinstance(text, str) and text:
        st.caption(f"{t('record.notes', context.lang)}: {md(text)}")


def _record(frame: pd.DataFrame, record_id: str) -> pd.Series | None:
    """The row of `record_id`, or None where the record is not in the data."""
    match = frame[frame["id"] == record_id]
    return None if match.empty else match.iloc[0]


def _card_title(row: pd.Series, lang: str) -> None:
    """A record's title in bold, marked where it is unverified."""
    mark = "" if row["verified"] else f" {t('record.unverified', lang)}"
    st.markdown(f"**{md(row[f'title_{lang}'])}**{md(mark)}")


def show_action(context: PageContext, record_id: str) -> None:
    """One action as a card."""
    row = _record(context.frames.actions, record_id)
    if row is None:
        return
    lang = context.lang
    with st.container(border=True):
        _card_title(row, lang)
        when = fmt_date(row["date"], row["date_precision"], lang)
        names = context.frames.platform_names
        platforms = ", ".join(names.get(pid, pid) for pid in row["platforms"]) or t(
            "value.none", lang
        )
        st.caption(
            " · ".join(
                md(part)
                for part in (
                    when,
                    jurisdiction_name(row["jurisdiction"], lang),
                    row[f"authority_{lang}"],
                    label("type", row["type"], lang),
                    label("astatus", row["status"], lang),
                    f"{t('col.platforms', lang)}: {platforms}",
                )
            )
        )
        st.markdown(md(row[f"summary_{lang}"]))
        if pd.notna(row["amount_value"]):
            st.markdown(
                f"**{fmt_number(row['amount_value'], lang, 0)} {md(row['amount_currency'])}**"
            )
        _flags(context, row)
        _notes(context, row)
        sources_list(context, "actions", record_id)


def show_policy(context: PageContext, record_id: str) -> None:
    """One minimum-age rule as a card, with its history."""
    row = _record(context.frames.age_policies, record_id)
    if row is None:
        return
    lang = context.lang
    with st.container(border=True):
        _card_title(row, lang)
        facts = [
            row[f"name_{lang}"],
            label("pstatus", row["status"], lang),
            f"{t('col.min_age', lang)}: {row['min_age'] if pd.notna(row['min_age']) else t('value.none', lang)}",
        ]
        facts += threshold_facts(row, lang)
        st.caption(" · ".join(md(fact) for fact in facts))
        st.markdown(md(row[f"summary_{lang}"]))
        _history(context, record_id)
        _flags(context, row)
        _notes(context, row, "enforcement")
        _notes(context, row)
        sources_list(context, "age_policies", record_id)


def _history(context: PageContext, record_id: str) -> None:
    history = context.frames.policy_history
    steps = history[history["policy_id"] == record_id]
    if steps.empty:
        return
    lang = context.lang
    lines = [
        f"- {md(fmt_date(step.date, step.date_precision, lang))}: "
        f"{md_link(label('pstatus', step.status, lang), step.source)}"
        for step in steps.itertuples()
    ]
    st.markdown("\n".join(lines))


def show_statistic(context: PageContext, record_id: str) -> None:
    """One published figure as a card: value, what it measures, method, caveats and sources."""
    row = _record(context.frames.statistics, record_id)
    if row is None:
        return
    lang = context.lang
    with st.container(border=True):
        # Not st.metric: it cuts long labels and values ("about 23,000 (one eve…") to one line.
        st.markdown(f"**{md(row[f'label_{lang}'])}**")
        st.subheader(md(row[f"display_{lang}"]), anchor=False)
        details = [
            row[f"population_{lang}"],
            row[f"period_{lang}"],
            f"{t('col.publisher', lang)}: {row['publisher']}",
            t(
                "stats.published",
                lang,
                date=fmt_date(row["published"], row["published_precision"], lang),
            ),
        ]
        if pd.notna(row["sample_size"]):
            details.append(t("stats.sample", lang, n=fmt_number(row["sample_size"], lang, 0)))
        st.caption(" · ".join(md(detail) for detail in details))
        st.markdown(md(row[f"methodology_{lang}"]))
        _flags(context, row)
        caveats = row.get(f"caveats_{lang}")
        if isinstance(caveats, str) and caveats:
            st.caption(f"{t('stats.caveats', lang)}: {md(caveats)}")
        sources_list(context, "statistics", record_id)
