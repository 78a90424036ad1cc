"""Embed page: one chart alone, for an article's iframe (`/embed?chart=ID&...filters&lang&theme`).

app.py leaves out the header, sidebar, navigation and footer here; this page hides Streamlit's own
header and toolbar too (with or without `?embed=true`), posts its height to the article so the
frame fits the chart, and applies `theme=light|dark` through Streamlit's `embed_options`.
"""

import html
import json

import streamlit as st

from dashboard import map_view, share
from dashboard.chart_view import built_chart, chart_text_block, themed_figure
from dashboard.charts.registry import all_charts
from dashboard.charts.types import Chart
from dashboard.i18n import coverage_line, t
from dashboard.map_legend import shown_legend_html
from dashboard.markdown_escape import md
from dashboard.page_context import page_context
from dashboard.plotly_locale import plotly_config
from dashboard.share_panel import current_base_url
from dashboard.url_state import page_param

# Nothing of the app's chrome inside an article: Streamlit's header (toolbar, status, top
# navigation), the sidebar and its toggle. A constant stylesheet, never data.
EMBED_STYLE = """
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] {
  display: none !important;
}
html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
  overflow-x: hidden;
}
[data-testid="stMainBlockContainer"] {
  padding: 0.5rem 0.75rem 0.75rem !important;
  max-width: 100% !important;
}
[data-testid="stMainBlockContainer"] h3 { padding-top: 0; }
</style>
"""

# Runs in the app's document (not a sandboxed frame), so it can measure the page and tell the
# article around the iframe how tall it is (share.HEIGHT_SCRIPT: the article's snippet sets the
# iframe height). A `theme` in the URL without Streamlit's matching `embed_options` (a
# hand-written link) reloads the page once with it, since Streamlit reads its theme only when
# the page loads.
REPORT_SCRIPT = """
(function () {
  var chart = %s;
  var themeOption = %s;
  var params = new URLSearchParams(window.location.search);
  var theme = themeOption[params.get("theme")];
  if (theme && params.getAll("embed_options").indexOf(theme) < 0) {
    params.append("embed_options", theme);
    if (!params.has("embed")) params.set("embed", "true");
    window.location.replace(window.location.pathname + "?" + params.toString());
    return;
  }
  window.dashboardEmbedHeight.report(chart, function () {
    return document.querySelector('[data-testid="stMainBlockContainer"]') || document.body;
  });
})();
"""


def _unknown(chart_id: str | None, lang: str) -> None:
    ids = ", ".join(all_charts())
    if chart_id:
        st.warning(t("embed.unknown_chart", lang, chart=f"“{md(chart_id[:60])}”", ids=ids))
    else:
        st.info(t("embed.missing_chart", lang, ids=ids))


def _plot(chart: Chart, figure: object, alt: str, lang: str) -> None:
    if chart.kind == "plotly":
        st.plotly_chart(
            figure, key=f"embed_{chart.id}", alt=alt,
            config=plotly_config(lang, displaylogo=False),
        )  # fmt: skip
    else:
        st.pydeck_chart(figure, key=f"embed_{chart.id}", alt=alt)


def page_theme() -> str:
    """'light' or 'dark': the URL's `theme`, else (auto) the theme Streamlit reports it shows."""
    theme = share.theme_of(page_param(share.THEME_PARAM))
    if theme != "auto":
        return theme
    try:
        shown = st.context.theme.type
    except Exception:  # noqa: BLE001 - no browser context (tests, bare mode)
        shown = None
    return "dark" if shown == "dark" else "light"


def _height_reporter(chart_id: str) -> None:
    report = REPORT_SCRIPT % (json.dumps(chart_id), json.dumps(share.STREAMLIT_THEME_OPTION))
    st.html(f"<script>{share.HEIGHT_SCRIPT}\n{report}</script>", unsafe_allow_javascript=True)


def _open_link(url: str, lang: str) -> None:
    """The one way out of the frame: the full dashboard page, in a new tab."""
    label = html.escape(t("embed.full_view", lang))
    st.markdown(
        f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{label}</a> '
        f'<span class="embed-new-tab">{html.escape(t("embed.new_tab", lang))}</span>',
        unsafe_allow_html=True,
    )


def main() -> None:
    """The one chart the URL names, framed by its words, or the list of valid ids."""
    st.html(EMBED_STYLE)
    context = page_context()
    lang = context.lang
    chart_id = page_param(share.CHART_PARAM)
    chart = all_charts().get(chart_id) if chart_id else None
    if chart is None:
        _unknown(chart_id, lang)
        return
    frame, _, text = built_chart(chart.id, context)
    chart_text_block(text)
    if chart.id == map_view.CHART_ID and not frame.empty:
        # pydeck draws no legend: the map's colour key, exactly the colours it shows.
        st.html(shown_legend_html(frame["key"], lang))
    if frame.empty:
        st.info(t("notice.empty", lang))
    else:
        _plot(chart, themed_figure(chart.id, context, page_theme()), text.alt, lang)
    frames = context.frames
    dates = coverage_line(frames.coverage_end, frames.last_reviewed, lang)
    st.caption(f"{md(text.source)} · {md(dates)}")
    _open_link(share.dashboard_url(current_base_url(), chart.page, context.filters), lang)
    _height_reporter(chart.id)


main()
