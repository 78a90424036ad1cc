"""Under a base path (`--server.baseUrlPath`, docs/deploy.md) the frame's links stay in the app and
keep the reader's language and filters: footer, navigation, the language switch, the map's profile
link, and every other link the pages write. One server (the `base_path_url` fixture), few pages."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard.i18n import t
from tests.browser.test_app_browser import DESKTOP, open_page, wait_settled

pytestmark = pytest.mark.browser

# The reader's view: Spanish, two places, one topic.
VIEW = {"lang": "es", "j": "ESP,FRA", "t": "deepfakes"}
VIEW_QUERY = "lang=es&j=ESP,FRA&t=deepfakes"


def _query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def _app_links(page) -> list[str]:
    """The resolved address of every link on the page, outside links left out."""
    origin = page.evaluate("() => location.origin")
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    return [href for href in hrefs if href.startswith(origin)]


def _footer_link(page, key: str, lang: str = "es"):
    return page.locator('[data-testid="stCaptionContainer"] a').filter(has_text=t(key, lang))


@pytest.mark.parametrize("path", ["", "map?c=ESP&"])
def test_every_link_stays_under_the_base_path(chromium, base_path_url, path):
    page = open_page(chromium, f"{base_path_url}/{path or '?'}{VIEW_QUERY}", DESKTOP, None).page
    try:
        links = _app_links(page)
        assert len(links) > 10  # navigation, footer, cards: the test has links to check
        outside = [link for link in links if not link.startswith(f"{base_path_url}/")]
        assert outside == []
        for key, anchor in (("footer.corrections", "#corrections"), ("footer.methods", "")):
            href = _footer_link(page, key).evaluate("a => a.href")
            assert href.startswith(f"{base_path_url}/data?") and href.endswith(anchor)
            assert _query(href.removesuffix(anchor)) == VIEW
        if path.startswith("map"):
            profile = page.get_by_role("link", name=t("map.profile_link", "es", name="España"))
            # The profile keeps the language; it is one place's page, so filters do not apply.
            assert profile.evaluate("a => a.href") == f"{base_path_url}/country?c=ESP&lang=es"
    finally:
        page.close()


def test_following_the_frame_keeps_the_base_path_language_and_filters(chromium, base_path_url):
    first = open_page(chromium, f"{base_path_url}/map?{VIEW_QUERY}", DESKTOP, None).page
    try:
        # Streamlit opens markdown links in a new tab: follow the address as that tab would.
        href = _footer_link(first, "footer.methods").evaluate("a => a.href")
    finally:
        first.close()
    page = open_page(chromium, href, DESKTOP, None).page
    try:
        assert page.url.startswith(f"{base_path_url}/data?") and _query(page.url) == VIEW
        assert page.get_by_role("heading", name=t("data.heading", "es")).count() == 1

        nav = page.locator('[data-testid="stTopNavLink"]')
        nav.filter(has_text=t("page.timeline", "es")).click()
        page.wait_for_url("**/news/tracker/timeline?*")
        wait_settled(page)
        assert _query(page.url) == VIEW

        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_role("radio", name="English").click()
        page.wait_for_function("() => !location.search.includes('lang=es')")
        wait_settled(page)
        assert page.url.startswith(f"{base_path_url}/timeline?")
        assert _query(page.url) == {"j": "ESP,FRA", "t": "deepfakes"}  # English is the default
        href = _footer_link(page, "footer.methods", "en").evaluate("a => a.href")
        assert href == f"{base_path_url}/data?j=ESP,FRA&t=deepfakes"
    finally:
        page.close()
