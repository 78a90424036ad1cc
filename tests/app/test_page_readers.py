"""Record, search and what's-new pages (AppTest)."""

from __future__ import annotations

from dashboard import cards, data
from tests.app.conftest import REAL_DATA, VALID_DATA, card_count, card_html
from tests.conftest import TESTS

REFERRAL = "es-prosecutor-referral-2026-02-17"


def _text(app) -> str:
    return "\n".join([m.value for m in app.markdown] + [c.value for c in app.caption])


def test_record_page_shows_the_full_record(run_page, monkeypatch):
    monkeypatch.setenv("DASHBOARD_REPO_URL", "https://github.com/example/tracker")
    app = run_page("record", data=VALID_DATA, id=REFERRAL)
    assert app.header[0].value == "Spain asks prosecutors to investigate X, Meta and TikTok"
    html = card_html(app)
    assert card_count(app) == 1
    assert 'href="https://www.lamoncloa.gob.es' in html  # every source as a link
    # Related records, linked both ways, relative and in the reader's language.
    assert 'href="record?id=ie-dpc-grok-inquiry-2026-02-17&amp;lang=en"' in html
    subheaders = [s.value for s in app.subheader]
    assert {"Related records", "Corrections to this record", "Cite this record"} <= set(subheaders)
    citation = app.code[0].value
    assert REFERRAL in citation and "record?id=" in citation
    assert "correction.yml" in _text(app) and f"record={REFERRAL}" in _text(app)
    assert "Last checked against its sources" in _text(app)
    assert app.query_params["id"] == REFERRAL


def test_record_page_lists_its_corrections(run_page):
    app = run_page("record", data=VALID_DATA, id="us-anderegg-ruling-2025-02")
    assert "Date changed from 2025\\-02\\-14" in _text(app)


def test_a_policy_and_a_statistic_have_pages(run_page):
    app = run_page("record", data=VALID_DATA, id="aus-social-media-minimum-age-act-2024")
    assert 'class="rc-history"' in card_html(app)
    assert "Minimum age: 16" in card_html(app)
    app = run_page("record", data=VALID_DATA, id="ncmec-gai-reports-2024")
    assert 'class="rc-figure"' in card_html(app)


def test_unknown_record_gives_a_notice_and_the_search_box(run_page):
    app = run_page("record", data=VALID_DATA, id="<b>nope</b>")
    assert any("No record has the id" in w.value for w in app.warning)
    assert app.text_input[0].label == "Words to search for"
    assert card_count(app) == 0


def test_record_page_in_spanish(run_page):
    app = run_page("record", data=VALID_DATA, id=REFERRAL, lang="es")
    assert app.header[0].value.startswith("España pide a la Fiscalía")
    assert "Cite este registro" in [s.value for s in app.subheader]
    assert "&amp;lang=es" in card_html(app)


def test_every_card_links_to_its_record_page(run_page):
    app = run_page("country", data=VALID_DATA, c="ESP")
    html = card_html(app)
    assert html.count('href="record?id=') == card_count(app) > 0


def test_search_finds_an_accent_free_query(run_page):
    app = run_page("search", data=VALID_DATA, q="espana", lang="es")
    html = card_html(app)
    assert "<mark>España</mark>" in html
    assert f'href="record?id={REFERRAL}&amp;lang=es"' in html
    assert app.text_input(key="search_q").value == "espana"


def test_search_in_english_and_the_filters_apply(run_page):
    app = run_page("search", data=VALID_DATA, q="grok")
    assert "ie-dpc-grok-inquiry-2026-02-17" in card_html(app)
    app = run_page("search", data=VALID_DATA, q="grok", j="ESP")
    assert "ie-dpc-grok-inquiry-2026-02-17" not in card_html(app)
    assert any("hidden by the filters" in c.value for c in app.caption)


def test_search_without_a_match_says_so(run_page):
    app = run_page("search", data=VALID_DATA, q="zzzqqq")
    assert any("No record matches" in info.value for info in app.info)


def test_typing_a_query_updates_the_url(run_page):
    app = run_page("search", data=VALID_DATA)
    app.text_input(key="search_q").input("telegram OR grok").run()
    assert not app.exception
    assert app.query_params["q"] == "telegram OR grok"


def test_search_on_the_curated_data(run_page):
    app = run_page("search", data=REAL_DATA, q="telegram")
    frames = data.load(REAL_DATA).frames
    mentions = frames.actions[frames.actions["title_en"].str.contains("Telegram", case=False)]
    for record_id in mentions["id"]:
        assert f"record?id={record_id}&amp;" in card_html(app)


def test_changes_since_a_date(run_page):
    app = run_page("changes", data=VALID_DATA, since="2026-01-01")
    html = card_html(app)
    assert "<strong>Corrected</strong>" in html
    assert html.index("us-anderegg-ruling-2025-02") < html.index("ie-dpc-grok-inquiry-2026-02-17")
    assert app.query_params["since"] == "2026-01-01"
    assert app.date_input(key="changes_since").value.isoformat() == "2026-01-01"


def test_changes_default_and_a_bad_date(run_page):
    app = run_page("changes", data=VALID_DATA, since="yesterday")
    assert any("yesterday" in w.value for w in app.warning)
    assert app.header[0].value == "What's new"
    app = run_page("changes", data=VALID_DATA, since="0001-01-01")
    assert any("0001" in w.value for w in app.warning)
    app = run_page("changes", data=VALID_DATA, since="2030-01-01", lang="es")
    assert any("No se ha añadido" in info.value for info in app.info)


def test_hostile_text_stays_text_on_the_new_pages(run_page):
    folder = TESTS / "data" / "hostile"
    for page, params in (
        ("record", {"id": REFERRAL}), ("search", {"q": "onerror"}), ("changes", {"since": "2020-01-01"}),
    ):  # fmt: skip
        html = card_html(run_page(page, data=folder, **params))
        assert "<script" not in html and "<img" not in html and "<svg" not in html, page
    assert cards.esc("<b>") == "&lt;b&gt;"


def test_the_search_box_of_an_unknown_record_opens_the_search(run_page):
    app = run_page("record", data=VALID_DATA, id="nope", lang="es")
    app.text_input[0].input("espana").run()
    assert not app.exception
    assert "<mark>España</mark>" in card_html(app)


def test_without_a_repository_no_correction_link_is_guessed(run_page, monkeypatch):
    monkeypatch.delenv("DASHBOARD_REPO_URL", raising=False)
    app = run_page("record", data=VALID_DATA, id=REFERRAL)
    assert "correction.yml" not in _text(app)
    assert f"this record's id: {REFERRAL}" in _text(app).replace("\\", "")
