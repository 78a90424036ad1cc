"""Embed page: one chart per id in the registry, a list of ids for a bad one, Spanish."""

from __future__ import annotations

import pytest

from dashboard import share
from dashboard.charts.registry import all_charts
from dashboard.filters import Filters
from dashboard.i18n import t
from dashboard.markdown_escape import md
from tests.app.conftest import VALID_DATA

CHART_IDS = list(all_charts())


def _title(chart_id: str, lang: str = "en") -> str:
    from dashboard import data

    frames = data.load(VALID_DATA).frames
    chart = all_charts()[chart_id]
    title = chart.build(frames, Filters(lang=lang))[2].title  # type: ignore[arg-type]
    return md(title)  # the page shows it through markdown, escaped


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_each_chart_renders_alone_with_its_title(run_page, chart_id):
    app = run_page("embed", data=VALID_DATA, chart=chart_id)
    assert [s.value for s in app.subheader] == [_title(chart_id)]
    assert not app.expander, "no share panel or table in an embed"
    captions = " ".join(c.value for c in app.caption)
    assert "Events recorded up to 20 Nov 2026 · checked 20 Nov 2026" in captions
    links = " ".join(m.value for m in app.markdown)
    assert t("embed.full_view") in links
    assert f"/{all_charts()[chart_id].page}" in links
    # The one way out of the frame opens a new tab, never the dashboard inside the article.
    assert 'target="_blank" rel="noopener"' in links


def test_filters_are_kept_in_the_dashboard_link(run_page):
    app = run_page("embed", data=VALID_DATA, chart="timeline-actions", j="ESP")
    links = " ".join(m.value for m in app.markdown)
    assert '/timeline?j=ESP"' in links


def test_unknown_chart_lists_the_valid_ids(run_page):
    app = run_page("embed", data=VALID_DATA, chart="no-such-chart")
    text = " ".join(w.value for w in app.warning)
    assert "no\\-such\\-chart" in text or "no-such-chart" in text
    for chart_id in CHART_IDS:
        assert chart_id in text


def test_missing_chart_lists_the_valid_ids(run_page):
    app = run_page("embed", data=VALID_DATA)
    text = " ".join(i.value for i in app.info)
    assert all(chart_id in text for chart_id in CHART_IDS)


def test_spanish(run_page):
    app = run_page("embed", data=VALID_DATA, chart="timeline-actions", lang="es")
    assert app.subheader[0].value == _title("timeline-actions", "es")
    assert "Hechos registrados hasta el 20 nov 2026" in " ".join(c.value for c in app.caption)


def test_streamlit_embed_flag_is_accepted(run_page):
    app = run_page("embed", data=VALID_DATA, chart="timeline-actions", embed="true")
    assert app.subheader[0].value == _title("timeline-actions")
    assert not app.warning


def test_every_chart_in_the_app_has_a_share_panel(run_page):
    app = run_page("timeline", data=VALID_DATA, j="ESP", open_panels=True)
    panel = next(e for e in app.expander if e.label == "Share & embed")
    codes = [c.value for c in panel.code]
    assert codes[0] == "/embed?chart=timeline-actions&j=ESP"
    assert 'loading="lazy"' in codes[1] and 'title="Actions over time, by jurisdiction"' in codes[1]
    labels = {button.proto.label for button in panel.get("download_button")}
    assert labels == {"CSV data", "PNG image", "SVG image"}


def test_share_panel_offers_the_static_embed_first_when_the_export_is_published(
    run_page, monkeypatch
):
    monkeypatch.setenv("DASHBOARD_EXPORT_URL", "https://org.github.io/tracker/")
    app = run_page("timeline", data=VALID_DATA, lang="es", open_panels=True)
    panel = next(e for e in app.expander if e.label == "Compartir e insertar")
    codes = [c.value for c in panel.code]
    assert codes[0] == "/embed?chart=timeline-actions&lang=es"
    assert codes[1].startswith(
        '<iframe src="https://org.github.io/tracker/es/timeline-actions.html"'
    )
    assert codes[1].endswith('<script src="https://org.github.io/tracker/es/embed.js"></script>')
    assert "embed=true" in codes[2]
    captions = [c.value for c in panel.caption]
    assert any("estático" in caption for caption in captions)
    assert any("audiencias pequeñas" in caption for caption in captions)


def test_share_panel_theme_choice_changes_every_code(run_page, monkeypatch):
    monkeypatch.setenv("DASHBOARD_EXPORT_URL", "https://static.example.org")
    app = run_page("timeline", data=VALID_DATA, open_panels=True)
    panel = next(e for e in app.expander if e.label == "Share & embed")
    assert [c.value for c in panel.code][0] == "/embed?chart=timeline-actions"
    choice = next(w for w in app.get("button_group") if w.label == "Theme of the embed")
    choice.set_value("dark").run()
    panel = next(e for e in app.expander if e.label == "Share & embed")
    codes = [c.value for c in panel.code]
    assert codes[0] == "/embed?chart=timeline-actions&theme=dark"
    assert "timeline-actions.html?theme=dark" in codes[1]
    assert "embed_options=dark_theme" in codes[2]


def test_embed_hides_streamlit_chrome_and_reports_its_height(run_page):
    app = run_page("embed", data=VALID_DATA, chart="timeline-actions", theme="dark")
    html_blocks = " ".join(block.proto.body for block in app.get("html"))
    for test_id in ("stHeader", "stSidebar", "stExpandSidebarButton", "stToolbar"):
        assert test_id in html_blocks
    assert "dashboard-embed-height" in html_blocks
    # The one embed-height script, then the page's call to report its height.
    assert share.HEIGHT_SCRIPT in html_blocks
    assert "window.dashboardEmbedHeight.report(chart, function" in html_blocks
    assert not app.sidebar.children or all(not c for c in app.sidebar.children.values())


def test_a_charts_table_and_share_panel_are_built_only_once_opened(run_page):
    closed = run_page("timeline", data=VALID_DATA)
    assert {"Data behind this chart", "Share & embed"} <= {e.label for e in closed.expander}
    assert not closed.dataframe and not closed.code and not closed.get("download_button")
    opened = run_page("timeline", data=VALID_DATA, open_panels=True)
    table = next(e for e in opened.expander if e.label == "Data behind this chart")
    assert list(table.dataframe[0].value["id"])[:1], "the chart's rows"
    assert len(opened.get("download_button")) == 3
