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


def show_card(context: PageContext, dataset: str, record_id: str) -> None:
    """One record as one escaped HTML block (a card of many elements made pages heavy)."""
    lang = context.lang
    html = cards.card_html(context.frames, dataset, record_id, lang, cards.app_record_href(lang))
    if html:
        st.html(html)


def show_action(context: PageContext, record_id: str) -> None:
    """One action as a card."""
    show_card(context, "actions", record_id)


def show_policy(context: PageContext, record_id: str) -> None:
    """One minimum-age rule as a card, with its history."""
    show_card(context, "age_policies", record_id)


def show_statistic(context: PageContext, record_id: str) -> None:
    """One published figure as a card: value, what it measures, method, caveats and sources."""
    show_card(context, "statistics", record_id)


def first_items(ids: list[str], key: str, lang: str, count: int = 24) -> list[str]:
    """The first `count` ids, with a toggle to show all: hundreds of cards would slow the page."""
    if len(ids) <= count:
        return ids
    everything = st.toggle(t("list.show_all", lang, count=len(ids)), key=key)
    return ids if everything else ids[:count]
