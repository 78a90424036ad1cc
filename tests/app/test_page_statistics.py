"""Statistics page: cards newest first, page-level topic and geography choices, the series chart."""

from __future__ import annotations

import html
import json
import re
from xml.etree import ElementTree

from dashboard import data
from tests.app.conftest import REAL_DATA, VALID_DATA, card_html

CHART_TITLES = {
    "Comparable figures, one panel per series",
    "Cifras comparables, un panel por serie",
    "Series that can be compared",
    "Series comparables",
    "What surveys found: shares of the people asked",
    "Lo que hallaron las encuestas: porcentaje de las personas consultadas",
    "Every figure, with its method",
    "Todas las cifras, con su método",
}

SVG = "{http://www.w3.org/2000/svg}"


def _cards(app) -> list[str]:
    """The cards' display values (each card shows its figure in large type), unescaped."""
    return [html.unescape(v) for v in re.findall(r'<p class="rc-figure">(.*?)</p>', card_html(app))]


def _figures(app) -> list[dict]:
    charts = app.get("plotly_chart")
    assert charts, "no plotly chart on the page"
    return [json.loads(chart.proto.spec) for chart in charts]


def _subheaders(app) -> list[str]:
    return [s.value.replace("\\", "") for s in app.subheader]


def _count_line(app) -> str:
    return next(
        c.value for c in app.caption if "figures shown" in c.value or "Se muestran" in c.value
    )


def test_renders_every_figure_newest_first(run_page):
    app = run_page("statistics", data=VALID_DATA)
    assert app.header[0].value == "Published figures"
    assert _cards(app) == ["1 in 5 (20%)", "67,000"]  # 8 Jul 2025 before Apr 2025
    headings = _subheaders(app)
    # Charts first: the series, the survey shares, then the cards.
    assert (
        headings.index("Series that can be compared")
        < headings.index("What surveys found: shares of the people asked")
        < headings.index("Every figure, with its method")
    )
    survey = [f for f in _figures(app) if f["data"][0].get("orientation") == "h"]
    assert survey[0]["data"][0]["customdata"] == ["stc-es-ai-nudes-one-in-five-2025"]
    assert _count_line(app) == "2 of 2 figures shown."


def _small_charts(app) -> ElementTree.Element:
    """The small multiples: one markdown block of SVG charts, parsed."""
    blocks = [m.value for m in app.markdown if m.value.startswith('<div class="small-charts">')]
    assert len(blocks) == 1, "the small charts are one element"
    return ElementTree.fromstring(blocks[0])


def test_small_charts_one_per_series_with_years_across(run_page):
    app = run_page("statistics")
    charts = _small_charts(app).findall("figure")
    assert len(charts) >= 5
    assert not [f for f in _figures(app) if f["layout"].get("height") == 230]  # no plotly copies
    years = {}
    for chart in charts:
        svg = chart.find(f"{SVG}svg")
        assert len(svg.findall(f"{SVG}g/{SVG}rect")) >= 2
        labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "sb-label"]
        values = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "sb-value"]
        years[tuple(values)] = labels
    assert years[("4,700", "67,000")] == ["2023", "2024"]  # NCMEC's generative-AI reports


def test_small_charts_in_spanish(run_page):
    app = run_page("statistics", lang="es")
    figure = _small_charts(app).find("figure")
    svg = figure.find(f"{SVG}svg")
    assert figure.find("figcaption/strong").text in svg.get("aria-label")
    details = svg.find(f"{SVG}g/{SVG}title").text
    assert "\nPublicada: " in details, details


def test_topic_in_the_url_narrows_the_cards_as_the_data_says(run_page):
    statistics = data.load(REAL_DATA, use_snapshot=False).frames.statistics
    expected = int((statistics["topic"] == "deepfakes").sum())
    app = run_page("statistics", topic="deepfakes")
    assert expected > 24
    assert len(_cards(app)) == 24  # the newest first; the rest on request
    total = len(statistics)
    assert _count_line(app).startswith(f"24 of {total} figures shown. {expected} match")
    assert app.selectbox(key="stats_topic").value == "deepfakes"
    assert not app.warning
    app.toggle(key="all-statistics").set_value(True).run()
    assert len(_cards(app)) == expected
    assert _count_line(app) == f"{expected} of {total} figures shown."


def test_choosing_a_geography_narrows_cards_and_chart(run_page):
    app = run_page("statistics", data=VALID_DATA)
    app.selectbox(key="stats_geo").set_value("USA").run()
    assert not app.exception
    assert len(_cards(app)) == 1
    assert app.query_params["geo"] == "USA"
    assert any(info.value == "Nothing matches the current filters." for info in app.info)


def test_an_invalid_topic_gives_a_notice_and_the_default(run_page):
    app = run_page("statistics", data=VALID_DATA, topic="zzz")
    assert any("“zzz”" in warning.value for warning in app.warning)
    assert app.selectbox(key="stats_topic").value == ""
    assert len(_cards(app)) == 2


def test_spanish(run_page):
    app = run_page("statistics", data=VALID_DATA, lang="es")
    assert app.header[0].value == "Cifras publicadas"
    assert "Series comparables" in _subheaders(app)
    assert app.selectbox(key="stats_topic").label == "Tema"
