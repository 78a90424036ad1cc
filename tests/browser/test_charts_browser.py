"""Charts and the map as a reader sees them at 1280 and 390 px: nothing collides, the map fills
the page and its region views show the right places, the overview's first screen holds the
headline figures."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from typing import Any

import pytest

from dashboard.charts import mapping
from tests.browser.collisions import MEASURE_SVG, page_collisions, svg_collisions
from tests.browser.streamlit_server import streamlit_server
from tests.conftest import REAL_DATA

pytestmark = pytest.mark.browser

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
}
SCREENS = {"1280": DESKTOP, "390": PHONE}
# Every page with plotly charts (the timeline in both of its views).
CHART_PAGES = [
    "", "timeline", "compare", "statistics", "embed?chart=timeline-actions",
    "embed?chart=stats-comparable-groups", "embed?chart=stats-survey-shares",
]  # fmt: skip
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    with streamlit_server(REAL_DATA) as url:
        yield url


@pytest.fixture
def open_page(chromium) -> Iterator:
    contexts = []

    def open_(url: str, screen: dict[str, Any], selector: str = ".js-plotly-plot .main-svg"):
        context = chromium.new_context(**screen)
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_selector(READY, timeout=45000)
        if selector:
            page.wait_for_selector(selector, timeout=30000)
        settle(page)
        return page

    yield open_
    for context in contexts:
        context.close()


def settle(page: Any, quiet: float = 2.0, timeout: float = 30.0) -> None:
    """Until the number of drawn charts has not changed for `quiet` seconds."""
    started, last, since = time.monotonic(), -1, time.monotonic()
    while time.monotonic() - started < timeout:
        count = page.locator(".js-plotly-plot .main-svg, canvas").count()
        if count != last:
            last, since = count, time.monotonic()
        elif time.monotonic() - since > quiet:
            return
        time.sleep(0.25)


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("path", CHART_PAGES)
def test_nothing_collides_on_any_chart(open_page, app_url, path, width):
    page = open_page(f"{app_url}/{path}", SCREENS[width])
    charts, found = page_collisions(page)
    assert charts, "no plotly chart was measured"
    assert found == []


@pytest.mark.parametrize("width", SCREENS)
def test_nothing_collides_on_the_timeline_by_platform(open_page, app_url, width):
    page = open_page(f"{app_url}/timeline", SCREENS[width])
    page.get_by_text("By platform", exact=True).click()
    page.wait_for_selector(READY, timeout=30000)
    settle(page)
    charts, found = page_collisions(page)
    assert charts and found == []


@pytest.mark.parametrize("width", SCREENS)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_small_charts_are_drawn_with_labels_that_fit(open_page, app_url, width, lang):
    page = open_page(f"{app_url}/statistics?lang={lang}", SCREENS[width], ".small-chart svg")
    charts = page.evaluate(MEASURE_SVG)
    assert len(charts) >= 5
    for chart in charts:
        assert chart["box"]["w"] > 200 and chart["box"]["h"] > 100  # drawn, at a readable size
        assert len(chart["labels"]) >= 4  # a value and a label for each of two bars at least
    assert [problem for chart in charts for problem in svg_collisions(chart)] == []


# The map.


def deck_box(page: Any, centred: bool = False) -> dict[str, float]:
    """The map's box; with `centred`, after scrolling it to the middle of the screen."""
    deck = page.locator('[data-testid="stDeckGlJsonChart"]').first
    if centred:
        deck.evaluate("(element) => element.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(500)
    return deck.bounding_box()


def mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def pixel(box: dict[str, float], view: tuple[float, float, float], lon: float, lat: float):
    """Where (lon, lat) is drawn in a Web Mercator view centred on view[:2] at zoom view[2]."""
    lon0, lat0, zoom = view
    world = 512 * 2**zoom
    x = box["x"] + box["width"] / 2 + (lon - lon0) / 360 * world
    y = box["y"] + box["height"] / 2 - (mercator_y(lat) - mercator_y(lat0)) / (2 * math.pi) * world
    return x, y


def tooltip_at(page: Any, x: float, y: float) -> str:
    page.mouse.move(x - 3, y - 3)
    page.mouse.move(x, y)
    tip = page.locator(".deck-tooltip")
    try:
        tip.first.wait_for(state="visible", timeout=5000)
    except Exception:  # noqa: BLE001 - the assertion below says what is missing
        return ""
    return tip.first.inner_text()


def test_map_fills_the_content_width_and_is_tall_on_a_desktop(open_page, app_url):
    page = open_page(f"{app_url}/map", DESKTOP, selector="canvas")
    content = page.locator('[data-testid="stMainBlockContainer"]').bounding_box()
    inner = content["width"] - 2 * 48  # Streamlit's side padding on wide screens
    box = deck_box(page)
    assert box["width"] >= 0.9 * inner
    assert box["height"] >= 520


def test_map_takes_most_of_a_phone_screen(open_page, app_url):
    page = open_page(f"{app_url}/map", PHONE, selector="canvas")
    box = deck_box(page)
    assert 0.6 * 844 <= box["height"] <= 0.8 * 844
    assert box["width"] >= 0.85 * 390


def test_europe_view_is_centred_on_europe_and_small_members_can_be_picked(open_page, app_url):
    page = open_page(f"{app_url}/map?region=europe", DESKTOP, selector="canvas")
    box = deck_box(page, centred=True)
    centre = tooltip_at(page, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert any(name in centre for name in ("Germany", "Poland", "Czechia", "Denmark")), centre
    lon, lat, zoom, _ = mapping.REGION_VIEWS["europe"]
    for place, (place_lon, place_lat) in {
        "Luxembourg": mapping.centroids()["LUX"],
        "Belgium": (4.6, 50.6),
        "Spain": (-3.6, 40.2),
        "France": (2.5, 46.8),
    }.items():
        x, y = pixel(box, (lon, lat, zoom), place_lon, place_lat)
        assert place in tooltip_at(page, x, y)


def test_us_states_have_their_own_shapes(open_page, app_url):
    page = open_page(f"{app_url}/map?region=americas", DESKTOP, selector="canvas")
    box = deck_box(page, centred=True)
    lon, lat, zoom, _ = mapping.REGION_VIEWS["americas"]
    for state, (state_lon, state_lat) in {
        "Texas": (-99.0, 31.3),
        "Florida": (-81.6, 28.3),
        "Ohio": (-82.8, 40.3),
    }.items():
        x, y = pixel(box, (lon, lat, zoom), state_lon, state_lat)
        assert state in tooltip_at(page, x, y)


# The first screen of the overview.


def visible(box: dict[str, float] | None, height: int) -> bool:
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_overview_first_screen_on_a_desktop(open_page, app_url):
    page = open_page(f"{app_url}/", DESKTOP)
    metrics = page.locator('[data-testid="stMetric"]')
    assert metrics.count() >= 4
    for index in range(metrics.count()):
        assert visible(metrics.nth(index).bounding_box(), 800), index
    charts = page.locator(".js-plotly-plot")
    assert any(visible(charts.nth(i).bounding_box(), 800) for i in range(charts.count()))


def test_overview_first_screen_on_a_phone(open_page, app_url):
    page = open_page(f"{app_url}/", PHONE)
    metrics = page.locator('[data-testid="stMetric"]')
    assert visible(metrics.nth(0).bounding_box(), 844)  # one in five
    assert visible(metrics.nth(1).bounding_box(), 844)  # the first headline count
