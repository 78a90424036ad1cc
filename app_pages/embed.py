"""Embed page: one chart alone, for an article's iframe (`/embed?chart=ID&...filters&lang`).

app.py leaves out the header, sidebar and footer here; Streamlit's own `?embed=true` hides its
toolbar as well. The page posts its height to the article so the frame can fit the chart.
"""

import streamlit as st

from dashboard import share, ui
from dashboard.charts.registry import Chart, all_charts
from dashboard.i18n import coverage_line, t
from dashboard.plotly_locale import plotly_config
from dashboard.share_panel import current_base_url

# Runs in the app's document (not a sandboxed frame), so it can measure the page and tell the
# article around the iframe how tall it is; the article's resize snippet sets the iframe height.
HEIGHT_SCRIPT = """
<script>
(function () {
  var chart = %s;
  function post() {
    var block = document.querySelector('[data-testid="stMainBlockContainer"]');
    var height = Math.ceil((block || document.body).getBoundingClientRect().height);
    window.parent.postMessage({type: %s, chart: chart, height: height}, "*");
  }
  if (window.parent === window) return;
  var block = document.querySelector('[data-testid="stMainBlockContainer"]') || document.body;
  if (window.ResizeObserver) new ResizeObserver(post).observe(block);
  post();
})();
</script>
"""


def _unknown(chart_id: str | None, lang: str) -> None:
    ids = ", ".join(all_charts())
    if chart_id:
        st.warning(t("embed.unknown_chart", lang, chart=f"“{ui.md(chart_id[:60])}”", ids=ids))
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


def _height_reporter(chart_id: str) -> None:
    import json

    script = HEIGHT_SCRIPT % (json.dumps(chart_id), json.dumps(share.HEIGHT_MESSAGE))
    st.html(script, unsafe_allow_javascript=True)


def main() -> None:
    """The one chart the URL names, framed by its words, or the list of valid ids."""
    context = ui.page_context()
    lang = context.lang
    chart_id = ui.page_param(share.CHART_PARAM)
    chart = all_charts().get(chart_id) if chart_id else None
    if chart is None:
        _unknown(chart_id, lang)
        return
    frame, figure, text = ui.built_chart(chart.id, context)
    ui.chart_text_block(text)
    if frame.empty:
        st.info(t("notice.empty", lang))
    else:
        _plot(chart, figure, text.alt, lang)
    frames = context.frames
    updated = coverage_line(frames.coverage_end, frames.last_reviewed, lang)
    link = share.dashboard_url(current_base_url(), chart.page, context.filters)
    st.caption(f"{ui.md(text.source)} · {ui.md(updated)}")
    st.markdown(f"[{ui.md(t('embed.full_view', lang))}]({link.replace(' ', '%20')})")
    _height_reporter(chart.id)


main()
