"""Browser fixtures: Debian's Chromium driven by playwright, offline, as root (no sandbox)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.export import CHROMIUM_ARGS, chromium_path
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
def exported_site(tmp_path_factory) -> Path:
    """The fixture data exported once per session (the same export the unit tests read)."""
    return export_once(tmp_path_factory)
