"""The overview's headline numbers: recent actions, rules in force, open probes, newest actions."""

from __future__ import annotations

import pandas as pd

from dashboard import summaries
from dashboard.filters import Filters


def test_recent_actions_count_back_from_the_coverage_date(real_frames):
    end = pd.Timestamp(real_frames.coverage_end)
    dates = real_frames.actions["date"]
    expected = ((dates > end - pd.DateOffset(months=12)) & (dates <= end)).sum()
    assert len(summaries.recent_actions(real_frames, Filters())) == expected


def test_rule_counts_follow_the_jurisdiction_filter(fixture_frames):
    everywhere = summaries.rule_counts(fixture_frames, Filters())
    assert everywhere["ban"].countries == ("AUS",)  # Spain's ban is announced, Florida's blocked
    assert everywhere["consent"].count == 0
    spain = summaries.rule_counts(fixture_frames, Filters(jurisdictions=("ESP",)))
    assert spain["ban"].count == 0


def test_platforms_under_investigation(fixture_frames, real_frames):
    fixture = summaries.platforms_under_investigation(fixture_frames, Filters())
    assert set(fixture["name"]) == {"Grok", "X"}  # the Irish inquiry; the referral is no probe
    actions = real_frames.actions
    probes = actions[
        actions["type"].isin(["investigation", "formal_proceedings"])
        & (actions["status"] == "ongoing")
    ]
    expected = {pid for ids in probes["platforms"] for pid in ids}
    real = summaries.platforms_under_investigation(real_frames, Filters())
    assert set(real["platform"]) == expected
    only_x = summaries.platforms_under_investigation(real_frames, Filters(platforms=("x",)))
    assert list(only_x["platform"]) == (["x"] if "x" in expected else [])


def test_latest_actions_are_newest_first(real_frames):
    latest = summaries.latest_actions(real_frames, Filters(), 8)
    assert len(latest) == 8
    assert latest["date"].is_monotonic_decreasing
    assert latest["date"].iloc[-1] >= real_frames.actions["date"].nlargest(8).iloc[-1]
