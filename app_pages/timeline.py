"""Timeline page: every action by date, with the selected record and its sources."""

import streamlit as st

from dashboard import records
from dashboard.chart_view import render_chart
from dashboard.i18n import t
from dashboard.page_context import page_context
from dashboard.selection import selected_ids

context = page_context()
lang = context.lang

st.header(t("timeline.heading", lang), anchor=False)
st.markdown(t("timeline.intro", lang))
lanes = st.segmented_control(
    t("timeline.lanes", lang),
    options=["timeline-actions", "timeline-platforms"],
    format_func=lambda option: t(
        "timeline.by_jurisdiction" if option == "timeline-actions" else "timeline.by_platform", lang
    ),
    default="timeline-actions",
    key="timeline_lanes",
)
event = render_chart(lanes or "timeline-actions", context, on_select="rerun")
selected = selected_ids(event)
if selected:
    st.subheader(t("timeline.selected", lang), anchor=False)
    records.show_cards(context, "actions", selected[:5])
