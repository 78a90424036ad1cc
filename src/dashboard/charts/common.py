"""Helpers shared by chart builders: language columns, escaping, layout."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.palette import INK
from dashboard.i18n import fmt_date, t

FONT_FAMILY = "Source Sans, Source Sans Pro, Arial, sans-serif"


def text_column(frame: pd.DataFrame, name: str, lang: str) -> pd.Series:
    """The `name_<lang>` column of a frame (Spanish already falls back to English)."""
    return frame[f"{name}_{lang}"]


def escape(value: object) -> str:
    """Text from the data made safe for plotly's HTML-like hover and labels."""
    if value is None or (not isinstance(value, str | tuple | list) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=False)


def esc(value: object) -> str:
    """Data text made literal in HTML text and in quoted attributes (cards, inline SVG)."""
    return escape(value).replace('"', "&quot;").replace("'", "&#x27;")


def apply_layout(figure: go.Figure, lang: str, height: int | None = None) -> go.Figure:
    """The house style: quiet axes, legend on top, room for phones, plotly's locale set."""
    figure.update_layout(
        font={"family": FONT_FAMILY, "size": 13, "color": INK},
        margin={"l": 8, "r": 8, "t": 36, "b": 8},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
        hoverlabel={"align": "left"},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        separators=",." if lang == "es" else ".,",
        height=height,
        autosize=True,
    )
    figure.update_xaxes(gridcolor="rgba(128,128,128,0.2)", zeroline=False)
    figure.update_yaxes(gridcolor="rgba(128,128,128,0.2)", zeroline=False)
    return figure


def top_counts(values: pd.Series, lang: str, shown: int = 3) -> str:
    """'Spain (10), United Kingdom (9) and France (5)' for alt texts."""
    counts = values.value_counts().head(shown)
    parts = [f"{name} ({count})" for name, count in counts.items()]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + t("chart.and", lang) + parts[-1]
    return parts[0] if parts else t("value.none", lang)


def threshold_facts(policy: pd.Series, lang: str) -> list[str]:
    """An age rule's consent threshold, outright-ban age and date in force, where it has them
    (plain text: callers escape it for markdown or hover)."""
    facts = []
    if pd.notna(policy["parental_consent_below"]):
        facts.append(f"{t('col.consent_below', lang)}: {policy['parental_consent_below']}")
    if pd.notna(policy["absolute_ban_below"]):
        facts.append(f"{t('col.ban_below', lang)}: {policy['absolute_ban_below']}")
    if pd.notna(policy["effective"]):
        when = fmt_date(policy["effective"], policy["effective_precision"], lang)
        facts.append(f"{t('col.effective', lang)}: {when}")
    return facts


# Collision-free labels. Plotly cannot move labels out of each other's way when the screen
# narrows, so rows are worked out here for the narrowest plot the dashboard draws (a phone):
# labels that fit there fit on every wider screen.
NARROWEST_PLOT_PX = 230
CHAR_PX = 6.6  # average width of a character at 11 px (Source Sans), rounded up
LABEL_PAD_PX = 10


def label_rows(
    positions: list[float], texts: list[str], width_px: float = NARROWEST_PLOT_PX
) -> list[tuple[int, str]]:
    """For labels at `positions` (0..1 across the plot), a row (0 = nearest the plot) and an
    anchor each, so that no two labels in a row overlap on a plot `width_px` wide.

    Labels in the right half hang to the left of their point, the others to the right, so none
    runs off the plot; each goes into the first row where it fits (greedy interval packing).
    """
    placed: list[tuple[int, str]] = [(0, "left")] * len(texts)
    rows: list[list[tuple[float, float]]] = []
    for index in sorted(range(len(texts)), key=lambda i: positions[i]):
        x = positions[index] * width_px
        width = len(texts[index]) * CHAR_PX + LABEL_PAD_PX
        anchor = "right" if positions[index] > 0.5 else "left"
        span = (x - width, x) if anchor == "right" else (x, x + width)
        for row, taken in enumerate(rows):
            if all(span[1] <= low or span[0] >= high for low, high in taken):
                taken.append(span)
                placed[index] = (row, anchor)
                break
        else:
            rows.append([span])
            placed[index] = (len(rows) - 1, anchor)
    return placed


def words(text: str) -> list[str]:
    """The words of a label, split on white space."""
    return str(text).split()


def shorten(text: str, width: int) -> str:
    """Text cut at a word boundary to at most `width` characters, with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–-") + "…"


def wrap(text: str, width: int, lines: int) -> list[str]:
    """Text broken into at most `lines` lines of about `width` characters (the last one shortened)."""
    out: list[str] = []
    rest = words(text)
    while rest and len(out) < lines - 1:
        line = rest.pop(0)
        while rest and len(line) + 1 + len(rest[0]) <= width:
            line += " " + rest.pop(0)
        out.append(line)
    if rest:
        out.append(shorten(" ".join(rest), width))
    return out
