"""Screenshots of every page at 1280 px (desktop) and 390 px (phone), English and Spanish.

Starts the app on a free port against a data folder, opens each page in headless Chromium
(Debian's, never a downloaded one) and writes full-page PNGs into test-artifacts/screenshots/,
named `<page>-<width>-<lang>.png`, plus the first screen alone (`...-fold.png`).

    .venv/bin/python scripts/screenshots.py                      # data/, every page
    .venv/bin/python scripts/screenshots.py --data DIR --pages map,statistics --langs en
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from dashboard.export.images import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.browser.streamlit_server import streamlit_server  # noqa: E402

OUT = ROOT / "test-artifacts" / "screenshots"
PAGES = {
    "overview": "",
    "map": "map",
    "map-europe": "map?region=europe",
    "map-americas": "map?region=americas",
    "timeline": "timeline",
    "compare": "compare",
    "statistics": "statistics",
    "country": "country?c=ESP",
    "data": "data",
    "embed-map": "embed?chart=map-age-policies&region=europe",
    "record": "record?id=ie-dpc-grok-inquiry-2026-02-17",
    "search": "search?q=grok",
    "changes": "changes?since=2026-06-01",
}
SCREENS = {
    1280: {"viewport": {"width": 1280, "height": 800}},
    390: {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    },
}


def settle(page: Any, timeout: float = 25.0) -> None:
    """Wait until the page's charts have drawn: their number stays the same for 2.5 s (a page
    without charts gives up waiting for one after 8 s)."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=timeout * 1000)
    started = time.monotonic()
    last, since = -1, time.monotonic()
    while time.monotonic() - started < timeout:
        count = page.locator("canvas, .js-plotly-plot .main-svg").count()
        if count != last:
            last, since = count, time.monotonic()
        stable = time.monotonic() - since
        if (count and stable > 2.5) or (not count and time.monotonic() - started > 8):
            break
        time.sleep(0.5)
    time.sleep(1.0)


# Streamlit scrolls its main area inside the page, so a "full page" screenshot shows only the
# first screen: grow the viewport to the scrolling area's height, then shoot.
SCROLL_HEIGHT = """() => Math.max(document.body.scrollHeight, ...Array.from(
  document.querySelectorAll('*'), e => e.scrollHeight > e.clientHeight + 4 &&
  getComputedStyle(e).overflowY.match(/auto|scroll/) ? e.scrollHeight : 0))"""


def full_page(page: Any, viewport: dict[str, int], path: str) -> None:
    height = min(int(page.evaluate(SCROLL_HEIGHT)), 16000)
    size = {"width": viewport["width"], "height": max(height, viewport["height"])}
    page.set_viewport_size(size)
    time.sleep(1.5)  # charts resize to the new screen
    page.screenshot(path=path)
    page.set_viewport_size(viewport)


def shoot(base: str, names: list[str], widths: list[int], langs: list[str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width in widths:
            for lang in langs:
                context = browser.new_context(**SCREENS[width])
                page = context.new_page()
                for name in names:
                    path = PAGES[name]
                    joiner = "&" if "?" in path else "?"
                    page.goto(f"{base}/{path}{joiner}lang={lang}")
                    settle(page)
                    stem = OUT / f"{name}-{width}-{lang}"
                    page.screenshot(path=f"{stem}-fold.png")
                    full_page(page, SCREENS[width]["viewport"], f"{stem}.png")
                    written += [Path(f"{stem}-fold.png"), Path(f"{stem}.png")]
                    print(stem.name, flush=True)
                context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--widths", default="1280,390")
    parser.add_argument("--langs", default="en,es")
    args = parser.parse_args()
    names = [name for name in args.pages.split(",") if name]
    unknown = set(names) - set(PAGES)
    if unknown:
        raise SystemExit(f"unknown pages: {', '.join(sorted(unknown))}; known: {', '.join(PAGES)}")
    widths = [int(width) for width in args.widths.split(",")]
    with streamlit_server(args.data.resolve()) as base:
        shoot(base, names, widths, args.langs.split(","))


if __name__ == "__main__":
    main()
