"""Still images: PNG and SVG of plotly charts through kaleido, PNG screenshots of map pages in
headless Chromium."""

from __future__ import annotations

import copy
import html
import os
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dashboard.charts.types import ChartText
from dashboard.export.built_chart import BuiltChart
from dashboard.export.folder import ExportFolder
from dashboard.i18n import DEFAULT_LANG
from dashboard.plotly_locale import locale_script

Step = Callable[[str], None]  # reports one finished step, such as `timeline-actions (images)`
IMAGE_WIDTH, IMAGE_HEIGHT = 1200, 675


def image_figure(figure: Any, text: ChartText) -> Any:
    """A copy of a plotly figure for a still image: titled, on white, at the image size."""
    fig = copy.deepcopy(figure)
    title = f"<b>{html.escape(text.title)}</b><br><sup>{html.escape(text.subtitle)}</sup>"
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left", "y": 0.97, "yanchor": "top"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"t": 110, "l": 16, "r": 16, "b": 56},
        height=None,
        width=None,
    )
    fig.update_xaxes(rangeselector={"visible": False})
    fig.add_annotation(
        text=html.escape(text.source), xref="paper", yref="paper", x=0, y=0, xanchor="left",
        yanchor="top", yshift=-30, showarrow=False, font={"size": 11, "color": "#555"},
    )  # fmt: skip
    return fig


CHROMIUM = "/usr/bin/chromium"
# Root in a container, no network: these keep Chromium from phoning home or needing a sandbox.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
DECK_SETTLE_MS = 1500  # deck.gl draws a frame or two after its canvas appears


def chromium_path() -> str:
    """The browser to drive: BROWSER_PATH where set (kaleido reads it too), else Debian's."""
    return os.environ.get("BROWSER_PATH") or CHROMIUM


def plotly_images(
    folder: ExportFolder, built: list[BuiltChart], step: Step, lang: str = DEFAULT_LANG
) -> None:
    """PNG at 1200x675 and 2x, and SVG, of every plotly chart, through one kaleido browser."""
    if not built:
        return
    import kaleido
    import plotly.io as pio

    pio.defaults.mathjax = False  # MathJax would be fetched from a CDN
    with tempfile.TemporaryDirectory() as scratch:
        options = {}
        script = locale_script(lang)
        if script:
            # kaleido drops a figure's config: its plotly.js gets the locale as its default.
            from plotly.offline import get_plotlyjs

            bundle = Path(scratch) / "plotly-locale.js"
            bundle.write_text(get_plotlyjs() + "\n" + script, encoding="utf-8")
            options["plotlyjs"] = str(bundle)
        kaleido.start_sync_server(silence_warnings=True, **options)
        try:
            _draw_plotly(folder, built, step)
        finally:
            kaleido.stop_sync_server(silence_warnings=True)


def _draw_plotly(folder: ExportFolder, built: list[BuiltChart], step: Step) -> None:
    with warnings.catch_warnings():
        # plotly warns that its kaleido options are ignored by the shared server: expected.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        for item in built:
            figure = image_figure(item.figure, item.text)
            size = {"width": IMAGE_WIDTH, "height": IMAGE_HEIGHT}
            for name, image_format, scale in _image_files(item.chart.id):
                folder.write(name, figure.to_image(format=image_format, scale=scale, **size))
            step(f"{item.chart.id} (images)")


def _image_files(chart_id: str) -> list[tuple[str, str, int]]:
    return [
        (f"{chart_id}.png", "png", 1),
        (f"{chart_id}@2x.png", "png", 2),
        (f"{chart_id}.svg", "svg", 1),
    ]


def deck_images(folder: ExportFolder, chart_ids: list[str], step: Step) -> None:
    """PNGs of the map pages, screenshotted in headless Chromium (deck.gl needs a real browser)."""
    if not chart_ids:
        return
    from concurrent.futures import ThreadPoolExecutor

    # Own thread: playwright's sync API refuses a thread that already runs an event loop
    # (a notebook, or a test session that holds a browser of its own).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_deck_screenshots, folder, chart_ids, step).result()


def _deck_screenshots(folder: ExportFolder, chart_ids: list[str], step: Step) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            for chart_id in chart_ids:
                for scale, name in ((1, f"{chart_id}.png"), (2, f"{chart_id}@2x.png")):
                    folder.write(name, _screenshot(browser, folder.path(f"{chart_id}.html"), scale))
                step(f"{chart_id} (screenshot)")
        finally:
            browser.close()


def _screenshot(browser: Any, page_path: Path, scale: int) -> bytes:
    viewport = {"width": IMAGE_WIDTH, "height": IMAGE_HEIGHT}
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    try:
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_selector("canvas", timeout=30_000)
        page.wait_for_timeout(DECK_SETTLE_MS)
        return page.screenshot(full_page=False)
    finally:
        context.close()
