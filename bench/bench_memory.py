"""Server memory after many distinct views: 200 readers, each with filters no one else used.

Starts the real app (`streamlit run app.py`, tests/browser/streamlit_server.py) and opens
`--views` views, each a new websocket session (as a new reader) that asks for one chart page with
a filter combination no earlier view had (a different `from` date, cycling through the chart
pages and both languages), spoken in Streamlit's protocol as bench/bench_concurrency.py does.
Every view builds its charts, so the server's memory grows with what it caches per view. The
server's memory is the summed VmRSS of its process tree, read from /proc after the cold visits,
every 40 views and at the end.

Run: python bench/bench_memory.py [--views 200] [--data-dir data] [--sessions 4]
Goal: the server under 500 MB after the views.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import platform
import sys
import time
from pathlib import Path

import streamlit

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
from bench_concurrency import (  # noqa: E402
    Visit,
    close_quietly,
    open_session,
    stream_url,
    visit_page,
)

from tests.browser.streamlit_server import streamlit_server  # noqa: E402
from tests.procfs import process_children, process_tree, rss_bytes  # noqa: E402

CHART_PAGES = [("overview", ""), ("map", "map"), ("timeline", "timeline"),
               ("compare", "compare"), ("statistics", "statistics")]  # fmt: skip
GOAL_BYTES = 500 * 1024**2
FIRST_DAY = datetime.date(2023, 1, 1)


def view_query(index: int) -> str:
    """A filter combination no other index has: its own `from` date, and a language."""
    start = FIRST_DAY + datetime.timedelta(days=3 * index)
    return f"from={start.isoformat()}" + ("&lang=es" if index % 2 else "")


def server_rss() -> int:
    """The summed VmRSS of this script's child processes (the one server)."""
    me = os.getpid()
    return sum(map(rss_bytes, process_tree(process_children(), me) - {me}))


async def open_view(ws_url: str, index: int, timeout: float) -> Visit:
    """One new reader opening one page with its own filters."""
    name, url_path = CHART_PAGES[index % len(CHART_PAGES)]
    ws = await open_session(ws_url, timeout)
    try:
        now = time.perf_counter()
        return await visit_page(ws, name, url_path, now, now + timeout, view_query(index))
    finally:
        await close_quietly(ws)


async def measure(args: argparse.Namespace) -> None:
    print(
        f"bench_memory {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}: streamlit "
        f"{streamlit.__version__}, Python {platform.python_version()}, data {args.data_dir}, "
        f"{args.views} distinct views, {args.sessions} at a time"
    )
    with streamlit_server(args.data_dir) as url:
        ws_url = stream_url(url)
        for index in range(len(CHART_PAGES)):  # cold: imports, data, the first charts
            await open_view(ws_url, -1 - index, 120)
        cold = server_rss()
        print(f"after one cold visit of each chart page: {cold / 2**20:,.0f} MiB", flush=True)
        errors, peak = 0, cold
        for first in range(0, args.views, args.sessions):
            batch = range(first, min(first + args.sessions, args.views))
            visits = await asyncio.gather(*(open_view(ws_url, i, args.timeout) for i in batch))
            errors += sum(len(visit.errors) for visit in visits)
            peak = max(peak, server_rss())
            if (batch[-1] + 1) % 40 == 0:
                print(f"after {batch[-1] + 1} views: {server_rss() / 2**20:,.0f} MiB", flush=True)
        await asyncio.sleep(1)
        final = server_rss()
    print(
        f"\n{args.views} distinct views: server {final / 2**20:,.0f} MiB at the end, "
        f"{peak / 2**20:,.0f} MiB at the peak (+{(final - cold) / 2**20:,.0f} MiB over cold); "
        f"{errors} errors"
    )
    ok = peak < GOAL_BYTES and errors == 0
    print(f"Goal: under {GOAL_BYTES / 2**20:,.0f} MiB with 0 errors: {'PASS' if ok else 'FAIL'}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--views", type=int, default=200, help="distinct views (200)")
    parser.add_argument("--sessions", type=int, default=4, help="views opened at a time (4)")
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data", help="data folder")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per view (60)")
    args = parser.parse_args()
    args.data_dir = args.data_dir.resolve()
    asyncio.run(measure(args))


if __name__ == "__main__":
    main()
