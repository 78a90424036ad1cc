"""Boxes of every chart on a page, measured in the browser, and the collisions among them.

A collision is two boxes that overlap by more than a pixel each way: on a plotly chart, two
annotations, an annotation and the legend or the range selector, the range selector and a tick
label, or the legend and a plot area; on a small SVG chart (charts/small_bars.py), two labels,
or a label that leaves its chart.
"""

from __future__ import annotations

from typing import Any

# Per chart: annotation boxes, range-selector buttons, tick labels, the legend, plot areas.
MEASURE = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map((plot, index) => {
  const boxes = (selector) => Array.from(plot.querySelectorAll(selector)).map((el) => {
    const r = el.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height,
            text: ((el.closest('g.annotation, g.button') || el).textContent || '').trim().slice(0, 60)};
  }).filter((b) => b.w > 0 && b.h > 0);
  return {
    index,
    annotations: boxes('g.annotation .annotation-text-g rect.bg'),
    buttons: boxes('g.rangeselector g.button rect'),
    ticks: boxes('g.xtick text, g.ytick text'),
    legend: boxes('g.legend rect.bg'),
    plots: boxes('.nsewdrag'),
  };
})"""

# Per small SVG chart: its box and every label's.
MEASURE_SVG = """() => Array.from(document.querySelectorAll('.small-chart svg')).map((svg, index) => {
  const box = (el) => { const r = el.getBoundingClientRect();
    return {x: r.left, y: r.top, w: r.width, h: r.height, text: (el.textContent || '').trim()}; };
  return {index, box: box(svg), labels: Array.from(svg.querySelectorAll('text')).map(box)};
})"""

SLACK = 1.0  # pixels of overlap forgiven (anti-aliased edges touch)


def overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two boxes overlap by more than SLACK pixels in both directions."""
    across = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    down = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return across > SLACK and down > SLACK


def collisions(chart: dict[str, Any]) -> list[str]:
    """Every forbidden overlap in one chart, described for a test failure."""
    found = []
    notes = chart["annotations"]
    for i, first in enumerate(notes):
        for second in notes[i + 1 :]:
            if overlap(first, second):
                found.append(f"annotations {first['text']!r} and {second['text']!r} overlap")
    for note in notes:
        for other in chart["legend"] + chart["buttons"]:
            if overlap(note, other):
                found.append(f"annotation {note['text']!r} overlaps {other['text']!r}")
    for button in chart["buttons"]:
        for tick in chart["ticks"]:
            if overlap(button, tick):
                found.append(f"range button {button['text']!r} covers tick {tick['text']!r}")
    for legend in chart["legend"]:
        for plot in chart["plots"]:
            if overlap(legend, plot):
                found.append("the legend covers the plot area")
        for button in chart["buttons"]:
            if overlap(legend, button):
                found.append(f"the legend overlaps range button {button['text']!r}")
    return found


def svg_collisions(chart: dict[str, Any]) -> list[str]:
    """Labels of a small SVG chart that overlap each other or stick out of it."""
    labels, box = chart["labels"], chart["box"]
    found = [
        f"labels {first['text']!r} and {second['text']!r} overlap"
        for i, first in enumerate(labels)
        for second in labels[i + 1 :]
        if overlap(first, second)
    ]
    for label in labels:
        if (
            label["x"] < box["x"] - SLACK
            or label["y"] < box["y"] - SLACK
            or label["x"] + label["w"] > box["x"] + box["w"] + SLACK
            or label["y"] + label["h"] > box["y"] + box["h"] + SLACK
        ):
            found.append(f"label {label['text']!r} leaves its chart")
    return found


def page_collisions(page: Any) -> tuple[int, list[str]]:
    """(number of charts measured, collisions) on the page as it is drawn now."""
    charts = page.evaluate(MEASURE)
    found = [f"chart {c['index']}: {problem}" for c in charts for problem in collisions(c)]
    small = page.evaluate(MEASURE_SVG)
    found += [f"small chart {c['index']}: {p}" for c in small for p in svg_collisions(c)]
    return len(charts) + len(small), found
