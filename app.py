"""The dashboard's frame: page config, navigation, filters, header and footer around every page."""

import streamlit as st

from dashboard.filter_widgets import filter_panel
from dashboard.i18n import t
from dashboard.page_context import build_context
from dashboard.page_frame import apply_styles, footer, header
from dashboard.served_data import load_frames, problem_lines
from dashboard.url_state import sync_url

st.set_page_config(
    page_title="AI abuse imagery & age limits tracker",
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="auto",
)

apply_styles()
context = build_context()
lang = context.lang if context else "en"

# Folder app_pages/, not pages/: see the README ("Why app_pages/").
PAGES = [
    st.Page("app_pages/overview.py", title=t("page.overview", lang), url_path="", default=True),
    st.Page("app_pages/map.py", title=t("page.map", lang), url_path="map"),
    st.Page("app_pages/timeline.py", title=t("page.timeline", lang), url_path="timeline"),
    st.Page("app_pages/compare.py", title=t("page.compare", lang), url_path="compare"),
    st.Page("app_pages/statistics.py", title=t("page.statistics", lang), url_path="statistics"),
    st.Page("app_pages/country.py", title=t("page.country", lang), url_path="country"),
    st.Page("app_pages/data.py", title=t("page.data", lang), url_path="data"),
    st.Page("app_pages/search.py", title=t("page.search", lang), url_path="search"),
    st.Page("app_pages/changes.py", title=t("page.changes", lang), url_path="changes"),
    st.Page(
        "app_pages/record.py", title=t("page.record", lang), url_path="record", visibility="hidden"
    ),
    st.Page(
        "app_pages/embed.py", title=t("page.embed", lang), url_path="embed", visibility="hidden"
    ),
]
# An embed shows no navigation at all (not even the sidebar toggle a narrow frame would get).
# The page is only known once st.navigation has resolved the URL, so guess from the URL first
# (embeds carry `chart` or Streamlit's `embed=true`) and correct the rare wrong guess.
guess_embedded = bool(st.query_params.get("chart")) or bool(st.context.is_embedded)
page = st.navigation(PAGES, position="hidden" if guess_embedded else "top")
embedded = page.url_path == "embed"
if embedded != guess_embedded:
    page = st.navigation(PAGES, position="hidden" if embedded else "top")

if context is None:
    frames, result = load_frames()
    st.error(t("notice.no_valid_data", lang))
    st.code(
        problem_lines(result.problems, result.total), language=None
    )  # the first few, no server paths
    st.stop()

if not embedded:
    filter_panel(context.frames, context.known, lang)
    header(context)
sync_url(context.filters)
page.run()
if not embedded:
    footer(context)
