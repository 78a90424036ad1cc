"""Country profile: every rule, action and figure recorded for one jurisdiction."""

import streamlit as st

from dashboard import records
from dashboard.i18n import label, t
from dashboard.jurisdictions import country_of, jurisdiction_name
from dashboard.markdown_escape import md
from dashboard.page_context import page_context
from dashboard.share import profile_url
from dashboard.url_state import page_param, write_url

KEY_CHOICE = "country_c"
DEFAULT = "ESP"

context = page_context()
lang = context.lang
frames = context.frames
choices = sorted(context.known.jurisdictions, key=lambda code: jurisdiction_name(code, lang))


def seed_choice() -> None:
    """Take the place from the URL (`?c=`); an unknown code gets a notice and the default."""
    if KEY_CHOICE in st.session_state and st.session_state[KEY_CHOICE] in choices:
        return
    wanted = page_param("c")
    default = DEFAULT if DEFAULT in choices else (choices[0] if choices else None)
    if wanted and wanted not in choices:
        name = jurisdiction_name(default, lang) if default else t("value.none", lang)
        st.warning(t("country.bad_code", lang, code=f"“{md(wanted[:40])}”", name=md(name)))
    st.session_state[KEY_CHOICE] = wanted if wanted in choices else default


CARDS_AT_FIRST = 25


def section(heading_key: str, ids: list[str], dataset: str, empty_key: str) -> None:
    """A heading and the records' cards, or a line saying there are none."""
    st.subheader(t(heading_key, lang), anchor=False)
    if not ids:
        st.caption(t(empty_key, lang))
    shown = records.first_items(ids, f"all-{heading_key}", lang, CARDS_AT_FIRST)
    records.show_cards(context, dataset, shown)


def subnational(code: str) -> None:
    """Rules and actions of the states, provinces and regions of a country, with links."""
    policies = frames.age_policies
    actions = frames.actions
    inner = sorted(
        (set(policies.loc[policies["country"] == code, "jurisdiction"])
         | set(actions.loc[actions["country"] == code, "jurisdiction"])) - {code},
        key=lambda place: jurisdiction_name(place, lang),
    )  # fmt: skip
    if not inner:
        return
    name = jurisdiction_name(code, lang)
    st.subheader(t("country.subnational", lang), anchor=False)
    st.caption(t("country.subnational_intro", lang, name=md(name)))
    lines = []
    for place in inner:
        rules = policies[policies["jurisdiction"] == place]
        link = f"[{md(jurisdiction_name(place, lang))}]({profile_url(place, context.filters)})"
        count = t(
            "country.subnational_line", lang, rules=len(rules),
            actions=int((actions["jurisdiction"] == place).sum()),
        )  # fmt: skip
        lines.append(f"- {link}: {md(count)}")
        lines += [
            f"    - {md(rule[f'name_{lang}'])} · {md(label('pstatus', rule['status'], lang))}"
            for _, rule in rules.iterrows()
        ]
    st.markdown("\n".join(lines))


seed_choice()
picker, _ = st.columns([1, 2])
code = picker.selectbox(
    t("country.choose", lang), choices, key=KEY_CHOICE,
    format_func=lambda value: jurisdiction_name(value, lang),
)  # fmt: skip
if code is None:
    st.info(t("notice.empty", lang))
    st.stop()
write_url(context.filters, {"c": code})

st.header(md(jurisdiction_name(code, lang)), anchor=False)
if "-" in code:
    parent = country_of(code)
    st.markdown(
        f"[{md(t('country.part_of', lang, name=jurisdiction_name(parent, lang)))}]"
        f"({profile_url(parent, context.filters)})"
    )
st.caption(t("country.intro", lang))
policies = frames.age_policies[frames.age_policies["jurisdiction"] == code]
actions = frames.actions[frames.actions["jurisdiction"] == code]
actions = actions.sort_values("date", ascending=False, na_position="last")
statistics = frames.statistics[frames.statistics["geography"] == code]
statistics = statistics.sort_values("published", ascending=False)
metrics = st.columns(3)
for column, key, count in zip(
    metrics,
    ("country.metric.actions", "country.metric.policies", "country.metric.statistics"),
    (len(actions), len(policies), len(statistics)),
    strict=True,
):
    column.metric(t(key, lang), count)

section("country.policies", list(policies["id"]), "age_policies", "country.none.policies")
section("country.actions", list(actions["id"]), "actions", "country.none.actions")
section("country.statistics", list(statistics["id"]), "statistics", "country.none.statistics")
subnational(code)
