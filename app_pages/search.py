"""Search page (`/search?q=...`): every record in both languages, ranked, words highlighted."""

from __future__ import annotations

import streamlit as st

from dashboard import cards, readers
from dashboard.i18n import t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.markdown_escape import md
from dashboard.page_context import page_context
from dashboard.url_state import page_param, write_url

KEY_QUERY = "search_q"
MAX_QUERY = 200

context = page_context()
lang = context.lang
frames = context.frames
link_to = cards.app_record_href(lang)


def results_html(hits: list[readers.Hit]) -> str:
    """One escaped block for every result: linked title, kind, place and the matching words."""
    items = []
    for hit in hits:
        kind = t(f"record.kind.{hit.dataset}", lang)
        place = jurisdiction_name(hit.place, lang) if hit.place != "WORLD" else ""
        where = f" · {cards.esc(place)}" if place else ""
        snippet = f"<br>{hit.snippet_html}" if hit.snippet_html else ""
        items.append(
            f'<li><a href="{cards.esc(link_to(hit.record_id))}"><strong>{hit.title_html}</strong></a>'
            f'<br><span class="rc-meta">{cards.esc(kind)}{where}</span>{snippet}</li>'
        )
    return f'<ol class="search-results">{"".join(items)}</ol>'


if KEY_QUERY not in st.session_state:
    st.session_state[KEY_QUERY] = (page_param("q") or "")[:MAX_QUERY]

st.header(t("search.heading", lang), anchor=False)
st.caption(t("search.intro", lang))
query = st.text_input(
    t("search.label", lang), key=KEY_QUERY, max_chars=MAX_QUERY,
    placeholder=t("search.placeholder", lang), type="default",
)  # fmt: skip
query = (query or "").strip()
write_url(context.filters, {"q": query} if query else {})
if query:
    index = readers.search_index(frames)
    allowed = readers.allowed_ids(frames, context.filters) if context.filters.active_count else None
    hits = index.search(query, lang, allowed=allowed)
    everything = index.search(query, lang) if allowed is not None else hits
    shown_query = md(query[:80])
    if hits:
        st.caption(t("search.count", lang, count=len(hits), query=shown_query))
        st.html(results_html(hits))
    else:
        st.info(t("search.none", lang, query=shown_query))
    if len(everything) > len(hits):
        st.caption(t("search.hidden", lang, count=len(everything) - len(hits)))
