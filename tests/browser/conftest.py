"""Browser fixtures: Debian's Chromium driven by playwright, offline, as root (no sandbox)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.export.images import CHROMIUM_ARGS, chromium_path
from tests.browser.streamlit_server import streamlit_server
from tests.conftest import REAL_DATA
from tests.unit.test_export import export_once


@pytest.fixture(scope="session")
def chromium() -> Iterator:
    """One headless Chromium for the session (never `playwright install`: the system one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def browser(chromium) -> object:
    """The same session browser under playwright's usual name."""
    return chromium


@pytest.fixture
def page(chromium) -> Iterator:
    """A fresh page in its own context (no state shared between tests)."""
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def base_path_url() -> Iterator[str]:
    """The app served under `--server.baseUrlPath news/tracker`, as behind a newsroom's proxy
    (one server for every base-path test)."""
    with streamlit_server(REAL_DATA, base_path="news/tracker") as url:
        yield url


@pytest.fixture(scope="session")
def exported_site(tmp_path_factory) -> Path:
    """The fixture data exported once per session (the same export the unit tests read)."""
    return export_once(tmp_path_factory)


def hover_points(page, limit: int = 10) -> int:
    """Moves the mouse over up to `limit` plotly points inside the viewport, so hover labels
    (and anything a hostile label might carry) render; returns how many were hovered."""
    viewport = page.viewport_size or {"width": 0, "height": 0}
    hovered = 0
    for point in page.locator(".js-plotly-plot .point").all():
        box = point.bounding_box()
        if not box:
            continue
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        if 0 <= x < viewport["width"] and 0 <= y < viewport["height"]:
            page.mouse.move(x, y)
            hovered += 1
            if hovered == limit:
                break
    return hovered
