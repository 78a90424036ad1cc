"""The tables pages show readers (rules, sources, corrections), built once per data version
and view: pure functions of the frames, so they are unit-tested without Streamlit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import pyarrow as pa

from dashboard.datasets import iso_dates
from dashboard.filters import Filters, filter_policies
from dashboard.frames import Frames
from dashboard.i18n import fmt_date, label, t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.memo import per_data_version


@per_data_version
def rules_table(frames: Frames, filters: Filters) -> pd.DataFrame:
    """Every minimum-age rule in the jurisdictions chosen, one row each (the compare page)."""
    lang = filters.lang
    policies = filter_policies(frames.age_policies, filters)
    mark = t("chart.unverified_mark", lang)
    # A list, not Series.map: mapping an empty bool column keeps it bool, and "" + text fails.
    flags = ["" if ok else f"{mark} " for ok in policies["verified"]]
    table = pd.DataFrame(
        {
            "jurisdiction": policies["jurisdiction"].map(lambda c: jurisdiction_name(c, lang)),
            "rule": [
                flag + name for flag, name in zip(flags, policies[f"name_{lang}"], strict=True)
            ],
            "status": policies["status"].astype(str).map(lambda s: label("pstatus", s, lang)),
            "min_age": policies["min_age"],
            "consent_below": policies["parental_consent_below"],
            "ban_below": policies["absolute_ban_below"],
            # ISO text at its precision (`2024-07` for a month): sorts in order, invents no day.
            "effective": iso_dates(policies, "effective"),
            "publisher": policies["source_publisher"],
            "source": policies["source_url"],
            "verified": policies["verified"],
        }
    )
    return table.sort_values(["jurisdiction", "rule"], kind="stable").reset_index(drop=True)


@per_data_version
def sources_table(frames: Frames, lang: str) -> pd.DataFrame:
    """Every source of every record, with its date as readers read it and its kind named."""
    sources = frames.sources.sort_values(["dataset", "record_id", "position"])
    return pd.DataFrame(
        {
            "dataset": sources["dataset"],
            "record": sources["record_id"],
            "publisher": sources["publisher"],
            "url": sources["url"],
            "published": [
                fmt_date(value, precision, lang)
                for value, precision in zip(
                    sources["published"], sources["published_precision"], strict=True
                )
            ],
            "kind": sources["kind"].map(
                lambda kind: label("data.skind", kind, lang) if kind else ""
            ),
        }
    )


@per_data_version
def corrections_table(frames: Frames, lang: str) -> pd.DataFrame:
    """The corrections log, newest first, with headers in the reader's language."""
    corrections = frames.corrections.sort_values("date", ascending=False)
    return pd.DataFrame(
        {
            t("col.date", lang): [fmt_date(value, "day", lang) for value in corrections["date"]],
            t("data.col.dataset", lang): corrections["dataset"],
            t("data.col.record", lang): corrections["record"],
            t("data.col.what_changed", lang): corrections[f"what_changed_{lang}"],
            t("data.col.reason", lang): corrections[f"reason_{lang}"],
        }
    )


@per_data_version
def as_arrow(frames: Frames, table: Callable[..., pd.DataFrame], *view: Any) -> pa.Table:
    """A page table (`table(frames, *view)`, one of the above) as Arrow, converted once per
    data version and view. st.dataframe converts a pandas frame for every session (pyarrow with
    a thread pool each time: the data page's largest cost under load); given Arrow, it only
    serialises it. The same conversion as Streamlit's own (`pa.Table.from_pandas`, index kept in
    the metadata)."""
    return pa.Table.from_pandas(table(frames, *view))
