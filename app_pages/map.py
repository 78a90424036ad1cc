"""Map page: minimum ages and actions by jurisdiction, with one place's records beside the map."""

import streamlit as st

from dashboard import records, ui
from dashboard.charts import mapping
from dashboard.filters import filter_actions
from dashboard.i18n import t
from dashboard.jurisdictions import jurisdiction_name

KEY_CHOICE, KEY_LAST_PICK = "map_c", "map_last_pick"
LATEST = 5

context = ui.page_context()
lang = context.lang
frames = context.frames
choices = sorted(context.known.jurisdictions, key=lambda code: jurisdiction_name(code, lang))


def seed_choice() -> None:
    """On a session's first view of the page, take the place from the URL (`?c=`)."""
    if KEY_CHOICE not in st.session_state:
        wanted = ui.page_param("c")
        st.session_state[KEY_CHOICE] = wanted if wanted in choices else None


def show_details(code: str) -> None:
    """The place's rules, latest actions (newest first) and figures."""
    name = jurisdiction_name(code, lang)
    st.subheader(ui.md(name), anchor=False)
    policies = frames.age_policies[frames.age_policies["jurisdiction"] == code]
    # A place chosen on purpose shows its records even when the filters name other places.
    reader = mapping.unfiltered_by_place(context.filters)
    actions = filter_actions(frames.actions, reader)
    actions = actions[actions["jurisdiction"] == code].sort_values("date", ascending=False)
    statistics = frames.statistics[frames.statistics["geography"] == code]
    st.markdown(
        f"[{ui.md(t('map.profile_link', lang, name=name))}]({mapping.profile_url(code, reader)})"
    )
    if policies.empty and actions.empty and statistics.empty:
        st.info(t("map.no_records", lang, name=ui.md(name)))
    for label_key, ids, show in (
        ("country.policies", list(policies["id"]), records.show_policy),
        ("map.latest_actions", list(actions["id"][:LATEST]), records.show_action),
        ("country.statistics", list(statistics["id"]), records.show_statistic),
    ):
        if ids:
            st.markdown(f"**{t(label_key, lang)}**")
            for record_id in ids:
                show(context, record_id)


st.header(t("map.heading", lang), anchor=False)
st.markdown(ui.md(t("map.intro", lang)))
seed_choice()
map_column, details_column = st.columns([3, 2], gap="medium")
with map_column:
    st.html(mapping.legend_html(mapping.legend(lang), t("map.legend.circles", lang)))
    event = ui.render_chart(mapping.CHART_ID, context, on_select="rerun")
picked = mapping.picked_code(event)
# The selection persists across reruns: only a new click may override the list.
if picked != st.session_state.get(KEY_LAST_PICK):
    st.session_state[KEY_LAST_PICK] = picked
    if picked in choices:
        st.session_state[KEY_CHOICE] = picked
with details_column:
    code = st.selectbox(
        t("map.details_for", lang), choices, key=KEY_CHOICE, placeholder=t("map.choose", lang),
        format_func=lambda value: jurisdiction_name(value, lang),
    )  # fmt: skip
    if code:
        show_details(code)
    else:
        st.caption(t("map.details_hint", lang))
ui.write_url(context.filters, {"c": code} if code else None)
