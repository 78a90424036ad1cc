"""The comparable-groups chart: one panel per group, its own values, its own axis, in date order."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from dashboard import data
from dashboard.charts import stats
from dashboard.charts.registry import get_chart
from dashboard.filters import Filters
from tests.conftest import REAL_DATA, VALID_DATA


@pytest.fixture(scope="module", params=[VALID_DATA, REAL_DATA], ids=["fixture", "real"])
def frames(request):
    result = data.load(request.param, use_snapshot=False)
    assert result.ok, result.problems
    return result.frames


def _panels(figure) -> list[dict]:
    """Each bar trace with the y axis it is drawn on (legend keys left out)."""
    return [trace for trace in figure.data if trace.customdata is not None]


def test_one_row_per_member_of_a_comparable_group(frames):
    frame = stats.data(frames, Filters())
    grouped = frames.statistics[frames.statistics["comparable_group"].notna()]
    assert sorted(frame["id"]) == sorted(grouped["id"])
    assert list(frame.columns) == stats.COLUMNS


def test_one_panel_per_group_with_the_groups_values(frames):
    frame = stats.data(frames, Filters())
    figure = stats.figure(frame, Filters())
    panels = _panels(figure)
    assert len(panels) == frame["group"].nunique()
    assert len({trace.yaxis for trace in panels}) == len(panels)  # never two groups on one axis
    for trace in panels:
        members = frame[frame["id"].isin(trace.customdata)]
        assert members["group"].nunique() == 1
        assert list(trace.y) == members["value"].tolist()
        assert members["unit"].nunique() == 1


def test_each_panel_follows_the_published_order(frames):
    frame = stats.data(frames, Filters())
    published = frame.set_index("id")["published"]
    for trace in _panels(stats.figure(frame, Filters())):
        dates = [published[record_id] for record_id in trace.customdata]
        assert dates == sorted(dates)


def test_ties_on_published_keep_the_files_order():
    frames = data.load(REAL_DATA, use_snapshot=False).frames
    frame = stats.data(frames, Filters())
    korea = frame[frame["group"] == "knpa-kr-deepfake-reports-annual"]
    assert korea["period"].tolist() == [
        "Calendar year 2021",
        "Calendar year 2022",
        "Calendar year 2023",
    ]


def test_unverified_figures_are_marked_and_lighter(frames):
    frame = stats.data(frames, Filters()).copy()
    frame.loc[0, "verified"] = False
    figure = stats.figure(frame, Filters())
    first = next(trace for trace in _panels(figure) if frame.loc[0, "id"] in trace.customdata)
    position = list(first.customdata).index(frame.loc[0, "id"])
    assert first.text[position].startswith("⚠")
    assert first.marker.color[position] == stats.UNVERIFIED_COLOUR


def test_filters_narrow_the_chart():
    frames = data.load(REAL_DATA, use_snapshot=False).frames
    frame = stats.data(frames, Filters(jurisdictions=("KOR",)))
    assert set(frame["group"]) == {
        "kcsc-kr-sexual-deepfake-reviews-annual",
        "knpa-kr-deepfake-reports-annual",
    }
    assert stats.data(frames, Filters(topics=("age_verification",))).empty


def test_text_states_the_steepest_rise_and_lists_every_value():
    frames = data.load(REAL_DATA, use_snapshot=False).frames
    frame = stats.data(frames, Filters())
    text = stats.text(frame, Filters())
    count = frame["group"].nunique()
    assert text.subtitle.startswith(f"{count} series")
    # IWF half-year videos: 2 -> 1,286 is the largest relative rise in the data.
    assert "from 2 (January to June 2024) to 1,286 (January to June 2025)" in text.subtitle
    assert "7,187 (Calendar year 2023)" in text.alt
    assert "20.3% (Snapchat), 21.2% (TikTok)" in text.alt
    assert text.source.startswith("Source: ")


def test_spanish():
    frames = data.load(REAL_DATA, use_snapshot=False).frames
    spanish = Filters(lang="es")
    frame = stats.data(frames, spanish)
    text = stats.text(frame, spanish)
    assert text.title == "Cifras comparables, un panel por serie"
    assert "de 2 (De enero a junio de 2024) a 1.286 (De enero a junio de 2025)" in text.subtitle
    assert "Vídeos de abuso sexual infantil" in text.subtitle
    assert stats.figure(frame, spanish).layout.separators == ",."


def test_fixture_text_and_empty_view():
    frames = data.load(VALID_DATA, use_snapshot=False).frames
    frame = stats.data(frames, Filters())
    text = stats.text(frame, Filters())
    assert text.subtitle.startswith("1 series")
    assert "20% (recall of childhood)" in text.alt
    empty = stats.data(frames, Filters(topics=("age_ban",)))
    assert stats.text(empty, Filters()).subtitle == "Nothing matches the current filters."
    assert not stats.figure(empty, Filters()).data


def test_data_text_is_escaped_in_hover_and_titles():
    frames = data.load(VALID_DATA, use_snapshot=False).frames
    frame = stats.data(frames, Filters()).copy()
    frame["label"] = "<script>x</script> figure"
    figure = stats.figure(frame, Filters())
    hover = " ".join(_panels(figure)[0].hovertext)
    assert "<script>" not in hover and "&lt;script&gt;" in hover
    assert all("<script>" not in note.text for note in figure.layout.annotations)


def test_panel_titles_and_ticks_tell_members_apart():
    labels = ["Teens still on Snapchat after the ban", "Teens still on TikTok after the ban"]
    assert stats.panel_title(labels) == "Teens still on … after the ban"
    assert stats.panel_title(["Same", "Same"]) == "Same"


SVG = "{http://www.w3.org/2000/svg}"


def test_registered():
    chart = get_chart("stats-comparable-groups")
    assert chart is not None and chart.page == "statistics"


def test_small_multiples_one_per_series_of_two_points_or_more(frames):
    chart = get_chart("stats-comparable-groups")
    frame = stats.data(frames, Filters())
    panels = chart.small_multiples(frames, Filters())
    sizes = frame.groupby("group").size()
    assert len(panels) == int((sizes >= 2).sum())
    for panel in panels:
        members = frame[frame["group"] == panel.key]
        assert len(members) >= 2
        svg = ElementTree.fromstring(panel.svg)
        bars = svg.findall(f"{SVG}g/{SVG}rect")
        assert len(bars) == len(members)
        # Heights in proportion to the values, the largest filling the plot's height.
        heights = [float(bar.get("height")) for bar in bars]
        top = members["value"].max()
        for height, value in zip(heights, members["value"], strict=True):
            assert height == pytest.approx(value / top * max(heights), abs=0.1)
        assert panel.caption == members.iloc[0]["publisher"]
        assert svg.get("aria-label").startswith(panel.title + ": ")
        titles = [g.find(f"{SVG}title").text for g in svg.findall(f"{SVG}g")]
        assert titles[0].split("\n")[:2] == [members.iloc[0]["label"], members.iloc[0]["display"]]
    # Charts without small multiples give none.
    timeline = get_chart("timeline-actions")
    assert timeline.small_multiples(frames, Filters()) == []
