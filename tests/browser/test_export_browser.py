"""The exported pages in a real browser from file://: charts draw, nothing is fetched, frames fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.charts.registry import all_charts
from tests.browser.conftest import hover_points

pytestmark = pytest.mark.browser

DRAWN = {"plotly": ".main-svg", "pydeck": "#chart canvas"}


class Recorder:
    """Console errors and every request a page makes."""

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda message: self._console(message))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def outside(self, folder: Path) -> list[str]:
        inside = folder.resolve().as_uri() + "/"
        return [
            url for url in self.requests if not (url.startswith(inside) or url.startswith("data:"))
        ]


@pytest.mark.parametrize("chart_id", list(all_charts()))
def test_every_page_draws_offline(page, exported_site, chart_id):
    chart = all_charts()[chart_id]
    recorder = Recorder(page)
    page.goto((exported_site / f"{chart_id}.html").as_uri())
    page.wait_for_selector(DRAWN[chart.kind], state="attached", timeout=20_000)
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=20_000)
    assert recorder.errors == []
    assert recorder.outside(exported_site) == []
    bundle = "plotly.min.js" if chart.kind == "plotly" else "deckgl.min.js"
    assert any(url.endswith("/" + bundle) for url in recorder.requests)


def test_gallery_embeds_a_chart_that_takes_its_height(page, exported_site):
    recorder = Recorder(page)
    page.goto((exported_site / "index.html").as_uri())
    first = next(iter(all_charts()))
    frame = page.locator(f"#{first} iframe")
    initial = frame.get_attribute("height")
    # embed.js sets style.height from the height the chart page posts once drawn.
    page.wait_for_function(
        "sel => { const f = document.querySelector(sel); return f && f.style.height.endsWith('px'); }",
        arg=f"#{first} iframe",
        timeout=20_000,
    )
    inner = page.frame_locator(f"#{first} iframe").locator("#chart-page")
    posted = inner.evaluate("el => Math.ceil(el.getBoundingClientRect().height)")
    shown = frame.evaluate("el => el.getBoundingClientRect().height")
    assert abs(shown - posted) <= 2, (initial, posted, shown)
    assert recorder.errors == []
    assert recorder.outside(exported_site) == []


@pytest.fixture(scope="module")
def hostile_export(tmp_path_factory) -> Path:
    """The hostile fixture data exported (pages only: images add nothing to this check)."""
    from dashboard.export.command import export
    from tests.conftest import TESTS

    out = tmp_path_factory.mktemp("hostile") / "site"
    export(out, data_dir=TESTS / "data" / "hostile", images=False, progress=lambda _: None)
    return out


def test_hostile_data_runs_no_script_in_exported_pages(page, hostile_export):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for html_page in sorted(hostile_export.glob("*.html")):
        page.goto(html_page.resolve().as_uri())
        page.wait_for_timeout(1500)
        hover_points(page, 5)
        assert page.evaluate("() => window.__pwned") is None, html_page.name
        assert page.locator('a[href^="javascript:"]').count() == 0, html_page.name
    assert dialogs == []
