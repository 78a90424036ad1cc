"""Record cards: one action, policy or statistic with its dates, status, caveats and sources.

Used by every page that shows records (timeline selection, map details, country profiles,
the overview's latest developments). Each card is one HTML block escaped by `cards.esc`;
each links to its record page.
"""

from __future__ import annotations

import streamlit as st

from dashboard import cards
from dashboard.i18n import t
from dashboard.page_context import PageContext


def show_cards(context: PageContext, dataset: str, record_ids: list[str], columns: int = 1) -> None:
    """Records of one dataset as cards, in one escaped HTML block: a Streamlit element per card
    (and a row of columns per pair) made list pages heavy for the server."""
    html = cards.cards_html(context.frames, dataset, tuple(record_ids), context.lang, columns)
    if html:
        st.html(html)


def first_items(ids: list[str], key: str, lang: str, count: int = 24) -> list[str]:
    """The first `count` ids, with a toggle to show all: hundreds of cards would slow the page."""
    if len(ids) <= count:
        return ids
    everything = st.toggle(t("list.show_all", lang, count=len(ids)), key=key)
    return ids if everything else ids[:count]
