"""Compare charts: minimum ages, actions per platform and the platform x jurisdiction grid."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.charts import compare
from dashboard.charts.palette import POLICY_STATUS_COLOURS, TYPE_GROUP_OF
from dashboard.counts import PROGRESS_RANK
from dashboard.filters import Filters
from dashboard.i18n import label


def _bars(fig) -> dict[str, tuple[float, str]]:
    """Bar label -> (length, colour) over the status traces."""
    bars = {}
    for trace in fig.data:
        if trace.type == "bar" and trace.customdata is not None:
            for x, y in zip(trace.x, trace.y, strict=True):
                bars[y] = (x, trace.marker.color)
    return bars


# Minimum ages.


def test_fixture_ages_one_bar_per_jurisdiction(fixture_frames):
    frame, fig, _ = compare.CHARTS[0].build(fixture_frames, Filters())
    assert list(frame["jurisdiction"]) == ["US-FL", "AUS", "ESP"]  # by age, then name
    bars = _bars(fig)
    assert bars["Australia"] == (16, POLICY_STATUS_COLOURS["in_force"])
    assert bars["Spain"] == (16, POLICY_STATUS_COLOURS["announced"])
    assert bars["Florida (United States)"] == (14, POLICY_STATUS_COLOURS["blocked_by_court"])


def test_ban_hatching_and_consent_markers(fixture_frames):
    _, fig, _ = compare.CHARTS[0].build(fixture_frames, Filters())
    hatch = next(tr for tr in fig.data if tr.type == "bar" and tr.marker.pattern.shape == "/")
    assert dict(zip(hatch.y, hatch.x, strict=True)) == {"Australia": 16}
    diamonds = next(tr for tr in fig.data if tr.type == "scatter")
    assert diamonds.marker.symbol == "diamond-open"
    assert dict(zip(diamonds.y, diamonds.x, strict=True)) == {"Florida (United States)": 16}


def test_real_ages_pick_the_most_advanced_rule(real_frames):
    frame = compare.min_age_data(real_frames, Filters())
    assert frame["jurisdiction"].is_unique
    policies = real_frames.age_policies[real_frames.age_policies["min_age"].notna()]
    assert set(frame["jurisdiction"]) == set(policies["jurisdiction"])
    for row in frame.itertuples():
        others = policies[policies["jurisdiction"] == row.jurisdiction]
        best = others["status"].astype(str).map(PROGRESS_RANK).min()
        assert PROGRESS_RANK[row.status] == best, row.jurisdiction
    bars = _bars(compare.min_age_figure(frame, Filters()))
    assert bars["Australia"] == (16, POLICY_STATUS_COLOURS["in_force"])
    # Spain has an announced ban and a bill in parliament: the bill is further along.
    assert frame.set_index("jurisdiction").loc["ESP", "status"] == "in_parliament"


def test_real_ages_sorted_by_age_then_name(real_frames):
    frame = compare.min_age_data(real_frames, Filters())
    keys = list(zip(frame["min_age"], frame["jurisdiction_name"], strict=True))
    assert keys == sorted(keys)


def test_age_text_states_the_mode(real_frames):
    frame, _, text = compare.CHARTS[0].build(real_frames, Filters())
    counts = frame["min_age"].value_counts()
    mode = int(counts.idxmax())
    assert text.subtitle.startswith(f"{mode} is the most common threshold")
    assert f"({int(counts.max())} of {len(frame)} jurisdictions)" in text.subtitle
    live = frame[frame["status"] == "in_force"]
    bans, consent = int((live["kind"] == "ban").sum()), int((live["kind"] == "consent").sum())
    other = len(live) - bans - consent
    assert (
        f"In force: a ban in {bans}, a parental-consent rule in {consent}, "
        f"other limits or guidance in {other}." in text.subtitle
    )
    assert set(frame["kind_label"]) <= {
        "Ban",
        "Parental consent",
        "Limits on features",
        "Age checks",
        "Guidance (non-binding)",
    }
    assert f"in {len(frame)} jurisdictions" in text.alt


def test_unverified_rules_are_flagged(fixture_frames):
    policies = fixture_frames.age_policies.copy()
    policies.loc[policies["jurisdiction"] == "ESP", "verified"] = False
    frames = fixture_frames.altered(age_policies=policies)
    _, fig, _ = compare.CHARTS[0].build(frames, Filters())
    assert "Spain ⚠" in _bars(fig)


def test_age_jurisdiction_filter(fixture_frames):
    frame = compare.min_age_data(fixture_frames, Filters(jurisdictions=("USA",)))
    assert list(frame["jurisdiction"]) == ["US-FL"]


def test_ages_in_spanish(fixture_frames):
    _, fig, text = compare.CHARTS[0].build(fixture_frames, Filters(lang="es"))
    names = {trace.name for trace in fig.data}
    assert {"En vigor", "Anunciada", "Bloqueada por un tribunal"} <= names
    assert "Australia" in _bars(fig) and "España" in _bars(fig)
    assert text.title == "Edad mínima para usar redes sociales, por jurisdicción"


# Actions per platform.


def _platform_totals(fig) -> dict[str, float]:
    totals: dict[str, float] = {}
    for trace in fig.data:
        for x, y in zip(trace.x, trace.y, strict=True):
            totals[y] = totals.get(y, 0) + x
    return totals


@pytest.mark.parametrize("which", ["fixture_frames", "real_frames"])
def test_platform_totals_equal_action_platform_pairs(which, request):
    frames = request.getfixturevalue(which)
    _, fig, _ = compare.CHARTS[1].build(frames, Filters())
    names = dict(zip(frames.platforms["id"], frames.platforms["name"], strict=True))
    expected = frames.action_platforms["platform"].map(names).value_counts().to_dict()
    assert _platform_totals(fig) == expected


def test_platform_bars_sorted_by_total(real_frames):
    _, fig, _ = compare.CHARTS[1].build(real_frames, Filters())
    order = list(fig.layout.yaxis.categoryarray)[::-1]  # top first
    totals = _platform_totals(fig)
    assert [totals[name] for name in order] == sorted(totals.values(), reverse=True)


def test_platform_stacks_by_type_group(fixture_frames):
    frame = compare.platform_data(fixture_frames, Filters())
    x = frame.set_index(["platform", "type_group"])["actions"]
    assert x[("x", "justice")] == 1 and x[("x", "inquiry")] == 1
    _, fig, text = compare.CHARTS[1].build(fixture_frames, Filters(lang="es"))
    assert {trace.name for trace in fig.data} == {
        label("typegroup", "inquiry", "es"),
        label("typegroup", "justice", "es"),
    }
    assert text.subtitle.startswith("X es la plataforma citada en más actuaciones (2)")


def test_platform_filters(real_frames):
    spain = compare.platform_data(real_frames, Filters(jurisdictions=("ESP",)))
    ids = real_frames.actions.loc[real_frames.actions["country"] == "ESP", "id"]
    pairs = real_frames.action_platforms[real_frames.action_platforms["action_id"].isin(ids)]
    assert spain["actions"].sum() == len(pairs)
    only_x = compare.platform_data(real_frames, Filters(platforms=("x",)))
    assert set(only_x["platform"]) == {"x"}
    assert only_x["actions"].sum() == (real_frames.action_platforms["platform"] == "x").sum()


def test_platform_names_are_escaped_in_hover(fixture_frames):
    platforms = fixture_frames.platforms.copy()
    platforms.loc[platforms["id"] == "x", "name"] = "<b>X</b>"
    frames = fixture_frames.altered(platforms=platforms)
    _, fig, _ = compare.CHARTS[1].build(frames, Filters())
    hovers = [text for trace in fig.data for text in trace.hovertext]
    assert any("&lt;b&gt;X&lt;/b&gt;" in text for text in hovers)
    assert not any("<b><b>X" in text for text in hovers)
    assert "&lt;b&gt;X&lt;/b&gt;" in fig.data[0].y  # the axis label too
    _, grid, _ = compare.CHARTS[2].build(frames, Filters())
    assert "&lt;b&gt;X&lt;/b&gt;" in grid.data[0].y


def test_empty_platform_charts(fixture_frames):
    filters = Filters(jurisdictions=("AUS",))
    for chart in compare.CHARTS[1:]:
        frame, fig, text = chart.build(fixture_frames, filters)
        assert frame.empty and not fig.data
        assert text.subtitle == "Nothing matches the current filters."


# The grid.


def _grid_sum(fig) -> float:
    return float(np.nansum(np.array(fig.data[0].z, dtype=float)))


@pytest.mark.parametrize("which", ["fixture_frames", "real_frames"])
def test_grid_cells_sum_to_the_pairs_shown(which, request):
    frames = request.getfixturevalue(which)
    frame, fig, _ = compare.CHARTS[2].build(frames, Filters())
    shown = frame[frame["shown"]]
    assert _grid_sum(fig) == shown["actions"].sum()
    assert frame["actions"].sum() == len(frames.action_platforms)
    assert len(fig.data[0].y) <= compare.TOP_PLATFORMS
    assert len(fig.data[0].x) <= compare.TOP_JURISDICTIONS
    z = np.array(fig.data[0].z, dtype=float)
    assert not (z == 0).any()  # zero cells are blank (NaN), not 0


def test_grid_fixture_cells(fixture_frames):
    frame, fig, text = compare.CHARTS[2].build(fixture_frames, Filters())
    assert set(fig.data[0].x) == {"Spain", "Ireland"}
    assert set(fig.data[0].y) == {"X", "Meta", "TikTok", "Grok"}
    assert np.isnan(np.array(fig.data[0].z, dtype=float)).sum() == 8 - 5
    assert "Shown:" not in text.subtitle  # nothing was cut


def test_grid_says_when_cut(real_frames):
    frame, _, text = compare.CHARTS[2].build(real_frames, Filters())
    platforms, places = frame["platform"].nunique(), frame["jurisdiction"].nunique()
    if platforms > compare.TOP_PLATFORMS or places > compare.TOP_JURISDICTIONS:
        assert f"of {platforms})" in text.subtitle and f"of {places})" in text.subtitle
    spread = frame.groupby("platform_name")["jurisdiction"].nunique()
    assert f"({spread.max()})" in text.subtitle


def test_grid_counts_per_cell_match_pairs(real_frames):
    frame = compare.grid_data(real_frames, Filters())
    pairs = real_frames.action_platforms.groupby(["platform", "jurisdiction"]).size()
    got = frame.set_index(["platform", "jurisdiction"])["actions"]
    pd.testing.assert_series_equal(
        got.sort_index(), pairs.sort_index(), check_names=False, check_dtype=False
    )


def test_type_groups_cover_every_type(real_frames):
    assert real_frames.actions["type"].astype(str).map(TYPE_GROUP_OF).notna().all()
