"""The dashboard's frame around an empty page, for bench/bench_frame.py.

app.py as it is (navigation, language switch, filters, header, footer) with one more page that
draws nothing, so what a page of it costs is the frame's cost alone. app.py names its pages
relative to its own folder and this script runs from bench/, so their paths are made absolute.
"""

from pathlib import Path

import streamlit as st

APP = Path(__file__).parents[1] / "app.py"
# The originals, kept across reruns (this script runs again for every page and would otherwise
# wrap its own wrappers).
PAGE, NAVIGATION = st.__dict__.setdefault("_bench_frame_originals", (st.Page, st.navigation))


def empty_page() -> None:
    """Draws nothing: what is left of the page is the frame."""


def page(target, **kwargs):  # noqa: ANN001, ANN201 - st.Page's own signature
    return PAGE(APP.parent / target if isinstance(target, str) else target, **kwargs)


def navigation(pages, **kwargs):  # noqa: ANN001, ANN201 - st.navigation's own signature
    return NAVIGATION([*pages, PAGE(empty_page, title="Empty", url_path="empty")], **kwargs)


st.Page, st.navigation = page, navigation
exec(compile(APP.read_text(encoding="utf-8"), str(APP), "exec"), {"__name__": "__main__"})  # noqa: S102
