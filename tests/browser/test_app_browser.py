"""The real app in headless Chromium: pages draw, phones fit, no third party, no injected script."""

from __future__ import annotations

import hashlib
import random
import shutil
import string
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.browser.conftest import hover_points
from tests.browser.streamlit_server import streamlit_server
from tests.conftest import REAL_DATA, TESTS, VALID_DATA

pytestmark = pytest.mark.browser

ARTIFACTS = TESTS.parent / "test-artifacts"
HOSTILE_DATA = TESTS / "data" / "hostile"
AXE = TESTS.parent / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# url_path -> what must be drawn there ("plotly", "deck" or None for pages of cards and tables).
PAGES = {
    "": "plotly",
    "map": "deck",
    "timeline": "plotly",
    "compare": "plotly",
    "statistics": "plotly",
    "country?c=ESP": None,
    "data": None,
    "embed?chart=timeline-actions": "plotly",
}
CHART_SELECTORS = {"plotly": ".js-plotly-plot .main-svg", "deck": "canvas"}


# On a deep link Streamlit's frontend first asks for its config under the page's path
# (`/map/_stcore/host-config`, `/map/_stcore/health`), gets 404, then finds the root: the
# browser logs each 404 as a console error. Those probes are Streamlit's, not the app's.
STREAMLIT_PROBES = ("/_stcore/host-config", "/_stcore/health")
RESOURCE_404 = "Failed to load resource: the server responded with a status of 404 (Not Found)"


class Visit:
    """One page visit: console errors, failed responses, requests and dialogs while it loaded."""

    def __init__(self, page) -> None:
        self.page = page
        self.console: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("response", self._response)
        page.on("dialog", self._dialog)

    def _console(self, message) -> None:
        if message.type == "error":
            self.console.append(message.text)

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    @property
    def console_errors(self) -> list[str]:
        """Console errors, less one 404 line for each of Streamlit's own path probes."""
        probes = sum(url.endswith(STREAMLIT_PROBES) for url in self.failed)
        errors = list(self.console)
        for _ in range(probes):
            if RESOURCE_404 in errors:
                errors.remove(RESOURCE_404)
        return errors + [f for f in self.failed if not f.endswith(STREAMLIT_PROBES)]

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def open_page(browser, url: str, viewport: dict, chart: str | None) -> Visit:
    """Opens `url` and waits until the script has run and its chart is drawn."""
    page = browser.new_page(viewport=viewport)
    visit = Visit(page)
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=45000
    )
    # Something of the page is drawn (a notice alone counts: a bad chart id shows no heading).
    page.wait_for_selector(
        '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]', timeout=30000
    )
    if chart:
        page.wait_for_selector(CHART_SELECTORS[chart], timeout=30000)
    wait_settled(page)
    page.wait_for_timeout(500)  # late console errors
    return visit


def wait_settled(page) -> None:
    """Waits until a rerun has ended: a rerun (the frame writes the filters into the URL) fades
    the previous elements while it runs, and contrast checks must not read the faded text."""
    page.wait_for_function(
        """() => !document.querySelector('[data-stale="true"]') && document.querySelector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]')""",
        timeout=30000,
    )


def keep_screenshot(visit: Visit, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
    visit.page.screenshot(path=str(ARTIFACTS / f"{safe}.png"), full_page=True)


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    with streamlit_server(REAL_DATA) as url:
        yield url


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_draws_without_errors(chromium, app_url, path, viewport):
    visit = open_page(chromium, f"{app_url}/{path}", viewport, PAGES[path])
    page = visit.page
    try:
        assert page.locator('[data-testid="stException"]').count() == 0
        assert visit.console_errors == []
        if viewport is PHONE:
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 1, f"horizontal scroll of {overflow}px on a phone"
        # Privacy: nothing but the app's own origin (EU readers' addresses stay with us).
        outside = [u for u in visit.requests if not u.startswith((app_url, "data:", "blob:"))]
        assert outside == []
    except AssertionError:
        keep_screenshot(visit, f"{path or 'overview'}-{viewport['width']}")
        raise
    finally:
        page.close()


FIRST_REQUESTS = [
    "", "map", "timeline?j=ESP", "compare", "statistics", "country?c=USA", "data",
    "embed?chart=timeline-actions",
]  # fmt: skip


@pytest.mark.parametrize("path", FIRST_REQUESTS)
def test_a_deep_link_works_as_the_first_request_to_a_fresh_server(chromium, path):
    with streamlit_server(VALID_DATA) as url:
        visit = open_page(chromium, f"{url}/{path}", DESKTOP, None)
        try:
            assert visit.page.locator('[data-testid="stException"]').count() == 0
            if path.startswith("embed"):
                # The embed shows its chart alone: no frame around it.
                assert visit.page.locator('[data-testid="stSidebar"]').count() == 0
                return
            # The frame from app.py is there: navigation, title and filters.
            assert visit.page.locator('[data-testid="stSidebar"]').count() == 1
            assert visit.page.locator("h1").first.inner_text().startswith("AI child abuse imagery")
        finally:
            visit.page.close()


# Accessibility: serious and critical axe-core violations in what the app renders.
# Streamlit's own widgets cause these; the reason is given for each.
STREAMLIT_CAUSED = {
    # The dataframe component's canvas grid exposes a header cell without text.
    "empty-table-header": "st.dataframe (glide-data-grid) header row",
    # Streamlit's hidden file-less toolbar buttons carry icons without names.
    "button-name": "Streamlit's element toolbar (fullscreen, download) icon buttons",
    # plotly's modebar uses role=button links that axe reports as nested interactive.
    "nested-interactive": "plotly's modebar",
}


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed (npm ci)")
@pytest.mark.parametrize("path", list(PAGES))
def test_no_serious_accessibility_violations(chromium, app_url, path):
    visit = open_page(chromium, f"{app_url}/{path}", DESKTOP, PAGES[path])
    try:
        visit.page.add_script_tag(path=str(AXE))
        violations = visit.page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                .filter(v => ['serious', 'critical'].includes(v.impact))
                .map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"""
        )
        ours = [v for v in violations if v["id"] not in STREAMLIT_CAUSED]
        assert ours == [], ours
    finally:
        visit.page.close()


@pytest.fixture(scope="module")
def hostile_url() -> Iterator[str]:
    with streamlit_server(HOSTILE_DATA) as url:
        yield url


HOSTILE_PAGES = [
    "", "map", "timeline", "compare", "statistics", "country?c=ESP", "country?c=AUS",
    "data", "embed?chart=timeline-actions", "embed?chart=map-age-policies",
]  # fmt: skip


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_hostile_data_runs_no_script_and_renders_no_javascript_link(chromium, hostile_url, path):
    visit = open_page(chromium, f"{hostile_url}/{path}", DESKTOP, None)
    page = visit.page
    try:
        page.wait_for_timeout(2500)  # charts and their hover templates
        # The hostile text is on the page, as text: otherwise this test would test nothing.
        assert "window.__pwned=1" in page.locator("body").inner_text()
        hover_points(page)  # hover labels render data text too
        assert page.evaluate("() => window.__pwned") is None
        assert visit.dialogs == []
        assert page.locator('a[href^="javascript:"]').count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        page.close()


def _random_value(rng: random.Random) -> str:
    alphabet = string.ascii_letters + string.digits + "<>\"'%&;/\\{}[]()!*~`|^ é中\u202e"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))


@pytest.mark.parametrize(
    "path", ["", "map", "timeline", "compare", "statistics", "country", "data", "embed"]
)
def test_hostile_query_parameters_give_a_notice_never_an_exception(chromium, app_url, path):
    rng = random.Random(path)
    names = ["j", "p", "t", "from", "to", "lang", "c", "chart", "topic", "geo", "zz"]
    params = "&".join(f"{rng.choice(names)}={quote(_random_value(rng))}" for _ in range(6))
    params += "&j=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&from=2026-99-99"
    visit = open_page(chromium, f"{app_url}/{path}?{params}", DESKTOP, None)
    try:
        assert visit.page.locator('[data-testid="stException"]').count() == 0
        assert visit.page.evaluate("() => window.__pwned") is None
        if path not in ("embed",):
            assert visit.page.locator('[data-testid="stAlertContentWarning"]').count() >= 1
    finally:
        visit.page.close()


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.yaml"))
    }


def _wait_run(page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')


def test_live_reload_invalid_data_and_recovery(chromium, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(VALID_DATA, folder)
    actions = folder / "actions.yaml"
    original = actions.read_text(encoding="utf-8")
    with streamlit_server(folder) as url:
        visit = open_page(chromium, f"{url}/country?c=ESP", DESKTOP, None)
        page = visit.page
        page.get_by_text("Spain asks prosecutors to investigate").first.wait_for()

        # An edit shows on the next rerun, without a restart.
        edited = original.replace("Spain asks prosecutors", "Spain asks the prosecutor")
        actions.write_text(edited, encoding="utf-8")
        written = _digest(folder)
        page.reload()
        _wait_run(page)
        page.get_by_text("Spain asks the prosecutor to investigate").first.wait_for(timeout=20000)

        # Invalid data: a short notice for readers, the validator's first messages (no server
        # paths) one click away for editors, and the last valid data keeps serving.
        actions.write_text(
            edited.replace("date: 2026-02-17", "date: 17/02/2026", 1), encoding="utf-8"
        )
        page.reload()
        _wait_run(page)
        page.get_by_text("The data is being updated; showing the version of").first.wait_for(
            timeout=20000
        )
        page.get_by_text("For editors: the new files have 1 problem;").first.click()
        page.get_by_text("'17/02/2026' is not a date (YYYY-MM-DD or YYYY-MM)").first.wait_for(
            timeout=20000
        )
        assert str(folder) not in page.locator("body").inner_text()
        assert page.get_by_text("Spain asks the prosecutor to investigate").count() >= 1
        assert page.locator('[data-testid="stException"]').count() == 0

        # Fixed again: the panel goes away.
        actions.write_text(edited, encoding="utf-8")
        page.reload()
        _wait_run(page)
        page.get_by_text("Spain asks the prosecutor to investigate").first.wait_for(timeout=20000)
        assert page.get_by_text("is not a date").count() == 0
        page.close()
    # The app never writes to the data files.
    assert _digest(folder) == written
