"""Figures as compact JSON for the static pages: the shared hover-text table gives back every label."""

from __future__ import annotations

import json

import pytest

from dashboard import data
from dashboard.charts.registry import all_charts
from dashboard.export.figure_json import SHARED_FIELDS, SHARED_KEY, pio_json, share_hover_text
from dashboard.filters import Filters
from tests.conftest import VALID_DATA


@pytest.fixture(scope="module")
def frames():
    return data.load(VALID_DATA).frames


def _expand(figure: dict) -> dict:
    """What chart.html does with the shared table before plotting (kept in step with it)."""
    table = figure.pop(SHARED_KEY)
    for trace in figure["data"]:
        for name, joiner in trace.pop(SHARED_FIELDS, {}).items():
            trace[name] = [
                table[value] if joiner is None else joiner.join(table[i] for i in value)
                for value in trace[name]
            ]
    return figure


@pytest.mark.parametrize("chart_id", ["timeline-actions", "timeline-platforms"])
def test_shared_hover_text_gives_back_every_label(frames, chart_id):
    figure = all_charts()[chart_id].build(frames, Filters())[1]
    original = json.loads(pio_json(figure))
    shared = share_hover_text(json.loads(pio_json(figure)))
    restored = _expand(shared)
    for before, after in zip(original["data"], restored["data"], strict=True):
        for name in ("hovertext", "x", "y", "text"):
            assert before.get(name) == after.get(name), name
