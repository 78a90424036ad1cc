"""Readers' tools without streamlit: search, what's new, related records, citation, correction link."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard import cards, data, readers
from dashboard.filters import Filters
from tests.conftest import REAL_DATA, TESTS, VALID_DATA


@pytest.fixture(scope="module")
def frames():
    return data.load(VALID_DATA).frames


@pytest.fixture(scope="module")
def index(frames):
    return readers.SearchIndex(frames)


def test_fts5_is_compiled_in():
    import sqlite3

    sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")


@pytest.mark.parametrize("query", ["espana", "ESPAÑA", "España", "fiscalia", "Fiscalía"])
def test_search_ignores_accents_and_case(index, query):
    ids = [hit.record_id for hit in index.search(query, "es")]
    assert "es-prosecutor-referral-2026-02-17" in ids


def test_search_covers_both_languages_and_shows_the_readers_language(index):
    english = index.search("prosecutors", "es")
    assert english[0].record_id == "es-prosecutor-referral-2026-02-17"
    spanish = index.search("prosecutors fiscalia", "es")
    assert spanish == []  # every word must match in one language's text
    hits = index.search("Fiscalía", "en")
    assert "<mark>Fiscalía</mark>" in hits[0].title_html


def test_search_finds_authorities_platforms_and_places(index):
    assert "ie-dpc-grok-inquiry-2026-02-17" in [h.record_id for h in index.search("grok", "en")]
    assert "ie-dpc-grok-inquiry-2026-02-17" in [h.record_id for h in index.search("irlanda", "en")]
    assert [h.record_id for h in index.search("Data Protection Commission", "en")][:1] == [
        "ie-dpc-grok-inquiry-2026-02-17"
    ]


def test_search_ranks_a_title_match_first(index):
    hits = index.search("grok", "en")
    assert hits[0].record_id == "ie-dpc-grok-inquiry-2026-02-17"
    assert [hit.score for hit in hits] == sorted(hit.score for hit in hits)


@pytest.mark.parametrize(
    "query",
    ['"', "AND", "NEAR(a b)", "*", "a OR", "title:x", "(", "^x", "'; DROP TABLE docs; --", ""],
)
def test_search_syntax_in_a_query_is_only_words(index, query):
    assert isinstance(index.search(query, "en"), list)


def test_highlights_are_escaped_before_marking():
    hostile = data.load(TESTS / "data" / "hostile").frames
    hits = readers.SearchIndex(hostile).search("onerror", "en")
    assert hits
    for hit in hits:
        text = hit.title_html + hit.snippet_html
        assert "<img" not in text and "<script" not in text
        assert text.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_filters_apply_to_search(index, frames):
    allowed = readers.allowed_ids(frames, Filters(jurisdictions=("ESP",)))
    only_spain = index.search("grok", "en", allowed=allowed)
    assert "ie-dpc-grok-inquiry-2026-02-17" not in [hit.record_id for hit in only_spain]


def test_changes_newest_first_with_corrections_marked(frames):
    changes = readers.changes_since(frames, date(2026, 1, 1), "en")
    assert [c.when for c in changes] == sorted((c.when for c in changes), reverse=True)
    corrected = [c for c in changes if c.kind == "corrected"]
    assert [c.record_id for c in corrected] == ["us-anderegg-ruling-2025-02"]
    assert "ie-dpc-grok-inquiry-2026-02-17" in [c.record_id for c in changes]
    assert all(c.when >= readers.pd.Timestamp("2026-01-01") for c in changes)


def test_changes_use_the_added_date_where_the_data_has_it(frames):
    actions = frames.actions.copy()
    actions["added"] = "2026-11-29"
    changed = readers.changes_since(frames.altered(actions=actions), date(2026, 11, 28), "en")
    assert {c.kind for c in changed if c.dataset == "actions"} == {"added"}


def test_default_since_is_30_days_before_coverage_end(frames):
    end = frames.coverage_end
    assert (end.date() - readers.default_since(frames)).days == 30


def test_related_records_link_both_ways(frames):
    assert "ie-dpc-grok-inquiry-2026-02-17" in readers.related_ids(
        frames, "es-prosecutor-referral-2026-02-17"
    )
    assert "es-prosecutor-referral-2026-02-17" in readers.related_ids(
        frames, "ie-dpc-grok-inquiry-2026-02-17"
    )


def test_no_correction_url_until_the_repository_is_configured(monkeypatch):
    monkeypatch.delenv(readers.REPO_URL_ENV, raising=False)
    assert readers.correction_url("us-fl-hb3", "en") is None


def test_correction_url_opens_the_form_with_the_record_id(monkeypatch):
    monkeypatch.setenv(readers.REPO_URL_ENV, "https://github.com/someone/tracker")
    url = readers.correction_url("us-fl-hb3", "es")
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://github.com/someone/tracker/issues/new"
    )
    query = parse_qs(parts.query)
    assert query["template"] == ["correction.yml"] and query["record"] == ["us-fl-hb3"]


def test_the_issue_form_has_the_prefilled_field():
    import yaml

    form = yaml.safe_load((TESTS.parent / ".github/ISSUE_TEMPLATE/correction.yml").read_text())
    assert "record" in [item.get("id") for item in form["body"]]


def test_card_links_are_relative_and_keep_the_language(frames):
    html = cards.card_html(
        frames, "actions", "us-anderegg-ruling-2025-02", "es", cards.app_record_href("es")
    )
    assert 'href="record?id=us-anderegg-ruling-2025-02&amp;lang=es"' in html


def test_a_list_of_cards_is_one_block_in_the_asked_order_without_unknown_ids(frames):
    ids = ("us-anderegg-ruling-2025-02", "no-such-record", "es-prosecutor-referral-2026-02-17")
    html = cards.cards_html(frames, "actions", ids, "en", columns=2)
    assert html.startswith('<div class="card-list card-cols-2">')
    assert html.count('<div class="record-card"') == 2
    assert html.index("us-anderegg-ruling-2025-02") < html.index("es-prosecutor-referral")
    assert 'href="record?id=us-anderegg-ruling-2025-02&amp;lang=en"' in html
    assert cards.cards_html(frames, "actions", ("no-such-record",), "en") == ""


def test_card_source_urls_are_escaped_and_only_http():
    hostile = data.load(TESTS / "data" / "hostile").frames
    html = cards.card_html(hostile, "actions", "es-prosecutor-referral-2026-02-17", "en")
    assert "<script" not in html and "<img" not in html
    # The quote and markup of the hostile address stay inside the attribute, escaped.
    assert (
        'href="https://www.lamoncloa.gob.es/example?q=%27onmouseover=window.__pwned=1&amp;r='
        in html
    )
    assert cards.href("javascript:alert(1)") is None


def test_a_change_known_only_to_the_month_keeps_its_precision():
    real = data.load(REAL_DATA).frames
    history = real.policy_history
    month_steps = history[(history["date_precision"] == "month") & (history["step"] > 0)]
    assert not month_steps.empty, "the case under test: a status step dated to a month"
    step = month_steps.iloc[0]
    changes = readers.changes_since(real, date(2000, 1, 1), "en")
    moved = next(
        c for c in changes
        if c.kind == "status" and c.record_id == step["policy_id"] and c.when == step["date"]
    )  # fmt: skip
    assert moved.precision == "month"
    assert all(c.precision == "day" for c in changes if c.kind in ("added", "corrected"))


def test_a_policy_card_names_its_enforcement_apart_from_its_notes():
    real = data.load(REAL_DATA).frames
    policy = real.age_policies[
        real.age_policies["enforcement_en"].notna() & real.age_policies["notes_en"].notna()
    ].iloc[0]
    html = cards.card_html(real, "age_policies", policy["id"], "es")
    assert "Obligaciones y aplicación:" in html and "Notas:" in html
