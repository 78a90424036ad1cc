"""What every page works from: the frames, the reader's filters and language, and notices.

app.py builds the context once per run; pages take it with `page_context()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from dashboard import data
from dashboard.filter_widgets import current_filters, date_bounds, seed_from_url
from dashboard.filters import Filters, Known, Notice, known_values
from dashboard.frames import Frames
from dashboard.i18n import t
from dashboard.served_data import load_frames

_CONTEXT_KEY = "_dashboard_context"


@dataclass
class PageContext:
    """What every page needs: the frames, the reader's filters and language, and notices."""

    frames: Frames
    filters: Filters
    known: Known
    notices: list[Notice] = field(default_factory=list)
    problems: list[data.Problem] = field(default_factory=list)
    problem_total: int = 0

    @property
    def lang(self) -> str:
        return self.filters.lang


def build_context() -> PageContext | None:
    """Load data and read the URL once per run; seeds the filter widgets on a session's first run."""
    frames, result = load_frames()
    if frames is None:
        return None
    known = known_values(frames)
    bounds = date_bounds(frames)
    notices = seed_from_url(known, bounds)
    current = current_filters(bounds)
    # The browser tab's title in the reader's language (app.py's first call cannot know it).
    st.set_page_config(page_title=t("app.page_title", current.lang))
    context = PageContext(frames, current, known, notices, result.problems, result.total)
    st.session_state[_CONTEXT_KEY] = context
    return context


def page_context() -> PageContext:
    """The context app.py built for this run (built here when a page runs on its own)."""
    context = st.session_state.get(_CONTEXT_KEY)
    if context is None:
        context = build_context()
    if context is None:
        st.error(t("notice.no_valid_data"))
        st.stop()
    return context
