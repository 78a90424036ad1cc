"""The URL as the reader's shareable state: the filters and each page's own parameters."""

from __future__ import annotations

import streamlit as st

from dashboard import filters
from dashboard.filters import Filters

# Parameters the pages own (and Streamlit's `embed`): kept when the frame rewrites the URL.
PAGE_PARAMS = (
    "c", "topic", "geo", "chart", "theme", "embed", "embed_options", "id", "q", "since", "layer",
)  # fmt: skip


def query_dict() -> dict[str, list[str]]:
    """The URL's parameters, each with all its values."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def write_url(current: Filters, extra: dict[str, str] | None = None) -> None:
    """Put the filters (and a page's own parameters) into the URL, leaving defaults out."""
    wanted = {**filters.to_query(current), **(extra or {})}
    if query_dict() != {key: [value] for key, value in wanted.items()}:
        st.query_params.from_dict(wanted)


def sync_url(current: Filters) -> None:
    """The reader's current filters into the URL on every run, so any view can be shared."""
    kept = {name: st.query_params[name] for name in PAGE_PARAMS if name in st.query_params}
    write_url(current, kept)


def page_param(name: str) -> str | None:
    """A page's own URL parameter (such as `c` on the country page)."""
    value = st.query_params.get(name)
    return value or None
