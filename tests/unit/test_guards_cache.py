"""Guard on the chart cache: a build is cached per combination of only the filters a chart reads.

Named after what it guards (issue 15); see the README's "What is guarded" and bench/bench_memory.py.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from dashboard import data
from dashboard.charts.registry import FILTER_FIELDS, FILTERS_READ, all_charts, view_filters
from dashboard.filters import Filters
from tests.conftest import REAL_DATA, VALID_DATA

# A value for each filter that narrows the real data.
NARROWING = {
    "start": date(2025, 6, 1),
    "end": date(2026, 1, 31),
    "jurisdictions": ("AUS", "ESP"),
    "platforms": ("x",),
    "topics": ("deepfakes",),
}


def _signature(chart, frames, filters):
    frame, figure, text = chart.build(frames, filters)
    drawn = figure.to_json() if hasattr(figure, "to_json") else repr(figure)
    return frame.to_json(date_format="iso"), json.loads(drawn), text


@pytest.mark.parametrize("folder", [REAL_DATA, VALID_DATA], ids=["real", "fixture"])
@pytest.mark.parametrize("chart_id", sorted(FILTERS_READ))
def test_charts_cached_across_filters_really_ignore_them(chart_id, folder):
    frames = data.load(folder).frames
    chart = all_charts()[chart_id]
    for lang in ("en", "es"):
        base = _signature(chart, frames, Filters(lang=lang))
        for name in set(FILTER_FIELDS) - set(FILTERS_READ[chart_id]):
            varied = Filters(lang=lang, **{name: NARROWING[name]})
            assert _signature(chart, frames, varied) == base, f"{chart_id} reads {name}"


def test_a_filter_independent_chart_has_one_cache_key_for_every_date_range():
    views = {
        repr(view_filters("overview-one-in-five", Filters(start=date(2024, 1, day))))
        for day in range(1, 29)
    }
    assert len(views) == 1
    assert view_filters(
        "compare-min-ages", Filters(jurisdictions=("ESP",), topics=("ai_csam",))
    ) == (Filters(jurisdictions=("ESP",)))
    assert view_filters("timeline-actions", Filters(start=date(2024, 1, 1))) == Filters(
        start=date(2024, 1, 1)
    )
    assert all(chart_id in all_charts() for chart_id in FILTERS_READ)
