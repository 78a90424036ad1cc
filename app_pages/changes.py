"""What's new (`/changes?since=YYYY-MM-DD`): records added, moved on or corrected since a date."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import cards, readers
from dashboard.i18n import fmt_date, t
from dashboard.markdown_escape import md
from dashboard.page_context import page_context
from dashboard.url_state import page_param, write_url

KEY_SINCE = "changes_since"
EARLIEST, LATEST = date(1900, 1, 1), date(2200, 12, 31)

context = page_context()
lang = context.lang
frames = context.frames
link_to = cards.app_record_href(lang)
end = frames.coverage_end


def seed_since() -> None:
    """The date from the URL (`?since=`); a value that is not a date gets a notice and the default."""
    if KEY_SINCE in st.session_state:
        return
    wanted = page_param("since")
    since = readers.default_since(frames)
    if wanted:
        try:
            parsed = date.fromisoformat(wanted)
        except ValueError:
            parsed = None
        # pandas dates stop in 1677 and 2262; records lie well inside these years.
        if parsed and EARLIEST <= parsed <= LATEST:
            since = parsed
        else:
            st.warning(t("changes.bad_since", lang, value=f"“{md(wanted[:40])}”"))
    st.session_state[KEY_SINCE] = since


def changes_html(changes: list[readers.Change]) -> str:
    items = []
    for change in changes:
        kind = t(f"changes.kind.{change.kind}", lang)
        mark = f"<strong>{cards.esc(kind)}</strong>"
        detail = f" — {cards.esc(change.detail)}" if change.detail else ""
        items.append(
            f'<li><span class="rc-meta">{cards.esc(fmt_date(change.when, change.precision, lang))}</span> · '
            f'{mark}: <a href="{cards.esc(link_to(change.record_id))}">{cards.esc(change.title)}</a>'
            f"{detail}</li>"
        )
    return f'<ul class="change-list">{"".join(items)}</ul>'


st.header(t("changes.heading", lang), anchor=False)
st.caption(t("changes.intro", lang, end=fmt_date(end, "day", lang)))
seed_since()
picker, _ = st.columns([1, 2])
since = picker.date_input(
    t("changes.since", lang), key=KEY_SINCE, format="YYYY-MM-DD", min_value=EARLIEST,
    max_value=LATEST,
)  # fmt: skip
write_url(context.filters, {"since": since.isoformat()})
changes = readers.changes_since(frames, since, lang)
when = fmt_date(since, "day", lang)
if changes:
    st.caption(t("changes.count", lang, count=len(changes), date=when))
    st.html(changes_html(changes))
else:
    st.info(t("changes.none", lang, date=when))
feed = readers.feed_url()
if feed:
    st.markdown(f"[{md(t('changes.feed_link', lang))}]({feed})")
else:
    st.caption(t("changes.feed", lang))
