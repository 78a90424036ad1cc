"""Dark variants of the charts: what changes, and that the exported page's patch matches."""

from __future__ import annotations

import pytest

from dashboard import data, themes
from dashboard.charts.palette import INK
from dashboard.charts.registry import all_charts
from dashboard.filters import Filters
from tests.conftest import VALID_DATA, with_dataset_meta

PLOTLY_CHARTS = [chart_id for chart_id, chart in all_charts().items() if chart.kind == "plotly"]


@pytest.fixture(scope="module")
def frames():
    return data.load(VALID_DATA).frames


def _ink_anywhere(node, inside_text=False) -> list:
    """Ink-coloured marks (not text drawn on a light bar) left in a figure dict."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            text = inside_text or key in ("textfont", "insidetextfont")
            if key in ("color", "fgcolor") and value == INK and not text:
                found.append(key)
            found += _ink_anywhere(value, text)
    elif isinstance(node, list):
        for value in node:
            found += _ink_anywhere(value, inside_text)
    return found


@pytest.mark.parametrize("chart_id", PLOTLY_CHARTS)
def test_dark_figures_have_light_text_and_no_ink_marks(frames, chart_id):
    figure = all_charts()[chart_id].build(frames, Filters())[1]
    dark = themes.themed_figure(figure, "dark").to_plotly_json()
    assert dark["layout"]["font"]["color"] == themes.DARK_TEXT
    assert _ink_anywhere(dark["data"]) == []
    for note in dark["layout"].get("annotations", []):
        assert not str(note.get("bgcolor", "")).startswith("rgba(255,255,255")
    # Light is the figure as built.
    assert themes.themed_figure(figure, "light") is figure


def test_timeline_range_buttons_turn_dark(frames):
    figure = all_charts()["timeline-actions"].build(frames, Filters())[1]
    dark = themes.themed_figure(figure, "dark").to_plotly_json()
    buttons = dark["layout"]["xaxis"]["rangeselector"]
    assert buttons["font"]["color"] == themes.DARK_TEXT
    assert buttons["bgcolor"] == themes.RANGE_BUTTONS["bgcolor"]


def test_apply_patch_creates_missing_branches_and_leaves_the_original():
    original = {"layout": {}, "data": [{"marker": {"color": INK}}]}
    patched = themes.apply_patch(original, themes.dark_patch(original))
    assert patched["data"][0]["marker"]["color"] == themes.DARK_TEXT
    assert patched["layout"]["font"]["color"] == themes.DARK_TEXT
    assert original == {"layout": {}, "data": [{"marker": {"color": INK}}]}


def test_page_colours_keep_aa_contrast():
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colours in themes.PAGE.values():
        for role in ("text", "muted", "link"):
            pair = sorted((luminance(colours[role]), luminance(colours["bg"])), reverse=True)
            assert (pair[0] + 0.05) / (pair[1] + 0.05) >= 4.5, (role, colours)


def test_embeds_have_no_range_buttons(frames):
    figure = all_charts()["timeline-actions"].build(frames, Filters())[1]
    for theme in ("light", "dark"):
        embedded = themes.embed_figure(figure, theme).to_plotly_json()
        assert embedded["layout"]["xaxis"]["rangeselector"]["visible"] is False
    # The dashboard's own figure keeps them.
    assert figure.layout.xaxis.rangeselector.visible is not False


def test_embedded_timelines_keep_their_dates_in_range(frames):
    """Not widened to fit annotation text (Streamlit's plotly.js does that in narrow columns)."""
    import pandas as pd

    from dashboard.schema import Moment

    first = frames.actions["id"].iloc[0]
    moment = Moment(id=first, label={"en": "A moment", "es": "Un momento"})
    frames = with_dataset_meta(frames, "actions.yaml", key_moments=[moment])
    figure = all_charts()["timeline-actions"].build(frames, Filters())[1]
    assert figure.layout.annotations, "the case this test is about: a timeline with annotations"
    axis = themes.embed_figure(figure, "light").to_plotly_json()["layout"]["xaxis"]
    low, high = (pd.Timestamp(value) for value in axis["range"])
    dates = pd.to_datetime(frames.actions["date"]).dropna()
    assert low < dates.min() and high > dates.max()
    assert high - dates.max() < pd.Timedelta(days=120)
