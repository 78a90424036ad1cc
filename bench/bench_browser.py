"""Time to the first chart and to the whole page in headless Chromium, beside the floor app.

Two servers run side by side, as in bench_concurrency.py: the dashboard (app.py on `--data-dir`)
and the floor, bench/minimal_app.py (one small Plotly chart). Each round opens the floor and then
every page once, each in a fresh browser context (a new visitor: empty cache, new session), in
Debian's Chromium driven by playwright (never `playwright install`). A load's times are from the
navigation to

- the first chart drawn: a plotly chart's SVG (`.js-plotly-plot .main-svg`), deck.gl's canvas,
  or on the statistics page, which leads with them, a small SVG chart (`.small-chart svg`, drawn
  by the server: dashboard/charts/small_bars.py); pages without a chart (country, data) have
  none;
- the whole page: the script has run (`data-test-script-state="notRunning"`) and the page's
  content is drawn, what a reader waits for.

WebGL (the map): this machine has no GPU, so Chromium draws WebGL in software, and how matters.
`--gpu swiftshader` gives Chromium its GPU process with SwiftShader behind ANGLE
(`--use-angle=swiftshader --enable-unsafe-swiftshader`), what Chrome does where no GPU is usable:
shaders compile and frames draw in that process, beside the page's scripts, as on a reader's
machine with a GPU. `--gpu disabled` (the default, as in every earlier figure) runs with
`--disable-gpu`, as the export's screenshots and the browser tests do; there the map's first
frame blocks the page for 1-2 s more (deck.gl's shaders compile in the page's own process),
while the compare page (plotly charts beside a canvas-drawn table) loads faster than with
SwiftShader's GPU process.

Run: .venv/bin/python bench/bench_browser.py [--rounds 5] [--data-dir data] [--gpu disabled]
Goal: on every page with a chart, the first chart within 1.3x the floor app's (p50). The script
prints the figures and PASS/FAIL; it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from pathlib import Path

import streamlit

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from bench.bench_concurrency import MINIMAL_APP, percentile, phase, ratio, times  # noqa: E402
from dashboard.export.images import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.browser.streamlit_server import serve_script, streamlit_server  # noqa: E402

# (name, url path, what the first chart is: "plotly", "deck", "svg" or None)
PAGES: list[tuple[str, str, str | None]] = [
    ("overview", "", "plotly"),
    ("map", "map", "deck"),
    ("timeline", "timeline", "plotly"),
    ("compare", "compare", "plotly"),
    ("statistics", "statistics", "svg"),
    ("country", "country", None),
    ("data", "data", None),
]
CHART = {"plotly": ".js-plotly-plot .main-svg", "deck": "canvas", "svg": ".small-chart svg"}
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CONTENT = '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]'
GOAL_CHART_VS_FLOOR = 1.3
BASE_ARGS = [arg for arg in CHROMIUM_ARGS if arg != "--disable-gpu"]
GPU_ARGS = {
    "swiftshader": [*BASE_ARGS, "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
    "disabled": [*BASE_ARGS, "--disable-gpu"],
}


def load(browser, url: str, chart: str | None, timeout_ms: float) -> tuple[float | None, float]:
    """One visit in a fresh context: (seconds to the first chart or None, seconds to the whole
    page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        first_chart = None
        if chart:
            page.wait_for_selector(CHART[chart], state="visible", timeout=timeout_ms)
            first_chart = time.perf_counter() - start
        page.wait_for_selector(CONTENT, timeout=timeout_ms)
        page.wait_for_selector(READY, timeout=timeout_ms)
        return first_chart, time.perf_counter() - start
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5, help="loads of each page (5)")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data", help="data folder")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per load (60)")
    parser.add_argument(
        "--gpu", choices=sorted(GPU_ARGS), default="disabled",
        help="how Chromium draws WebGL without a GPU (disabled; see above)",
    )  # fmt: skip
    args = parser.parse_args()
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    print(
        f"bench_browser {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}: "
        f"streamlit {streamlit.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, data {args.data_dir.resolve()}, {args.rounds} rounds, "
        f"headless Chromium (WebGL: --gpu {args.gpu}), a fresh context per load"
    )
    targets = [("floor", None, "plotly"), *PAGES]
    chart_times: dict[str, list[float]] = {name: [] for name, _, _ in targets}
    page_times: dict[str, list[float]] = {name: [] for name, _, _ in targets}
    errors: list[str] = []
    phase("starting bench/minimal_app.py (the floor) and app.py")
    with (
        serve_script(MINIMAL_APP, {}) as floor,
        streamlit_server(args.data_dir.resolve()) as app_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=GPU_ARGS[args.gpu]
        )
        # One unmeasured load of each (imports, data loading, the browser's own start).
        phase("one cold load of the floor and of each page (not counted)")
        for name, path, chart in targets:
            url = floor.url if path is None else f"{app_url}/{path}"
            try:
                load(browser, url, chart, args.timeout * 2000)
            except PlaywrightError as exc:
                errors.append(f"{name} (cold): {str(exc).splitlines()[0]}")
        for round_ in range(args.rounds):
            phase(f"round {round_ + 1} of {args.rounds}")
            for name, path, chart in targets:
                url = floor.url if path is None else f"{app_url}/{path}"
                try:
                    first, whole = load(browser, url, chart, args.timeout * 1000)
                except PlaywrightError as exc:
                    errors.append(f"{name}: {str(exc).splitlines()[0]}")
                    continue
                if first is not None:
                    chart_times[name].append(first * 1000)
                page_times[name].append(whole * 1000)
        browser.close()
    phase("done")

    def ms(values: list[float], q: float) -> str:
        value = percentile(values, q)
        return "-" if value is None else f"{value:,.0f}"

    floor_chart = percentile(chart_times["floor"], 50)
    floor_page = percentile(page_times["floor"], 50)
    print("\nHeadless Chromium, from navigation (ms)")
    print(
        f"{'page':<11} {'loads':>5} | {'first chart p50':>15} {'p95':>6} | "
        f"{'whole page p50':>14} {'p95':>6} | {'chart/floor':>11} {'page/floor':>10}"
    )
    worst: tuple[str, float] | None = None
    met = True
    for name, _, chart in targets:
        vs_floor = ratio(percentile(chart_times[name], 50), floor_chart) if chart else None
        if chart and name != "floor":
            met = met and vs_floor is not None and vs_floor <= GOAL_CHART_VS_FLOOR
            if vs_floor is not None and (worst is None or vs_floor > worst[1]):
                worst = (name, vs_floor)
        print(
            f"{name:<11} {len(page_times[name]):>5} | {ms(chart_times[name], 50):>15} "
            f"{ms(chart_times[name], 95):>6} | {ms(page_times[name], 50):>14} "
            f"{ms(page_times[name], 95):>6} | {times(vs_floor):>11} "
            f"{times(ratio(percentile(page_times[name], 50), floor_page)):>10}"
        )
    print("\nGoals")
    print(f"  {'0 errors':<46} {len(errors):>26}  {'PASS' if not errors else 'FAIL'}")
    measured = "-" if worst is None else f"worst {times(worst[1])} ({worst[0]})"
    label = f"first chart within {GOAL_CHART_VS_FLOOR}x the floor (p50)"
    print(f"  {label:<46} {measured:>26}  {'PASS' if met else 'FAIL'}")
    for error in errors[:10]:
        print(f"  error: {error}")


if __name__ == "__main__":
    main()
