"""Overview charts: the icon array and actions by month."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.charts import overview
from dashboard.charts.palette import VERMILLION
from dashboard.filters import Filters
from dashboard.frames import Frames
from dashboard.schema import LocalizedText, Moment
from tests.conftest import with_dataset_meta

ICONS, MONTHS = overview.CHARTS


def _people(fig) -> dict[str, int]:
    """Colour -> number of people (head markers) of that colour."""
    return {trace.marker.color: len(trace.x) for trace in fig.data if trace.meta == "person"}


# The icon array.


@pytest.mark.parametrize("which", ["fixture_frames", "real_frames"])
def test_icon_array_has_100_people_20_highlighted(which, request):
    frames = request.getfixturevalue(which)
    frame, fig, _ = ICONS.build(frames, Filters())
    record = frames.statistics.set_index("id").loc[frames.headline_figure]
    assert frame.iloc[0]["value"] == record["value"] == 20
    people = _people(fig)
    assert sum(people.values()) == 100
    assert people[VERMILLION] == 20
    # Every person sits on its own square of the 10 x 10 grid.
    spots = {
        (x, round(y - 0.2))
        for trace in fig.data
        if trace.meta == "person"
        for x, y in zip(trace.x, trace.y, strict=True)
    }
    assert len(spots) == 100


def test_icon_array_row_and_text(real_frames):
    frame, _, text = ICONS.build(real_frames, Filters())
    assert real_frames.headline_figure == "stc-es-ai-nudes-one-in-five-2025"
    record = real_frames.statistics.set_index("id").loc[real_frames.headline_figure]
    row = frame.iloc[0]
    assert row["label"] == record["label_en"]
    assert row["publisher"] == record["publisher"]
    assert row["source_url"] == record["source_url"]
    assert row["population"] == record["population_en"]
    assert text.source == f"Source: {record['publisher']}"
    assert record["label_en"] in text.subtitle and record["population_en"] in text.subtitle
    assert "100 people: 20 highlighted, 80 in grey" in text.alt
    assert record["publisher"] in text.alt and record["period_en"] in text.alt


def test_icon_array_ignores_filters(fixture_frames):
    frame = overview.one_in_five_data(fixture_frames, Filters(jurisdictions=("AUS",)))
    assert len(frame) == 1


def test_icon_array_in_spanish(fixture_frames):
    frame, fig, text = ICONS.build(fixture_frames, Filters(lang="es"))
    assert frame.iloc[0]["label"].startswith("Jóvenes en España")
    assert text.title == "Uno de cada cinco"
    assert text.subtitle.startswith("1 de cada 5 (20 %)")
    assert {trace.name for trace in fig.data} == {"20 de cada 100: sí", "80 de cada 100: no"}


def test_icon_array_draws_the_figure_the_editors_chose(real_frames):
    other = real_frames.statistics[
        (real_frames.statistics["unit"] == "percent")
        & (real_frames.statistics["id"] != real_frames.headline_figure)
    ].iloc[0]
    frames = with_dataset_meta(real_frames, "statistics.yaml", headline_figure=other["id"])
    frame, fig, _ = ICONS.build(frames, Filters())
    assert list(frame["id"]) == [other["id"]]
    assert _people(fig).get(VERMILLION, 0) == round(other["value"])


def test_icon_array_without_a_headline_figure(fixture_frames):
    frames = with_dataset_meta(fixture_frames, "statistics.yaml", headline_figure=None)
    frame, fig, text = ICONS.build(frames, Filters())
    assert frame.empty and not fig.data
    assert text.subtitle == "The survey figure this chart draws is not in the data."


# Actions by month.


def _window(frames: Frames) -> tuple[pd.Period, pd.Period]:
    end = pd.Timestamp(frames.coverage_end).to_period("M")
    return end - 23, end


@pytest.mark.parametrize("which", ["fixture_frames", "real_frames"])
def test_months_count_the_actions_of_the_last_24_months(which, request):
    frames = request.getfixturevalue(which)
    frame, fig, _ = MONTHS.build(frames, Filters())
    start, end = _window(frames)
    months = frames.actions["date"].dt.to_period("M")
    expected = months[(months >= start) & (months <= end)].value_counts()
    assert len(frame) == 24
    assert frame["total"].sum() == expected.sum()
    got = frame.set_index(frame["month"].dt.to_period("M"))["total"]
    assert (got[got > 0] == expected.reindex(got[got > 0].index)).all()
    stacked = sum(sum(trace.y) for trace in fig.data)
    assert stacked == expected.sum()


def test_months_show_the_january_2026_surge(real_frames):
    frame, fig, text = MONTHS.build(real_frames, Filters())
    january = (real_frames.actions["date"].dt.to_period("M") == "2026-01").sum()
    peak = frame.loc[frame["total"].idxmax()]
    assert peak["month"] == pd.Timestamp("2026-01-01") and peak["total"] == january
    assert text.subtitle.startswith(f"Jan 2026 was the busiest month, with {january} of the")
    assert [a.text for a in fig.layout.annotations] == ["Grok 'undressing' images reported"]
    marked = frame[frame["moment"] != ""]
    assert list(marked["month"]) == [pd.Timestamp("2026-01-01")]


def test_months_point_at_the_moment_the_editors_chose(fixture_frames):
    assert fixture_frames.overview_moment is None  # the fixture names none: no annotation
    frame, fig, _ = MONTHS.build(fixture_frames, Filters())
    assert not fig.layout.annotations and not frame["moment"].any()
    label = LocalizedText(en="<b>Irish</b> inquiry & co", es="Investigación irlandesa")
    moment = Moment(id="ie-dpc-grok-inquiry-2026-02-17", label=label)
    frames = with_dataset_meta(fixture_frames, "actions.yaml", overview_moment=moment)
    frame, fig, _ = MONTHS.build(frames, Filters())
    assert [a.text for a in fig.layout.annotations] == ["&lt;b&gt;Irish&lt;/b&gt; inquiry &amp; co"]
    assert list(frame.loc[frame["moment"] != "", "month"]) == [pd.Timestamp("2026-02-01")]
    _, fig, _ = MONTHS.build(frames, Filters(lang="es"))
    assert [a.text for a in fig.layout.annotations] == ["Investigación irlandesa"]


def test_months_follow_filters(real_frames):
    frame = overview.month_data(real_frames, Filters(jurisdictions=("ESP",)))
    start, end = _window(real_frames)
    spain = real_frames.actions[real_frames.actions["country"] == "ESP"]
    months = spain["date"].dt.to_period("M")
    assert frame["total"].sum() == ((months >= start) & (months <= end)).sum()


def test_months_in_spanish(real_frames):
    _, fig, text = MONTHS.build(real_frames, Filters(lang="es"))
    assert text.title == "Actuaciones por mes"
    assert text.subtitle.startswith("Ene 2026 fue el mes con más actuaciones")
    assert "Investigaciones" in {trace.name for trace in fig.data}


def test_months_empty(fixture_frames):
    frame, fig, text = MONTHS.build(fixture_frames, Filters(jurisdictions=("AUS",)))
    assert frame.empty and not fig.data
    assert text.subtitle == "Nothing matches the current filters."


def test_month_buckets_are_written_as_months_in_downloads(fixture_frames):
    from dashboard import datasets

    frame = overview.month_data(fixture_frames, Filters())
    written = datasets.export_frame(frame)["month"]
    assert written.str.fullmatch(r"\d{4}-\d{2}").all(), written.head().tolist()
