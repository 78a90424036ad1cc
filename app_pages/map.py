"""Map page: age rules and actions by jurisdiction, full width, with region views and one
place's records below the map."""

import streamlit as st

from dashboard import records
from dashboard.chart_view import built_chart, is_phone, render_chart
from dashboard.filter_widgets import KEY_REGION
from dashboard.filters import REGIONS, filter_actions, unfiltered_by_place
from dashboard.i18n import t
from dashboard.jurisdictions import jurisdiction_name
from dashboard.map_legend import shown_legend_html
from dashboard.map_view import CHART_ID, LAYER_ACTIONS, LAYER_RULES
from dashboard.markdown_escape import md
from dashboard.page_context import page_context
from dashboard.selection import picked_code
from dashboard.share import profile_url
from dashboard.url_state import page_param, write_url

KEY_CHOICE, KEY_LAST_PICK, KEY_LAYER = "map_c", "map_last_pick", "map_layer"
PARAM_LAYER = "layer"
LAYERS = (LAYER_RULES, LAYER_ACTIONS)
LATEST = 5
# On a phone the map takes about 70% of the screen's height (deck.gl follows its box).
MAP_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]),
  [data-testid="stDeckGlJsonChart"], [data-testid="stDeckGlJsonChart"] > div {
    height: 70vh !important; min-height: 360px;
  }
  [data-testid="stElementContainer"]:has([data-testid="stDeckGlJsonChart"]) {
    flex: 0 0 auto !important;
  }
  .map-legend { font-size: 0.8rem !important; }
  h2 { font-size: 1.6rem !important; }
  h3 { font-size: 1.3rem !important; }
}
</style>"""

context = page_context()
lang = context.lang
frames = context.frames
choices = sorted(context.known.jurisdictions, key=lambda code: jurisdiction_name(code, lang))


def seed_choice() -> None:
    """On a session's first view of the page, take the place from the URL (`?c=`)."""
    if KEY_CHOICE not in st.session_state:
        wanted = page_param("c")
        st.session_state[KEY_CHOICE] = wanted if wanted in choices else None


def show_details(code: str) -> None:
    """The place's rules, latest actions (newest first) and figures."""
    name = jurisdiction_name(code, lang)
    st.subheader(md(name), anchor=False)
    policies = frames.age_policies[frames.age_policies["jurisdiction"] == code]
    # A place chosen on purpose shows its records even when the filters name other places.
    reader = unfiltered_by_place(context.filters)
    actions = filter_actions(frames.actions, reader)
    actions = actions[actions["jurisdiction"] == code].sort_values("date", ascending=False)
    statistics = frames.statistics[frames.statistics["geography"] == code]
    st.markdown(f"[{md(t('map.profile_link', lang, name=name))}]({profile_url(code, reader)})")
    if policies.empty and actions.empty and statistics.empty:
        st.info(t("map.no_records", lang, name=md(name)))
    for label_key, ids, dataset in (
        ("country.policies", list(policies["id"]), "age_policies"),
        ("map.latest_actions", list(actions["id"][:LATEST]), "actions"),
        ("country.statistics", list(statistics["id"]), "statistics"),
    ):
        if ids:
            st.markdown(f"**{t(label_key, lang)}**")
            records.show_cards(context, dataset, ids)


def view_controls() -> str:
    """Region (a filter-like view kept in the URL as `region`) and the rules/actions layer."""
    if KEY_LAYER not in st.session_state:
        wanted = page_param(PARAM_LAYER)
        st.session_state[KEY_LAYER] = wanted if wanted in LAYERS else LAYERS[0]
    region_column, layer_column = st.columns([3, 2], vertical_alignment="bottom")
    with region_column:
        st.segmented_control(
            t("map.region", lang), REGIONS, key=KEY_REGION, selection_mode="single",
            format_func=lambda region: t(f"map.region.{region}", lang), required=True,
        )  # fmt: skip
    with layer_column:
        st.segmented_control(
            t("map.layer", lang), LAYERS, key=KEY_LAYER, selection_mode="single",
            format_func=lambda layer: t(f"map.layer.{layer}", lang), required=True,
        )  # fmt: skip
    return st.session_state.get(KEY_LAYER) or LAYERS[0]


def legend(layer: str) -> None:
    """The colour key of what this view's map shows, exactly (plus the circles when shown)."""
    frame, _, _ = built_chart(CHART_ID, context)
    circles = t("map.legend.circles", lang) if layer == LAYER_ACTIONS else ""
    st.html(shown_legend_html(frame["key"], lang, circles))


st.header(t("map.heading", lang), anchor=False)
st.html(MAP_CSS)
seed_choice()
layer = view_controls()
phone = is_phone()
event = render_chart(
    CHART_ID, context, on_select="rerun",
    adapt=lambda deck: deck.variant(phone=phone, layer=layer), above_figure=lambda: legend(layer),
)  # fmt: skip
with st.expander(t("map.how_to_read", lang)):
    st.markdown(md(t("map.intro", lang)))
picked = picked_code(event)
# The selection persists across reruns: only a new click may override the list.
if picked != st.session_state.get(KEY_LAST_PICK):
    st.session_state[KEY_LAST_PICK] = picked
    if picked in choices:
        st.session_state[KEY_CHOICE] = picked
code = st.selectbox(
    t("map.details_for", lang), choices, key=KEY_CHOICE, placeholder=t("map.choose", lang),
    format_func=lambda value: jurisdiction_name(value, lang),
)  # fmt: skip
if code:
    show_details(code)
else:
    st.caption(t("map.details_hint", lang))
extra = {"c": code} if code else {}
if layer != LAYERS[0]:
    extra[PARAM_LAYER] = layer
write_url(context.filters, extra or None)
