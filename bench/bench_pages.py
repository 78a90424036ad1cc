"""Server-side time of each page (an AppTest run, median of several) against an empty page.

Run: .venv/bin/python bench/bench_pages.py [--runs 5] [--actions 10000]
Goals: each page under 0.5 s on the curated data, under 2 s with 10k synthetic actions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from streamlit import logger as streamlit_logger
from streamlit.testing.v1 import AppTest

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_dataset  # noqa: E402

ROOT = Path(__file__).parents[1]
PAGES = ["overview", "map", "timeline", "compare", "statistics", "country", "data"]
EMPTY_PAGE = "import streamlit as st\nst.write('hello')\n"


def median_run(make, runs: int) -> float:
    """Median seconds of a rerun (the first run, which imports and loads, is left out)."""
    app = make()
    app.run()
    assert not app.exception, app.exception
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        assert not app.exception, app.exception
    return statistics.median(times)


def page_app(page: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.switch_page(f"app_pages/{page}.py")
    return app


def main() -> None:
    # AppTest outside a server logs "missing ScriptRunContext" on every run: noise here.
    streamlit_logger.set_log_level("error")
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--actions", type=int, default=10000)
    args = parser.parse_args()
    floor = median_run(lambda: AppTest.from_string(EMPTY_PAGE), args.runs)
    print(f"empty Streamlit page: {floor * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = write_dataset(Path(tmp) / "synthetic", args.actions)
        folders = {"curated": ROOT / "data", f"{args.actions // 1000}k actions": synthetic}
        print(f"{'page':<12}" + "".join(f"{name:>16}" for name in folders))
        for page in PAGES:
            cells = []
            for folder in folders.values():
                os.environ["DASHBOARD_DATA_DIR"] = str(folder)
                cells.append(median_run(lambda page=page: page_app(page), args.runs))
            print(f"{page:<12}" + "".join(f"{seconds * 1000:>13.0f} ms" for seconds in cells))


if __name__ == "__main__":
    main()
