"""Small bar charts as inline SVG, for the statistics page's small multiples.

Twelve plotly figures on one page kept a reader's browser busy for about a second before the
first of them appeared (bench/bench_browser.py), and the server sent a JSON figure for each to
every session. These are drawn in Python instead: a few hundred bytes each, shown with the page
and no script. Each bar carries its value above it and its details as an SVG title, the hover
text of browsers; the whole chart carries its alt text for screen readers. Every text from the
data is escaped (`esc`). Text sizes come from an estimate of glyph widths, and a browser test
measures that no two labels overlap at desktop and phone widths.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.charts.common import esc, wrap

WIDTH, HEIGHT = 280, 170  # the viewBox, about the size drawn: columns are 250–350 px wide
TOP, BOTTOM, SIDE = 24, 40, 8  # room for value labels above and two lines of labels below
VALUE_SIZE, LABEL_SIZE, MIN_SIZE = 14.0, 13.0, 9.0  # font sizes in viewBox units
GLYPH_EM = 0.6  # a generous average glyph width of sans-serif fonts, in ems
SLOT_FILL = 0.6  # the share of a bar's slot that the bar fills
MAX_BAR = 64.0


@dataclass(frozen=True)
class Bar:
    """One bar: its label under it, its value, the value's text above it, its colour, and the
    details a reader sees on hover (plain text, one item a line)."""

    label: str
    value: float
    value_text: str
    colour: str
    details: tuple[str, ...]


def text_width(text: str, size: float) -> float:
    """An estimate of a text's width at a font size (viewBox units)."""
    return len(text) * size * GLYPH_EM


def fitted_size(texts: list[str], room: float, size: float) -> float | None:
    """The largest font size, at most `size`, at which every text fits `room`; None if even
    the smallest readable size does not."""
    longest = max((len(text) for text in texts), default=0)
    if longest == 0:
        return size
    fitting = room / (longest * GLYPH_EM)
    return min(size, fitting) if fitting >= MIN_SIZE else None


def _fmt(number: float) -> str:
    return f"{number:.1f}".rstrip("0").rstrip(".")


def bar_chart_svg(bars: list[Bar], alt: str) -> str:
    """A bar chart from zero as an SVG element: bars across, values above, labels below."""
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - 2 * SIDE) / max(len(bars), 1)
    bar_width = min(slot * SLOT_FILL, MAX_BAR)
    top = max((bar.value for bar in bars), default=0.0)
    scale = plot_height / top if top > 0 else 0.0
    value_size = fitted_size([bar.value_text for bar in bars], slot - 4, VALUE_SIZE)
    label_chars = max(int((slot - 4) / (LABEL_SIZE * GLYPH_EM)), 4)
    label_lines = [wrap(bar.label, label_chars, 2) for bar in bars]
    label_size = fitted_size(
        [line for lines in label_lines for line in lines], slot - 4, LABEL_SIZE
    )
    baseline = TOP + plot_height
    parts = [
        f'<svg class="small-bars" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{esc(alt)}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{SIDE}" x2="{WIDTH - SIDE}" y1="{baseline}" y2="{baseline}" '
        'stroke="currentColor" stroke-opacity="0.4" stroke-width="1"/>',
    ]
    for index, (bar, lines) in enumerate(zip(bars, label_lines, strict=True)):
        centre = SIDE + slot * (index + 0.5)
        height = max(bar.value, 0.0) * scale
        # Lines joined by a character reference: a raw blank line would end the markdown block.
        details = "&#10;".join(esc(line) for line in bar.details)
        parts.append(f"<g><title>{details}</title>")
        parts.append(
            f'<rect x="{_fmt(centre - bar_width / 2)}" y="{_fmt(baseline - height)}" '
            f'width="{_fmt(bar_width)}" height="{_fmt(height)}" fill="{esc(bar.colour)}"/>'
        )
        if value_size is not None:
            parts.append(
                f'<text class="sb-value" x="{_fmt(centre)}" y="{_fmt(baseline - height - 5)}" '
                f'text-anchor="middle" font-size="{_fmt(value_size)}" font-weight="600" '
                f'fill="currentColor">{esc(bar.value_text)}</text>'
            )
        if label_size is not None:
            for line_index, line in enumerate(lines):
                y = baseline + 4 + (line_index + 1) * label_size * 1.15
                parts.append(
                    f'<text class="sb-label" x="{_fmt(centre)}" y="{_fmt(y)}" '
                    f'text-anchor="middle" font-size="{_fmt(label_size)}" '
                    f'fill="currentColor" fill-opacity="0.85">{esc(line)}</text>'
                )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)
