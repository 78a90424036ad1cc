"""Record page (`/record?id=ID`): one record in full, with its sources, history, related records,
corrections, a citation line and a link to suggest a correction."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import cards, readers
from dashboard.i18n import fmt_date, t
from dashboard.markdown_escape import md, md_link
from dashboard.page_context import page_context
from dashboard.share_panel import current_base_url
from dashboard.url_state import page_param

context = page_context()
lang = context.lang
frames = context.frames
link_to = cards.app_record_href(lang)


def search_box() -> None:
    """The way on when there is no record to show: the search page's box."""
    query = st.text_input(t("search.label", lang), placeholder=t("search.placeholder", lang))
    if query:
        st.switch_page("app_pages/search.py", query_params={"q": query, "lang": lang})


def related(record_id: str) -> None:
    ids = readers.related_ids(frames, record_id)
    if not ids:
        return
    items = []
    for other in ids:
        found = cards.find_record(frames, other)
        if found:
            dataset, row = found
            title = cards.record_title(dataset, row, lang)
            kind = t(f"record.kind.{dataset}", lang)
            items.append(f'<li><a href="{cards.esc(link_to(other))}">{cards.esc(title)}</a> '
                         f"({cards.esc(kind)})</li>")  # fmt: skip
    st.subheader(t("record.related", lang), anchor=False)
    st.html(f'<ul class="related-list">{"".join(items)}</ul>')


def corrections(record_id: str) -> None:
    st.subheader(t("record.corrections", lang), anchor=False)
    fixes = readers.correction_lines(frames, record_id, lang)
    if not fixes:
        st.caption(t("record.corrections_none", lang))
        return
    lines = ["- " + md(line) for line in fixes]
    st.markdown("\n".join(lines))


def cite_and_correct(dataset: str, row, record_id: str) -> None:  # noqa: ANN001 - a frame row
    st.subheader(t("record.cite.heading", lang), anchor=False)
    base = current_base_url()
    permalink = f"{base}/{link_to(record_id)}" if base else link_to(record_id)
    line = readers.citation(
        cards.record_title(dataset, row, lang), record_id, permalink,
        readers.checked_text(row, lang), fmt_date(date.today(), "day", lang), lang,
    )  # fmt: skip
    st.code(line, language=None, wrap_lines=True)
    url = readers.correction_url(record_id, lang)
    if url:
        link = md_link(t("record.correct.link", lang), url)
        st.markdown(f"{link} — {md(t('record.correct.intro', lang))}")
    else:
        st.markdown(md(t("record.correct.unconfigured", lang, id=record_id)))


record_id = (page_param("id") or "").strip()
found = cards.find_record(frames, record_id) if record_id else None
if found is None:
    st.header(t("page.record", lang), anchor=False)
    if record_id:
        st.warning(t("record.unknown", lang, id=f"“{md(record_id[:80])}”"))
    else:
        st.info(t("record.missing_id", lang))
    search_box()
    st.stop()

dataset, row = found
st.header(md(cards.record_title(dataset, row, lang)), anchor=False)
# The card shows when it was last checked, where it was.
facts = readers.record_facts(dataset, row, lang, cards.optional_date(row, "last_checked") is None)
st.caption(" · ".join(md(fact) for fact in facts))
# The title is the page heading above: the card leaves it out.
st.html(cards.CARDS[dataset](frames, row, lang, None, title=False))
related(record_id)
corrections(record_id)
cite_and_correct(dataset, row, record_id)
