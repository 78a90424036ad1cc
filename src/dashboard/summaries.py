"""The overview's headline numbers: actions in the last 12 months, rules in force, open probes
and the newest actions (pure, so tests check them without a browser)."""

from __future__ import annotations

import pandas as pd

from dashboard.counts import KindCount, headline_counts
from dashboard.filters import Filters, filter_actions, filter_policies
from dashboard.frames import Frames
from dashboard.memo import per_data_version

FORMAL_TYPES = ("investigation", "formal_proceedings")


def recent_window(frames: Frames) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The 12 months up to the coverage date: events past it were not searched for."""
    end = pd.Timestamp(frames.coverage_end)
    return end - pd.DateOffset(months=12), end


@per_data_version
def recent_actions(frames: Frames, filters: Filters) -> pd.DataFrame:
    """Actions the filters keep that fall in the 12 months up to the coverage date."""
    actions = filter_actions(frames.actions, filters)
    start, end = recent_window(frames)
    return actions[(actions["date"] > start) & (actions["date"] <= end)]


@per_data_version
def rule_counts(frames: Frames, filters: Filters) -> dict[str, KindCount]:
    """Where each kind of age rule is in force, under the reader's jurisdiction filter."""
    return headline_counts(filter_policies(frames.age_policies, filters))


@per_data_version
def formal_probes(frames: Frames, filters: Filters) -> pd.DataFrame:
    """Ongoing investigations and formal proceedings that name a platform the filters keep."""
    actions = filter_actions(frames.actions, filters)
    probes = actions[actions["type"].isin(FORMAL_TYPES) & (actions["status"] == "ongoing")]
    wanted = set(filters.platforms)
    names_one = probes["platforms"].map(
        lambda ids: bool(set(ids) & wanted) if wanted else bool(ids)
    )
    return probes[names_one]


@per_data_version
def platforms_under_investigation(frames: Frames, filters: Filters) -> pd.DataFrame:
    """Platforms named by ongoing investigations or formal proceedings (id, name, actions)."""
    pairs = formal_probes(frames, filters)[["id", "platforms"]].explode("platforms").dropna()
    if filters.platforms:
        pairs = pairs[pairs["platforms"].isin(filters.platforms)]
    names = frames.platform_names
    counts = pairs.groupby("platforms").agg(actions=("id", "nunique"))
    counts = counts.rename_axis("platform").reset_index()
    counts["name"] = counts["platform"].map(lambda pid: names.get(pid, pid))
    return counts.sort_values(["actions", "name"], ascending=[False, True]).reset_index(drop=True)


@per_data_version
def latest_actions(frames: Frames, filters: Filters, count: int = 8) -> pd.DataFrame:
    """The newest actions the filters keep, newest first."""
    actions = filter_actions(frames.actions, filters)
    return actions.sort_values(["date", "id"], ascending=[False, True]).head(count)
