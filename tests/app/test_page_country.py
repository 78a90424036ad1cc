"""Country profile: one jurisdiction's rules, actions and figures, chosen in the URL."""

from __future__ import annotations

from dashboard import cards, data
from tests.app.conftest import REAL_DATA, VALID_DATA, card_html


def _markdown(app) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_default_is_spain(run_page):
    app = run_page("country", data=VALID_DATA)
    assert app.header[0].value == "Spain"
    assert not app.warning


def test_spain_shows_the_referral_to_prosecutors(run_page):
    app = run_page("country", data=REAL_DATA, c="ESP")
    assert app.header[0].value == "Spain"
    actions = data.load(REAL_DATA).frames.actions.set_index("id")
    title = actions.loc["es-prosecutor-referral-2026-02-17", "title_en"]
    assert f">{cards.esc(title)}</a></strong>" in card_html(app)
    # The card links to the record's page, relative to the app and in the reader's language.
    assert 'href="record?id=es-prosecutor-referral-2026-02-17&amp;lang=en"' in card_html(app)
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Actions"] == str((actions["jurisdiction"] == "ESP").sum())
    assert "Minimum-age rules" in [s.value for s in app.subheader]


def test_actions_are_newest_first(run_page):
    app = run_page("country", data=REAL_DATA, c="ESP")
    actions = data.load(REAL_DATA).frames.actions
    spain = actions[actions["jurisdiction"] == "ESP"].sort_values("date", ascending=False)
    newest = spain.iloc[0]["title_en"]
    oldest = spain.iloc[-1]["title_en"]
    text = card_html(app)
    assert text.index(cards.esc(newest)) < text.index(cards.esc(oldest))


def test_an_unknown_code_gives_a_notice_and_the_default(run_page):
    app = run_page("country", data=VALID_DATA, c="NOPE")
    assert any("NOPE" in w.value for w in app.warning)
    assert app.header[0].value == "Spain"


def test_a_country_lists_its_states(run_page):
    app = run_page("country", data=REAL_DATA, c="USA")
    assert app.header[0].value == "United States"
    assert "States, provinces and regions" in [s.value for s in app.subheader]
    assert "/country?c=US-FL" in _markdown(app)


def test_a_state_links_to_its_country(run_page):
    app = run_page("country", data=VALID_DATA, c="US-FL")
    # The name is escaped for markdown; readers see "Florida (United States)".
    assert app.header[0].value == r"Florida \(United States\)"
    assert "/country?c=USA" in _markdown(app)


def test_changing_the_jurisdiction_updates_the_url(run_page):
    app = run_page("country", data=VALID_DATA, c="ESP")
    app.selectbox(key="country_c").set_value("AUS").run()
    assert not app.exception
    assert app.header[0].value == "Australia"
    assert "AUS" in str(app.query_params["c"])


def test_spanish(run_page):
    app = run_page("country", data=VALID_DATA, c="ESP", lang="es")
    assert app.header[0].value == "España"
    assert "Normas de edad mínima" in [s.value for s in app.subheader]
    assert "Actuaciones" in [s.value for s in app.subheader]


def test_a_long_list_of_actions_shows_the_newest_25_until_asked(run_page, data_copy):
    extra = "".join(
        f"""  - id: generated-action-{number}
    date: 2025-01-{number:02d}
    jurisdiction: ESP
    authority: Test authority
    type: investigation
    platforms: []
    topics: [deepfakes]
    status: ongoing
    title: {{en: Generated action {number}}}
    summary: {{en: A generated record.}}
    sources:
      - {{url: "https://example.org/{number}", publisher: Example, published: 2025-01-{number:02d}}}
    verified: true
"""
        for number in range(1, 31)
    )
    path = data_copy / "actions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")

    app = run_page("country", data=data_copy, c="ESP")
    assert card_html(app).count("Generated action") == 24  # 25 newest: 24 generated + the referral
    app.toggle(key="all-country.actions").set_value(True).run()
    assert card_html(app).count("Generated action") == 30
