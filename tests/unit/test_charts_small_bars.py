"""Small bar charts as inline SVG: geometry, labels that fit or are left out, escaping."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from dashboard.charts import small_bars
from dashboard.charts.small_bars import Bar, bar_chart_svg, fitted_size

SVG = "{http://www.w3.org/2000/svg}"


def bar(label: str = "2024", value: float = 10, text: str = "10", **kw) -> Bar:
    return Bar(label, value, text, kw.get("colour", "#0072B2"), kw.get("details", ("a", "b")))


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # the SVG is well-formed XML, escaped data included


def texts(svg: ElementTree.Element, css_class: str) -> list[ElementTree.Element]:
    return [el for el in svg.iter(f"{SVG}text") if el.get("class") == css_class]


def test_bars_from_zero_in_proportion_with_values_above_and_labels_below():
    svg = parse(bar_chart_svg([bar("2023", 50, "50"), bar("2024", 200, "200")], "alt"))
    rects = svg.findall(f"{SVG}g/{SVG}rect")
    heights = [float(rect.get("height")) for rect in rects]
    assert heights[1] == pytest.approx(4 * heights[0], abs=0.1)
    bottoms = {float(r.get("y")) + float(r.get("height")) for r in rects}
    assert len({round(b, 1) for b in bottoms}) == 1  # one baseline
    values = texts(svg, "sb-value")
    assert [v.text for v in values] == ["50", "200"]
    for value, rect in zip(values, rects, strict=True):
        assert float(value.get("y")) < float(rect.get("y"))  # above its bar
    assert [label.text for label in texts(svg, "sb-label")] == ["2023", "2024"]
    assert svg.get("role") == "img" and svg.get("aria-label") == "alt"


def test_zero_negative_and_empty_values_draw_nothing_below_the_baseline():
    svg = parse(bar_chart_svg([bar(value=0, text="0"), bar(value=-5, text="-5")], "alt"))
    assert [float(r.get("height")) for r in svg.findall(f"{SVG}g/{SVG}rect")] == [0, 0]
    assert parse(bar_chart_svg([], "nothing")).get("aria-label") == "nothing"


def test_long_labels_wrap_to_two_lines_and_shrink_to_fit_their_slot():
    label = "Reports in the first half of the calendar year"
    svg = parse(bar_chart_svg([bar(label), bar("2024")], "alt"))
    lines = [el.text for el in texts(svg, "sb-label")]
    assert len(lines) == 3  # two for the long label (the second shortened), one for the year
    assert lines[1].endswith("…")
    slot = (small_bars.WIDTH - 2 * small_bars.SIDE) / 2
    for line in texts(svg, "sb-label"):
        assert small_bars.text_width(line.text, float(line.get("font-size"))) <= slot - 4


def test_value_labels_shrink_and_are_left_out_when_even_the_smallest_size_is_too_wide():
    assert fitted_size(["1,286"], 200, 13) == 13
    assert fitted_size(["1,286,000,000"], 80, 13) == pytest.approx(80 / (13 * 0.6))
    assert fitted_size(["1,286,000,000,000"], 40, 13) is None
    crowded = [bar(str(year), 10**9, "1,000,000,000") for year in range(2000, 2030)]
    svg = parse(bar_chart_svg(crowded, "alt"))
    assert texts(svg, "sb-value") == []  # the values stay in each bar's hover and the alt text
    assert len(svg.findall(f"{SVG}g/{SVG}title")) == 30


def test_every_text_from_the_data_is_escaped():
    evil = '<script>alert(1)</script>" onload="x'
    svg_text = bar_chart_svg(
        [bar(evil, 5, evil, colour='red" onclick="x', details=(evil, "second"))], evil
    )
    assert "<script" not in svg_text and 'onload="' not in svg_text and 'onclick="' not in svg_text
    svg = parse(svg_text)
    assert svg.get("aria-label") == evil
    assert svg.find(f"{SVG}g/{SVG}title").text == f"{evil}\nsecond"  # one detail a line
    assert "\n" not in svg_text  # a raw line break could end the markdown block it travels in


def test_the_browser_check_finds_overlapping_labels_and_labels_outside_the_chart():
    from tests.browser.collisions import svg_collisions

    box = {"x": 0, "y": 0, "w": 100, "h": 50}
    labels = [
        {"x": 10, "y": 10, "w": 20, "h": 10, "text": "a"},
        {"x": 15, "y": 12, "w": 20, "h": 10, "text": "b"},
        {"x": 95, "y": 10, "w": 20, "h": 10, "text": "c"},
    ]
    assert svg_collisions({"box": box, "labels": labels}) == [
        "labels 'a' and 'b' overlap",
        "label 'c' leaves its chart",
    ]
    assert svg_collisions({"box": box, "labels": labels[:1]}) == []
