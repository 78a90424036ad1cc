"""Readers' tools in headless Chromium: a record page, search in both languages, what's new."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.streamlit_server import streamlit_server
from tests.browser.test_app_browser import AXE, DESKTOP, PHONE, keep_screenshot, open_page
from tests.conftest import REAL_DATA, TESTS

pytestmark = pytest.mark.browser

REFERRAL = "es-prosecutor-referral-2026-02-17"
CARD = ".record-card"


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    with streamlit_server(REAL_DATA) as url:
        yield url


def _serious_axe(page) -> list:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run(document.querySelector('[data-testid="stMain"]')))
            .violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"""
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_record_page_has_sources_citation_and_correction_link(chromium, app_url, viewport):
    visit = open_page(chromium, f"{app_url}/record?id={REFERRAL}", viewport, None)
    page = visit.page
    try:
        page.locator(CARD).first.wait_for()
        assert page.locator(f"{CARD} a[href^='https://']").count() >= 1  # the sources
        citation = page.locator('[data-testid="stCode"]').first.inner_text()
        assert REFERRAL in citation and f"{app_url}/record?id={REFERRAL}" in citation
        link = page.get_by_role("link", name="Suggest a correction")
        assert "correction.yml" in link.get_attribute("href")
        assert f"record={REFERRAL}" in link.get_attribute("href")
        assert page.locator('[data-testid="stException"]').count() == 0
        assert visit.console_errors == []
        assert not page.evaluate("() => document.documentElement.scrollWidth > innerWidth + 1")
        assert _serious_axe(page) == []
        keep_screenshot(visit, f"readers-record-{viewport['width']}")
    finally:
        page.close()


def test_a_card_link_opens_the_record_page_in_the_readers_language(chromium, app_url):
    visit = open_page(chromium, f"{app_url}/country?c=ESP&lang=es", DESKTOP, None)
    page = visit.page
    try:
        link = page.locator(f"{CARD} .rc-title a[href*='id={REFERRAL}']").first
        assert link.get_attribute("href") == f"record?id={REFERRAL}&lang=es"
        link.click()
        page.wait_for_url(f"**/record?id={REFERRAL}*")
        page.get_by_text("Cite este registro").wait_for()
        assert "lang=es" in page.url
    finally:
        page.close()


@pytest.mark.parametrize(
    ("lang", "query", "marked"),
    [("en", "espana", "España"), ("es", "fiscalia", "Fiscalía"), ("en", "GROK irlanda", "Grok")],
)
def test_search_without_accents_in_both_languages(chromium, app_url, lang, query, marked):
    visit = open_page(chromium, f"{app_url}/search?q={query}&lang={lang}", DESKTOP, None)
    page = visit.page
    try:
        page.locator(".search-results li").first.wait_for()
        marks = page.locator(".search-results mark").all_inner_texts()
        assert any(text.startswith(marked) for text in marks), marks
        first = page.locator(".search-results li a").first.get_attribute("href")
        assert first.startswith("record?id=") and first.endswith(f"&lang={lang}")
        assert _serious_axe(page) == []
        keep_screenshot(visit, f"readers-search-{lang}-{query}")
    finally:
        page.close()


def test_typing_in_the_search_box(chromium, app_url):
    visit = open_page(chromium, f"{app_url}/search", PHONE, None)
    page = visit.page
    try:
        box = page.get_by_label("Words to search for")
        box.fill("telegram")
        box.press("Enter")
        page.locator(".search-results li").first.wait_for()
        assert "q=telegram" in page.url
        keep_screenshot(visit, "readers-search-phone")
    finally:
        page.close()


def test_changes_since_a_date(chromium, app_url):
    visit = open_page(chromium, f"{app_url}/changes?since=2026-06-01", DESKTOP, None)
    page = visit.page
    try:
        page.locator(".change-list li").first.wait_for()
        dates = page.locator(".change-list li .rc-meta").all_inner_texts()
        assert dates and all("2026" in text for text in dates)
        assert page.locator(".change-list li a[href^='record?id=']").count() == len(dates)
        assert "since=2026-06-01" in page.url
        assert _serious_axe(page) == []
        keep_screenshot(visit, "readers-changes")
    finally:
        page.close()


@pytest.mark.parametrize(
    "path",
    ["record?id=no-such-record", "record?id=%3Cscript%3Ewindow.__pwned%3D1%3C/script%3E",
     "search?q=zzzqqqxx", "search?q=%22%20*%20(%20%5E", "changes?since=not-a-date"],
)  # fmt: skip
def test_unknown_ids_and_queries_give_a_notice(chromium, app_url, path):
    visit = open_page(chromium, f"{app_url}/{path}", DESKTOP, None)
    page = visit.page
    try:
        alerts = page.locator('[data-testid="stAlert"]')
        alerts.first.wait_for()
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.evaluate("() => window.__pwned") is None
        if path.startswith("record"):
            assert page.get_by_label("Words to search for").count() == 1
    finally:
        page.close()


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("country?c=ESP&lang=es", f"{CARD} .rc-title a"),
        ("search?q=grok", ".search-results a"),
        ("changes", ".change-list a"),
    ],
)
def test_record_links_stay_under_a_base_path(chromium, base_path_url, path, selector):
    visit = open_page(chromium, f"{base_path_url}/{path}", DESKTOP, None)
    page = visit.page
    try:
        link = page.locator(selector).first
        assert link.evaluate("a => a.href").startswith(f"{base_path_url}/record?id=")
        link.click()
        page.wait_for_url("**/news/tracker/record?id=*")
        page.locator(CARD).first.wait_for()
        assert (
            f"{base_path_url}/record?id="
            in page.locator('[data-testid="stCode"]').first.inner_text()
        )
    finally:
        page.close()


@pytest.fixture(scope="module")
def hostile_url() -> Iterator[str]:
    with streamlit_server(TESTS / "data" / "hostile") as url:
        yield url


@pytest.mark.parametrize(
    "path",
    [f"record?id={REFERRAL}", "record?id=ie-dpc-grok-inquiry-2026-02-17&lang=es",
     "search?q=onerror", "search?q=pwned&lang=es", "changes?since=2020-01-01"],
)  # fmt: skip
def test_hostile_data_on_the_readers_pages_runs_no_script(chromium, hostile_url, path):
    visit = open_page(chromium, f"{hostile_url}/{path}", DESKTOP, None)
    page = visit.page
    try:
        page.wait_for_timeout(1500)
        # The hostile text is on the page, as text: the test cannot pass without testing it.
        assert "window.__pwned" in page.locator('[data-testid="stMain"]').inner_text()
        assert page.evaluate("() => window.__pwned") is None
        assert visit.dialogs == []
        assert page.locator('a[href^="javascript:"]').count() == 0
        assert (
            page.locator('[data-testid="stMain"] img, [data-testid="stMain"] svg[onload]').count()
            == 0
        )
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        page.close()
